/**
 * One pass over the built site in a worker thread (started by src/node/built-site-passes.ts):
 * the search index or the 简/繁 dictionaries. Runs under Node's own TypeScript support (type
 * stripping), so everything it imports must be erasable TypeScript with explicit .ts imports;
 * tests/unit/node/built-site-passes.test.ts runs it that way.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { writeSearchIndex } from '../lib/search/build/write-index.ts';
import { writeScriptDictionaries, type DictionaryRecord } from '../lib/text/write-script-dictionaries.ts';
import type { WritableFileTree } from '../lib/files/tree.ts';
import { threadedFileTree } from './threaded-file-tree.ts';
import { nodeDictionaryPacking, nodeIndexPacking } from './packing.ts';
import type { PassRequest, PassResult } from './built-site-passes.ts';

/**
 * Runs a pass over the built site with its writes on a thread of their own
 * (src/node/threaded-file-tree.ts): both passes read only pages, scripts and files they keep,
 * never a file they write in the same run.
 */
async function writingOnThread<T>(dir: string, pass: (tree: WritableFileTree) => T): Promise<T> {
  const tree = threadedFileTree(dir);
  let result: T;
  try {
    result = pass(tree);
  } catch (error) {
    await tree.close();
    throw error;
  }
  await tree.flush();
  return result;
}

async function run(request: PassRequest): Promise<PassResult> {
  const started = performance.now();
  if (request.pass === 'search-index') {
    const written = await writingOnThread(request.dir, (tree) => writeSearchIndex(tree, nodeIndexPacking));
    return { pass: 'search-index', written, seconds: (performance.now() - started) / 1000 };
  }
  // The search index is written at the same time: its directory is not walked. Pages are only
  // read (each names its dictionary itself), so the two passes never see each other's writes.
  // The record of the last run is removed first and written back only when this run has finished:
  // a run that stopped halfway leaves none, and the next works every dictionary out again.
  const { recordFile } = request;
  const previous = recordFile === undefined ? undefined : readRecord(recordFile);
  if (recordFile !== undefined) rmSync(recordFile, { force: true });
  const { record, ...written } = await writingOnThread(request.dir, (tree) => writeScriptDictionaries(tree, nodeDictionaryPacking, { skipDirs: request.skipDirs, previous }));
  if (recordFile !== undefined) {
    mkdirSync(dirname(recordFile), { recursive: true });
    writeFileSync(recordFile, JSON.stringify(record));
  }
  // The record (one entry per page) stays here: the build log needs only the counts.
  return { pass: 'script-dictionaries', written, seconds: (performance.now() - started) / 1000 };
}

function readRecord(file: string): DictionaryRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DictionaryRecord;
  } catch {
    return undefined;
  }
}

parentPort!.postMessage(await run(workerData as PassRequest));
