/**
 * The database's life while the app runs: the start-up check, the services built on it, its
 * rotating backups, and the two ways back from trouble (restore a backup, start fresh).
 *
 * When the check finds the file damaged, written by a newer version or not writable, or finds no
 * database (or an empty file) while backups exist, the app still starts, in recovery: every data
 * channel answers `unavailable` and the renderer shows the recovery screen. Only a true first
 * start (no database and no backups) opens a fresh one. Nothing is ever deleted: a file that is
 * replaced is first moved aside, with its WAL companions, into `keptDir`; a file that cannot be
 * written (or belongs to a newer version) is never moved at all.
 *
 * What is checked when: before opening, a cheap read-only look (`checkDatabase`: the header, the
 * schema version, the schema, the first page of every table; milliseconds at any size), so the
 * window can work at once; right after opening, SQLite's `quick_check` of every page in the check
 * worker, while the app is already in use (`data:status` says `checking`, then `sound`, or moves
 * every window to the recovery screen if it finds damage); after each backup, `integrity_check` of
 * the copy, in the worker; on the Backups page and before a restore, each backup's
 * `integrity_check` outcome, remembered from when it was made or checked once in the worker.
 *
 * The first start after an upgrade: a database from an older version, if it is large, is updated
 * in the check worker before it opens (`migrationRunner.ts`), and meanwhile `data:status` says
 * `updating` with its progress and data channels answer `unavailable`, as in recovery; then the
 * app opens it as on any start. A small one is updated in-process as it opens, in a moment.
 */
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { AppError } from '@shared/ipc/result';
import type { Backup, DataCheck, DataStatus, Replaced } from '@shared/data/contract';
import { listBackups, muchSmallerBackups, scheduleBackups, sizedBackups } from './db/backups';
import type { BackupInfo, BackupSchedule, BackupSize } from './db/backups';
import { inlineCheckRunner, rememberingRunner, workerCheckRunner } from './db/checkRunner';
import type { CheckWorkerOptions } from './db/checkRunner';
import { openDatabase } from './db/connection';
import type { Db } from './db/connection';
import { settleBeforeClosing } from './db/sessions/listColumns';
import { checkDatabase, moveWithCompanions, problemFromOpening, setAside } from './db/health';
import type { DatabaseProblem } from './db/health';
import type { MigrationProgress } from './db/migrations';
import {
  describeProgress,
  problemFromUpdate,
  UPDATE_IN_WORKER_FROM_BYTES,
  updateToRun,
  workerMigrationRunner,
} from './db/migrationRunner';
import type { EventBus } from './services/eventBus';

export type DataStoreOptions<W> = {
  databasePath: string;
  /** Rotating backups; none when left out. */
  backupDir?: string | undefined;
  /** Where replaced and damaged databases are kept. */
  keptDir: string;
  nativeBinding?: string | undefined;
  /**
   * The check worker that runs whole-file checks off the main thread. Left out (small unit-test
   * databases), the same checks run inline, after the current turn.
   */
  checkWorker?: CheckWorkerOptions | undefined;
  /**
   * With a check worker, an older database of at least this many bytes is updated in it before
   * opening (`UPDATE_IN_WORKER_FROM_BYTES` when left out); a smaller one in-process.
   */
  updateInWorkerFrom?: number | undefined;
  /** Tests only: the worker's update waits until a file exists at this path. */
  updateGate?: string | undefined;
  now: () => Date;
  events: EventBus;
  /** Builds what runs on an open database (the services). */
  open: (db: Db) => W;
  onBackupError: (error: unknown) => void;
  /** The check after opening could not run to its end (the app goes on; nothing is known). */
  onCheckUnfinished: (message: string) => void;
};

type Ready<W> = {
  kind: 'ready';
  db: Db;
  workspace: W;
  backups: BackupSchedule | null;
  /** The whole-file check after opening: its state for `data:status`, and how to stop it. */
  check: DataCheck;
  checked: Promise<void>;
  stopCheck: AbortController;
};

/** The first start after an upgrade: the check worker is updating the file to this version. */
type Updating = { kind: 'updating'; progress: MigrationProgress; stop: AbortController; done: Promise<void> };

type State<W> =
  | Ready<W>
  | Updating
  /** `afterOpening`: damage found by the check after opening, while the app was in use. */
  | { kind: 'recovery'; problem: DatabaseProblem; afterOpening: boolean };

export type DataStore<W> = ReturnType<typeof createDataStore<W>>;

/** Why the database would not open; anything but SQLite's own refusals is a real failure. */
function problemFrom(error: unknown): DatabaseProblem {
  const problem = problemFromOpening(error);
  if (problem) return problem;
  throw error;
}

export function createDataStore<W>(options: DataStoreOptions<W>) {
  const { databasePath, backupDir, keptDir, now, events } = options;
  const driverOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const checks = options.checkWorker ? workerCheckRunner(options.checkWorker) : inlineCheckRunner;
  // A backup is never written after it is made: its check answers for it from then on.
  const backupChecks = rememberingRunner(checks);
  const updates = options.checkWorker ? workerMigrationRunner(options.checkWorker) : null;
  const updateFrom = options.updateInWorkerFrom ?? UPDATE_IN_WORKER_FROM_BYTES;
  const clock = (at: Date) => at.toISOString().slice(11, 19);

  /** No database, or an empty file, where backups say there was one: not a first start. */
  const lostDatabase = (): DatabaseProblem | null => {
    const backups = backupDir ? listBackups(backupDir) : [];
    if (backups.length === 0) return null;
    const found = `There are ${backups.length === 1 ? 'a backup' : `${backups.length} backups`} in ${backupDir}.`;
    if (!existsSync(databasePath)) {
      return { kind: 'missing', detail: `There is no database file at ${databasePath}. ${found}` };
    }
    const walBytes = existsSync(`${databasePath}-wal`) ? statSync(`${databasePath}-wal`).size : 0;
    if (statSync(databasePath).size === 0 && walBytes === 0) {
      return { kind: 'empty', detail: `The database file ${databasePath} is empty (0 bytes). ${found}` };
    }
    return null;
  };

  /**
   * Every page of the open database, read in the check worker while the app is in use. Damage
   * closes the file at once (nothing more is written into it) and moves every window to the
   * recovery screen; what was saved until then stays in that file, which is kept whole.
   */
  const checkAfterOpening = async (opened: Ready<W>): Promise<void> => {
    const outcome = await checks(
      { file: databasePath, check: 'quick_check', ...binding },
      opened.stopCheck.signal,
    ).catch((error: unknown) => ({ outcome: 'unfinished' as const, detail: String(error) }));
    if (state !== opened || opened.stopCheck.signal.aborted) return;
    if (outcome.outcome === 'damaged') {
      opened.backups?.stop();
      opened.db.close();
      const detail = `The check Stackwise runs after opening found damage at ${clock(now())} UTC. ${outcome.detail}`;
      state = { kind: 'recovery', problem: { kind: 'damaged', detail }, afterOpening: true };
    } else if (outcome.outcome === 'sound') {
      opened.check = {
        state: 'sound',
        message: `Checked after opening (${clock(now())} UTC): SQLite read every page and found no damage.`,
      };
    } else {
      opened.check = {
        state: 'unfinished',
        message: `The check after opening did not finish. ${outcome.detail}`,
      };
      options.onCheckUnfinished(opened.check.message);
    }
    events.emit('data:status', status());
  };

  /**
   * The pending migrations, run in the worker on its own connection while the main side answers;
   * then the updated file opens as on any start, or the recovery screen says why it did not.
   * Started on the next turn, once `state` is this one.
   */
  const startUpdate = (first: MigrationProgress): Updating => {
    const updating: Updating = {
      kind: 'updating',
      progress: first,
      stop: new AbortController(),
      done: Promise.resolve(),
    };
    const request = {
      task: 'migrate' as const,
      file: databasePath,
      ...binding,
      ...(options.updateGate ? { gate: options.updateGate } : {}),
    };
    const moved = (progress: MigrationProgress) => {
      if (state !== updating) return;
      updating.progress = progress;
      events.emit('data:status', status());
    };
    updating.done = Promise.resolve()
      .then(() => (updates ? updates(request, moved, updating.stop.signal) : null))
      .then((outcome) => {
        if (state !== updating || updating.stop.signal.aborted || !outcome) return;
        if (outcome.outcome === 'failed') {
          state = { kind: 'recovery', problem: problemFromUpdate(outcome), afterOpening: false };
        } else {
          try {
            state = openOrRecover();
          } catch (error) {
            const detail = `The update finished, but the database could not be opened: ${String(error)}`;
            state = { kind: 'recovery', problem: { kind: 'not-updated', detail }, afterOpening: false };
          }
        }
        events.emit('data:status', status());
      });
    return updating;
  };

  /** `fresh`: the user chose to start with an empty database although backups exist. */
  const openOrRecover = (fresh = false): State<W> => {
    const lost = fresh ? null : lostDatabase();
    if (lost) return { kind: 'recovery', problem: lost, afterOpening: false };
    const update = updates ? updateToRun(databasePath, driverOptions, updateFrom) : null;
    if (update) return startUpdate(update);
    let db: Db;
    try {
      db = openDatabase(databasePath, { nativeBinding: options.nativeBinding });
    } catch (error) {
      return { kind: 'recovery', problem: problemFrom(error), afterOpening: false };
    }
    const opened: Ready<W> = {
      kind: 'ready',
      db,
      workspace: options.open(db),
      backups: null,
      check: { state: 'checking', message: 'Checking every page of the database in the background.' },
      checked: Promise.resolve(),
      stopCheck: new AbortController(),
    };
    // Started on the next turn, once `state` is this one.
    opened.checked = Promise.resolve().then(() => checkAfterOpening(opened));
    opened.backups = backupDir
      ? scheduleBackups(db, {
          dir: backupDir,
          now,
          nativeBinding: options.nativeBinding,
          checks: backupChecks,
          onError: options.onBackupError,
          // The start-up backup waits for the check: never two whole-file reads at once, and
          // never a copy of a database just found damaged.
          after: opened.checked,
        })
      : null;
    return opened;
  };

  let state = openOrRecover();

  /** Readable by this version (a cheap look), and sound by `integrity_check` in the worker. */
  const problemOf = async (backup: BackupInfo): Promise<string> => {
    const problem = checkDatabase(backup.path, driverOptions);
    if (problem?.kind === 'too-new') return 'Made by a newer version of Stackwise.';
    if (problem) return 'Damaged: it fails its integrity check.';
    const outcome = await backupChecks({ file: backup.path, check: 'integrity_check', ...binding });
    if (outcome.outcome === 'damaged') return 'Damaged: it fails its integrity check.';
    if (outcome.outcome === 'unfinished') return `It could not be checked. ${outcome.detail}`;
    return '';
  };

  const describe = async (backup: BackupInfo & BackupSize, smaller: ReadonlySet<string>): Promise<Backup> => {
    const problem = await problemOf(backup);
    return {
      fileName: backup.fileName,
      at: backup.at,
      bytes: backup.bytes,
      sessions: backup.sessions,
      muchSmaller: smaller.has(backup.fileName),
      restorable: problem === '',
      problem,
    };
  };

  /**
   * Every backup, newest first, described; the size rule needs them all at once. Checked one
   * after another, so two whole-file reads never compete for the disk.
   */
  const describeAll = async (): Promise<Backup[]> => {
    if (!backupDir) return [];
    const sized = sizedBackups(backupDir, driverOptions);
    const smaller = muchSmallerBackups(sized);
    const described: Backup[] = [];
    for (const backup of sized) described.push(await describe(backup, smaller));
    return described;
  };

  const close = (): void => {
    if (state.kind === 'updating') state.stop.abort();
    if (state.kind !== 'ready') return;
    state.stopCheck.abort();
    state.backups?.stop();
    settleBeforeClosing(state.db);
    state.db.close();
  };

  /** Swaps the database file under the app; the old one is kept aside first. */
  const replace = async (put: (() => void) | null): Promise<Replaced> => {
    // A file that could not be updated is not damaged: it is kept as replaced.
    const why =
      state.kind !== 'recovery' || state.problem.kind === 'not-updated'
        ? 'replaced'
        : state.problem.kind === 'empty'
          ? 'empty'
          : 'damaged';
    if (state.kind === 'ready') {
      // The check's worker holds the file open (read-only): it is stopped before the file moves.
      state.stopCheck.abort();
      await state.checked;
    }
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
    state = openOrRecover(put === null);
    const replaced = { keptAs };
    events.emit('data:replaced', replaced);
    return replaced;
  };

  /** A file that belongs to a newer version, or that cannot be written, is never moved. */
  const refuseToReplace = () => {
    if (state.kind === 'updating') throw updatingError();
    if (state.kind !== 'recovery') return;
    if (state.problem.kind === 'too-new') {
      throw new AppError(
        'forbidden',
        'This database belongs to a newer version of Stackwise and is left exactly as it is. ' +
          'Install the newer version to open it.',
      );
    }
    if (state.problem.kind === 'read-only') {
      throw new AppError(
        'forbidden',
        'The database is not damaged: Stackwise may only not write to it, so it is left exactly ' +
          'where it is. Make the file and its folder writable, then choose Check again.',
      );
    }
  };

  const updatingError = () =>
    new AppError(
      'unavailable',
      'Stackwise is updating its data to this version, so nothing can be read or saved until that is done.',
    );

  /**
   * The open database and what runs on it; `unavailable` while the recovery screen shows, and
   * while the update on the first start after an upgrade runs.
   */
  const ready = () => {
    if (state.kind === 'ready') return state;
    if (state.kind === 'updating') throw updatingError();
    throw new AppError(
      'unavailable',
      'Stackwise could not open its database, so nothing can be read or saved until it is recovered.',
    );
  };

  /** After an update, the state it led to (itself a ready file, or recovery) is settled too. */
  function updated(): Promise<void> {
    return state.kind === 'updating' ? state.done.then(updated) : Promise.resolve();
  }

  /** Settles when the check after opening has answered (and `data:status` has said so). */
  function checked(): Promise<void> {
    if (state.kind === 'updating') return updated().then(checked);
    return state.kind === 'ready' ? state.checked : Promise.resolve();
  }

  /** Settles when the start-up backup is made, skipped or reported as failed. */
  function backupsReady(): Promise<void> {
    if (state.kind === 'updating') return updated().then(backupsReady);
    return (state.kind === 'ready' && state.backups?.ready) || Promise.resolve();
  }

  function status(): DataStatus {
    const where = { databasePath, backupDir: backupDir ?? null, keptDir };
    if (state.kind === 'ready') return { state: 'ready', check: state.check, ...where };
    if (state.kind === 'updating')
      return { state: 'updating', ...describeProgress(state.progress), ...where };
    return {
      state: 'recovery',
      problem: state.problem.kind,
      message: state.problem.detail,
      foundAfterOpening: state.afterOpening,
      ...where,
    };
  }

  return {
    workspace: (): W => ready().workspace,

    database: (): Db => ready().db,

    /** Settles when the update on the first start after an upgrade is over (or at once). */
    updated,

    checked,

    backupsReady,

    status,

    backups: describeAll,

    async backUpNow(): Promise<Backup> {
      const { backups } = ready();
      if (!backups) throw new AppError('forbidden', 'This host keeps no backups.');
      const made = await backups.backUpNow();
      const described = (await describeAll()).find((b) => b.fileName === made.fileName);
      if (!described) throw new Error(`The backup ${made.fileName} disappeared.`);
      return described;
    },

    async restore(fileName: string): Promise<Replaced> {
      refuseToReplace();
      const backup = backupDir ? listBackups(backupDir).find((b) => b.fileName === fileName) : undefined;
      if (!backup) throw new AppError('not_found', `There is no backup called ${fileName}.`, 'fileName');
      const problem = await problemOf(backup);
      if (problem)
        throw new AppError('invalid_input', `That backup cannot be restored. ${problem}`, 'fileName');
      // A backup is a closed file, never written after it was checked, so a plain copy is safe.
      return replace(() => copyFileSync(backup.path, databasePath));
    },

    /** Looks at the file again (its permissions fixed, say); every window reloads if it opens. */
    reopen(): DataStatus {
      if (state.kind === 'recovery') {
        state = openOrRecover();
        if (state.kind === 'ready') events.emit('data:replaced', { keptAs: null });
      }
      return status();
    },

    async startFresh(): Promise<Replaced> {
      refuseToReplace();
      if (state.kind === 'ready') {
        throw new AppError('forbidden', 'The database is fine; starting fresh is only offered to recover.');
      }
      return replace(null);
    },

    close,
  };
}
