/**
 * How Astro should keep the content layer's data store for this archive. One data-store.json is
 * the fast default (10,000 reports: content sync 16 s), but it is one module of the bundle and
 * past ≈ 50,000 reports (8.9 kB each) too large for the bundler to hand back to V8: 60k and 100k
 * failed in bundling. 'chunked' (Astro 7.1's experimental.collectionStorage, files of ≤ 20 MiB)
 * builds 100k, but its content sync is 4× slower (10k: 70 s instead of 16 s), so it is chosen
 * only for archives past CHUNKED_FROM reports (docs/scaling.md, "100k reports"). The output is
 * the same bytes either way.
 */

/** Report files from which the store is chunked (45,000 built with one file, 60,000 did not). */
export const CHUNKED_FROM = 40_000;

/** 'single-file' below CHUNKED_FROM reports, 'chunked' from there. */
export function collectionStorageFor(reports: number): 'single-file' | 'chunked' {
  return reports >= CHUNKED_FROM ? 'chunked' : 'single-file';
}
