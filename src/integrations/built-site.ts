/**
 * Astro glue for the passes over the built site: when the build is done, write the search index
 * and the per-page 简/繁 dictionaries, both at once (src/node/built-site-passes.ts), and log each
 * as it finishes, then both together: the benchmark (src/lib/bench/phases.ts) reads that last line.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { runBuiltSitePasses } from '../node/built-site-passes.ts';

/** The Astro integration: index the built pages and write their dictionaries when the build is done. */
export default function builtSite(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'xieshang:built-site',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        await runBuiltSitePasses(fileURLToPath(dir), (done) => {
          const seconds = done.seconds.toFixed(2);
          if (done.pass === 'search-index') {
            const { manifest, tokens, files, bytes, reread, rewritten } = done.written;
            const kept = reread < manifest.documents ? ` (${reread} of them read, ${rewritten} files written, the rest unchanged from the last build)` : '';
            logger
              .fork('xieshang:search-index')
              .info(`Indexed ${manifest.documents} reports${kept} (${tokens} tokens, ${manifest.buckets} buckets, ${files} files, ${(bytes / 1e6).toFixed(1)} MB) in ${seconds} s.`);
          } else {
            const { pages, reused, largestGzip } = done.written;
            const kept = reused ? ` (${reused} of them unchanged, kept from the last build)` : '';
            logger
              .fork('xieshang:script-dictionaries')
              .info(`简/繁 dictionaries for ${pages} pages, one file each${kept}, largest ${(largestGzip / 1024).toFixed(1)} kB gzipped, in ${seconds} s.`);
          }
        }, { cacheDir });
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.fork('xieshang:built-site').info(`Search index and 简/繁 dictionaries written in ${seconds} s.`);
      },
    },
  };
}
