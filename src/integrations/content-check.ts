/**
 * Runs the content check before every build (and reports it, without failing, in dev), so that an
 * editor's mistake is explained as the same complete list that `npm run check` prints, instead of
 * Astro stopping at the first invalid file. This module is the fs glue; the checks live in
 * src/lib/check (pure).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import jschardet from 'jschardet';
import { checkContent, type CheckResult, type ContentFile } from '../lib/check/check-content.ts';
import { calendarDayIn } from '../lib/check/dates.ts';
import { formatReport, formatSummary } from '../lib/check/format.ts';
import type { Problem } from '../lib/check/problem.ts';
import { contentDir, loadRegistry, RegistryError } from '../schemas/registry.ts';
import type { Registry } from '../schemas/report.ts';

/** Every file under `dir` (dot-folders skipped), as `content/…` paths in code-point order. */
export function readContentFiles(dir: string): ContentFile[] {
  const out: ContentFile[] = [];
  const walk = (current: string) => {
    // readdir order depends on the file system: sort so output is the same everywhere.
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) {
        if (!name.startsWith('.')) walk(full);
      } else {
        out.push({ path: `content/${relative(dir, full).split(sep).join('/')}`, bytes: readFileSync(full) });
      }
    }
  };
  walk(dir);
  return out;
}

function readRegistry(dir: string): { registry?: Registry; problem?: Problem } {
  try {
    return { registry: loadRegistry(pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`)) };
  } catch (error) {
    return {
      problem: {
        severity: 'error',
        code: 'registry',
        file: `content/${error instanceof RegistryError ? error.file : 'topics.yaml'}`,
        message: '无法读取主题或媒体名录 (cannot read the topic or outlet registry)',
        expected: 'content/topics.yaml 与 content/outlets.yaml 均为有效列表 (both registries are valid lists)',
        detail: error instanceof Error ? error.message : String(error),
      },
    };
  }
}

function guessEncoding(bytes: Uint8Array): string | undefined {
  const guess = jschardet.detect(Buffer.from(bytes));
  return guess.encoding && guess.confidence > 0.2 ? guess.encoding : undefined;
}

/** Today in China (YYYY-MM-DD); `ARCHIVE_TODAY` overrides it for reproducible runs. */
export function todayForCheck(): string {
  return process.env.ARCHIVE_TODAY ?? calendarDayIn(new Date());
}

/** Checks the content directory (registries from `registryDir`, default the same) and returns the result with its printable text. */
export function runContentCheck(options: { dir?: string; registryDir?: string; today?: string } = {}): CheckResult & { text: string } {
  const dir = options.dir ?? contentDir();
  const { registry, problem } = readRegistry(options.registryDir ?? dir);
  const result = checkContent(readContentFiles(dir), { registry, today: options.today ?? todayForCheck(), guessEncoding });
  if (problem) {
    result.problems.unshift(problem);
    result.errors++;
  }
  return { ...result, text: formatReport(result.problems, result.reports) };
}

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
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const result = runContentCheck();
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
