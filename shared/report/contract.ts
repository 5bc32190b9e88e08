import { z } from 'zod';
import { BrandIdSchema } from '../brands/schema';
import type { ChannelSpec } from '../ipc/spec';
import { SessionIdSchema, TimestampSchema } from '../sessions/schema';
import { ReportFreshnessSchema } from './freshness';

export const ReportSettingsSchema = z.strictObject({
  sessionId: SessionIdSchema,
  /** The brand profile the session's report uses; null for Stackwise's default look. */
  brandId: BrandIdSchema.nullable(),
  lastExport: z.strictObject({ at: TimestampSchema, fileName: z.string() }).nullable(),
  /** Whether the last export still matches the session, and if not, what changed since. */
  freshness: ReportFreshnessSchema,
});
export type ReportSettings = z.infer<typeof ReportSettingsSchema>;

/**
 * How an export ended: saved where the user chose (desktop), handed over as a download (web host,
 * which has no file dialog), or cancelled in the dialog.
 */
export const ExportOutcomeSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('saved'),
    fileName: z.string(),
    path: z.string(),
    pages: z.number().int().positive(),
  }),
  z.strictObject({
    outcome: z.literal('download'),
    fileName: z.string(),
    base64: z.string(),
    pages: z.number().int().positive(),
  }),
  z.strictObject({ outcome: z.literal('cancelled') }),
]);
export type ExportOutcome = z.infer<typeof ExportOutcomeSchema>;

const BySession = z.strictObject({ sessionId: SessionIdSchema });

export const reportContract = {
  'report:settings': { input: BySession, output: ReportSettingsSchema },
  'report:configure': {
    input: z.strictObject({ sessionId: SessionIdSchema, brandId: BrandIdSchema.nullable() }),
    output: ReportSettingsSchema,
  },
  'report:export': { input: BySession, output: ExportOutcomeSchema },
  /** Opens a report this app saved, in the system's PDF viewer (desktop only). */
  'report:open': {
    input: z.strictObject({ path: z.string().min(1).max(4096) }),
    output: z.strictObject({ opened: z.boolean() }),
  },
} satisfies Record<string, ChannelSpec>;
