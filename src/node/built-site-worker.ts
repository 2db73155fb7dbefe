/**
 * One pass over the built site in a worker thread (started by src/node/built-site-passes.ts):
 * the search index or the 简/繁 dictionaries. Pages arrive one by one while Astro builds them
 * (`page` messages); at `finish` the pass reads whatever page it was not handed, writes its output
 * and answers with its result. Runs under Node's own TypeScript support (type stripping), so
 * everything it imports must be erasable TypeScript with explicit .ts imports;
 * tests/unit/architecture/worker-modules.test.ts loads it that way.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexDocument, writeSearchIndex } from '../lib/search/build/write-index.ts';
import type { IndexDocument } from '../lib/search/build/index-builder.ts';
import { ScriptDictionaryWriter } from '../lib/text/write-script-dictionaries.ts';
import { nodeFileTree } from './file-tree.ts';
import { nodeDictionaryPacking, nodeIndexPacking } from './packing.ts';
import type { FromWorker, PassRequest, ToWorker } from './built-site-passes.ts';

const request = workerData as PassRequest;
const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);

if (request.pass === 'search-index') {
  // Each report page as its index document, read as it was built; ordered and indexed at finish.
  const known = new Map<string, IndexDocument>();
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'page') {
      known.set(message.url, indexDocument(message.html, message.url));
      return;
    }
    const started = performance.now();
    const written = writeSearchIndex(nodeFileTree(request.dir), nodeIndexPacking, known);
    send({ kind: 'result', result: { pass: 'search-index', written, pagesHandedIn: known.size, seconds: (performance.now() - started) / 1000 } });
    port.close();
  });
} else {
  // The search index is written at the same time: its directory is not walked, and pages are
  // written in a scratch directory and renamed into place, so the index never reads (or lists)
  // a half-written page.
  const tree = nodeFileTree(request.dir, { atomicWritesVia: request.scratchDir });
  const writer = new ScriptDictionaryWriter(tree, nodeDictionaryPacking);
  let handedIn = 0;
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'page') {
      handedIn++;
      send({ kind: 'page', id: message.id, html: writer.page(message.path, message.html) });
      return;
    }
    const started = performance.now();
    const written = writer.finish({ skipDirs: [...request.skipDirs, request.scratchDir] });
    send({ kind: 'result', result: { pass: 'script-dictionaries', written, pagesHandedIn: handedIn, seconds: (performance.now() - started) / 1000 } });
    port.close();
  });
}
