/**
 * A session as one portable file: JSON with a format name, a version, and a SHA-256 checksum of
 * its content, so another machine can tell a Stackwise file from anything else, a newer format
 * from a damaged one, and an intact file from an edited one.
 */
import { z } from 'zod';
import { SessionSchema, TimestampSchema } from '../sessions/schema';
import { ActionSchema, WorkshopStateSchema } from '../workshop';

export const SESSION_FILE = {
  format: 'stackwise-session',
  version: 1,
  /** The largest file accepted: history included, a long workshop stays far below this. */
  maxBytes: 20 * 1024 * 1024,
  extension: '.stackwise.json',
} as const;

export const ChangeRecordSchema = z.strictObject({
  label: z.string(),
  action: ActionSchema,
  coalesceKey: z.string().nullable(),
  before: WorkshopStateSchema,
  after: WorkshopStateSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  undone: z.boolean(),
});
export type ChangeRecord = z.infer<typeof ChangeRecordSchema>;

export const SessionFileContentSchema = z.strictObject({
  session: SessionSchema,
  workshop: z
    .strictObject({ state: WorkshopStateSchema, revision: z.number().int().nonnegative() })
    .nullable(),
  history: z.array(ChangeRecordSchema),
  lastReportAt: TimestampSchema.nullable(),
});
export type SessionFileContent = z.infer<typeof SessionFileContentSchema>;

/** The first look at a file: enough to say what it is before validating the rest. */
export const SessionFileHeaderSchema = z.object({
  format: z.literal(SESSION_FILE.format, { error: 'This is not a Stackwise session file.' }),
  version: z.number({ error: 'The file has no format version.' }).int().positive(),
  checksum: z.string().regex(/^[0-9a-f]{64}$/, { error: 'The file has no valid checksum.' }),
  content: z.unknown(),
});

export const SessionFileSchema = z.strictObject({
  format: z.literal(SESSION_FILE.format),
  version: z.literal(SESSION_FILE.version),
  exportedAt: TimestampSchema,
  appVersion: z.string(),
  checksum: z.string(),
  content: SessionFileContentSchema,
});
export type SessionFile = z.infer<typeof SessionFileSchema>;

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
