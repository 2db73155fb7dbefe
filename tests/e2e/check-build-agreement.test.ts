/**
 * `npm run check` and `npm run build` agree on every content-tree fixture: a file the check
 * passes builds, a file it refuses stops the build. The content trees are
 * tests/fixtures/malformed (one mistake per file), tests/fixtures/bad-reports (one report each,
 * put in a tree with the project's registries) and the whole trees alias-bomb-registry and
 * date-like-registry (registry mistakes). The other fixture folders are importer inputs and
 * report bodies, not content trees.
 *
 * Builds are slow, so fixtures are grouped: every file the check passes goes into one tree that
 * must build (a failure names the file Astro stumbled on); every file it refuses goes into one
 * tree whose build must fail naming each of them (the build runs the check first, at config time,
 * so that build takes seconds), and one build per whole tree.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readContentFiles, runContentCheck } from '../../src/node/content-check.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(ROOT, 'tests/fixtures');
const TODAY = '2026-11-23';
const scratch = mkdtempSync(join(tmpdir(), 'xieshang-agree-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One fixture file: where it comes from and where it goes (`content/…`) in a built tree. */
interface Fixture {
  name: string;
  source: string;
  target: string;
}

function build(root: string): { ok: boolean; output: string } {
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ARCHIVE_CONTENT_DIR: join(root, 'content'),
      ARCHIVE_OUT_DIR: join(root, 'dist'),
      ARCHIVE_CACHE_DIR: join(root, 'cache'),
      ARCHIVE_TODAY: TODAY,
      NO_COLOR: '1',
    },
    encoding: 'utf8',
  });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
}

/** A tree under scratch with the project's registries (unless the fixtures bring their own) and the given files. */
function tree(name: string, fixtures: readonly Fixture[], extra: (root: string) => void = () => {}): string {
  const root = join(scratch, name);
  mkdirSync(join(root, 'content'), { recursive: true });
  for (const registry of ['topics.yaml', 'outlets.yaml']) copyFileSync(join(ROOT, 'content', registry), join(root, 'content', registry));
  for (const f of fixtures) {
    mkdirSync(dirname(join(root, f.target)), { recursive: true });
    copyFileSync(f.source, join(root, f.target));
  }
  extra(root);
  return root;
}

// Every file of the malformed tree, and each bad report as content/reports/2022/2022-08-15-<name>.md.
const malformed = readContentFiles(join(FIXTURES, 'malformed/content')).map((f) => ({
  name: `malformed/${f.path}`,
  source: join(FIXTURES, 'malformed', f.path),
  target: f.path,
}));
const badReports = readdirSync(join(FIXTURES, 'bad-reports')).map((file) => ({
  name: `bad-reports/${file}`,
  source: join(FIXTURES, 'bad-reports', file),
  target: `content/reports/2022/2022-08-15-${file}`,
}));

/** Content trees checked and built as they are (their own registries). */
const WHOLE_TREES = ['alias-bomb-registry', 'date-like-registry'];

/** The out-of-tree image fixture points at tests/fixtures/malformed/outside.png: keep it beside each tree. */
const withOutsideImage = (root: string) => cpSync(join(FIXTURES, 'malformed/outside.png'), join(root, 'outside.png'));

/** The check's verdict per fixture file: refused when it has an error, on its own or beside its tree. */
function checkVerdicts(): Map<Fixture, boolean> {
  const verdicts = new Map<Fixture, boolean>();
  const malformedCheck = runContentCheck({ dir: join(FIXTURES, 'malformed/content'), registryDir: join(ROOT, 'content'), today: TODAY });
  for (const f of malformed) verdicts.set(f, !malformedCheck.problems.some((p) => p.severity === 'error' && p.file === f.target));
  for (const f of badReports) {
    const root = tree(`check-${f.name.replace(/\W/g, '-')}`, [f]);
    verdicts.set(f, runContentCheck({ dir: join(root, 'content'), today: TODAY }).errors === 0);
  }
  return verdicts;
}

describe('npm run check and npm run build agree on every content-tree fixture', () => {
  const verdicts = checkVerdicts();
  const passed = [...verdicts].filter(([, ok]) => ok).map(([f]) => f);
  const refused = [...verdicts].filter(([, ok]) => !ok).map(([f]) => f);

  it('the fixtures cover both sides', () => {
    expect(passed.length).toBeGreaterThanOrEqual(5);
    expect(refused.length).toBeGreaterThanOrEqual(50);
  });

  it('every file the check passes builds, publishing nothing from outside content/ (one build of all of them)', () => {
    const root = tree('passed', passed, withOutsideImage);
    expect(runContentCheck({ dir: join(root, 'content'), today: TODAY }).errors).toBe(0);
    // Astro stops at the first bad entry: take out each file it names and build again, to list them all.
    const blamed: string[] = [];
    for (let left = passed; ; ) {
      const { ok, output } = build(root);
      if (ok) {
        const published = readdirSync(join(root, 'dist/_astro')).filter((name) => name.startsWith('outside.'));
        if (published.length) blamed.push(`published from outside content/: ${published.join(', ')}`);
        break;
      }
      // Astro names an entry by its id (2022/2022-04-01-x), an image by the path written in the report.
      const images = [...output.matchAll(/requested image `([^`]+)`/g)].map((m) => `(${m[1]})`);
      const named = left.filter(
        (f) => output.includes(f.target.slice('content/reports/'.length).replace(/\.\w+$/, '')) || images.some((i) => readFileSync(f.source, 'latin1').includes(i)),
      );
      if (!named.length) {
        blamed.push(`(build failed, no fixture named)\n${output.slice(-3000)}`);
        break;
      }
      for (const f of named) rmSync(join(root, f.target));
      blamed.push(...named.map((f) => f.name));
      left = left.filter((f) => !named.includes(f));
    }
    expect(blamed).toEqual([]);
  }, 300_000);

  it('every file the check refuses stops the build, which names it (one build of all of them)', () => {
    const root = tree('refused', refused, withOutsideImage);
    const { ok, output } = build(root);
    expect(ok).toBe(false);
    expect(refused.filter((f) => !output.includes(f.target)).map((f) => f.name)).toEqual([]);
  }, 300_000);

  // Whole trees, for what lives in the registries: one build each.
  it.each(WHOLE_TREES)('%s: the check and the build give the same verdict', (name) => {
    const root = join(scratch, name);
    cpSync(join(FIXTURES, name), root, { recursive: true });
    const check = runContentCheck({ dir: join(root, 'content'), today: TODAY });
    const { ok, output } = build(root);
    expect({ build: ok ? 'pass' : 'fail' }).toEqual({ build: check.errors ? 'fail' : 'pass' });
    for (const file of new Set(check.problems.filter((p) => p.severity === 'error').map((p) => p.file))) expect(output).toContain(file);
    // A failure is the check's list, never a stack trace out of a YAML parser.
    expect(output).not.toMatch(/^\s+at .*node_modules\/(yaml|js-yaml)\//m);
  }, 300_000);
});
