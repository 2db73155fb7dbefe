/**
 * The second thread of runContentCheckInParallel (src/node/content-check.ts): checks the report
 * files it is given, each on its own (checkReportFile), with the same registries and today, and
 * answers with what it found, in the order given. Runs under Node's own TypeScript support, like
 * src/node/built-site-worker.ts: erasable TypeScript with explicit .ts imports only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkReportFile, type ReportCheck } from '../lib/check/check-content.ts';
import { checkOptionsFor, type CheckWorkerData } from './content-check.ts';

const { request, paths, files } = workerData as CheckWorkerData;
const { options } = checkOptionsFor(request);
const all = new Set(paths);
const found: [string, ReportCheck][] = files.map((f) => [f.path, checkReportFile(f.path, f.bytes, options, all)]);
parentPort!.postMessage(found);
