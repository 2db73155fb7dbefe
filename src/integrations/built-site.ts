/**
 * Astro glue for the passes over the built site: when the build is done, write the search index
 * and the per-page 简/繁 dictionaries, both at once (src/node/built-site-passes.ts), and log each
 * as it finishes, then both together: the benchmark (src/lib/bench/phases.ts) reads that last line.
 * Under `npm run build` they are left to scripts/astro-with-heap-budget.mjs, which runs them once
 * Astro's process has exited (PASSES_AFTER_ASTRO_ENV), with the same lines.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { leavePassesForLater, runAndLogBuiltSitePasses } from '../node/built-site-passes.ts';

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
        // `npm run build` runs the passes itself once Astro has exited (PASSES_AFTER_ASTRO_ENV).
        if (leavePassesForLater({ dir: fileURLToPath(dir), cacheDir })) {
          logger.fork('xieshang:built-site').info('The search index and 简/繁 dictionaries are written once Astro has exited.');
          return;
        }
        await runAndLogBuiltSitePasses(fileURLToPath(dir), ({ label, message }) => logger.fork(label).info(message), { cacheDir });
      },
    },
  };
}
