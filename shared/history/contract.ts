import { z } from 'zod';
import type { ChannelSpec } from '../ipc/spec';
import { SessionIdSchema, TimestampSchema } from '../sessions/schema';
import { ComparisonRowSchema } from './compare';

export const HISTORY_KINDS = [
  'workshop',
  'created',
  'details',
  'report',
  'snapshot',
  'restore',
  'import',
] as const;
export const HistoryKindSchema = z.enum(HISTORY_KINDS);
export type HistoryKind = z.infer<typeof HistoryKindSchema>;

export const HistoryEntrySchema = z.strictObject({
  id: z.string(),
  at: TimestampSchema,
  kind: HistoryKindSchema,
  label: z.string(),
  /** Workshop changes can be undone; an undone change that a new edit replaced is `discarded`. */
  state: z.enum(['applied', 'undone', 'discarded']),
  /**
   * Whether the entry has a before and after for `history:entry` to compare. False for an event
   * that changed no state (a report exported) and for weights hidden until the results are revealed.
   */
  comparable: z.boolean(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** A history entry's id as the list gives it: `change-12` (a workshop change) or `event-3`. */
export const HistoryEntryIdSchema = z.string().regex(/^(?:change|event)-[1-9][0-9]{0,14}$/, {
  error: 'That history entry is not one this app made (its reference is not valid).',
});

/** What an opened entry shows: the lines that changed, before and after. */
export const HistoryDetailsSchema = z.strictObject({
  changes: z.array(ComparisonRowSchema),
  /** The change entered weights of a round whose inputs are hidden until the reveal: no lines. */
  hidden: z.boolean(),
});
export type HistoryDetails = z.infer<typeof HistoryDetailsSchema>;

/**
 * A page lists entries from their stored labels and times only; an entry's lines are compared
 * when it is opened (each comparison evaluates both states, which at 40 x 8 x 40 costs
 * milliseconds, so a page of them would not be instant).
 */
export const HISTORY_PAGE = { size: 50, max: 200 } as const;

export const historyContract = {
  /** The session's history, newest first, `limit` entries from `offset`. */
  'history:list': {
    input: z.strictObject({
      sessionId: SessionIdSchema,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(HISTORY_PAGE.max).default(HISTORY_PAGE.size),
    }),
    output: z.strictObject({ entries: z.array(HistoryEntrySchema), total: z.number().int().nonnegative() }),
  },
  /** One entry's lines, what changed from before to after, as `history:list` names it. */
  'history:entry': {
    input: z.strictObject({ sessionId: SessionIdSchema, entryId: HistoryEntryIdSchema }),
    output: HistoryDetailsSchema,
  },
} satisfies Record<string, ChannelSpec>;
