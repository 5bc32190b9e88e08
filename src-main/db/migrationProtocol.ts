/**
 * What the main side and the check worker say to each other about a database update: the request
 * (which file; a test's gate), the worker's progress messages while the migrations run, and its
 * last word. Every message is parsed on arrival, as anything that crosses a boundary is.
 *
 * Like `fileCheck.ts`, this imports only zod, never the app's aliases: the worker reads it before
 * it knows whether it is asked for a check or an update, and loads the migrations only for the
 * latter.
 */
import { z } from 'zod';

export const MigrationRequestSchema = z.strictObject({
  task: z.literal('migrate'),
  file: z.string().min(1),
  nativeBinding: z.string().optional(),
  /**
   * Tests only: the worker waits until a file exists at this path before it opens the database,
   * so a test can see the update screen for as long as it needs, without a sleep.
   */
  gate: z.string().min(1).optional(),
});
export type MigrationRequest = z.infer<typeof MigrationRequestSchema>;

export const MigrationProgressSchema = z.strictObject({
  step: z.number().int().positive(),
  steps: z.number().int().positive(),
  /** The migration's name (`compact-change-log`), or the fill of the sessions list after them. */
  name: z.string(),
  count: z
    .strictObject({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() })
    .nullable(),
});

export const MigrationOutcomeSchema = z.discriminatedUnion('outcome', [
  /** Every pending migration is committed and the sessions list is filled: open the file. */
  z.strictObject({ outcome: z.literal('migrated') }),
  /**
   * Nothing was committed (the migrations run in one transaction), so the file is as it was.
   * `problem` is what the recovery screen says: refused before anything ran (`too-new`,
   * `read-only`, `damaged`), or stopped by an error while updating (`not-updated`).
   */
  z.strictObject({
    outcome: z.literal('failed'),
    problem: z.enum(['too-new', 'read-only', 'damaged', 'not-updated']),
    fileVersion: z.number().int().nonnegative().optional(),
    detail: z.string(),
  }),
]);
export type MigrationOutcome = z.infer<typeof MigrationOutcomeSchema>;

export const MigrationMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('progress'), progress: MigrationProgressSchema }),
  z.strictObject({ kind: z.literal('done'), outcome: MigrationOutcomeSchema }),
]);
export type MigrationMessage = z.infer<typeof MigrationMessageSchema>;
