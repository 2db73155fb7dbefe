/**
 * Runs the content check before every build (and reports it, without failing, in dev), so that an
 * editor's mistake is explained as the same complete list that `npm run check` prints, instead of
 * Astro stopping at the first invalid file. This module only hooks: src/node/content-check.ts
 * reads the files, src/lib/check checks them.
 */
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { CheckResult } from '../lib/check/check-content.ts';
import { formatReport, formatSummary } from '../lib/check/format.ts';
import { runContentCheck, runContentCheckInParallel } from '../node/content-check.ts';
import { contentDir } from '../schemas/registry.ts';

function logResult(result: CheckResult, logger: AstroIntegrationLogger): void {
  // The full list when something must be fixed; otherwise one line (warnings: see npm run check).
  if (result.errors) logger.error(`\n${formatReport(result.problems, result.reports, { errorsOnly: true })}`);
  else logger.info(`${formatSummary(result.reports, result.errors, result.warnings)}${result.warnings ? '；详情见 npm run check (details: npm run check)' : ''}`);
}

/** The Astro integration: check content at config time (and on every content change in dev); fail `astro build` on any error. */
export default function contentCheck(): AstroIntegration {
  return {
    name: 'xieshang:content-check',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        // In `npm run dev`, re-check whenever an editor saves, adds or removes a content file.
        const dir = contentDir();
        const recheck = (file: string) => {
          if (file.startsWith(dir + sep)) logResult(runContentCheck(), logger);
        };
        server.watcher.add(dir);
        server.watcher.on('change', recheck).on('add', recheck).on('unlink', recheck);
      },
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        // On both cores: nothing else runs while the build waits for the check. Files unchanged
        // since the last check are not checked again (its memory is in Astro's cache directory).
        const result = await runContentCheckInParallel({ cacheDir: fileURLToPath(config.cacheDir) });
        logResult(result, logger);
        if (command === 'build' && result.errors) {
          const error = new Error(
            `内容检查发现 ${result.errors} 个错误，构建已停止；见上方列表 (content check found ${result.errors} error${result.errors === 1 ? '' : 's'}; build stopped, see the list above)`,
          );
          // The list above is the message editors need; a stack trace into this file would only confuse.
          error.stack = error.message;
          throw error;
        }
      },
    },
  };
}
