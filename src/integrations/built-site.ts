/**
 * Astro glue for the passes over the built site (src/node/built-site-passes.ts): started when the
 * build starts, handed each page as it is rendered (src/integrations/built-site-middleware.ts),
 * finished when the build is done. Logs each pass as it finishes, then both together: the
 * benchmark (src/lib/bench/phases.ts) reads that last line.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PAGE_HOOK, type BuiltPageHook } from '../node/built-site-hook.ts';
import { BuiltSitePasses } from '../node/built-site-passes.ts';

type HookHolder = { [PAGE_HOOK]?: BuiltPageHook };

/** The Astro integration: the search index and each page's 简/繁 dictionary, written with the build. */
export default function builtSite(): AstroIntegration {
  let outDir: string | undefined;
  let passes: BuiltSitePasses | undefined;
  const holder = globalThis as HookHolder;
  return {
    name: 'xieshang:built-site',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command === 'build') addMiddleware({ entrypoint: new URL('./built-site-middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        passes = new BuiltSitePasses(outDir!);
        holder[PAGE_HOOK] = passes;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        // A build without build:start (none today) still gets both passes, over the pages on disk.
        const running = passes ?? new BuiltSitePasses(fileURLToPath(dir));
        delete holder[PAGE_HOOK];
        passes = undefined;
        await running.finish((done) => {
          const seconds = done.seconds.toFixed(2);
          if (done.pass === 'search-index') {
            const { manifest, tokens, files, bytes } = done.written;
            logger
              .fork('xieshang:search-index')
              .info(`Indexed ${manifest.documents} reports (${tokens} tokens, ${manifest.buckets} buckets, ${files} files, ${(bytes / 1e6).toFixed(1)} MB; ${done.pagesHandedIn} read as they were built) in ${seconds} s.`);
          } else {
            const { pages, files, largestGzip } = done.written;
            logger
              .fork('xieshang:script-dictionaries')
              .info(`简/繁 dictionaries for ${pages} pages (${done.pagesHandedIn} as they were built): ${files} files, largest ${(largestGzip / 1024).toFixed(1)} kB gzipped, in ${seconds} s.`);
          }
        });
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.fork('xieshang:built-site').info(`Search index and 简/繁 dictionaries written in ${seconds} s.`);
      },
    },
  };
}
