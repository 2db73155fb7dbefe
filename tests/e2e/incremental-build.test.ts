/**
 * An incremental build publishes the same bytes as a full one. Astro's incremental build copies a
 * page from the last build when its key (src/data/page-keys.ts) and code are unchanged, and dist/
 * is kept between builds (src/node/kept-output.ts): a key that misses something the page shows,
 * or a file left behind, would publish a stale page. So one site is built again and again in the
 * same dist/ and cache while its content changes, and after each change every file is compared
 * with a fresh build of the same content in an empty dist/ and cache.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINISHED_MARKER } from '../../src/node/kept-output.ts';
import { filesUnder } from '../helpers/files.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

const scratch = mkdtempSync(join(tmpdir(), 'xieshang-incremental-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const content = join(scratch, 'content');
const kept = { dist: join(scratch, 'kept', 'dist'), cache: join(scratch, 'kept', 'cache') };

/** Builds `content` into `dist` with `cache`; returns how many routes Astro copied from the last build. */
function build(target: { dist: string; cache: string }): { skipped: number; rendered: number; log: string } {
  const result = spawnSync(process.execPath, [ASTRO, 'build'], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ARCHIVE_CONTENT_DIR: content, ARCHIVE_OUT_DIR: target.dist, ARCHIVE_CACHE_DIR: target.cache },
    encoding: 'utf8',
  });
  const log = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`build into ${target.dist} failed:\n${log}`);
  const routes = log.split('\n').filter((line) => line.includes('├─'));
  const skipped = routes.filter((line) => /\((cached|restored)\)/.test(line)).length;
  return { skipped, rendered: routes.length - skipped, log };
}


/** The kept dist/ against a fresh build of the same content: the same files, the same bytes. */
function expectSameAsFullBuild(round: string): void {
  const fresh = { dist: join(scratch, `fresh-${round}`, 'dist'), cache: join(scratch, `fresh-${round}`, 'cache') };
  build(fresh);
  const names = filesUnder(fresh.dist);
  expect(filesUnder(kept.dist)).toEqual(names);
  const differing = names.filter((name) => !readFileSync(join(kept.dist, name)).equals(readFileSync(join(fresh.dist, name))));
  expect(differing).toEqual([]);
  rmSync(join(scratch, `fresh-${round}`), { recursive: true, force: true });
}

const report = (id: string) => join(content, 'reports', `${id}.md`);
const retitle = (path: string, suffix: string) => writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: (.*)$/m, (_, t: string) => `title: ${t}${suffix}`));

describe('incremental build', () => {
  let first: ReturnType<typeof build>;
  beforeAll(() => {
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    first = build(kept);
  }, 300_000);

  it('renders every page the first time', () => {
    expect(first.skipped).toBe(0);
    expect(first.rendered).toBeGreaterThan(100);
  });

  it('after a report is edited, one removed and one added: only the pages they touch are rendered, and the output equals a full build', () => {
    retitle(report('2022/2022-08-nan-kai-te-se-chan-ye'), '（修订）');
    rmSync(report('2022/2022-08-kua-jing-dian-zi-shang-wu'));
    const source = readFileSync(report('2022/2022-08-shang-liang-rang-shang-quan'), 'utf8');
    writeFileSync(report('2022/2022-08-zeng-bu-yi-pian'), source.replace(/^title: (.*)$/m, 'title: 增补的一篇报道'));
    const again = build(kept);
    // On the 14 seed reports one new report touches many lists; at 10,000, 15,435 of 16,010 routes are copied.
    expect(again.skipped, `${again.skipped} copied, ${again.rendered} rendered`).toBeGreaterThan(first.rendered / 3);
    expect(existsSync(join(kept.dist, 'reports/2022/2022-08-kua-jing-dian-zi-shang-wu'))).toBe(false);
    // The search index read only the report pages that changed; the rest were carried over.
    const indexed = /Indexed (\d+) reports \((\d+) of them read/u.exec(again.log);
    expect(indexed, again.log).not.toBeNull();
    expect(Number(indexed![2])).toBeGreaterThan(0);
    expect(Number(indexed![2])).toBeLessThan(Number(indexed![1]));
    expectSameAsFullBuild('reports');
  }, 300_000);

  it('after the outlet registry and a dossier change, the output equals a full build', () => {
    const outlets = join(content, 'outlets.yaml');
    writeFileSync(outlets, readFileSync(outlets, 'utf8').replace(/^(\s*name: )(.*)$/m, '$1$2（新名）'));
    const dossiers = join(content, 'dossiers');
    for (const name of readdirSync(dossiers)) retitle(join(dossiers, name), '（修订）');
    build(kept);
    expectSameAsFullBuild('registries');
  }, 300_000);

  it('after a build that did not finish, no page is trusted, and files no build wrote are removed', () => {
    // A page changed behind the manifest's back (as a build stopped halfway leaves it) and a stray file.
    const page = join(kept.dist, 'reports/2022/2022-08-nan-kai-te-se-chan-ye/index.html');
    writeFileSync(page, 'half-written');
    mkdirSync(join(kept.dist, 'reports/gone'), { recursive: true });
    const stray = join(kept.dist, 'reports/gone/index.html');
    writeFileSync(stray, 'a report deleted long ago');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(stray, anHourAgo, anHourAgo);
    rmSync(join(kept.cache, FINISHED_MARKER));
    const again = build(kept);
    expect(again.skipped).toBe(0);
    expect(again.log).toContain('The previous build did not finish');
    expect(readFileSync(page, 'utf8')).not.toBe('half-written');
    expect(existsSync(join(kept.dist, 'reports/gone'))).toBe(false);
    expectSameAsFullBuild('unfinished');
  }, 300_000);
});
