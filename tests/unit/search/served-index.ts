/**
 * A built search index served from memory to the page's engine (src/client/search/engine.ts):
 * `fetch` is replaced by a lookup in the built files, gzipped as the build writes them. The engine
 * keeps its index in module state, so a test file serves one index.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, vi } from 'vitest';
import { buildSearchIndex, type BuildOptions, type IndexDocument } from '../../../src/lib/search/build/index-builder.ts';
import { bucketFile, detailFile, FACETS_FILE, FORMAT_VERSION, INDEX_DIR, MANIFEST_FILE, recordFile, valueFile, versionDir, type SearchManifest } from '../../../src/lib/search/index/format.ts';

/** Serves the index of `reports` for the test file; returns the list of paths fetched, in order. */
export function serveIndex(reports: readonly IndexDocument[], options: BuildOptions): string[] {
  const fetched: string[] = [];
  beforeAll(() => {
    const index = buildSearchIndex([...reports], options);
    const version = 'test';
    const files = new Map<string, Uint8Array>();
    index.buckets.forEach((bytes, i) => files.set(bucketFile(i), bytes));
    for (const { bucket, chunk, bytes } of index.details) files.set(detailFile(bucket, chunk), bytes);
    index.values.forEach((bytes, i) => files.set(valueFile(i), bytes));
    index.records.forEach((bytes, i) => files.set(recordFile(i), bytes));
    files.set(FACETS_FILE, index.facets);
    const manifest: SearchManifest = { format: FORMAT_VERSION, version, documents: index.documents, buckets: index.buckets.length, values: index.values.length, detailChunk: index.detailChunk };
    vi.stubGlobal('fetch', async (path: string) => {
      fetched.push(path);
      if (path === `${INDEX_DIR}${MANIFEST_FILE}`) return new Response(JSON.stringify(manifest));
      const bytes = files.get(path.slice(versionDir(version).length));
      return bytes ? new Response(gzipSync(bytes)) : new Response('not found', { status: 404, statusText: 'Not Found' });
    });
  });
  afterAll(() => vi.unstubAllGlobals());
  return fetched;
}
