/**
 * Looks into a database file without changing it. Even a read-only connection to a WAL database
 * makes `-wal` and `-shm` files beside it; the ones the probe made (empty WAL, rebuildable index)
 * are removed again, so a file we only looked at is left as we found it.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

export function readOnlyProbe<T>(
  file: string,
  driverOptions: Database.Options,
  look: (db: Database.Database) => T,
): T {
  const hadWal = existsSync(`${file}-wal`);
  const hadShm = existsSync(`${file}-shm`);
  const db = new Database(file, { ...driverOptions, readonly: true, fileMustExist: true });
  try {
    return look(db);
  } finally {
    db.close();
    if (!hadWal && existsSync(`${file}-wal`) && statSync(`${file}-wal`).size === 0) {
      rmSync(`${file}-wal`, { force: true });
      if (!hadShm) rmSync(`${file}-shm`, { force: true });
    }
  }
}
