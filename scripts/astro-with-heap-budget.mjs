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
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countReportFiles } from '../src/node/report-count.ts';

const MB_PER_10K_REPORTS = 1400;
const MIN_MB = 1400;

const reports = countReportFiles(join(resolve(process.env.ARCHIVE_CONTENT_DIR ?? 'content'), 'reports'));
const budget = Math.max(MIN_MB, Math.ceil((reports / 10000) * MB_PER_10K_REPORTS));
const userSet = /--max-old-space-size/u.test(process.env.NODE_OPTIONS ?? '');
const astro = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'astro', 'bin', 'astro.mjs');
const flags = userSet ? [] : [`--max-old-space-size=${budget}`];
const result = spawnSync(process.execPath, [...flags, astro, ...process.argv.slice(2)], { stdio: 'inherit' });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
