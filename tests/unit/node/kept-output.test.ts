/**
 * The kept output directory's two rules (src/node/kept-output.ts): what this build neither wrote
 * nor kept is removed, and a build that never finished leaves no trusted manifest.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ASTRO_INCREMENTAL_MANIFEST, distrustUnfinishedBuild, FINISHED_MARKER, markBuildFinished, pruneStaleOutput } from '../../../src/node/kept-output.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xieshang-kept-'));
  dirs.push(dir);
  return dir;
}
/** Writes a file last modified `ageMs` ago. */
function file(path: string, ageMs: number): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, 'x');
  const at = new Date(Date.now() - ageMs);
  utimesSync(path, at, at);
  return path;
}

describe('pruneStaleOutput', () => {
  it('removes old files that are not kept, keeps kept pages, new files and the passes’ directories, and drops empty directories', () => {
    const out = scratch();
    const started = Date.now() - 10_000;
    const keptPage = file(join(out, 'reports/a/index.html'), 60_000);
    file(join(out, 'reports/gone/index.html'), 60_000);
    const fresh = file(join(out, '_astro/new.js'), 0);
    file(join(out, '_astro/old.js'), 60_000);
    const passOutput = file(join(out, '_hant/reports/a.json'), 60_000);
    const { files } = pruneStaleOutput(out, new Set([keptPage]), started, ['_hant']);
    expect(files).toEqual(['_astro/old.js', 'reports/gone/index.html']);
    expect([keptPage, fresh, passOutput].every((p) => existsSync(p))).toBe(true);
    expect(existsSync(join(out, 'reports/gone'))).toBe(false);
  });

  it('does nothing when there is no output directory yet', () => {
    expect(pruneStaleOutput(join(scratch(), 'dist'), new Set(), Date.now()).files).toEqual([]);
  });
});

describe('distrustUnfinishedBuild', () => {
  it('keeps the manifest after a finished build, and removes it after one that did not finish', () => {
    const cache = scratch();
    const manifest = join(cache, ASTRO_INCREMENTAL_MANIFEST);
    writeFileSync(manifest, '{}');
    markBuildFinished(cache);
    expect(distrustUnfinishedBuild(cache)).toBe(false);
    expect(existsSync(manifest)).toBe(true);
    // This build started (the marker is gone) and never reached markBuildFinished.
    expect(existsSync(join(cache, FINISHED_MARKER))).toBe(false);
    expect(distrustUnfinishedBuild(cache)).toBe(true);
    expect(existsSync(manifest)).toBe(false);
  });
});
