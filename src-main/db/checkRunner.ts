/**
 * Where a whole-file check runs. The app gives the path of the built check worker
 * (`out/main/checkWorker.js`): each check then runs in its own worker thread, so the main side
 * keeps answering while SQLite reads the file, and a check that runs out of time is stopped and
 * reported as unfinished, never as damage. Without a worker (unit tests that build a core on a
 * small file) the same `runFileCheck` runs inline, on a later turn of the event loop.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { CheckOutcomeSchema, runFileCheck } from './fileCheck';
import type { CheckOutcome, CheckRequest } from './fileCheck';

export type CheckRunner = (request: CheckRequest, signal?: AbortSignal) => Promise<CheckOutcome>;

export type CheckWorkerOptions = {
  /** The worker's script: `checkWorker.js` beside the built entry. */
  path: string;
  /** Node options for the worker (the tests' TypeScript loader). */
  execArgv?: string[] | undefined;
  /** A check still running after this long is stopped; 10 minutes, several times a cold 4 GB read. */
  timeoutMs?: number | undefined;
};

export const CHECK_TIMEOUT_MS = 10 * 60 * 1000;

const duration = (ms: number): string =>
  ms < 1000 ? `${ms} ms` : ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} minutes`;

/** One worker thread per check, stopped when it answers, fails, runs out of time or is cancelled. */
export function workerCheckRunner(options: CheckWorkerOptions): CheckRunner {
  const timeoutMs = options.timeoutMs ?? CHECK_TIMEOUT_MS;
  return (request, signal) =>
    new Promise<CheckOutcome>((resolve) => {
      if (signal?.aborted) return resolve({ outcome: 'unfinished', detail: 'The check was cancelled.' });
      const worker = new Worker(options.path, { workerData: request, execArgv: options.execArgv ?? [] });
      // An app that is quitting never waits for a check.
      worker.unref();
      let settled = false;
      const finish = (outcome: CheckOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', cancel);
        void worker.terminate();
        resolve(outcome);
      };
      const cancel = () => finish({ outcome: 'unfinished', detail: 'The check was cancelled.' });
      const timer = setTimeout(
        () =>
          finish({
            outcome: 'unfinished',
            detail: `The check did not finish within ${duration(timeoutMs)} and was stopped.`,
          }),
        timeoutMs,
      );
      timer.unref();
      signal?.addEventListener('abort', cancel);
      worker.once('message', (message: unknown) => {
        const parsed = CheckOutcomeSchema.safeParse(message);
        finish(
          parsed.success
            ? parsed.data
            : { outcome: 'unfinished', detail: 'The check answered in a form that was not understood.' },
        );
      });
      worker.once('error', (error) =>
        finish({ outcome: 'unfinished', detail: `The check could not run: ${error.message}` }),
      );
      worker.once('exit', (code) =>
        finish({ outcome: 'unfinished', detail: `The check stopped before answering (exit code ${code}).` }),
      );
    });
}

/** The same check on the main thread, after the current turn; for hosts that give no worker. */
export const inlineCheckRunner: CheckRunner = async (request, signal) => {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (signal?.aborted) return { outcome: 'unfinished', detail: 'The check was cancelled.' };
  return runFileCheck(request);
};

/**
 * Remembers each file's outcome by its size and modification time. Backups are never written
 * after they are made, so the check made with a backup answers for it on the Backups page and at
 * restore, instead of reading every backup again each time the page opens. Unfinished checks are
 * not remembered.
 */
export function rememberingRunner(runner: CheckRunner): CheckRunner {
  const known = new Map<string, CheckOutcome>();
  const keyOf = (request: CheckRequest): string | null => {
    try {
      const stat = statSync(request.file);
      // By the file itself (device and inode), not its name: a checked copy keeps its outcome
      // when it is renamed into place.
      return `${request.check} ${stat.dev}:${stat.ino} ${stat.size} ${stat.mtimeMs}`;
    } catch {
      return null;
    }
  };
  return async (request, signal) => {
    // A copy is new every time; its outcome is remembered for the copy it made.
    const seen = request.copyTo === undefined ? known.get(keyOf(request) ?? '') : undefined;
    if (seen) return seen;
    const outcome = await runner(request, signal);
    const key = keyOf({ ...request, file: request.copyTo ?? request.file, copyTo: undefined });
    if (key !== null && outcome.outcome !== 'unfinished') known.set(key, outcome);
    return outcome;
  };
}
