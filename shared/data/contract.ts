/**
 * The database itself: whether it opened, its backups, and the ways back from a damaged file
 * (restore a backup, or start fresh with the damaged file kept).
 */
import { z } from 'zod';
import type { ChannelSpec } from '../ipc/spec';

/** `stackwise-20260312-090000123.sqlite`: a backup made at that moment (UTC, milliseconds). */
export const BACKUP_FILE_NAME = /^stackwise-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(\d{3})\.sqlite$/;

/**
 * The whole-file check that runs after the database opens, while the app is in use: `checking`
 * until it answers, then `sound`, or `unfinished` (it could not run to its end: nothing is known,
 * the app goes on). Damage moves the status to `recovery` instead.
 */
export const DataCheckSchema = z.strictObject({
  state: z.enum(['checking', 'sound', 'unfinished']),
  message: z.string(),
});
export type DataCheck = z.infer<typeof DataCheckSchema>;

export const DataStatusSchema = z.discriminatedUnion('state', [
  z.strictObject({
    state: z.literal('ready'),
    check: DataCheckSchema,
    databasePath: z.string(),
    /** Null when this host makes no backups. */
    backupDir: z.string().nullable(),
    /** Where replaced and damaged databases are kept. */
    keptDir: z.string(),
  }),
  /**
   * The first start after an upgrade: the database is being updated to this version, off the main
   * side, and nothing can be read or saved until that is done (data channels answer
   * `unavailable`). `data:status` events follow its progress, then say `ready` (or `recovery`).
   */
  z.strictObject({
    state: z.literal('updating'),
    /** Which step runs, of how many. */
    step: z.number().int().positive(),
    steps: z.number().int().positive(),
    /** What that step does, in the user's words. */
    task: z.string(),
    /** What it has counted so far (`of`: "changes"), when it counts anything. */
    count: z
      .strictObject({
        done: z.number().int().nonnegative(),
        total: z.number().int().nonnegative(),
        of: z.string(),
      })
      .nullable(),
    databasePath: z.string(),
    backupDir: z.string().nullable(),
    keptDir: z.string(),
  }),
  z.strictObject({
    state: z.literal('recovery'),
    /**
     * `damaged`: SQLite's check failed. `too-new`: written by a newer Stackwise. `read-only`: the
     * file or its folder cannot be written (it may be healthy). `missing` / `empty`: no database,
     * or a 0-byte file, while backups exist. `too-new` and `read-only` files are left alone and
     * nothing here may replace them. `not-updated`: updating it to this version stopped with an
     * error and was undone, so the file is as it was.
     */
    problem: z.enum(['damaged', 'too-new', 'read-only', 'missing', 'empty', 'not-updated']),
    message: z.string(),
    /**
     * Damage found by the check after opening, while the app was already in use: what was saved
     * until then is in the damaged file, which restoring or starting fresh keeps whole.
     */
    foundAfterOpening: z.boolean(),
    databasePath: z.string(),
    backupDir: z.string().nullable(),
    keptDir: z.string(),
  }),
]);
export type DataStatus = z.infer<typeof DataStatusSchema>;

export const BackupSchema = z.strictObject({
  fileName: z.string().regex(BACKUP_FILE_NAME),
  at: z.iso.datetime(),
  bytes: z.number().int().nonnegative(),
  /** How many sessions it holds. */
  sessions: z.number().int().nonnegative(),
  /**
   * Under half the sessions or bytes of a good backup made in the two weeks before it (an emptied
   * or replaced database): kept, but never the one offered first, and never in a good one's place.
   */
  muchSmaller: z.boolean(),
  /** Sound (integrity_check) and readable by this version of the app. */
  restorable: z.boolean(),
  /** Why a backup cannot be restored; empty when it can. */
  problem: z.string(),
});
export type Backup = z.infer<typeof BackupSchema>;

export const ReplacedSchema = z.strictObject({
  /** Where the database that was replaced now lives; null when there was none. */
  keptAs: z.string().nullable(),
});
export type Replaced = z.infer<typeof ReplacedSchema>;

const Nothing = z.strictObject({});

export const dataContract = {
  'data:status': { input: Nothing, output: DataStatusSchema },
  'data:backups': { input: Nothing, output: z.array(BackupSchema) },
  'data:backup': { input: Nothing, output: BackupSchema },
  'data:restore': {
    input: z.strictObject({
      fileName: z.string().regex(BACKUP_FILE_NAME, { error: 'That is not the name of a Stackwise backup.' }),
    }),
    output: ReplacedSchema,
  },
  'data:recreate': { input: Nothing, output: ReplacedSchema },
  /** Looks at the database again from the recovery screen; `data:replaced` follows if it opens. */
  'data:reopen': { input: Nothing, output: DataStatusSchema },
} satisfies Record<string, ChannelSpec>;

export const dataEvents = {
  /** The database was swapped under every window (restore, start fresh): reload everything. */
  'data:replaced': ReplacedSchema,
  /**
   * The check after opening answered: sound, unfinished, or damage (the recovery screen); or the
   * update on the first start after an upgrade moved on, or finished.
   */
  'data:status': DataStatusSchema,
};
