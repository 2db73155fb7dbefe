/**
 * Runs importDocument() for scripts/import.ts in a worker thread, one file per message, so the CLI
 * can stop a file that runs past the time limit (src/lib/importer/limits.ts) or exhausts its memory
 * and go on with the next one. A throw inside the importer comes back as that file's error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { importDocument, type ImportRegistry, type ImportResult } from '../src/lib/importer/index.ts';

export interface ImportJob {
  id: number;
  bytes: Uint8Array;
  fileName: string;
}

export type ImportReply = { id: number; result: ImportResult } | { id: number; crash: string };

const { registry, now } = workerData as { registry: ImportRegistry; now: string };

parentPort?.on('message', (job: ImportJob) => {
  let reply: ImportReply;
  try {
    reply = { id: job.id, result: importDocument(job.bytes, { fileName: job.fileName, registry, now }) };
  } catch (e) {
    reply = { id: job.id, crash: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
