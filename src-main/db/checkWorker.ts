/**
 * The check worker: a Node worker thread that runs one whole-file check (`runFileCheck`) and posts
 * its outcome, so the main side (IPC, the web host, autosaves) never waits for SQLite to read a
 * multi-gigabyte file. Built as its own entry (`out/main/checkWorker.js`, electron-vite config).
 *
 * The request arrives as `workerData` and is parsed like any input that crosses a boundary.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CheckRequestSchema, runFileCheck } from './fileCheck';
import type { CheckOutcome } from './fileCheck';

const request = CheckRequestSchema.safeParse(workerData);
let outcome: CheckOutcome;
if (!request.success) {
  outcome = { outcome: 'unfinished', detail: 'The check was asked for in a form it does not understand.' };
} else {
  try {
    outcome = runFileCheck(request.data);
  } catch (error) {
    outcome = { outcome: 'unfinished', detail: `The check could not run: ${String(error)}` };
  }
}
parentPort?.postMessage(outcome);
