/**
 * The content check on the disk: reads the content directory and the registries with Node and runs
 * src/lib/check over them. Shared by the build's integration, `npm run check`, `npm run new`
 * and the editor server, so all of them check the same files the same way.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import jschardet from 'jschardet';
import { checkContent, reportFilePaths, type CheckOptions, type CheckResult, type ContentFile } from '../lib/check/check-content.ts';
import { contentPaths } from '../lib/check/images.ts';
import { checkRemembering, stillTrue, type CheckMemory, type RememberedCheck } from '../lib/check/check-memory.ts';
import { contentFiles, registryProblem } from '../lib/check/content-tree.ts';
import { formatReport } from '../lib/check/format.ts';
import type { Problem } from '../lib/check/problem.ts';
import { contentDir, loadRegistry, RegistryError } from '../schemas/registry.ts';
import type { Registry } from '../schemas/report.ts';
import { codeDigest } from './code-digest.ts';
import { nodeFileTree } from './file-tree.ts';
import { sha256 } from './packing.ts';
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

/** What content-check-worker.ts is given: the request, every content path, and the files it checks with their digests. */
export interface CheckWorkerData {
  request: ContentCheckRequest;
  paths: string[];
  files: (ContentFile & { digest: string })[];
}

/** The content check's memory of its last run, in Astro's cache directory (CheckMemory). */
export const CHECK_MEMORY_FILE = 'xieshang-content-check.json';

const digestOf = (bytes: Uint8Array) => sha256(bytes);

function readMemory(file: string): CheckMemory | undefined {
  try {
    const memory = JSON.parse(readFileSync(file, 'utf8')) as CheckMemory;
    return typeof memory?.inputs === 'string' && typeof memory.files === 'object' && memory.files !== null ? memory : undefined;
  } catch {
    return undefined;
  }
}

/**
 * runContentCheck on two cores: from `parallelFrom` report files on, the second half of them is
 * checked in a worker thread (src/node/content-check-worker.ts) while this thread checks the
 * first; the checks across files then run here on both halves' findings. Same result as
 * runContentCheck (tests/unit/check/parallel-check.test.ts). At 10,000 reports the check is
 * ≈ 4–5.5 s on one core, about half on two: the build's start and `npm run check` wait that much less.
 *
 * With `cacheDir`, the check remembers its last run there (CheckMemory, src/lib/check/check-memory.ts)
 * and checks again only the report files whose bytes changed (or whose body images came or went):
 * after an editor adds one report to 10,000, about 0.5 s instead of 4.5 s. The memory is valid only
 * for the same code (src/node/code-digest.ts), registries, today and content folder.
 */
export async function runContentCheckInParallel(request: ContentCheckRequest & { cacheDir?: string } = {}, parallelFrom = PARALLEL_FROM): Promise<CheckResult & { text: string }> {
  const { cacheDir, ...where } = request;
  const { dir, options, problem } = checkOptionsFor(where);
  const files = readContentFiles(dir);
  const all = new Set(files.map((f) => f.path));
  const paths = contentPaths(all);
  const reports = new Set(reportFilePaths(files));
  const digests = new Map(files.filter((f) => reports.has(f.path)).map((f) => [f.path, digestOf(f.bytes)]));
  const memoryFile = cacheDir === undefined || !options.registry ? undefined : join(cacheDir, CHECK_MEMORY_FILE);
  const inputs = JSON.stringify([codeDigest(), resolve(dir), options.today, options.registry]);
  const remembered = stillTrue(memoryFile === undefined ? undefined : readMemory(memoryFile), inputs, digests, paths);
  const todo = files.filter((f) => reports.has(f.path) && !remembered.has(f.path)).map((f) => ({ ...f, digest: digests.get(f.path)! }));
  let ours = todo;
  let answer: Promise<[string, RememberedCheck][]> = Promise.resolve([]);
  if (todo.length >= parallelFrom) {
    const half = Math.ceil(todo.length / 2);
    ours = todo.slice(0, half);
    const data: CheckWorkerData = { request: { ...where, dir, today: options.today }, paths: [...all], files: todo.slice(half) };
    // Node's own type stripping, not the parent's loader (tsx under npm run check compiles every module again).
    const worker = new Worker(new URL('./content-check-worker.ts', import.meta.url), { workerData: data, execArgv: [] });
    answer = new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`The content check's second thread stopped (exit code ${code}) without an answer.`)));
    });
  }
  for (const file of ours) remembered.set(file.path, checkRemembering(file.path, file.bytes, file.digest, options, paths));
  for (const [path, check] of await answer) remembered.set(path, check);
  const checked = new Map([...remembered].map(([path, entry]) => [path, entry.check]));
  const result = finish(checkContent(files, options, checked), problem);
  if (memoryFile !== undefined) {
    const memory: CheckMemory = { inputs, files: Object.fromEntries([...remembered].sort(([a], [b]) => (a < b ? -1 : 1))) };
    mkdirSync(cacheDir!, { recursive: true });
    writeFileSync(memoryFile, JSON.stringify(memory));
  }
  return result;
}
