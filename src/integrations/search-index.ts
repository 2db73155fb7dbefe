/**
 * Astro glue for the search index: when the build is done, hand the output directory (as Node's
 * file tree, gzip and SHA-256) to src/lib/search/build/write-index.ts and log what it wrote.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { writeSearchIndex, type IndexPacking } from '../lib/search/build/write-index.ts';
import { nodeFileTree } from '../node/file-tree.ts';

/** Node's gzip and SHA-256. Fixed level, and Node's gzip writes no timestamp: the same index gives the same bytes. */
const nodePacking: IndexPacking = {
  gzip: (data) => gzipSync(data, { level: 9 }),
  sha256: () => {
    const hash = createHash('sha256');
    return { update: (data) => void hash.update(data), hex: () => hash.digest('hex') };
  },
};

/** The Astro integration: index the built report pages when the build is done. */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'xieshang:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const log = logger.fork('xieshang:search-index');
        const started = performance.now();
        const written = writeSearchIndex(nodeFileTree(fileURLToPath(dir)), nodePacking);
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        const mb = (written.bytes / 1e6).toFixed(1);
        log.info(`Indexed ${written.manifest.documents} reports (${written.tokens} tokens, ${written.manifest.buckets} buckets, ${written.files} files, ${mb} MB) in ${seconds} s.`);
      },
    },
  };
}
