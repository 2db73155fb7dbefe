/**
 * Report bodies kept outside Astro's data store.
 *
 * Why: Astro keeps every entry's rendered HTML in its data store, and the store is bundled into
 * the build as one JavaScript module every time, parsed again by every page-generation process
 * and held in memory while pages render. At 10,000 reports the bodies were 73 of the store's
 * 89 MB, and bundling it was the build's peak: 8.2–9.5 s and 1.95–2.0 GB. With the bodies out,
 * 1.6–2.1 s, and the whole build peaks at 1.26–1.41 GB (docs/scaling.md).
 *
 * How: `bodiesOutsideStore` wraps the reports' loader (Astro's glob()). Each rendered body it
 * stores goes to a file named by the SHA-256 of its HTML in Astro's cache directory, and the
 * entry keeps only that file's path and digest (`rendered.metadata.bodyFile`, `bodySha256`), with
 * `rendered.html` empty. The report page reads the file (`reportBody`). A body with images stays
 * in the store, since Astro rewrites its image references when it renders (render(entry)).
 *
 * The files are named by their content, so a file is never stale, and one whose bytes no longer
 * have that digest is refused when read (reportBody). Before the inner loader runs, an
 * entry whose file is gone (or lies in another cache directory) is dropped, so the loader renders
 * it again; after it, files no entry names are removed. `astro dev` keeps its own folder, since its
 * store is another one (in .astro/).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { sha256 } from './packing.ts';

/** The folder in Astro's cache directory that holds the bodies. */
export const REPORT_BODIES_DIR = 'xieshang-report-bodies';

type Entry = ReturnType<LoaderContext['store']['values']>[number];
type Rendered = NonNullable<Entry['rendered']>;

/** Where a body outside the store is: its file (absolute) and the SHA-256 (hex) of its HTML. */
export interface BodyFile {
  bodyFile: string;
  bodySha256: string;
}

/** The body file an entry names, if its body is outside the store. */
export function bodyFileOf(rendered: Rendered | undefined): BodyFile | undefined {
  const { bodyFile, bodySha256 } = rendered?.metadata ?? {};
  return typeof bodyFile === 'string' && typeof bodySha256 === 'string' ? { bodyFile, bodySha256 } : undefined;
}

// Hex, not the base64url used for digests elsewhere: it names files, and base64url's upper and lower
// case would collide on a case-insensitive file system (macOS, Windows).
const sha256Hex = (bytes: string | Uint8Array) => sha256(bytes, 'hex');

/**
 * A report's rendered body: from its file when it is outside the store, else from the store
 * (undefined: Astro could not render it, and has said why). A missing file, or one whose bytes
 * are not the ones named (cut short, edited by hand), throws, naming the report: a page must never
 * be published with its body left out or shortened. Such a file is removed, so the next build's
 * content sync renders the report again.
 */
export function reportBody(id: string, rendered: Rendered | undefined): string | undefined {
  const outside = bodyFileOf(rendered);
  if (!outside) return rendered?.html;
  let problem: string;
  try {
    const bytes = readFileSync(outside.bodyFile);
    if (sha256Hex(bytes) === outside.bodySha256) return bytes.toString('utf8');
    problem = 'its bytes are not the ones rendered';
    rmSync(outside.bodyFile, { force: true });
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  throw new Error(
    `报道 ${id} 的正文文件缺失或已损坏 (${outside.bodyFile})；再构建一次即可重新生成 (the rendered body of report ${id} is missing or damaged: ${problem}; build again and it is rendered anew)`,
  );
}

/** The folder this loader run keeps its bodies in. */
function bodiesDir(context: LoaderContext): string {
  return join(fileURLToPath(context.config.cacheDir), REPORT_BODIES_DIR, context.watcher ? 'dev' : 'build');
}

/** Moves a rendered body without images out to its file; the entry's `rendered` to store instead. */
function moveOut(rendered: Rendered, dir: string): Rendered {
  const { html, metadata = {} } = rendered;
  // Astro rewrites image references in the stored HTML when it renders: such a body stays.
  if (metadata.imagePaths?.length) return rendered;
  const bodySha256 = sha256Hex(html);
  const bodyFile = join(dir, `${bodySha256}.html`);
  if (!existsSync(bodyFile)) {
    // Written whole or not at all: a build stopped mid-write leaves only a temporary file, which
    // no entry names and the next sync removes.
    const partial = `${bodyFile}.${process.pid}.partial`;
    writeFileSync(partial, html);
    renameSync(partial, bodyFile);
  }
  // The front matter Astro keeps here repeats the entry's data (≈ 0.6 kB a report); nothing reads it.
  const { frontmatter: _frontmatter, ...kept } = metadata;
  return { html: '', metadata: { ...kept, bodyFile, bodySha256 } };
}

/**
 * The store the inner loader is handed: the same, except that `set` moves a rendered body out
 * (moveOut) before storing the entry.
 */
function storeMovingBodies(store: LoaderContext['store'], dir: string): LoaderContext['store'] {
  return {
    get: (key) => store.get(key),
    entries: () => store.entries(),
    values: () => store.values(),
    keys: () => store.keys(),
    delete: (key) => store.delete(key),
    clear: () => store.clear(),
    has: (key) => store.has(key),
    addModuleImport: (fileName) => store.addModuleImport(fileName),
    set: (entry) => store.set(entry.rendered ? { ...entry, rendered: moveOut(entry.rendered, dir) } : entry),
  };
}

/** Wraps a loader of Markdown entries so that their rendered bodies are kept outside the store (see above). */
export function bodiesOutsideStore(inner: Loader): Loader {
  return {
    ...inner,
    name: `${inner.name}+bodies-outside-store`,
    load: async (context) => {
      const dir = bodiesDir(context);
      mkdirSync(dir, { recursive: true });
      // An entry whose body file is gone is rendered again: the inner loader skips only entries it already has.
      for (const entry of context.store.values()) {
        const outside = bodyFileOf(entry.rendered);
        if (outside && !(outside.bodyFile.startsWith(dir + sep) && existsSync(outside.bodyFile))) context.store.delete(entry.id);
      }
      await inner.load({ ...context, store: storeMovingBodies(context.store, dir) });
      // Bodies no entry names any more (an edited or removed report) are removed.
      const named = new Set(context.store.values().map((entry) => bodyFileOf(entry.rendered)?.bodyFile));
      for (const name of readdirSync(dir)) if (!named.has(join(dir, name))) rmSync(join(dir, name), { force: true });
    },
  };
}
