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
  /** What changed, before and after. */
  changes: z.array(ComparisonRowSchema),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** Entries are compared when read, so they are read a page at a time. */
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
} satisfies Record<string, ChannelSpec>;
