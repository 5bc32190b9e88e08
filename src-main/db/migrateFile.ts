/**
 * The update of a database to this version, as the check worker runs it: its own connection,
 * opened by `openDatabase` exactly as the app opens one (the same checks before anything is
 * written, the pending migrations in their one transaction, then the sessions list's fill), and
 * closed again, so the main side then opens a file that is already current.
 *
 * Loaded by the worker only when it is asked for an update: it brings the migrations and the
 * app's shared code, which a whole-file check does not need.
 */
import { existsSync, watch } from 'node:fs';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { openDatabase } from './connection';
import { problemFromOpening } from './health';
import type { MigrationProgress } from './migrations';
import type { MigrationOutcome, MigrationRequest } from './migrationProtocol';

/** Progress is posted at most this often (and at every new step, and when a count is complete). */
const PROGRESS_EVERY_MS = 100;

export async function migrateFile(
  request: MigrationRequest,
  onProgress: (progress: MigrationProgress) => void,
): Promise<MigrationOutcome> {
  if (request.gate) await waitFor(request.gate);
  let last: { step: number; at: number } = { step: 0, at: 0 };
  const report = (progress: MigrationProgress) => {
    const at = Date.now();
    const complete = progress.count !== null && progress.count.done === progress.count.total;
    if (progress.step === last.step && !complete && at - last.at < PROGRESS_EVERY_MS) return;
    last = { step: progress.step, at };
    onProgress(progress);
  };
  try {
    openDatabase(request.file, { nativeBinding: request.nativeBinding, onProgress: report }).close();
    return { outcome: 'migrated' };
  } catch (error) {
    return failure(error);
  }
}

/** What the recovery screen says; the transaction was rolled back, so the file is as it was. */
function failure(error: unknown): MigrationOutcome {
  const problem = problemFromOpening(error);
  if (problem === null) return { outcome: 'failed', problem: 'not-updated', detail: String(error) };
  if (problem.kind === 'too-new') {
    return {
      outcome: 'failed',
      problem: 'too-new',
      fileVersion: problem.fileVersion,
      detail: problem.detail,
    };
  }
  if (problem.kind === 'missing' || problem.kind === 'empty') {
    return { outcome: 'failed', problem: 'damaged', detail: problem.detail };
  }
  return { outcome: 'failed', problem: problem.kind, detail: problem.detail };
}

/** Waits, without polling, until `path` exists (the test's gate). */
async function waitFor(path: string): Promise<void> {
  // Watching before looking: a file made in between is still heard.
  const watcher = watch(dirname(path));
  try {
    while (!existsSync(path)) await once(watcher, 'change');
  } finally {
    watcher.close();
  }
}
