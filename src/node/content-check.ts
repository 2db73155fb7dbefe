/**
 * The content check on the disk: reads the content directory and the registries with Node and runs
 * src/lib/check over them. Shared by the build's integration, `npm run check`, `npm run new`
 * and the editor server, so all of them check the same files the same way.
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import jschardet from 'jschardet';
import { checkContent, checkReportFile, reportFilePaths, type CheckOptions, type CheckResult, type ContentFile, type ReportCheck } from '../lib/check/check-content.ts';
import { contentFiles, registryProblem } from '../lib/check/content-tree.ts';
import { formatReport } from '../lib/check/format.ts';
import type { Problem } from '../lib/check/problem.ts';
import { contentDir, loadRegistry, RegistryError } from '../schemas/registry.ts';
import type { Registry } from '../schemas/report.ts';
import { nodeFileTree } from './file-tree.ts';
import { todayForCheck } from './today.ts';

/** Every file under `dir` (dot-folders skipped), as `content/…` paths in code-point order. */
export function readContentFiles(dir: string): ContentFile[] {
  return contentFiles(nodeFileTree(dir));
}

function readRegistry(dir: string): { registry?: Registry; problem?: Problem } {
  try {
    return { registry: loadRegistry(pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`)) };
  } catch (error) {
    return { problem: registryProblem(error instanceof RegistryError ? error.file : undefined, error instanceof Error ? error.message : String(error)) };
  }
}

function guessEncoding(bytes: Uint8Array): string | undefined {
  const guess = jschardet.detect(Buffer.from(bytes));
  return guess.encoding && guess.confidence > 0.2 ? guess.encoding : undefined;
}

/** Where to check, as runContentCheck takes it. */
export interface ContentCheckRequest {
  dir?: string;
  /** The registries' directory, default `dir`. */
  registryDir?: string;
  today?: string;
}

/** The check's options for a request (the registries read from disk), and the problem reading them, if any. */
export function checkOptionsFor(request: ContentCheckRequest): { dir: string; options: CheckOptions; problem?: Problem } {
  const dir = request.dir ?? contentDir();
  const { registry, problem } = readRegistry(request.registryDir ?? dir);
  return { dir, options: { registry, today: request.today ?? todayForCheck(), guessEncoding }, ...(problem ? { problem } : {}) };
}

function finish(result: CheckResult, problem: Problem | undefined): CheckResult & { text: string } {
  if (problem) {
    result.problems.unshift(problem);
    result.errors++;
  }
  return { ...result, text: formatReport(result.problems, result.reports) };
}

/** Checks the content directory (registries from `registryDir`, default the same) and returns the result with its printable text. */
export function runContentCheck(request: ContentCheckRequest = {}): CheckResult & { text: string } {
  const { dir, options, problem } = checkOptionsFor(request);
  return finish(checkContent(readContentFiles(dir), options), problem);
}

/**
 * Report files from which runContentCheckInParallel hands half of them to a second thread. Below
 * it the thread's start (≈ 0.3–0.5 s to load the check's modules) would cost more than it saves.
 */
export const PARALLEL_FROM = 1000;

/** What content-check-worker.ts is given: the request, every content path, and the files it checks. */
export interface CheckWorkerData {
  request: ContentCheckRequest;
  paths: string[];
  files: ContentFile[];
}

/**
 * runContentCheck on two cores: from `parallelFrom` report files on, the second half of them is
 * checked in a worker thread (src/node/content-check-worker.ts) while this thread checks the
 * first; the checks across files then run here on both halves' findings. Same result as
 * runContentCheck (tests/unit/check/parallel-check.test.ts). At 10,000 reports the check is
 * ≈ 4–5.5 s on one core, about half on two: the build's start and `npm run check` wait that much less.
 */
export async function runContentCheckInParallel(request: ContentCheckRequest = {}, parallelFrom = PARALLEL_FROM): Promise<CheckResult & { text: string }> {
  const { dir, options, problem } = checkOptionsFor(request);
  const files = readContentFiles(dir);
  const reports = reportFilePaths(files);
  const checked = new Map<string, ReportCheck>();
  if (reports.length >= parallelFrom) {
    const half = Math.ceil(reports.length / 2);
    const ours = new Set(reports.slice(0, half));
    const theirs = new Set(reports.slice(half));
    const data: CheckWorkerData = { request: { ...request, dir, today: options.today }, paths: files.map((f) => f.path), files: files.filter((f) => theirs.has(f.path)) };
    // Node's own type stripping, not the parent's loader (tsx under npm run check compiles every module again).
    const worker = new Worker(new URL('./content-check-worker.ts', import.meta.url), { workerData: data, execArgv: [] });
    const answer = new Promise<[string, ReportCheck][]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`The content check's second thread stopped (exit code ${code}) without an answer.`)));
    });
    const paths = new Set(data.paths);
    for (const file of files) if (ours.has(file.path)) checked.set(file.path, checkReportFile(file.path, file.bytes, options, paths));
    for (const [path, check] of await answer) checked.set(path, check);
  }
  return finish(checkContent(files, options, checked), problem);
}
