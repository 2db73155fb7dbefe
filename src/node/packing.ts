/**
 * Node's gzip, SHA-256 (sha256) and gzip sizes as the packings the build-time writers in src/lib ask for
 * (the search index's IndexPacking, the 简/繁 dictionaries' DictionaryPacking).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { IndexPacking } from '../lib/search/build/write-index.ts';
import type { DictionaryPacking } from '../lib/text/write-script-dictionaries.ts';

/**
 * Fixed level, and Node's gzip writes no timestamp: the same index gives the same bytes. Level 6
 * (zlib's default), not 9: on the index's files 9 saves 0.02–0.04 % of the bytes and costs 10 % more
 * time at 10,000 reports, 53 % more at 30,000 (13.4 against 8.8 s), where the long runs of the
 * common tokens' bitmaps make its longer match search slow.
 */
export const INDEX_GZIP_LEVEL = 6;

export const nodeIndexPacking: IndexPacking = {
  gzip: (data) => gzipSync(data, { level: INDEX_GZIP_LEVEL }),
  sha256: () => {
    const hash = createHash('sha256');
    return { update: (data) => void hash.update(data), hex: () => hash.digest('hex') };
  },
};

/**
 * The SHA-256 of `data`: base64url for the digests in keys and records (short), hex where it names
 * a file (report-bodies.ts: base64url's upper and lower case would collide on a case-insensitive
 * file system). The one digest of the build's Node side.
 */
export function sha256(data: string | Uint8Array, encoding: 'base64url' | 'hex' = 'base64url'): string {
  return createHash('sha256').update(data).digest(encoding);
}

export const nodeDictionaryPacking: DictionaryPacking = {
  gzipSize: (data) => gzipSync(data).length,
  digest: (data) => sha256(data),
};
