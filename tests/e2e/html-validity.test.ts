/**
 * Every built page passes the W3C Nu HTML Checker (vnu-jar from npm, run with the machine's
 * Java; .ci/run installs Debian's default-jre-headless when java is missing). A checker nobody on
 * the team wrote catches what our own tests cannot think of: a script emitted after </html>, an
 * attribute SVG does not allow.
 *
 * The whole site goes through one java invocation (one JVM start, a few seconds for the seed
 * site). The seed site has no second list page (lists hold LIST_PAGE_SIZE reports), so a second,
 * synthetic archive of a little more than one page is built with `npm run bench` and checked too.
 * Before checking, the test makes sure every page kind is among the files, so a kind that stops
 * being built (or moves) cannot leave the check silently.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadContentReports } from '../helpers/content.ts';
import { LIST_PAGE_SIZE, listPageHref } from '../../src/lib/archive/paginate.ts';
import { kindHref, outletHref, regionHref, reportHref, topicHref, yearHref } from '../../src/lib/archive/urls.ts';
import { regionPath } from '../../src/lib/regions/gazetteer.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const VNU_JAR = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
const distDir = inject('distDir');

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** The built file of a site path: /a/ → a/index.html, /404.html → 404.html. */
function fileOf(dir: string, path: string): string {
  return path.endsWith('/') ? join(dir, path, 'index.html') : join(dir, path);
}

/**
 * Runs the checker over the given files in one JVM and returns its errors (warnings are left out
 * with --errors-only; a fatal parse error is an error too) as `file:line:column: message`.
 */
function checkHtml(dir: string, files: readonly string[]): string[] {
  const run = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new Error(`Could not run java for the W3C HTML checker: ${run.error.message}. Fix: apt-get install default-jre-headless (.ci/run does this).`);
  // vnu writes its JSON report to stderr; anything else there (a JVM warning) precedes it.
  const json = run.stderr.slice(run.stderr.indexOf('{"'));
  let report: { messages: VnuMessage[] };
  try {
    report = JSON.parse(json);
  } catch {
    throw new Error(`The W3C HTML checker gave no JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr.slice(0, 4000)}`);
  }
  return report.messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => {
      const file = m.url ? relative(dir, decodeURIComponent(new URL(m.url).pathname)) : '(checker)';
      const where = m.lastLine ? `:${m.lastLine}:${m.firstColumn ?? ''}` : '';
      return `${file}${where}: ${m.subType === 'fatal' ? 'FATAL ' : ''}${m.message}${m.extract ? ` [${m.extract.trim()}]` : ''}`;
    });
}

/** One page of every kind the seed site builds, named; chosen from the content, never hard-coded ids. */
function seedPageKinds(): { kind: string; path: string }[] {
  const reports = loadContentReports();
  // A report whose first place is three levels deep (province, city, district): one page per level.
  const deep = reports.find((r) => regionPath(r.data.regions[0]).length >= 3) ?? reports[0];
  const levels = regionPath(deep.data.regions[0]);
  const withTopic = reports.find((r) => r.data.topics.length > 0)!;
  // Timeline pages exist for the years of dated events (the timeline is built from events).
  const eventYear = reports.flatMap((r) => r.data.events).map((e) => e.date.slice(0, 4))[0] ?? deep.data.date.slice(0, 4);
  return [
    { kind: 'home', path: '/' },
    { kind: 'report', path: reportHref(deep.id) },
    { kind: 'report list', path: '/reports/' },
    { kind: 'region index', path: '/regions/' },
    ...levels.map((r, i) => ({ kind: `region level ${i + 1} (${r.name})`, path: regionHref(r.code) })),
    { kind: 'topic index', path: '/topics/' },
    { kind: 'topic', path: topicHref(withTopic.data.topics[0]) },
    { kind: 'year index', path: '/years/' },
    { kind: 'year', path: yearHref(deep.data.date) },
    { kind: 'kind index', path: '/kinds/' },
    { kind: 'kind', path: kindHref(deep.data.kind) },
    { kind: 'outlet index', path: '/outlets/' },
    { kind: 'outlet', path: outletHref(deep.data.outlet) },
    { kind: 'stats', path: '/stats/' },
    { kind: 'timeline', path: '/timeline/' },
    { kind: 'timeline year', path: `/timeline/${eventYear}/` },
    { kind: 'data', path: '/data/' },
    { kind: 'search', path: '/search/' },
    { kind: 'about', path: '/about/' },
    { kind: '404', path: '/404.html' },
  ];
}

describe('W3C Nu HTML Checker', () => {
  it('has Java and the checker', () => {
    expect(existsSync(VNU_JAR), `${VNU_JAR} is missing. Fix: npm install`).toBe(true);
    const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
    expect(java.error?.message, 'java is not installed. Fix: apt-get install default-jre-headless (.ci/run does this)').toBeUndefined();
  });

  it('finds no error on any page of the seed site, which has every page kind but paginated lists', () => {
    const pages = walk(distDir).filter((f) => f.endsWith('.html'));
    const missing = seedPageKinds().filter((p) => !pages.includes(fileOf(distDir, p.path)));
    expect(missing, 'page kinds the check expects but the build did not make').toEqual([]);
    expect(checkHtml(distDir, pages)).toEqual([]);
  });

  describe('on a synthetic archive of more than one list page', () => {
    let work: string | undefined;
    afterAll(() => {
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('finds no error on paginated lists (and every other page of that archive)', { timeout: 300_000 }, () => {
      work = mkdtempSync(join(tmpdir(), 'xieshang-vnu-'));
      const reports = LIST_PAGE_SIZE + 10;
      const bench = spawnSync('npm', ['run', '--silent', 'bench', '--', '--reports', String(reports), '--seed', '3', '--keep', '--work', work, '--skip-browser'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
        maxBuffer: 64 * 1024 * 1024,
      });
      if (bench.status !== 0) throw new Error(`npm run bench failed:\n${bench.stdout}\n${bench.stderr.slice(-4000)}`);
      const dist = join(work, 'dist');
      const pages = walk(dist).filter((f) => f.endsWith('.html'));
      expect(pages).toContain(fileOf(dist, listPageHref('/reports/', 2)));
      expect(checkHtml(dist, pages)).toEqual([]);
    });
  });
});
