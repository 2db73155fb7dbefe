/**
 * The passes over the built site in their worker threads, on a small site on disk: the workers run
 * under Node's own TypeScript support (no bundler), so this also fails if a module they import
 * stops being erasable TypeScript. The two passes write into the same directory at the same time.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BuiltSitePasses, pageFile, runBuiltSitePasses, type PassResult } from '../../../src/node/built-site-passes.ts';

const head = '<script src="/scripts/reader-init.js"></script>';
const page = (headline: string, date: string | undefined) =>
  `<!DOCTYPE html><html><head>${head}</head><body><article data-search-body><p>${headline}：推动高质量发展</p><div hidden data-search-ignore><data value="${headline}" data-search-meta="headline"></data>${date ? `<data value="${date}" data-search-meta="date"></data>` : ''}<data value="数字经济" data-search-facet="topic"></data></div></article></body></html>`;

const dirs: string[] = [];
function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'built-site-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('runBuiltSitePasses', () => {
  it('writes the search index and each page’s dictionary, and reports each pass', async () => {
    const reports = Array.from({ length: 30 }, (_, i) => [`reports/2024/r${String(i).padStart(2, '0')}/index.html`, page(`报道${i}`, `2024-05-${String((i % 28) + 1).padStart(2, '0')}`)]);
    const root = site({ ...Object.fromEntries(reports), 'index.html': page('首页', undefined).replace('data-search-body', 'data-x') });
    const heard: PassResult['pass'][] = [];
    const results = await runBuiltSitePasses(root, (done) => heard.push(done.pass));
    expect(heard.sort()).toEqual(['script-dictionaries', 'search-index']);
    const index = results.find((r) => r.pass === 'search-index');
    if (index?.pass !== 'search-index') throw new Error('no search index result');
    expect(index.written.manifest.documents).toBe(30);
    expect(JSON.parse(readFileSync(join(root, 'search-index/manifest.json'), 'utf8')).documents).toBe(30);
    // Every page names its dictionary, and the file it names holds 发展 → 發展.
    for (const path of [...reports.map(([p]) => p), 'index.html']) {
      const html = readFileSync(join(root, path), 'utf8');
      const named = /<meta name="xieshang:script-dictionary" content="\/(_hant\/[0-9a-f]{16}\.json)">/.exec(html);
      expect(named, path).not.toBeNull();
      expect(readFileSync(join(root, named![1]), 'utf8')).toContain('发展 發展');
    }
    // Nothing half-written is left behind, and no scratch directory.
    expect(readdirSync(join(root, 'reports/2024/r00'))).toEqual(['index.html']);
    expect(readdirSync(root).sort()).toEqual(['_hant', 'index.html', 'reports', 'search-index']);
    expect(readdirSync(join(root, 'search-index')).sort()).toEqual([index.written.manifest.version, 'manifest.json'].sort());
  });

  it('fails with the pass’s own message when a page cannot be indexed', async () => {
    const root = site({ 'reports/2024/undated/index.html': page('无日期', undefined) });
    await expect(runBuiltSitePasses(root, () => {})).rejects.toThrow(/no data-search-meta="date"/);
  });

  it('takes pages as they are built, answers each with its dictionary named, and reads back only the pages it was not handed', async () => {
    const pages = Array.from({ length: 12 }, (_, i) => [`/reports/2024/r${i}/`, page(`报道${i}`, `2024-06-${String(i + 1).padStart(2, '0')}`)] as const);
    const search = `<!DOCTYPE html><html><head>${head}</head><body><form data-search-form></form><div data-results>繁體</div></body></html>`;
    // One page is on disk but never handed in (as a page Astro did not render through the middleware).
    const root = site({ 'reports/2024/late/index.html': page('迟到', '2023-01-01') });
    const passes = new BuiltSitePasses(root);
    for (const [pathname, html] of pages) {
      const answered = await passes.page(pathname, html);
      expect(answered).toMatch(/<meta name="xieshang:script-dictionary" content="\/_hant\/[0-9a-f]{16}\.json">/);
      const file = join(root, pageFile(pathname).path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, answered);
    }
    // The search page comes back as it was: it gets the union of every page at the end.
    expect(await passes.page('/search/', search)).toBe(search);
    writeFileSync(join(root, 'search.html'), search);
    mkdirSync(join(root, 'search'), { recursive: true });
    writeFileSync(join(root, 'search/index.html'), search);
    const results = await passes.finish(() => {});
    const index = results.find((r) => r.pass === 'search-index')!;
    const dictionaries = results.find((r) => r.pass === 'script-dictionaries')!;
    expect(index.pagesHandedIn).toBe(12);
    if (index.pass !== 'search-index' || dictionaries.pass !== 'script-dictionaries') throw new Error('results out of order');
    expect(index.written.manifest.documents).toBe(13);
    expect(dictionaries.pagesHandedIn).toBe(13);
    for (const path of ['reports/2024/late/index.html', 'search/index.html', 'reports/2024/r3/index.html']) {
      const html = readFileSync(join(root, path), 'utf8');
      expect(html.match(/xieshang:script-dictionary/g), path).toHaveLength(1);
    }
    // The late page's words are in the search page's union dictionary.
    const union = /content="\/(_hant\/[0-9a-f]{16}\.json)"/.exec(readFileSync(join(root, 'search/index.html'), 'utf8'))![1];
    expect(readFileSync(join(root, union), 'utf8')).toContain('迟 遲');
  });

  it('maps a page’s address to the file Astro writes', () => {
    expect(pageFile('/reports/2024/x/')).toEqual({ url: '/reports/2024/x/', path: 'reports/2024/x/index.html' });
    expect(pageFile('/404')).toEqual({ url: '/404', path: '404.html' });
    expect(pageFile('/%E6%B5%99%E6%B1%9F/')).toEqual({ url: '/浙江/', path: '浙江/index.html' });
  });
});
