/**
 * The database's life while the app runs: the start-up check, the services built on it, its
 * rotating backups, and the two ways back from trouble (restore a backup, start fresh).
 *
 * When the check finds the file damaged or written by a newer version, the app still starts, in
 * recovery: every data channel answers `unavailable` and the renderer shows the recovery screen.
 * Nothing is ever deleted: a file that is replaced is first moved aside, with its WAL companions,
 * into `keptDir`.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { AppError } from '@shared/ipc/result';
import type { Backup, DataStatus, Replaced } from '@shared/data/contract';
import { listBackups, scheduleBackups } from './db/backups';
import type { BackupInfo, BackupSchedule } from './db/backups';
import { openDatabase } from './db/connection';
import type { Db } from './db/connection';
import {
  checkDatabase,
  DatabaseDamagedError,
  isSqliteError,
  moveWithCompanions,
  setAside,
} from './db/health';
import type { DatabaseProblem } from './db/health';
import { DatabaseTooNewError } from './db/migrations';
import type { EventBus } from './services/eventBus';

export type DataStoreOptions<W> = {
  databasePath: string;
  /** Rotating backups; none when left out. */
  backupDir?: string | undefined;
  /** Where replaced and damaged databases are kept. */
  keptDir: string;
  nativeBinding?: string | undefined;
  now: () => Date;
  events: EventBus;
  /** Builds what runs on an open database (the services). */
  open: (db: Db) => W;
  onBackupError: (error: unknown) => void;
};

type State<W> =
  | { kind: 'ready'; db: Db; workspace: W; backups: BackupSchedule | null }
  | { kind: 'recovery'; problem: DatabaseProblem };

export type DataStore<W> = ReturnType<typeof createDataStore<W>>;

/** Why the database would not open; anything but SQLite's own refusals is a real failure. */
function problemFrom(error: unknown): DatabaseProblem {
  if (error instanceof DatabaseTooNewError) {
    return { kind: 'too-new', fileVersion: error.fileVersion, detail: error.message };
  }
  if (error instanceof DatabaseDamagedError) return { kind: 'damaged', detail: error.message };
  // The check passed but SQLite failed on the way in (e.g. while migrating a broken table).
  if (isSqliteError(error)) return { kind: 'damaged', detail: `${error.message} (${error.code}).` };
  throw error;
}

export function createDataStore<W>(options: DataStoreOptions<W>) {
  const { databasePath, backupDir, keptDir, now, events } = options;
  const driverOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};

  const openOrRecover = (): State<W> => {
    let db: Db;
    try {
      db = openDatabase(databasePath, { nativeBinding: options.nativeBinding });
    } catch (error) {
      return { kind: 'recovery', problem: problemFrom(error) };
    }
    const backups = backupDir
      ? scheduleBackups(db, {
          dir: backupDir,
          now,
          nativeBinding: options.nativeBinding,
          onError: options.onBackupError,
        })
      : null;
    return { kind: 'ready', db, workspace: options.open(db), backups };
  };

  let state = openOrRecover();

  /** One read of the backup: readable by this version, and sound by `integrity_check`. */
  const problemOf = (backup: BackupInfo): string => {
    const problem = checkDatabase(backup.path, driverOptions, 'integrity_check');
    if (problem?.kind === 'too-new') return 'Made by a newer version of Stackwise.';
    return problem ? 'Damaged: it fails its integrity check.' : '';
  };

  const describe = (backup: BackupInfo): Backup => {
    const problem = problemOf(backup);
    return {
      fileName: backup.fileName,
      at: backup.at,
      bytes: backup.bytes,
      restorable: problem === '',
      problem,
    };
  };

  const close = (): void => {
    if (state.kind !== 'ready') return;
    state.backups?.stop();
    state.db.close();
  };

  /** Swaps the database file under the app; the old one is kept aside first. */
  const replace = async (put: (() => void) | null): Promise<Replaced> => {
    const why = state.kind === 'ready' ? 'replaced' : 'damaged';
    if (state.kind === 'ready' && state.backups) {
      state.backups.stop();
      await state.backups.idle();
    }
    close();
    let keptAs: string | null = null;
    try {
      keptAs = setAside(databasePath, keptDir, why, now());
      put?.();
    } catch (error) {
      // Put the old file back rather than leave no database (or an empty one) in its place.
      if (keptAs) {
        rmSync(databasePath, { force: true });
        moveWithCompanions(keptAs, databasePath);
      }
      state = openOrRecover();
      throw error;
    }
    state = openOrRecover();
    const replaced = { keptAs };
    events.emit('data:replaced', replaced);
    return replaced;
  };

  const refuseTooNew = () => {
    if (state.kind === 'recovery' && state.problem.kind === 'too-new') {
      throw new AppError(
        'forbidden',
        'This database belongs to a newer version of Stackwise and is left exactly as it is. ' +
          'Install the newer version to open it.',
      );
    }
  };

  /** The open database and what runs on it; `unavailable` while the recovery screen shows. */
  const ready = () => {
    if (state.kind === 'ready') return state;
    throw new AppError(
      'unavailable',
      'Stackwise could not open its database, so nothing can be read or saved until it is recovered.',
    );
  };

  return {
    workspace: (): W => ready().workspace,

    database: (): Db => ready().db,

    /** Settles when the start-up backup is made, skipped or reported as failed. */
    backupsReady(): Promise<void> {
      return (state.kind === 'ready' && state.backups?.ready) || Promise.resolve();
    },

    status(): DataStatus {
      const where = { databasePath, backupDir: backupDir ?? null, keptDir };
      if (state.kind === 'ready') return { state: 'ready', ...where };
      return { state: 'recovery', problem: state.problem.kind, message: state.problem.detail, ...where };
    },

    backups(): Backup[] {
      return backupDir ? listBackups(backupDir).map(describe) : [];
    },

    async backUpNow(): Promise<Backup> {
      const { backups } = ready();
      if (!backups) throw new AppError('forbidden', 'This host keeps no backups.');
      return describe(await backups.backUpNow());
    },

    async restore(fileName: string): Promise<Replaced> {
      refuseTooNew();
      const backup = backupDir ? listBackups(backupDir).find((b) => b.fileName === fileName) : undefined;
      if (!backup) throw new AppError('not_found', `There is no backup called ${fileName}.`, 'fileName');
      const problem = problemOf(backup);
      if (problem)
        throw new AppError('invalid_input', `That backup cannot be restored. ${problem}`, 'fileName');
      // A backup is a closed file, never written after it was checked, so a plain copy is safe.
      return replace(() => copyFileSync(backup.path, databasePath));
    },

    async startFresh(): Promise<Replaced> {
      refuseTooNew();
      if (state.kind === 'ready') {
        throw new AppError('forbidden', 'The database is fine; starting fresh is only offered to recover.');
      }
      return replace(null);
    },

    close,
  };
}
