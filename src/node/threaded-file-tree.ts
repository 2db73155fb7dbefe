/**
 * A WritableFileTree whose writes, removals and renames run on a thread of their own, in order,
 * while the caller goes on computing; reads (and stamps) run at once on the caller's thread. For a pass that
 * writes many files it never reads back (the search index: 28,568 files at 10,000 reports): on
 * this machine's disk creating them took 9–16 s of a 28–38 s pass, which now overlaps with the
 * tokenising and gzip (the pass alone on a kept 10k site: 31.5 and 38.3 s → 22.4 and 24.8 s).
 *
 * A read of a path with writes still queued would see the old file, so a caller must not read
 * what it writes. `flush()` waits for every queued operation and rethrows the first that failed.
 */
import { Worker } from 'node:worker_threads';
import type { WritableFileTree } from '../lib/files/tree.ts';
import { nodeFileTree } from './file-tree.ts';

export type FileOperation = { op: 'write'; path: string; data: Uint8Array } | { op: 'remove'; path: string } | { op: 'rename'; from: string; to: string };

/** Operations are sent in batches of this many (one message each costs more than one small file). */
const BATCH = 64;
/**
 * At most this many batches wait for the thread; past it the caller blocks until the thread
 * catches up, so a slow disk cannot pile the whole index up in memory (at 100,000 reports it is
 * 606 MB): 256 batches are 16,384 files, about 36 MB of the index at 10,000 reports.
 */
const MAX_WAITING_BATCHES = 256;
const STALLED_MS = 60_000;

export interface ThreadedFileTree extends WritableFileTree {
  /** Waits until every operation so far is done; throws the first that failed. Ends the thread. */
  flush(): Promise<void>;
  /** Ends the thread without waiting for what is queued (after the caller failed). */
  close(): Promise<void>;
}

export function threadedFileTree(root: string): ThreadedFileTree {
  const reads = nodeFileTree(root);
  // done[0]: batches the thread has finished, counted by the thread.
  const done = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL('./file-writer-worker.ts', import.meta.url), { workerData: { root, done } });
  let sent = 0;
  let batch: FileOperation[] = [];
  const send = () => {
    if (!batch.length) return;
    for (let finished = Atomics.load(done, 0); sent - finished >= MAX_WAITING_BATCHES; finished = Atomics.load(done, 0)) {
      // A batch of small files takes milliseconds; a minute without one means the thread is gone.
      if (Atomics.wait(done, 0, finished, STALLED_MS) === 'timed-out') {
        throw new Error(`Writing the built site stalled: no batch of files written for ${STALLED_MS / 1000} s (${root}).`);
      }
    }
    worker.postMessage(batch);
    sent++;
    batch = [];
  };
  const queue = (op: FileOperation) => {
    batch.push(op);
    if (batch.length >= BATCH) send();
  };
  return {
    list: reads.list,
    isDirectory: reads.isDirectory,
    read: reads.read,
    stamp: reads.stamp,
    write: (path, data) => queue({ op: 'write', path, data }),
    remove: (path) => queue({ op: 'remove', path }),
    rename: (from, to) => queue({ op: 'rename', from, to }),
    flush: async () => {
      send();
      try {
        const failure = await new Promise<string | null>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage('flush');
        });
        if (failure !== null) throw new Error(`Writing the built site failed: ${failure}`);
      } finally {
        await worker.terminate();
      }
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
