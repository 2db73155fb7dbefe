#!/usr/bin/env node
/**
 * Runs the Astro CLI (`node scripts/astro-with-heap-budget.mjs build …`) with a V8 heap budget that
 * grows with the archive: 1,400 MB per 10,000 reports, at least 1,400 MB.
 *
 * Why: V8 grows its heap lazily and collects late when memory is plentiful, so Astro's bundling
 * step peaked at 2.2 GB on 10,000 reports although far less of it was live. With this budget V8
 * collects earlier: the same build peaked at 1.73 GB, no slower (docs/scaling.md). The budget is
 * proportional because Astro holds every entry in memory (≈ 0.1 MB per report). A NODE_OPTIONS
 * that already sets --max-old-space-size wins.
 *
 * For `build`, the passes over the built site (the search index and the 简/繁 dictionaries,
 * src/node/built-site-passes.ts) run here once Astro's process has exited, not in its last hook:
 * their memory is then not added to the 1.6 GB Astro still holds at 10,000 reports
 * (docs/scaling.md). The integration (src/integrations/built-site.ts) leaves them in a file for
 * this script; `astro build` run directly still runs them in the hook.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countReportFiles } from '../src/node/report-count.ts';
import { PASSES_AFTER_ASTRO_ENV, runAndLogBuiltSitePasses } from '../src/node/built-site-passes.ts';

const MB_PER_10K_REPORTS = 1400;
const MIN_MB = 1400;

const reports = countReportFiles(join(resolve(process.env.ARCHIVE_CONTENT_DIR ?? 'content'), 'reports'));
const budget = Math.max(MIN_MB, Math.ceil((reports / 10000) * MB_PER_10K_REPORTS));
const userSet = /--max-old-space-size/u.test(process.env.NODE_OPTIONS ?? '');
const astro = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'astro', 'bin', 'astro.mjs');
const flags = userSet ? [] : [`--max-old-space-size=${budget}`];
const building = process.argv[2] === 'build';
const scratch = building ? mkdtempSync(join(tmpdir(), 'xieshang-build-')) : undefined;
const pendingFile = scratch && join(scratch, 'passes.json');
let code = 0;
try {
  const env = pendingFile ? { ...process.env, [PASSES_AFTER_ASTRO_ENV]: pendingFile } : process.env;
  const result = spawnSync(process.execPath, [...flags, astro, ...process.argv.slice(2)], { stdio: 'inherit', env });
  if (result.error) throw result.error;
  code = result.status ?? 1;
  // Astro built the site and its last hook left the passes here (src/integrations/built-site.ts).
  const pending = code === 0 && pendingFile && existsSync(pendingFile) ? JSON.parse(readFileSync(pendingFile, 'utf8')) : undefined;
  if (pending) code = await runPasses(pending);
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);

/** Runs the passes and logs them as the integration would (the benchmark reads the last line); the exit code. */
async function runPasses({ dir, cacheDir }) {
  const time = () => new Date().toTimeString().slice(0, 8);
  try {
    await runAndLogBuiltSitePasses(dir, ({ label, message }) => console.log(`${time()} [${label}] ${message}`), { cacheDir });
  } catch (error) {
    console.error(`${time()} [xieshang:built-site] The search index and 简/繁 dictionaries could not be written: ${error instanceof Error ? error.message : error}`);
    return 1;
  }
  return 0;
}
