/**
 * The one place a database connection is opened.
 *
 * Order matters: a database written by a newer app, one this user may not write, or one whose
 * header, schema or tables' first pages are damaged, is found by a cheap read-only check before
 * anything (WAL mode, migrations) could write to it, so such a file is left byte-for-byte intact
 * and the caller gets `DatabaseTooNewError`, `DatabaseReadOnlyError` or `DatabaseDamagedError`.
 * (SQLite would otherwise open a write-protected file read-only without a word, and every save
 * would then fail.) The check stays cheap at any size; damage deeper in the file is found by the
 * whole-file check the data store runs in a worker once the database is open.
 */
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AUTOCHECKPOINT_PAGES } from './checkpoints';
import {
  checkDatabase,
  DatabaseDamagedError,
  DatabaseNotUpdatedError,
  DatabaseReadOnlyError,
  writeProblem,
} from './health';
import { DatabaseTooNewError, migrate, pendingMigrations, readSchemaVersion } from './migrations';
import type { MigrationProgress } from './migrations';
import { fillSessionList } from './sessions/listColumns';
import { createOwnFile, isErrno, makeFolders } from './ownerOnly';

export type Db = Database.Database;

export type OpenDatabaseOptions = {
  /**
   * Path to a better_sqlite3.node built for the running runtime. Electron needs its own ABI
   * build (see scripts/electron-sqlite.mjs); plain Node uses the default one in node_modules.
   */
  nativeBinding?: string | undefined;
  /**
   * Hears how far the pending migrations have got, and then the sessions list's fill (the last
   * step, `FILL_STEP`); the check worker passes it on to the screen shown meanwhile.
   */
  onProgress?: ((progress: MigrationProgress) => void) | undefined;
};

/** The name of the step after the migrations: the sessions list's kept columns filled in. */
export const FILL_STEP = 'session-list-fill';

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const nativeBinding = options.nativeBinding;
  const driverOptions = nativeBinding ? { nativeBinding } : {};

  if (file !== ':memory:') {
    makeFolder(file);
    refuseIfUnsound(file, driverOptions);
    // Made (or tightened to) 0600 before SQLite opens it, so its -wal and -shm are 0600 too.
    createOwnFile(file);
  }

  const db = new Database(file, driverOptions);
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before the renderer hears "saved", even across a power cut.
    db.pragma('synchronous = FULL');
    // The log is copied into the file when the app is idle (checkpoints.ts); this is the fallback.
    db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const steps = pendingMigrations(readSchemaVersion(db)).length + 1;
    let step = 1;
    const report = (progress: MigrationProgress) => {
      step = progress.step;
      options.onProgress?.(progress);
    };
    // One transaction for both (the migrations' own becomes a savepoint in it): an update that
    // fails at any step, the fill included, leaves the file exactly as it was.
    try {
      db.transaction(() => {
        migrate(db, undefined, (progress) => report({ ...progress, steps }));
        if (steps > 1) report({ step: steps, steps, name: FILL_STEP, count: null });
        // After every migration: the list's kept columns for sessions stored before they were kept.
        fillSessionList(db);
      })();
    } catch (error) {
      // A fill alone (no update) fails as it always has.
      if (steps === 1 || error instanceof DatabaseTooNewError) throw error;
      throw new DatabaseNotUpdatedError(step, steps, error);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function makeFolder(file: string): void {
  try {
    makeFolders(dirname(file));
  } catch (error) {
    if (isErrno(error, 'EACCES') || isErrno(error, 'EPERM') || isErrno(error, 'EROFS')) {
      throw new DatabaseReadOnlyError(`The folder ${dirname(file)} cannot be created here.`);
    }
    throw error;
  }
}

/**
 * The one look before opening: read-only, so a refused file is left exactly as it was. A file
 * that cannot be written is reported as such even when SQLite could not read it either (in a
 * write-protected folder it may fail to make the `-shm` it needs), so a healthy file is never
 * called damaged.
 */
function refuseIfUnsound(file: string, driverOptions: Database.Options): void {
  const problem = checkDatabase(file, driverOptions);
  if (problem?.kind === 'too-new') throw new DatabaseTooNewError(problem.fileVersion);
  const readOnly = writeProblem(file);
  if (readOnly) throw new DatabaseReadOnlyError(readOnly);
  if (problem) throw new DatabaseDamagedError(problem.detail);
}
