/**
 * The second thread of runContentCheckInParallel (src/node/content-check.ts): checks the report
 * files it is given, each on its own (checkReportFile, noting what it asked: check-memory.ts), with the same registries and today, and
 * answers with what it found, in the order given. Runs under Node's own TypeScript support, like
 * src/node/built-site-worker.ts: erasable TypeScript with explicit .ts imports only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkRemembering, type RememberedCheck } from '../lib/check/check-memory.ts';
import { contentPaths } from '../lib/check/images.ts';
import { checkOptionsFor, type CheckWorkerData } from './content-check.ts';

const { request, paths, files } = workerData as CheckWorkerData;
const { options } = checkOptionsFor(request);
const all = contentPaths(new Set(paths));
const found: [string, RememberedCheck][] = files.map((f) => [f.path, checkRemembering(f.path, f.bytes, f.digest, options, all)]);
parentPort!.postMessage(found);
