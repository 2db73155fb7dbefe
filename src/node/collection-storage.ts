/**
 * How Astro should keep the content layer's data store for this archive. One data-store.json is
 * the fast default, but it is one module of the bundle, and past ≈ 400 MB too large for the
 * bundler to hand back to V8 (a 532 MB store failed in bundling, a 399 MB one built).
 * 'chunked' (Astro 7.1's experimental.collectionStorage, files of ≤ 20 MiB) builds any size, but
 * its content sync is about 4× slower (10k: 70 s instead of 16 s; 100k: 11 min 15 s instead of
 * 3 min), so it is chosen only for archives past CHUNKED_FROM reports. The output is the same
 * bytes either way (docs/scaling.md, "100k reports").
 */

/**
 * Report files from which the store is chunked. Since the rendered bodies are kept beside the
 * store (src/node/report-bodies.ts), a report costs the store ≈ 1.3 kB (100k: 127 MB), not 8.9 kB,
 * so 200,000 reports make ≈ 250 MB, well below the 399 MB that built; bodies with images, which
 * stay in the store, and richer front matter leave room.
 */
export const CHUNKED_FROM = 200_000;

/** 'single-file' below CHUNKED_FROM reports, 'chunked' from there. */
export function collectionStorageFor(reports: number): 'single-file' | 'chunked' {
  return reports >= CHUNKED_FROM ? 'chunked' : 'single-file';
}
