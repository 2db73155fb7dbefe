/**
 * One pass over the built site in a worker thread (started by src/node/built-site-passes.ts):
 * the search index or the 简/繁 dictionaries. Runs under Node's own TypeScript support (type
 * stripping), so everything it imports must be erasable TypeScript with explicit .ts imports;
 * tests/unit/architecture/worker-modules.test.ts loads it that way.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeSearchIndex } from '../lib/search/build/write-index.ts';
import { writeScriptDictionaries } from '../lib/text/write-script-dictionaries.ts';
import { nodeFileTree } from './file-tree.ts';
import { nodeDictionaryPacking, nodeIndexPacking } from './packing.ts';
import type { PassRequest, PassResult } from './built-site-passes.ts';

function run(request: PassRequest): PassResult {
  const started = performance.now();
  if (request.pass === 'search-index') {
    const written = writeSearchIndex(nodeFileTree(request.dir), nodeIndexPacking);
    return { pass: 'search-index', written, seconds: (performance.now() - started) / 1000 };
  }
  // The search index is written at the same time: its directory is not walked. Pages are only
  // read (each names its dictionary itself), so the two passes never see each other's writes.
  const written = writeScriptDictionaries(nodeFileTree(request.dir), nodeDictionaryPacking, { skipDirs: request.skipDirs });
  return { pass: 'script-dictionaries', written, seconds: (performance.now() - started) / 1000 };
}

parentPort!.postMessage(run(workerData as PassRequest));
