/**
 * `npm run check`: validates all content at once and lists every problem (file:line, field,
 * expected, example, suggestion). Exit code 1 on any error; warnings do not fail.
 *
 *   npm run check                      check content/ (or ARCHIVE_CONTENT_DIR)
 *   npm run check -- --content DIR     check another content folder
 *   npm run check -- --registry DIR    read topics.yaml/outlets.yaml from DIR (default: the content folder)
 *   npm run check -- --today 2026-01-31  pretend today is that day (dates after it are errors)
 *   npm run check -- --quiet           errors only (warnings are still counted)
 *   npm run check -- --json            machine-readable problems
 *   npm run check -- --fix             rewrite files with a BOM or CRLF/CR line endings to LF without
 *                                      BOM (nothing else changes), then check again
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCliOptions } from './cli-options.ts';
import { runContentCheck, runContentCheckInParallel } from '../src/node/content-check.ts';
import { formatReport } from '../src/lib/check/format.ts';
import { fixLineEndings } from '../src/lib/check/source-file.ts';
import { contentDir } from '../src/schemas/registry.ts';

const USAGE = `Usage: npm run check [-- --content DIR] [--registry DIR] [--today YYYY-MM-DD] [--quiet] [--json] [--fix]
  检查全部报道，列出每一个问题 (check every report and list every problem); exit 1 on any error.
  --fix: 去掉 BOM，把 CRLF 换行改为 LF，其余不变 (remove a BOM and turn CRLF into LF, nothing else), then check.`;

const { values } = parseCliOptions(
  {
    content: { type: 'string' },
    registry: { type: 'string' },
    today: { type: 'string' },
    json: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    fix: { type: 'boolean', default: false },
  },
  USAGE,
);

if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
  console.error(`--today 要写 YYYY-MM-DD (--today takes YYYY-MM-DD), got "${values.today}"`);
  process.exit(2);
}

const options = { dir: values.content, registryDir: values.registry, today: values.today };
if (values.fix) {
  // Only the files the check names for a BOM or CR line ends, and only those bytes change.
  const dir = values.content ?? contentDir();
  const files = new Set(runContentCheck(options).problems.filter((p) => p.code === 'bom' || p.code === 'crlf').map((p) => p.file));
  for (const file of files) {
    const path = join(dir, file.slice('content/'.length));
    const fixed = fixLineEndings(readFileSync(path));
    if (!fixed) continue;
    writeFileSync(path, fixed);
    console.error(`已修正 (fixed): ${file} → LF，无 BOM (LF, no BOM)`);
  }
}
// The same memory of the last check as the build's (in Astro's cache directory, astro.config.mjs):
// files unchanged since are not checked again.
const result = await runContentCheckInParallel({ ...options, cacheDir: resolve(process.env.ARCHIVE_CACHE_DIR ?? 'node_modules/.astro') });
if (values.json) {
  console.log(JSON.stringify({ reports: result.reports, errors: result.errors, warnings: result.warnings, problems: result.problems }, null, 2));
} else if (values.quiet) {
  console.error(formatReport(result.problems, result.reports, { errorsOnly: true }));
} else {
  (result.errors ? console.error : console.log)(result.text);
}
process.exitCode = result.errors ? 1 : 0;
