/**
 * The same content builds to byte-identical output, whatever the machine's time zone and locale:
 * two builds into two temp dirs (one at UTC+14, Pacific/Kiritimati, with a Chinese locale; one at
 * UTC−11, Pacific/Pago_Pago, with the C locale: 25 hours apart), each with its own cache, then
 * every HTML and data file compared byte for byte.
 *
 * The content is a copy of content/ plus one report made of every injection attempt in
 * tests/fixtures/injection, so the same pair of builds also shows that none of them reaches the
 * built HTML as active content.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContent } from '../unit/plugins/active-content.ts';
import { filesUnder } from '../helpers/files.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

const scratch = mkdtempSync(join(tmpdir(), 'xieshang-determinism-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const INJECTION_ID = 'reports/2022/2022-08-zhu-ru-ce-shi';
const BASELINE_ID = 'reports/2022/2022-04-01-qian-tang-jiang-pan-ying-jie-gao-yuan-wei-lai';

/** content/ plus one report whose body is every injection attempt. */
function contentWithInjections(): string {
  const dir = join(scratch, 'content');
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  const attempts = join(ROOT, 'tests/fixtures/injection');
  const body = readdirSync(attempts)
    .sort()
    .map((f) => readFileSync(join(attempts, f), 'utf8'))
    .join('\n\n');
  const front = ['title: 注入测试', 'date: 2022-08', 'dateCertainty: stated', 'outlet: rmzxw', 'kind: news', 'regions: ["330114"]'];
  writeFileSync(join(dir, `${INJECTION_ID}.md`), `---\n${front.join('\n')}\n---\n\n本报讯 注入测试。\n\n${body}\n`);
  return dir;
}

function build(name: string, content: string, env: Record<string, string>): string {
  const out = join(scratch, name, 'dist');
  const result = spawnSync(process.execPath, [ASTRO, 'build'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      ASTRO_TELEMETRY_DISABLED: '1',
      ARCHIVE_CONTENT_DIR: content,
      ARCHIVE_OUT_DIR: out,
      ARCHIVE_CACHE_DIR: join(scratch, name, 'cache'),
    },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build ${name} failed:\n${result.stdout}\n${result.stderr}`);
  return out;
}

describe('deterministic build', () => {
  let a: string;
  let b: string;
  beforeAll(() => {
    const content = contentWithInjections();
    a = build('kiritimati', content, { TZ: 'Pacific/Kiritimati', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' });
    b = build('pago-pago', content, { TZ: 'Pacific/Pago_Pago', LANG: 'C', LC_ALL: 'C' });
  }, 300_000);

  it('writes the same set of files', () => {
    expect(filesUnder(a)).toEqual(filesUnder(b));
    expect(filesUnder(a).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(10);
  });

  // Every file, not only HTML and data (pages, feeds, sitemaps, CSV/JSON, the search index,
  // bundles): all of it is what readers and tools download.
  it('writes every HTML, data and asset file byte for byte the same', () => {
    const compared = filesUnder(a);
    expect(compared.some((f) => f.endsWith('.json')) && compared.some((f) => f.includes('search-index/') && f.endsWith('.bin'))).toBe(true);
    const different = compared.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
    expect(different).toEqual([]);
    expect(compared.length).toBeGreaterThan(20);
  });

  // The site's own scripts, styles and meta tags are on every page; the injected report may have
  // nothing active beyond what an ordinary report page has.
  it('lets no injection attempt reach the built report page as active content', () => {
    const injected = readFileSync(join(a, INJECTION_ID, 'index.html'), 'utf8');
    const baseline = readFileSync(join(a, BASELINE_ID, 'index.html'), 'utf8');
    expect(injected).toContain('注入测试');
    const allowed = [...activeContent(baseline)];
    const extra = activeContent(injected).filter((item) => {
      const i = allowed.indexOf(item);
      if (i === -1) return true;
      allowed.splice(i, 1);
      return false;
    });
    expect(extra).toEqual([]);
    // Visible text such as "javascript:alert(1)" is inert; markup and attributes are not.
    expect(injected).not.toMatch(/<script>alert|(href|src|action)="\s*javascript:/i);
  });
});
