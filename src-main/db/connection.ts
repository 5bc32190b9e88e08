/**
 * The one place a database connection is opened.
 *
 * Order matters: a database written by a newer app is detected with a read-only probe before
 * anything (WAL mode, migrations) could write to it, so such a file is left byte-for-byte intact.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseTooNewError, LATEST_SCHEMA_VERSION, migrate, readSchemaVersion } from './migrations';

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
    if (existsSync(file)) refuseIfTooNew(file, driverOptions);
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

function refuseIfTooNew(file: string, driverOptions: Database.Options): void {
  const probe = new Database(file, { ...driverOptions, readonly: true, fileMustExist: true });
  try {
    const version = readSchemaVersion(probe);
    if (version > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(version);
  } finally {
    probe.close();
  }
}
