/**
 * Report Markdown rendered on worker threads during content sync (src/node/markdown-render-pool.ts):
 * the same HTML and metadata as Astro's own Markdown entry type renders on the main thread, the
 * threads only when many entries are rendered, and no threads for any other Markdown pipeline.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentEntryRenderFunction, ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { unified } from '@astrojs/markdown-remark';
// Astro's own Markdown entry type (not in its package exports): the renderer the threads must match.
import { markdownContentEntryType } from '../../../node_modules/astro/dist/vite-plugin-markdown/content-entry-type.js';
import { describe, expect, it } from 'vitest';
import config from '../../../astro.config.mjs';
import { markdownOnThreads, renderWorkerData, type LoaderContextWithEntryTypes } from '../../../src/node/markdown-render-pool.ts';
import { reportMarkdownOptions } from '../../../src/plugins/report-markdown.ts';

type EntryType = ContentEntryType;
type Rendered = Awaited<ReturnType<ContentEntryRenderFunction>>;

const loaderConfig = (markdown: Partial<NonNullable<typeof config.markdown>> = {}) =>
  ({ ...config, markdown: { ...config.markdown, ...markdown }, image: { domains: [], remotePatterns: [] } }) as unknown as LoaderContext['config'];

/** Report bodies of every kind the archive has: the seeds, hostile HTML, images, headings, raw-text tags. */
function bodies(): { filePath: string; contents: string }[] {
  const found: { filePath: string; contents: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else if (name.name.endsWith('.md')) found.push({ filePath: path, contents: readFileSync(path, 'utf8') });
    }
  };
  for (const dir of ['content/reports', 'tests/fixtures/injection', 'tests/fixtures/bodies']) walk(join(process.cwd(), dir));
  return found;
}

/**
 * Astro's Markdown entry type with its render function counted: every render that runs on the
 * main thread goes through it (the pool falls back to it).
 */
function countedMarkdownType(onMain: { count: number }): EntryType {
  const type = markdownContentEntryType as unknown as EntryType;
  return {
    ...type,
    getRenderFunction: async (c) => {
      const render = await type.getRenderFunction!(c);
      return (entry) => {
        onMain.count++;
        return render(entry);
      };
    },
  };
}

/**
 * A loader that, like glob(), renders each file through the entry types it is handed. It renders
 * `warmUp` files one at a time, then renders one more at a time until a render no longer runs on
 * the main thread (the threads are ready) or `waitMs` have passed, then the rest ten at a time.
 */
function renderingLoader(files: { filePath: string; contents: string }[], out: Map<string, Rendered>, onMain: { count: number; beforeRest?: number }, warmUp: number, waitMs: number): Loader {
  return {
    name: 'rendering-loader',
    load: async (context) => {
      const { entryTypes, config: c } = context as LoaderContextWithEntryTypes;
      const type = entryTypes.get('.md')!;
      const render = await type.getRenderFunction!(c);
      const renderFile = async (file: { filePath: string; contents: string }) => {
        const { body, data } = await type.getEntryInfo({ contents: file.contents, fileUrl: new URL(`file://${file.filePath}`) });
        out.set(file.filePath, await render({ id: file.filePath, data, body, filePath: file.filePath, digest: '' }));
      };
      let next = 0;
      while (next < warmUp) await renderFile(files[next++]);
      for (const until = Date.now() + waitMs; Date.now() < until; ) {
        const before = onMain.count;
        await renderFile(files[0]);
        if (onMain.count === before) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      onMain.beforeRest = onMain.count;
      const rest = files.slice(next);
      for (let i = 0; i < rest.length; i += 10) await Promise.all(rest.slice(i, i + 10).map(renderFile));
    },
  };
}

async function renderAll(loader: (inner: Loader) => Loader, onMain: { count: number; beforeRest?: number }, waitMs: number, warnings: string[] = []) {
  const out = new Map<string, Rendered>();
  const files = bodies();
  const entryTypes = new Map([['.md', countedMarkdownType(onMain)]]);
  const logger = { warn: (message: string) => warnings.push(message) };
  await loader(renderingLoader(files, out, onMain, 2, waitMs)).load({ entryTypes, config: loaderConfig(), logger } as unknown as LoaderContext);
  return { files, out };
}

describe('markdownOnThreads', () => {
  it('renders on threads the same HTML and metadata as Astro does on the main thread', { timeout: 60_000 }, async () => {
    const onMain: { count: number; beforeRest?: number } = { count: 0 };
    const threaded = await renderAll((inner) => markdownOnThreads(inner, { threads: 2, rendersBeforeThreads: 1 }), onMain, 30_000);
    const mainOnly = { count: 0 };
    const astro = await renderAll((inner) => inner, mainOnly, 0);
    expect(threaded.files.length).toBeGreaterThan(30);
    // Once a thread was ready, nothing more ran here: every body after the warm-up came from a thread.
    expect(onMain.beforeRest).toBeDefined();
    expect(onMain.count).toBe(onMain.beforeRest);
    expect(mainOnly.count).toBe(threaded.files.length);
    for (const { filePath } of threaded.files) expect(threaded.out.get(filePath), filePath).toEqual(astro.out.get(filePath));
    // The hostile fixtures were sanitised on the threads too (not merely equal to something).
    const script = threaded.out.get(join(process.cwd(), 'tests/fixtures/injection/01-script-tag.md'));
    expect(script?.html).toBeTruthy();
    expect(script?.html).not.toMatch(/<script/i);
  });

  it('renders on the main thread what a thread that stopped had, and says so', { timeout: 60_000 }, async () => {
    const onMain = { count: 0 };
    const warnings: string[] = [];
    const workerFile = new URL('../../fixtures/workers/render-thread-that-stops.ts', import.meta.url);
    const stopped = await renderAll((inner) => markdownOnThreads(inner, { threads: 2, rendersBeforeThreads: 1, workerFile }), onMain, 3_000, warnings);
    const astro = await renderAll((inner) => inner, { count: 0 }, 0);
    for (const { filePath } of stopped.files) expect(stopped.out.get(filePath), filePath).toEqual(astro.out.get(filePath));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]).toMatch(/render thread stopped \(exit code 3\)/);
  });

  it('starts no thread for a load that renders fewer entries than the threshold', { timeout: 30_000 }, async () => {
    const onMain = { count: 0 };
    // Given 3 s, long enough for a thread to load (test above), every render still runs here.
    const { files } = await renderAll((inner) => markdownOnThreads(inner, { threads: 2, rendersBeforeThreads: 10_000 }), onMain, 3_000);
    expect(onMain.count).toBeGreaterThan(files.length);
  });

  it('moves nothing onto threads when the Markdown pipeline is not the report pipeline', () => {
    expect(renderWorkerData(loaderConfig())).toBeDefined();
    const extra = unified({ ...reportMarkdownOptions, rehypePlugins: [...reportMarkdownOptions.rehypePlugins, function rehypeSomethingElse() {}] });
    expect(renderWorkerData(loaderConfig({ processor: extra }))).toBeUndefined();
    expect(renderWorkerData(loaderConfig({ processor: unified({ ...reportMarkdownOptions, smartypants: true }) }))).toBeUndefined();
    expect(renderWorkerData(loaderConfig({ syntaxHighlight: 'shiki' }))).toBeUndefined();
  });
});
