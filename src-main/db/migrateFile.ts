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
import { DatabaseDamagedError, DatabaseReadOnlyError, isSqliteError } from './health';
import { DatabaseTooNewError } from './migrations';
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
  let step = { step: 1, steps: 1, name: '' };
  try {
    const db = openDatabase(request.file, {
      nativeBinding: request.nativeBinding,
      onProgress: (progress) => {
        step = progress;
        report(progress);
      },
    });
    db.close();
    return { outcome: 'migrated' };
  } catch (error) {
    return failure(error, step);
  }
}

/** What the recovery screen says; the transaction was rolled back, so the file is as it was. */
function failure(error: unknown, at: { step: number; steps: number }): MigrationOutcome {
  if (error instanceof DatabaseTooNewError) {
    return { outcome: 'failed', problem: 'too-new', fileVersion: error.fileVersion, detail: error.message };
  }
  if (error instanceof DatabaseReadOnlyError)
    return { outcome: 'failed', problem: 'read-only', detail: error.message };
  if (error instanceof DatabaseDamagedError)
    return { outcome: 'failed', problem: 'damaged', detail: error.message };
  // As when the app opens the file itself: SQLite failing on the way in is damage it found.
  if (isSqliteError(error) && /^SQLITE_(CORRUPT|NOTADB)/.test(error.code)) {
    return { outcome: 'failed', problem: 'damaged', detail: `${error.message} (${error.code}).` };
  }
  const why = isSqliteError(error) ? `${error.message} (${error.code})` : String(error);
  return {
    outcome: 'failed',
    problem: 'not-updated',
    detail:
      `The update stopped at step ${at.step} of ${at.steps} and was undone, so the file is exactly as it was. ` +
      `What went wrong: ${why}`,
  };
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
