/**
 * The thread behind src/node/threaded-file-tree.ts: applies the writes, removals and renames it is
 * sent, in the order sent, and answers a flush with the first error (or none). Erasable
 * TypeScript with explicit .ts imports, like every module a worker loads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { nodeFileTree } from './file-tree.ts';
import type { FileOperation } from './threaded-file-tree.ts';

const { root, done } = workerData as { root: string; done: Int32Array };
const tree = nodeFileTree(root);
let failure: string | undefined;

parentPort!.on('message', (operations: FileOperation[] | 'flush') => {
  if (operations === 'flush') {
    parentPort!.postMessage(failure ?? null);
    return;
  }
  try {
    if (failure === undefined) {
      for (const op of operations) {
        if (op.op === 'write') tree.write(op.path, op.data);
        else if (op.op === 'remove') tree.remove(op.path);
        else tree.rename(op.from, op.to);
      }
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  } finally {
    // The sender waits on this count when too many batches are queued (threaded-file-tree.ts).
    Atomics.add(done, 0, 1);
    Atomics.notify(done, 0);
  }
});
