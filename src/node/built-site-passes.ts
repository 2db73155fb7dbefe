/**
 * The two passes over the built site, the search index (src/lib/search/build/write-index.ts) and
 * the 简/繁 dictionaries (src/lib/text/write-script-dictionaries.ts), run at the same time, each in
 * a worker thread (src/node/built-site-worker.ts). Each reads every page back and costs about as
 * much as the other (at 10,000 reports 32 and 37 s one after the other), so on a machine with two
 * cores the build waits for the longer one instead of their sum. They do not depend on each
 * other: both only read the pages, the index what SearchMeta wrote, the dictionaries pass each
 * page's text and the dictionary file its <meta> names.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WrittenIndex } from '../lib/search/build/write-index.ts';
import type { WrittenDictionaries } from '../lib/text/write-script-dictionaries.ts';
import { INDEX_DIR } from '../lib/search/index/format.ts';
import { DICTIONARY_DIR } from '../lib/text/script-dictionary-href.ts';

/** `recordFile`: where the pass keeps its record of the last run (in Astro's cache directory). */
export type PassRequest = { pass: 'search-index'; dir: string; recordFile?: string } | { pass: 'script-dictionaries'; dir: string; skipDirs: string[]; recordFile?: string };
export type PassResult = { pass: 'search-index'; written: WrittenIndex; seconds: number } | { pass: 'script-dictionaries'; written: Omit<WrittenDictionaries, 'record'>; seconds: number };

/** The dictionaries pass's record of its last run, in Astro's cache directory (DictionaryRecord). */
export const DICTIONARY_RECORD_FILE = 'xieshang-script-dictionaries.json';
/** The search index pass's memory of its last run, in Astro's cache directory (IndexMemory). */
export const INDEX_MEMORY_FILE = 'xieshang-search-index.bin';

/** The search index's directory in the built site ('search-index'). */
const INDEX_TREE_DIR = INDEX_DIR.replace(/^\/|\/$/g, '');

/** The directories of the built site the passes write and look after themselves. */
export const PASS_OUTPUT_DIRS: readonly string[] = [INDEX_TREE_DIR, DICTIONARY_DIR];

const WORKER = new URL('./built-site-worker.ts', import.meta.url);

function runPass(request: PassRequest, started: Worker[]): Promise<PassResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: request });
    started.push(worker);
    let result: PassResult | undefined;
    worker.once('message', (message: PassResult) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`The ${request.pass} pass over the built site stopped (exit code ${code}) without a result.`));
    });
  });
}

/** The build log's line for a finished pass: the logger's label and the message. */
function passLogLine(done: PassResult): { label: string; message: string } {
  const seconds = done.seconds.toFixed(2);
  if (done.pass === 'search-index') {
    const { manifest, tokens, files, bytes, reread, rewritten } = done.written;
    const kept = reread < manifest.documents ? ` (${reread} of them read, ${rewritten} files written, the rest unchanged from the last build)` : '';
    return { label: 'xieshang:search-index', message: `Indexed ${manifest.documents} reports${kept} (${tokens} tokens, ${manifest.buckets} buckets, ${files} files, ${(bytes / 1e6).toFixed(1)} MB) in ${seconds} s.` };
  }
  const { pages, reused, largestGzip } = done.written;
  const kept = reused ? ` (${reused} of them unchanged, kept from the last build)` : '';
  return { label: 'xieshang:script-dictionaries', message: `简/繁 dictionaries for ${pages} pages, one file each${kept}, largest ${(largestGzip / 1024).toFixed(1)} kB gzipped, in ${seconds} s.` };
}

/** The build log's last line of the passes, with both together: the benchmark reads it (src/lib/bench/phases.ts). */
function passesLogLine(seconds: number): { label: string; message: string } {
  return { label: 'xieshang:built-site', message: `Search index and 简/繁 dictionaries written in ${seconds.toFixed(2)} s.` };
}

/**
 * Runs both passes (runBuiltSitePasses) and hands `log` each pass's line as it finishes, then the
 * line for both together: one way to run and log them, for the integration's hook and for
 * `npm run build` after Astro has exited.
 */
export async function runAndLogBuiltSitePasses(dir: string, log: (line: { label: string; message: string }) => void, options: { cacheDir?: string } = {}): Promise<void> {
  const started = performance.now();
  await runBuiltSitePasses(dir, (done) => log(passLogLine(done)), options);
  log(passesLogLine((performance.now() - started) / 1000));
}

/**
 * Where `npm run build` (scripts/astro-with-heap-budget.mjs) asks the integration to leave the
 * passes for it: a file to write `{ dir, cacheDir }` into instead of running them. It runs them
 * once Astro's process has exited, so the passes' memory is not added to Astro's (at 10,000
 * reports Astro's process still holds about 1.6 GB when its last hook runs).
 */
export const PASSES_AFTER_ASTRO_ENV = 'XIESHANG_PASSES_AFTER_ASTRO';

/** What the integration leaves for the passes run after Astro (PASSES_AFTER_ASTRO_ENV). */
export interface PendingPasses {
  dir: string;
  cacheDir?: string;
}

/**
 * When the build was started by `npm run build` (PASSES_AFTER_ASTRO_ENV names a file): leaves the
 * passes over `pending.dir` in that file for it and returns true. Otherwise false: run them now.
 */
export function leavePassesForLater(pending: PendingPasses): boolean {
  const file = process.env[PASSES_AFTER_ASTRO_ENV];
  if (!file) return false;
  writeFileSync(file, JSON.stringify(pending));
  return true;
}

/**
 * Writes the search index and the dictionaries into the built site at `dir`, both at once;
 * `onDone` hears each pass as it finishes (for the build log). If one fails, the other is stopped
 * and the error is thrown.
 */
export async function runBuiltSitePasses(dir: string, onDone: (result: PassResult) => void, options: { cacheDir?: string } = {}): Promise<PassResult[]> {
  const workers: Worker[] = [];
  const inCache = (name: string) => (options.cacheDir === undefined ? undefined : join(options.cacheDir, name));
  const passes = [
    runPass({ pass: 'search-index', dir, recordFile: inCache(INDEX_MEMORY_FILE) }, workers),
    runPass({ pass: 'script-dictionaries', dir, skipDirs: [INDEX_TREE_DIR], recordFile: inCache(DICTIONARY_RECORD_FILE) }, workers),
  ];
  try {
    return await Promise.all(passes.map((p) => p.then((result) => (onDone(result), result))));
  } catch (error) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  }
}
