/**
 * npm run import -- <file-or-dir>... [--out content/reports] [--dry-run] [--json] [--force]
 *   [--date YYYY[-MM[-DD]] --date-note "…" [--date-certainty stated]] [--outlet …] [--region …]… [--kind …] [--topics a,b]
 * Thin CLI over src/lib/importer: argv, fs, exit code. Editor overrides are checked before any file is read. Writes atomically (temp file + rename),
 * never overwrites without --force, and validates each report against the schema before writing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseImportArgs, USAGE, type ImportArgs } from '../src/lib/importer/cli-args.ts';
import type { ArticleRecord, ImportRegistry, ImportResult } from '../src/lib/importer/index.ts';
import type { ImportReply } from './import-worker.ts';
import { applyOverrides, missingFieldFix, OVERRIDABLE_FIELDS, resolveOverrides } from '../src/lib/importer/overrides.ts';
import { renderReportFile, reportPath, frontMatter } from '../src/lib/importer/report-file.ts';
import { reviewSummary } from '../src/lib/importer/review-summary.ts';
import { contentDirUrl, loadRegistry } from '../src/schemas/registry.ts';
import { reportSchema } from '../src/schemas/report.ts';
// The check's "today" (the archive's calendar day, ARCHIVE_TODAY in tests), so import and check flag the same future dates.
import { todayForCheck } from '../src/node/today.ts';

const INPUT_EXT = /\.(txt|md|html?|text)$/iu;

/** Files named on the command line, directories expanded, sorted by code point so runs are repeatable. */
function expandInputs(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (existsSync(input) && statSync(input).isDirectory()) {
      const names = readdirSync(input).sort();
      files.push(...expandInputs(names.map((n) => join(input, n)).filter((p) => statSync(p).isDirectory() || INPUT_EXT.test(p) || !/\.[a-z0-9]+$/iu.test(p))));
    } else files.push(input);
  }
  return files;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function jsonArticle(a: ArticleRecord) {
  return {
    // No headline on the page: null (with the title-missing warning), never an empty string or a nav label.
    title: a.title || null,
    date: a.date,
    dateCertainty: a.dateCertainty,
    outlet: a.outlet,
    reporters: a.reporters,
    editors: a.editors,
    kind: a.kind,
    regions: a.regions,
    topics: a.topics,
    figures: a.figures,
    events: a.events,
    body: a.body,
    removed: a.removed.map((r) => ({ text: r.text, reason: r.reason })),
    warnings: a.warnings,
    problems: a.problems.map(({ code, field, line, message }) => ({ code, field, line, message })),
  };
}

/** The temp file being written, removed if the run is interrupted (Ctrl-C, kill) before its rename. */
let pendingTemp: string | undefined;

function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  pendingTemp = temp;
  writeFileSync(temp, content);
  renameSync(temp, path);
  pendingTemp = undefined;
}

/**
 * Imports one file at a time in a worker thread it can replace: a page that runs past the time
 * limit, exhausts the worker's memory or makes the importer throw is that file's error, and the
 * run goes on with the next file.
 */
class FileImporter {
  private worker: Worker | undefined;
  private nextId = 1;

  private readonly registry: ImportRegistry;
  private readonly seconds: number;

  constructor(registry: ImportRegistry, seconds: number) {
    this.registry = registry;
    this.seconds = seconds;
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { workerData: { registry: this.registry, now: todayForCheck() }, resourceLimits: { maxOldGenerationSizeMb: 3072 } });
    worker.unref();
    return worker;
  }

  import(bytes: Uint8Array, fileName: string): Promise<ImportResult> {
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise((resolvePromise) => {
      const finish = (result: ImportResult, replace = false) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (replace) {
          void worker.terminate();
          this.worker = undefined;
        }
        resolvePromise(result);
      };
      const onMessage = (reply: ImportReply) => {
        if (reply.id !== id) return;
        finish('crash' in reply ? { ok: false, error: `the importer failed on this page (${reply.crash}). Fix: save the article again as text or HTML; if it still fails, report the page` } : reply.result);
      };
      const onError = (e: Error & { code?: string }) =>
        finish({ ok: false, error: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'the page needs more memory than the importer allows (3 GB). Fix: save only the article (the browser\'s reader view, or copy its text into a .txt file)' : `the importer failed on this page (${e.message})` }, true);
      const onExit = () => finish({ ok: false, error: 'the importer stopped unexpectedly on this page' }, true);
      const timer = setTimeout(
        () => finish({ ok: false, error: `the importer took more than ${this.seconds} s on this page and was stopped. Fix: save only the article (the browser's reader view, or copy its text into a .txt file), or allow more time with --time-limit ${Math.max(60, this.seconds * 2)}` }, true),
        this.seconds * 1000,
      );
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ id, bytes, fileName });
    });
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}

async function main(): Promise<number> {
  let args: ImportArgs;
  try {
    args = parseImportArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!args.inputs.length) {
    console.error(USAGE);
    return 2;
  }
  const registry = loadRegistry(contentDirUrl());
  const { overrides, errors } = resolveOverrides(args.overrides, registry);
  if (errors.length) {
    for (const e of errors) console.error(e);
    console.error(`Nothing imported: ${plural(errors.length, 'override')} to fix first.`);
    return 2;
  }
  const schema = reportSchema(registry);
  const outRoot = resolve(args.out);
  let failed = 0;
  let written = 0;
  // Ctrl-C or a kill between files or during a write: no half-written temp file stays behind.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      if (pendingTemp) rmSync(pendingTemp, { force: true });
      console.error(`Interrupted (${signal}): wrote ${plural(written, 'report')} before stopping; no half-written file was left.`);
      process.exit(code);
    });
  }
  const importer = new FileImporter(registry, args.timeLimit);
  const planned = new Set<string>();
  const files: unknown[] = [];
  for (const file of expandInputs(args.inputs)) {
    const shown = relative(process.cwd(), resolve(file)).split('\\').join('/');
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      console.error(`${shown}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'}). Fix: check the path.`);
      failed++;
      continue;
    }
    const result = await importer.import(bytes, shown);
    if (!result.ok) {
      console.error(`${shown}: ${result.error}${/Fix:/u.test(result.error) ? '' : '. Fix: save the page again as text or HTML (UTF-8, GBK or Big5)'}.`);
      failed++;
      continue;
    }
    const articles = result.articles.map((a) => applyOverrides(a, overrides));
    files.push({ input: shown, encoding: result.encoding, articles: articles.map(jsonArticle) });
    for (const article of articles) {
      let rel = reportPath(article);
      for (let k = 2; planned.has(rel); k++) rel = reportPath(article).replace(/\.md$/u, `-${k}.md`);
      planned.add(rel);
      const target = join(outRoot, rel);
      const shownTarget = relative(process.cwd(), target).split('\\').join('/');
      if (!args.json) console.log(reviewSummary(shown, article, shownTarget));
      const check = schema.safeParse(frontMatter(article));
      if (!check.success) {
        // Fields an override flag supplies get one plain Fix naming the flags; other problems keep the schema's words.
        const missing = missingFieldFix(article);
        const rest = check.error.issues.filter((i) => !(missing && OVERRIDABLE_FIELDS.includes(String(i.path[0]))));
        const problems = [...(missing ? [`missing ${missing.fields.join(', ')}`] : []), ...rest.map((i) => `${i.path.join('.') || '(report)'}: ${i.message}`)].join('; ');
        console.error(`${shown}: not written (${article.title || 'untitled'}): ${problems}.${missing ? ` ${missing.fix}` : ''}`);
        failed++;
        continue;
      }
      if (args.dryRun) continue;
      const content = renderReportFile(article);
      if (existsSync(target) && !args.force) {
        if (readFileSync(target, 'utf8') === content) continue;
        console.error(`${shownTarget}: exists and differs; not overwritten. Fix: pass --force to replace it.`);
        failed++;
        continue;
      }
      writeAtomic(target, content);
      written++;
    }
  }
  importer.close();
  if (args.json) process.stdout.write(JSON.stringify({ files }) + '\n');
  else console.log(`Imported ${plural(files.length, 'file')}; ${args.dryRun ? 'dry run, nothing written' : `wrote ${plural(written, 'report')}`}; ${plural(failed, 'problem')}.`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
