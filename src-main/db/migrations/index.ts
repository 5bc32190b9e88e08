/**
 * Schema migrations, tracked with `PRAGMA user_version`.
 *
 * Each migration lives in its own file named `NNNN-kebab.ts`, numbered in steps of 10, and is
 * listed below in order. Shipped migrations are append-only: never edit one that has been
 * released, add a new one instead.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { up as up0010 } from './0010-sessions';
import { up as up0020 } from './0020-workshops';
import { up as up0030 } from './0030-reports';
import { up as up0040 } from './0040-history';
import { up as up0050 } from './0050-session-revisions';
import { up as up0060 } from './0060-session-list';
import { up as up0070 } from './0070-compact-change-log';
import { up as up0080 } from './0080-autosave-indexes';
import { up as up0090 } from './0090-anonymous-voters';
import { up as up0100 } from './0100-brand-client-logo';

/**
 * `progress(done, total)`: a long migration says how far it has got (e.g. changes converted so
 * far of all), so the screen shown while it runs can say so; short ones need not call it.
 */
export type Migration = {
  version: number;
  name: string;
  up: (db: Database, progress: (done: number, total: number) => void) => void;
};

/** Which pending migration runs (1-based, of `steps`), and what it has counted so far. */
export type MigrationProgress = {
  step: number;
  steps: number;
  name: string;
  count: { done: number; total: number } | null;
};

export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'sessions', up: up0010 },
  { version: 20, name: 'workshops', up: up0020 },
  { version: 30, name: 'reports', up: up0030 },
  { version: 40, name: 'history', up: up0040 },
  { version: 50, name: 'session-revisions', up: up0050 },
  { version: 60, name: 'session-list', up: up0060 },
  { version: 70, name: 'compact-change-log', up: up0070 },
  { version: 80, name: 'autosave-indexes', up: up0080 },
  { version: 90, name: 'anonymous-voters', up: up0090 },
  { version: 100, name: 'brand-client-logo', up: up0100 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((latest, m) => Math.max(latest, m.version), 0);

/** The database was written by a newer Stackwise; it is left exactly as it was. */
export class DatabaseTooNewError extends Error {
  readonly fileVersion: number;

  constructor(fileVersion: number) {
    super(
      `This database was written by a newer version of Stackwise (schema ${fileVersion}; this app ` +
        `understands up to ${LATEST_SCHEMA_VERSION}). Install the newer version to open it. ` +
        `The file has not been changed.`,
    );
    this.name = 'DatabaseTooNewError';
    this.fileVersion = fileVersion;
  }
}

export function readSchemaVersion(db: Database): number {
  return z
    .number()
    .int()
    .nonnegative()
    .parse(db.pragma('user_version', { simple: true }));
}

/** The migrations a database at `version` still needs, in order. */
export function pendingMigrations(
  version: number,
  migrations: readonly Migration[] = MIGRATIONS,
): Migration[] {
  return migrations.filter((m) => m.version > version);
}

/**
 * Runs every pending migration and records the new version, all in one transaction. `onProgress`
 * hears each migration as it starts and whatever it counts while it runs.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
  onProgress?: (progress: MigrationProgress) => void,
): void {
  const current = readSchemaVersion(db);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > latest) throw new DatabaseTooNewError(current);

  const pending = pendingMigrations(current, migrations);
  if (pending.length === 0) return;

  db.transaction(() => {
    for (const [index, migration] of pending.entries()) {
      const at = { step: index + 1, steps: pending.length, name: migration.name };
      onProgress?.({ ...at, count: null });
      migration.up(db, (done, total) => onProgress?.({ ...at, count: { done, total } }));
      // `version` is a number from our own list, never user input.
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
}
