/**
 * How Astro should keep the content layer's data store for this archive. One data-store.json is
 * the fast default (10,000 reports: content sync 16 s), but it is one module of the bundle and
 * past ≈ 50,000 reports (8.9 kB each) too large for the bundler to hand back to V8: 60k and 100k
 * failed in bundling. 'chunked' (Astro 7.1's experimental.collectionStorage, files of ≤ 20 MiB)
 * builds 100k, but its content sync is 4× slower (10k: 70 s instead of 16 s), so it is chosen
 * only for archives past CHUNKED_FROM reports (docs/scaling.md, "100k reports"). The output is
 * the same bytes either way.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Report files from which the store is chunked (45,000 built with one file, 60,000 did not). */
export const CHUNKED_FROM = 40_000;

/** Markdown files under `dir`, recursively; 0 if it does not exist. */
export function countReportFiles(dir: string): number {
  let count = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) count += countReportFiles(join(dir, entry.name));
    else if (/\.mdx?$/.test(entry.name)) count++;
  }
  return count;
}

/** 'single-file' below CHUNKED_FROM reports, 'chunked' from there. */
export function collectionStorageFor(reports: number): 'single-file' | 'chunked' {
  return reports >= CHUNKED_FROM ? 'chunked' : 'single-file';
}
