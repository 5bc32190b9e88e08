/**
 * The first start after an upgrade: a database from an older version is updated in the check
 * worker, so the main side answers at once (`data:status` says `updating`, with progress) instead
 * of freezing for the minutes a multi-gigabyte change log takes to convert. The worker opens its
 * own connection, runs the pending migrations in their one transaction and closes it; the data
 * store then opens the updated file as usual.
 *
 * A small file is still updated in-process, in the same moment it is opened: starting a worker
 * would cost about as long as the update itself, and the update screen would only flash.
 */
import { existsSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { CheckWorkerOptions } from './checkRunner';
import { FILL_STEP } from './connection';
import { checkDatabase, writeProblem } from './health';
import type { DatabaseProblem } from './health';
import { LATEST_SCHEMA_VERSION, pendingMigrations, readSchemaVersion } from './migrations';
import type { MigrationProgress } from './migrations';
import { MigrationMessageSchema } from './migrationProtocol';
import type { MigrationOutcome, MigrationRequest } from './migrationProtocol';
import { readOnlyProbe } from './probe';

/**
 * Files from this size (with their WAL) are updated in the worker. Measured here (2 loaded cores)
 * from schema 50: 0.65 MB in 0.1 s, 22 MB in 1.3 s, 55 MB in 8 s; so about a quarter of a second
 * in-process at most, and the window is usable within a second of start either way.
 */
export const UPDATE_IN_WORKER_FROM_BYTES = 4 * 1024 * 1024;

export type MigrationRunner = (
  request: MigrationRequest,
  onProgress: (progress: MigrationProgress) => void,
  signal: AbortSignal,
) => Promise<MigrationOutcome>;

const failed = (detail: string): MigrationOutcome => ({ outcome: 'failed', problem: 'not-updated', detail });

/**
 * The update in its own worker thread. Cancelled (the app closing, say), the worker is stopped
 * mid-transaction: nothing of it was committed, and the next start begins it again. Unlike a
 * check it has no time limit: stopped at any limit, it would start again, and stop again, at every
 * start; its progress shows that it is moving.
 */
export function workerMigrationRunner(options: CheckWorkerOptions): MigrationRunner {
  return (request, onProgress, signal) =>
    new Promise<MigrationOutcome>((resolve) => {
      if (signal.aborted) return resolve(failed('The update was cancelled.'));
      const worker = new Worker(options.path, { workerData: request, execArgv: options.execArgv ?? [] });
      // An app that is quitting never waits for the update; it starts again next time.
      worker.unref();
      let settled = false;
      const finish = (outcome: MigrationOutcome) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', cancel);
        void worker.terminate();
        resolve(outcome);
      };
      const cancel = () => finish(failed('The update was cancelled.'));
      signal.addEventListener('abort', cancel);
      worker.on('message', (message: unknown) => {
        const parsed = MigrationMessageSchema.safeParse(message);
        if (!parsed.success) return finish(failed('The update answered in a form that was not understood.'));
        if (parsed.data.kind === 'progress') onProgress(parsed.data.progress);
        else finish(parsed.data.outcome);
      });
      worker.once('error', (error) => finish(failed(`The update could not run: ${error.message}`)));
      worker.once('exit', (code) =>
        finish(failed(`The update stopped before answering (exit code ${code}).`)),
      );
    });
}

/**
 * The update the file at `file` needs before it opens, when it is large enough to be worth the
 * worker: its first step, as `data:status` shows it until the worker reports. Null when it opens
 * as it is, when it is small, or when it will be refused anyway (missing, damaged, too new, not
 * writable: `openDatabase` says so at once, as on any start).
 */
export function updateToRun(
  file: string,
  driverOptions: { nativeBinding?: string },
  fromBytes: number,
): MigrationProgress | null {
  if (!existsSync(file)) return null;
  const walBytes = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
  if (statSync(file).size + walBytes < fromBytes) return null;
  if (checkDatabase(file, driverOptions) !== null || writeProblem(file) !== null) return null;
  const version = readOnlyProbe(file, driverOptions, readSchemaVersion);
  const pending = pendingMigrations(version);
  const first = pending[0];
  if (version >= LATEST_SCHEMA_VERSION || !first) return null;
  return { step: 1, steps: pending.length + 1, name: first.name, count: null };
}

/** What each step does, in the words of the screen shown meanwhile. */
const TASKS = new Map([
  ['session-list', 'Preparing the sessions list and its search'],
  ['compact-change-log', 'Storing each change in the history compactly'],
  [FILL_STEP, 'Filling in the sessions list and its search'],
]);

/** The plural of what a step counts, for "1,200 of 85,000 changes". */
const COUNTED = new Map([['compact-change-log', 'changes']]);

/** What `data:status` says of the update's progress. */
export function describeProgress({ step, steps, name, count }: MigrationProgress) {
  const of = COUNTED.get(name);
  return {
    step,
    steps,
    task: TASKS.get(name) ?? 'Updating how your data is stored',
    count: count && of !== undefined ? { ...count, of } : null,
  };
}

/** The recovery screen's problem for an update that did not happen. */
export function problemFromUpdate(
  outcome: Extract<MigrationOutcome, { outcome: 'failed' }>,
): DatabaseProblem {
  if (outcome.problem === 'too-new') {
    return {
      kind: 'too-new',
      fileVersion: outcome.fileVersion ?? LATEST_SCHEMA_VERSION + 1,
      detail: outcome.detail,
    };
  }
  return { kind: outcome.problem, detail: outcome.detail };
}
