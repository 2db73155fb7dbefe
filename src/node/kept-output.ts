/**
 * The build's output directory kept between builds, for Astro's incremental build: an unchanged
 * report page is left where the last build wrote it instead of being deleted with the whole
 * directory and copied back from Astro's cache (at 10,000 reports, emptying dist/ alone took 8 s
 * of an editor's 84 s wait, on a disk slow at deleting and creating files).
 *
 * Two rules keep a kept directory honest:
 * - After the pages are generated, every file that this build neither wrote nor kept as a page
 *   of its own is removed (`pruneStaleOutput`): a deleted report's page, an old bundle, an old
 *   feed. What Astro kept it names itself (the routes' output files); everything else Astro and
 *   the integrations write is newer than the build's start.
 * - A build that did not finish leaves no trusted cache (`distrustUnfinishedBuild`): its pages
 *   may be newer than Astro's manifest, so the next build renders every page again.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Astro's incremental-build manifest in its cache directory (astro/dist/core/build/incremental.js). */
export const ASTRO_INCREMENTAL_MANIFEST = 'incremental-build.json';
/** Written when a build has finished generating its pages; removed when the next one starts. */
export const FINISHED_MARKER = 'xieshang-build-finished';

/**
 * Called when a build starts. If the previous build started and never finished, Astro's manifest
 * may promise pages that the output directory no longer holds as it recorded them: remove the
 * manifest, so that every page is rendered again. Returns whether it did.
 */
export function distrustUnfinishedBuild(cacheDir: string): boolean {
  const manifest = join(cacheDir, ASTRO_INCREMENTAL_MANIFEST);
  const marker = join(cacheDir, FINISHED_MARKER);
  const distrusted = existsSync(manifest) && !existsSync(marker);
  if (distrusted) rmSync(manifest, { force: true });
  rmSync(marker, { force: true });
  return distrusted;
}

/** Called when a build has generated every page and pruned its output. */
export function markBuildFinished(cacheDir: string): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, FINISHED_MARKER), '');
}

export interface Pruned {
  /** Files removed, as paths relative to the output directory ('/'-separated), sorted. */
  files: string[];
}

/**
 * Removes from `outDir` every file last written before `startedMs` that is not in `kept` (absolute
 * paths of the pages Astro kept from an earlier build), then every directory left empty; top-level
 * directories in `ownedElsewhere` are left alone (the passes replace them whole). A file
 * written during the build is newer than its start: a second of margin covers the file system's
 * coarse clock.
 */
export function pruneStaleOutput(outDir: string, kept: ReadonlySet<string>, startedMs: number, ownedElsewhere: readonly string[] = []): Pruned {
  const skip = new Set(ownedElsewhere.map((dir) => join(outDir, dir)));
  const before = startedMs - 1000;
  const files: string[] = [];
  const walk = (dir: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (skip.has(path)) empty = false;
      else if (entry.isDirectory()) {
        if (walk(path)) rmdirSync(path);
        else empty = false;
      } else if (!kept.has(path) && statSync(path).mtimeMs < before) {
        rmSync(path, { force: true });
        files.push(relative(outDir, path).split(sep).join('/'));
      } else empty = false;
    }
    return empty;
  };
  if (existsSync(outDir)) walk(outDir);
  return { files: files.sort() };
}
