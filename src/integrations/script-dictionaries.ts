/**
 * Astro glue for the per-page 简/繁 dictionaries: when the build is done, hand the output directory
 * (as Node's file tree, SHA-256 and gzip) to src/lib/text/write-script-dictionaries.ts and log
 * what it wrote.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { writeScriptDictionaries, type DictionaryPacking } from '../lib/text/write-script-dictionaries.ts';
import { nodeFileTree } from '../node/file-tree.ts';

const nodePacking: DictionaryPacking = {
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  gzipSize: (data) => gzipSync(data).length,
};

/** The Astro integration: write the dictionaries when the build is done. */
export default function scriptDictionaries(): AstroIntegration {
  return {
    name: 'xieshang:script-dictionaries',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const written = writeScriptDictionaries(nodeFileTree(fileURLToPath(dir)), nodePacking);
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger
          .fork('xieshang:script-dictionaries')
          .info(`简/繁 dictionaries for ${written.pages} pages: ${written.files} files, largest ${(written.largestGzip / 1024).toFixed(1)} kB gzipped, in ${seconds} s.`);
      },
    },
  };
}
