/**
 * Astro glue for a kept output directory (src/node/kept-output.ts): dist/ is not emptied before a
 * build, so the report pages Astro's incremental build skips stay where they are; when the pages
 * are generated, whatever this build did not write or keep is removed, before the search index
 * and dictionaries read the pages (so it must come before xieshang:built-site).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { distrustUnfinishedBuild, markBuildFinished, pruneStaleOutput } from '../node/kept-output.ts';
import { PASS_OUTPUT_DIRS } from '../node/built-site-passes.ts';

export default function keptOutput(): AstroIntegration {
  let cacheDir = '';
  let startedMs = 0;
  return {
    name: 'xieshang:kept-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        startedMs = Date.now();
        if (distrustUnfinishedBuild(cacheDir)) logger.info('The previous build did not finish: every page is rendered again.');
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const kept = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const { files } = pruneStaleOutput(fileURLToPath(dir), kept, startedMs, PASS_OUTPUT_DIRS);
        if (files.length) logger.info(`Removed ${files.length} file(s) the previous build wrote and this one does not.`);
        markBuildFinished(cacheDir);
      },
    },
  };
}
