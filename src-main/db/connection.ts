/**
 * The one place a database connection is opened.
 *
 * Order matters: a database written by a newer app, or a damaged one, is found by a read-only
 * check before anything (WAL mode, migrations) could write to it, so such a file is left
 * byte-for-byte intact and the caller gets `DatabaseTooNewError` or `DatabaseDamagedError`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { checkDatabase, DatabaseDamagedError } from './health';
import { DatabaseTooNewError, migrate } from './migrations';

export type Db = Database.Database;

export type OpenDatabaseOptions = {
  /**
   * Path to a better_sqlite3.node built for the running runtime. Electron needs its own ABI
   * build (see scripts/electron-sqlite.mjs); plain Node uses the default one in node_modules.
   */
  nativeBinding?: string | undefined;
};

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const nativeBinding = options.nativeBinding;
  const driverOptions = nativeBinding ? { nativeBinding } : {};

  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
    refuseIfUnsound(file, driverOptions);
  }

  const db = new Database(file, driverOptions);
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before the renderer hears "saved", even across a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The one look before opening: read-only, so a refused file is left exactly as it was. */
function refuseIfUnsound(file: string, driverOptions: Database.Options): void {
  const problem = checkDatabase(file, driverOptions);
  if (problem?.kind === 'too-new') throw new DatabaseTooNewError(problem.fileVersion);
  if (problem) throw new DatabaseDamagedError(problem.detail);
}
