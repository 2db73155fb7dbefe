/**
 * scripts/import.ts on hostile input: one bad file gets one line naming it and the reason, the run
 * goes on with the next file and the exit code says something failed; Ctrl-C leaves no temp file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'import-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SEED = 'tests/fixtures/raw/004_f20567b8de172bac.txt';
const allFiles = (root: string) => (existsSync(root) ? readdirSync(root, { recursive: true }).map(String) : []);

describe('npm run import on hostile files', { timeout: 120_000 }, () => {
  it('reports the deep and the huge page by name, imports the good one, exits 1', () => {
    const inputs = join(dir, 'inputs');
    mkdirSync(inputs, { recursive: true });
    writeFileSync(join(inputs, 'a-deep.html'), `<html><body>${'<div>'.repeat(10_000)}<p>正文</p>${'</div>'.repeat(10_000)}</body></html>`);
    writeFileSync(join(inputs, 'b-huge.txt'), '区政协召开协商会。\n'.repeat(400_000));
    copyFileSync(SEED, join(inputs, 'c-good.txt'));
    const r = spawnSync(tsx, ['scripts/import.ts', inputs, '--dry-run'], { encoding: 'utf8', timeout: 110_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/a-deep\.html: the page nests elements more than 400 levels deep.*Fix:/);
    expect(r.stderr).toMatch(/b-huge\.txt: the file is \d+\.\d MB; the importer reads pages up to 5\.0 MB\. Fix:/);
    expect(r.stdout).toMatch(/c-good\.txt → /);
    expect(r.stdout).toMatch(/Imported 1 file; dry run, nothing written; 2 problems\./);
  });

  it('stops a file that runs past --time-limit and goes on with the next', () => {
    const r = spawnSync(tsx, ['scripts/import.ts', SEED, SEED, '--dry-run', '--time-limit', '0.001'], { encoding: 'utf8', timeout: 110_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.match(/the importer took more than 0\.001 s on this page and was stopped\. Fix:/g)).toHaveLength(2);
  });

  it('refuses a nonsense --time-limit with the fix', () => {
    const r = spawnSync(tsx, ['scripts/import.ts', SEED, '--time-limit', 'soon'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--time-limit needs a number of seconds above 0, not soon\. Fix: e\.g\. --time-limit 60\./);
  });

  it('leaves no half-written temp file when interrupted with Ctrl-C (SIGINT)', async () => {
    const inputs = join(dir, 'many');
    const out = join(dir, 'out');
    mkdirSync(inputs, { recursive: true });
    for (let i = 0; i < 40; i++) copyFileSync('tests/fixtures/raw/002_81c081a43c0d89c8.txt', join(inputs, `page-${String(i).padStart(2, '0')}.txt`));
    // Node itself, not the tsx wrapper: Ctrl-C in a terminal signals every process of the group, so the
    // importer gets SIGINT directly (a wrapper relaying one signal could also kill it first).
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', inputs, '--out', out, '--force'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Interrupt as soon as the first report is on disk, in the middle of the run.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (allFiles(out).some((f) => f.endsWith('.md'))) {
          clearInterval(poll);
          child.kill('SIGINT');
          resolve();
        }
      }, 5);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/Interrupted \(SIGINT\): wrote \d+ reports? before stopping; no half-written file was left\./);
    expect(allFiles(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
