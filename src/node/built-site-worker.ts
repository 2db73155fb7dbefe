/**
 * One pass over the built site in a worker thread (started by src/node/built-site-passes.ts):
 * the search index or the 简/繁 dictionaries. Runs under Node's own TypeScript support (type
 * stripping), so everything it imports must be erasable TypeScript with explicit .ts imports;
 * tests/unit/node/built-site-passes.test.ts runs it that way.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { stampIndexFiles, writeSearchIndex } from '../lib/search/build/write-index.ts';
import { decodeIndexMemory, encodeIndexMemory } from '../lib/search/build/index-memory.ts';
import { stampDictionaryFiles, writeScriptDictionaries, type DictionaryRecord } from '../lib/text/write-script-dictionaries.ts';
import type { FileTree, WritableFileTree } from '../lib/files/tree.ts';
import { threadedFileTree } from './threaded-file-tree.ts';
import { INDEX_GZIP_LEVEL, nodeDictionaryPacking, nodeIndexPacking } from './packing.ts';
import { codeDigest } from './code-digest.ts';
import type { PassRequest, PassResult } from './built-site-passes.ts';

/**
 * Runs a pass over the built site with its writes on a thread of their own
 * (src/node/threaded-file-tree.ts): both passes read only pages, scripts and files they keep,
 * never a file they write in the same run.
 */
async function writingOnThread<T>(dir: string, pass: (tree: WritableFileTree) => T, afterWrites?: (tree: FileTree, result: T) => void): Promise<T> {
  const tree = threadedFileTree(dir);
  let result: T;
  try {
    result = pass(tree);
  } catch (error) {
    await tree.close();
    throw error;
  }
  await tree.flush();
  // Now every file is where it stays: what the pass wrote can be stamped for its next run.
  afterWrites?.(tree, result);
  return result;
}

/**
 * Reads a pass's memory of its last run from `file` (in Astro's cache directory), removes it, runs
 * the pass, and writes the new memory back only when the pass has finished: a run that stopped
 * halfway leaves none, and the next works everything out again.
 */
async function remembering<M, R>(file: string | undefined, decode: (bytes: Buffer) => M | undefined, pass: (previous: M | undefined) => Promise<{ result: R; memory?: string | readonly Uint8Array[] }>): Promise<R> {
  let previous: M | undefined;
  if (file !== undefined) {
    try {
      previous = decode(readFileSync(file));
    } catch {
      previous = undefined;
    }
    rmSync(file, { force: true });
  }
  const { result, memory } = await pass(previous);
  if (file !== undefined && memory !== undefined) {
    mkdirSync(dirname(file), { recursive: true });
    if (typeof memory === 'string') writeFileSync(file, memory);
    else {
      // Piece by piece: the index memory's postings are not copied into one buffer first.
      const fd = openSync(file, 'w');
      try {
        for (const piece of memory) for (let at = 0; at < piece.length; ) at += writeSync(fd, piece, at);
      } finally {
        closeSync(fd);
      }
    }
  }
  return result;
}

async function run(request: PassRequest): Promise<PassResult> {
  const started = performance.now();
  if (request.pass === 'search-index') {
    // The memory is valid only for the same code and gzip (src/node/code-digest.ts).
    const inputs = request.recordFile === undefined ? undefined : `${codeDigest()} gzip level ${INDEX_GZIP_LEVEL}`;
    const written = await remembering(request.recordFile, decodeIndexMemory, async (previous) => {
      const { memory, ...result } = await writingOnThread(
        request.dir,
        (tree) => writeSearchIndex(tree, nodeIndexPacking, { inputs, previous }),
        (tree, written) => written.memory && stampIndexFiles(tree, written.memory),
      );
      return { result, memory: memory && encodeIndexMemory(memory) };
    });
    return { pass: 'search-index', written, seconds: (performance.now() - started) / 1000 };
  }
  // The search index is written at the same time: its directory is not walked. Pages are only
  // read (each names its dictionary itself), so the two passes never see each other's writes.
  const written = await remembering(
    request.recordFile,
    (bytes) => JSON.parse(bytes.toString('utf8')) as DictionaryRecord,
    async (previous) => {
      const { record, ...result } = await writingOnThread(
        request.dir,
        (tree) => writeScriptDictionaries(tree, nodeDictionaryPacking, { skipDirs: request.skipDirs, previous }),
        (tree, written) => stampDictionaryFiles(tree, written.record),
      );
      // The record (one entry per page) stays here: the build log needs only the counts.
      return { result, memory: JSON.stringify(record) };
    },
  );
  return { pass: 'script-dictionaries', written, seconds: (performance.now() - started) / 1000 };
}

parentPort!.postMessage(await run(workerData as PassRequest));
