/**
 * The passes over the built site in their worker threads, on a small site on disk: the workers run
 * under Node's own TypeScript support (no bundler), so this also fails if a module they import
 * stops being erasable TypeScript. The two passes write into the same directory at the same time.
 */
import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBuiltSitePasses, type PassResult } from '../../../src/node/built-site-passes.ts';
import { dictionaryHref } from '../../../src/lib/text/script-dictionary-href.ts';

/** The head BaseLayout.astro writes for the page at `pathname`. */
const head = (pathname: string) => `<meta name="xieshang:script-dictionary" content="${dictionaryHref(pathname)}"><script src="/scripts/reader-init.js"></script>`;
const page = (headline: string, date: string | undefined, pathname = `/reports/${headline}/`) =>
  `<!DOCTYPE html><html><head>${head(pathname)}</head><body><article data-search-body><p>${headline}：推动高质量发展</p><div hidden data-search-ignore><data value="${headline}" data-search-meta="headline"></data>${date ? `<data value="${date}" data-search-meta="date"></data>` : ''}<data value="数字经济" data-search-facet="topic"></data></div></article></body></html>`;

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
    const reports = Array.from({ length: 30 }, (_, i) => {
      const slug = `r${String(i).padStart(2, '0')}`;
      return [`reports/2024/${slug}/index.html`, page(`报道${i}`, `2024-05-${String((i % 28) + 1).padStart(2, '0')}`, `/reports/2024/${slug}/`)];
    });
    const files = { ...Object.fromEntries(reports), 'index.html': page('首页', undefined, '/').replace('data-search-body', 'data-x') };
    const root = site(files);
    const heard: PassResult['pass'][] = [];
    const results = await runBuiltSitePasses(root, (done) => heard.push(done.pass));
    expect(heard.sort()).toEqual(['script-dictionaries', 'search-index']);
    const index = results.find((r) => r.pass === 'search-index');
    if (index?.pass !== 'search-index') throw new Error('no search index result');
    expect(index.written.manifest.documents).toBe(30);
    expect(JSON.parse(readFileSync(join(root, 'search-index/manifest.json'), 'utf8')).documents).toBe(30);
    // Every page's own dictionary file holds 发展 → 發展, and the pages are left as they were.
    for (const [path, html] of Object.entries(files)) {
      expect(readFileSync(join(root, path), 'utf8'), path).toBe(html);
    }
    expect(readFileSync(join(root, '_hant/index.json'), 'utf8')).toContain('发展 發展');
    expect(readdirSync(join(root, '_hant/reports/2024')).sort()).toEqual(reports.map(([p]) => `${p.split('/')[2]}.json`));
    for (const [path] of reports) expect(readFileSync(join(root, '_hant', `${path.replace('/index.html', '')}.json`), 'utf8')).toContain('发展 發展');
    // Nothing left behind beside the pages.
    expect(readdirSync(join(root, 'reports/2024/r00'))).toEqual(['index.html']);
    expect(readdirSync(root).sort()).toEqual(['_hant', 'index.html', 'reports', 'search-index']);
    expect(readdirSync(join(root, 'search-index')).sort()).toEqual([index.written.manifest.version, 'manifest.json'].sort());
  });

  it('refuses two pages naming one dictionary, and a dictionary outside /_hant/', async () => {
    const twins = site({ 'reports/2024/a/index.html': page('甲', '2024-01-01', '/reports/2024/a/'), 'reports/2024/b/index.html': page('乙', '2024-01-02', '/reports/2024/a/') });
    await expect(runBuiltSitePasses(twins, () => {})).rejects.toThrow(/reports\/2024\/b\/index\.html and reports\/2024\/a\/index\.html both name the 简\/繁 dictionary "\/_hant\/reports\/2024\/a\.json"/);
    const outside = site({ 'reports/2024/a/index.html': page('甲', '2024-01-01').replace(/content="\/_hant\/[^"]*"/, 'content="/_hant/../index.html"') });
    await expect(runBuiltSitePasses(outside, () => {})).rejects.toThrow(/names its 简\/繁 dictionary "\/_hant\/..\/index.html", outside \/_hant\//);
  });

  it('fails with the pass’s own message when a page cannot be indexed', async () => {
    const root = site({ 'reports/2024/undated/index.html': page('无日期', undefined) });
    await expect(runBuiltSitePasses(root, () => {})).rejects.toThrow(/no data-search-meta="date"/);
  });

  it('over a kept site, keeps the dictionaries of unchanged pages and gives the same files as a run from scratch', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`reports/2024/r${i}/index.html`] = page(`报道${i}`, `2024-05-0${i + 1}`, `/reports/2024/r${i}/`);
    files['_astro/app.js'] = 'export const say = "发展";';
    // The search page shows text from every page: its dictionary is the union of all the others'.
    files['search/index.html'] = `<!DOCTYPE html><html><head>${head('/search/')}</head><body><form data-search-form></form><ol data-results></ol></body></html>`;
    const searchDictionary = dictionaryHref('/search/').slice(1);
    const root = site(files);
    const cacheDir = join(root, '..', `${root.split('/').pop()}-cache`);
    dirs.push(cacheDir);
    const dictionaries = async (dir: string, options?: { cacheDir?: string }) => {
      const results = await runBuiltSitePasses(dir, () => {}, options);
      const result = results.find((r) => r.pass === 'script-dictionaries');
      if (result?.pass !== 'script-dictionaries') throw new Error('no dictionaries result');
      return result.written;
    };
    const hant = (dir: string) => ({
      ...Object.fromEntries(readdirSync(join(dir, '_hant/reports/2024')).sort().map((f) => [f, readFileSync(join(dir, '_hant/reports/2024', f), 'utf8')])),
      search: readFileSync(join(dir, searchDictionary), 'utf8'),
    });
    /** The same site from scratch, in a directory of its own. */
    const fresh = async () => {
      const copy = site({});
      cpSync(root, copy, { recursive: true });
      rmSync(join(copy, '_hant'), { recursive: true, force: true });
      await dictionaries(copy);
      return hant(copy);
    };

    expect((await dictionaries(root, { cacheDir })).reused).toBe(0);
    // Unchanged: every page's dictionary kept (by their stamps, unread), the union the same.
    const first = hant(root);
    expect((await dictionaries(root, { cacheDir })).reused).toBe(6);
    expect(hant(root)).toEqual(first);
    expect(first.search).toContain('发展 發展');
    // One page changed (with a character that needs an entry of its own), one removed, one dictionary file damaged.
    writeFileSync(join(root, 'reports/2024/r1/index.html'), page('报道1：后台', '2024-05-02', '/reports/2024/r1/'));
    rmSync(join(root, 'reports/2024/r2'), { recursive: true });
    writeFileSync(join(root, '_hant/reports/2024/r3.json'), '{"cn":"","tw":"","hk":""}\n');
    // One page written again with the same bytes: a new stamp, so it is read, and its dictionary kept with its recorded keys.
    writeFileSync(join(root, 'reports/2024/r4/index.html'), readFileSync(join(root, 'reports/2024/r4/index.html')));
    const again = await dictionaries(root, { cacheDir });
    expect(again.reused).toBe(3);
    expect(hant(root)).toEqual(await fresh());
    expect(readFileSync(join(root, '_hant/reports/2024/r1.json'), 'utf8')).toContain('台');
    expect(hant(root).search).toContain('台');
    expect(Object.keys(hant(root))).not.toContain('r2.json');
    // A client script changed: every page may load it, so nothing is kept.
    writeFileSync(join(root, '_astro/app.js'), 'export const say = "后台";');
    expect((await dictionaries(root, { cacheDir })).reused).toBe(0);
    expect(hant(root)).toEqual(await fresh());
  });
});
