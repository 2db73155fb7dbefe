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
import { threadedFileTree } from './threaded-file-tree.ts';
import { nodeDictionaryPacking, nodeIndexPacking } from './packing.ts';
import type { PassRequest, PassResult } from './built-site-passes.ts';

async function run(request: PassRequest): Promise<PassResult> {
  const started = performance.now();
  if (request.pass === 'search-index') {
    // The index only reads pages and only writes its own files: those go to a thread of their own.
    const tree = threadedFileTree(request.dir);
    let written;
    try {
      written = writeSearchIndex(tree, nodeIndexPacking);
    } catch (error) {
      await tree.close();
      throw error;
    }
    await tree.flush();
    return { pass: 'search-index', written, seconds: (performance.now() - started) / 1000 };
  }
  // The search index is written at the same time: its directory is not walked. Pages are only
  // read (each names its dictionary itself), so the two passes never see each other's writes.
  // The record of the last run is removed first and written back only when this run has finished:
  // a run that stopped halfway leaves none, and the next works every dictionary out again.
  const { recordFile } = request;
  const previous = recordFile === undefined ? undefined : readRecord(recordFile);
  if (recordFile !== undefined) rmSync(recordFile, { force: true });
  // Its writes go to a thread of their own too: it reads back only dictionary files it keeps, which
  // it never writes in the same run.
  const tree = threadedFileTree(request.dir);
  let written;
  try {
    written = writeScriptDictionaries(tree, nodeDictionaryPacking, { skipDirs: request.skipDirs, previous });
  } catch (error) {
    await tree.close();
    throw error;
  }
  await tree.flush();
  if (recordFile !== undefined) {
    mkdirSync(dirname(recordFile), { recursive: true });
    writeFileSync(recordFile, JSON.stringify(written.record));
  }
  return { pass: 'script-dictionaries', written: { ...written, record: { inputs: written.record.inputs, pages: {} } }, seconds: (performance.now() - started) / 1000 };
}

function readRecord(file: string): DictionaryRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DictionaryRecord;
  } catch {
    return undefined;
  }
}

parentPort!.postMessage(await run(workerData as PassRequest));
