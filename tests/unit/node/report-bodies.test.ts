/**
 * Report bodies outside Astro's data store (src/node/report-bodies.ts): moved out on set, read
 * back by the page, rendered again when their file is gone, never read as an empty body.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { bodiesOutsideStore, bodyFileOf, REPORT_BODIES_DIR, reportBody } from '../../../src/node/report-bodies.ts';

type Store = LoaderContext['store'];
type Entry = ReturnType<Store['values']>[number];

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A store as Astro's scoped store behaves: `set` keeps an entry whose digest is unchanged. */
function memoryStore(): Store {
  const entries = new Map<string, Entry>();
  return {
    get: (key) => entries.get(key) as never,
    entries: () => [...entries],
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    delete: (key) => void entries.delete(key),
    clear: () => entries.clear(),
    has: (key) => entries.has(key),
    addModuleImport: () => {},
    set: (entry) => {
      if (entries.get(entry.id)?.digest === entry.digest) return false;
      entries.set(entry.id, entry as Entry);
      return true;
    },
  };
}

/** A loader that, like glob(), renders only the files whose digest it does not have yet; it counts its renders. */
function fakeGlob(files: Record<string, { html: string; imagePaths?: string[] }>, renders: string[]): Loader {
  return {
    name: 'fake-glob',
    load: async ({ store }) => {
      for (const [id, { html, imagePaths }] of Object.entries(files)) {
        const digest = `d:${html}`;
        if (store.get(id)?.digest === digest) continue;
        renders.push(id);
        store.set({ id, data: { title: id }, digest, filePath: `content/reports/${id}.md`, rendered: { html, metadata: { headings: [], imagePaths, frontmatter: { title: id } } } });
      }
      for (const id of store.keys()) if (!(id in files)) store.delete(id);
    },
  };
}

function context(store: Store, cacheDir: string, dev = false): LoaderContext {
  return { collection: 'reports', store, config: { cacheDir: pathToFileURL(`${cacheDir}/`) }, ...(dev ? { watcher: {} } : {}) } as unknown as LoaderContext;
}

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xieshang-bodies-'));
  dirs.push(dir);
  return dir;
}

describe('bodiesOutsideStore', () => {
  it('keeps each body in a file named by its SHA-256, and the entry only names it', async () => {
    const cache = scratch();
    const store = memoryStore();
    await bodiesOutsideStore(fakeGlob({ a: { html: '<p>甲</p>' }, b: { html: '<p>乙</p>' } }, [])).load(context(store, cache));
    const a = store.get('a')!;
    expect(a.rendered?.html).toBe('');
    expect(a.rendered?.metadata?.frontmatter).toBeUndefined();
    expect(a.rendered?.metadata?.headings).toEqual([]);
    const file = bodyFileOf(a.rendered)!;
    expect(file.bodyFile).toBe(join(cache, REPORT_BODIES_DIR, 'build', `${file.bodySha256}.html`));
    expect(reportBody('a', a.rendered)).toBe('<p>甲</p>');
    expect(reportBody('b', store.get('b')!.rendered)).toBe('<p>乙</p>');
  });

  it('leaves a body with images in the store, where Astro rewrites their references as it renders', async () => {
    const store = memoryStore();
    await bodiesOutsideStore(fakeGlob({ a: { html: '<p><img src="./a.jpg"></p>', imagePaths: ['./a.jpg'] } }, [])).load(context(store, scratch()));
    const a = store.get('a')!;
    expect(bodyFileOf(a.rendered)).toBeUndefined();
    expect(a.rendered?.html).toBe('<p><img src="./a.jpg"></p>');
    expect(reportBody('a', a.rendered)).toBe('<p><img src="./a.jpg"></p>');
  });

  it('renders again only the entry whose body file is gone, and removes files no entry names', async () => {
    const cache = scratch();
    const store = memoryStore();
    const renders: string[] = [];
    const files = { a: { html: '<p>甲</p>' }, b: { html: '<p>乙</p>' } };
    await bodiesOutsideStore(fakeGlob(files, renders)).load(context(store, cache));
    expect(renders).toEqual(['a', 'b']);
    rmSync(bodyFileOf(store.get('a')!.rendered)!.bodyFile);
    const stray = join(cache, REPORT_BODIES_DIR, 'build', 'stray.html');
    writeFileSync(stray, 'x');
    await bodiesOutsideStore(fakeGlob(files, renders)).load(context(store, cache));
    expect(renders).toEqual(['a', 'b', 'a']);
    expect(reportBody('a', store.get('a')!.rendered)).toBe('<p>甲</p>');
    expect(existsSync(stray)).toBe(false);
    // An edited report: its old body goes, its new one comes.
    await bodiesOutsideStore(fakeGlob({ a: { html: '<p>甲二</p>' } }, renders)).load(context(store, cache));
    expect(readdirSync(join(cache, REPORT_BODIES_DIR, 'build'))).toEqual([`${bodyFileOf(store.get('a')!.rendered)!.bodySha256}.html`]);
  });

  it('renders again every entry whose file is in another cache directory (a moved cache)', async () => {
    const store = memoryStore();
    const renders: string[] = [];
    const files = { a: { html: '<p>甲</p>' } };
    await bodiesOutsideStore(fakeGlob(files, renders)).load(context(store, scratch()));
    const moved = scratch();
    await bodiesOutsideStore(fakeGlob(files, renders)).load(context(store, moved));
    expect(renders).toEqual(['a', 'a']);
    expect(bodyFileOf(store.get('a')!.rendered)!.bodyFile.startsWith(moved)).toBe(true);
  });

  it('keeps `astro dev`’s bodies in a folder of their own (its store is another one)', async () => {
    const cache = scratch();
    const store = memoryStore();
    await bodiesOutsideStore(fakeGlob({ a: { html: '<p>甲</p>' } }, [])).load(context(store, cache, true));
    expect(bodyFileOf(store.get('a')!.rendered)!.bodyFile).toContain(join(REPORT_BODIES_DIR, 'dev'));
  });
});

describe('reportBody', () => {
  it('refuses a body file cut short, removes it, and the next sync renders the report again', async () => {
    const cache = scratch();
    const store = memoryStore();
    const renders: string[] = [];
    const files = { a: { html: '<p>甲乙丙丁</p>' } };
    await bodiesOutsideStore(fakeGlob(files, renders)).load(context(store, cache));
    const { bodyFile } = bodyFileOf(store.get('a')!.rendered)!;
    writeFileSync(bodyFile, '<p>甲乙');
    expect(() => reportBody('a', store.get('a')!.rendered)).toThrow(/report a is missing or damaged: its bytes are not the ones rendered/);
    expect(existsSync(bodyFile)).toBe(false);
    await bodiesOutsideStore(fakeGlob(files, renders)).load(context(store, cache));
    expect(renders).toEqual(['a', 'a']);
    expect(reportBody('a', store.get('a')!.rendered)).toBe('<p>甲乙丙丁</p>');
  });


  it('throws, naming the report, when its body file is missing: a page is never published without its body', () => {
    const rendered = { html: '', metadata: { bodyFile: join(scratch(), 'gone.html'), bodySha256: 'gone' } };
    expect(() => reportBody('2024/2024-01-01-x', rendered)).toThrow(/2024\/2024-01-01-x is missing or damaged.*build again/);
  });
});
