import { z } from 'zod';
import { BrandIdSchema } from '../brands/schema';
import type { ChannelSpec } from '../ipc/spec';
import { SessionIdSchema, TimestampSchema } from '../sessions/schema';
import { ReportFreshnessSchema } from './freshness';

/** Draft or Final, chosen at export and printed on the cover. */
export const ReportStatusSchema = z.enum(['draft', 'final'], { error: 'Choose Draft or Final.' });
export type ReportStatus = z.infer<typeof ReportStatusSchema>;
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { draft: 'Draft', final: 'Final' };

/** More exports than any session has; a larger number in a file is not one this app wrote. */
export const MAX_REPORT_VERSION = 99_999;

/**
 * A reference as `defaultReference` makes it: capital ASCII letters and digits in hyphenated parts,
 * then "-v" and the version. Nothing else reaches the cover from a file: no line break, no
 * direction or control character, no space.
 */
const REFERENCE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*-v[1-9][0-9]{0,4}$/;

/**
 * The cover's issue as an export stored it (the model's `ReportIssue`), so it can be drawn again;
 * read from the database and from session files, so held to what this app writes.
 */
export const ReportIssueSchema = z
  .strictObject({
    status: ReportStatusSchema,
    version: z.number().int().min(1).max(MAX_REPORT_VERSION),
    reference: z
      .string()
      .max(80)
      .regex(REFERENCE, { error: 'The report’s reference is not one Stackwise made.' }),
  })
  .refine((issue) => issue.reference.endsWith(`-v${issue.version}`), {
    error: 'The report’s reference names another version.',
    path: ['reference'],
  });

export const ReportSettingsSchema = z.strictObject({
  sessionId: SessionIdSchema,
  /** The brand profile the session's report uses; null for Stackwise's default look. */
  brandId: BrandIdSchema.nullable(),
  lastExport: z.strictObject({ at: TimestampSchema, fileName: z.string() }).nullable(),
  /** Whether the last export still matches the session, and if not, what changed since. */
  freshness: ReportFreshnessSchema,
  /** The version the next export prints: this session's earlier exports plus one. */
  nextVersion: z.number().int().min(1),
});
export type ReportSettings = z.infer<typeof ReportSettingsSchema>;

/**
 * Characters the report would print as □ because none of its fonts can draw them (emoji, most
 * symbols outside the fonts), each once with how often it occurs and the parts of the report it
 * is in. Found on the main side, from the report as it would be drawn now and the fonts the PDF
 * would embed, so the warning and the PDF always agree.
 */
export const UnprintableSchema = z.strictObject({
  /** The character as typed (one grapheme: an emoji with its modifiers is one). */
  text: z.string(),
  /** "U+1F680", one per code point. */
  codePoints: z.array(z.string()),
  count: z.number().int().min(1),
  /** The report's parts it appears in ("Cover", a section's title), at most a few. */
  places: z.array(z.string()),
});
export type Unprintable = z.infer<typeof UnprintableSchema>;

export const ReportCheckSchema = z.strictObject({
  unprintable: z.array(UnprintableSchema),
  /** How many characters in all would print as □. */
  boxes: z.number().int().min(0),
});
export type ReportCheck = z.infer<typeof ReportCheckSchema>;

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
    /** What the cover printed, as recorded; null for a redraw of a copy made before issues. */
    issue: ReportIssueSchema.nullable(),
  }),
  z.strictObject({
    outcome: z.literal('download'),
    fileName: z.string(),
    base64: z.string(),
    pages: z.number().int().positive(),
    issue: ReportIssueSchema.nullable(),
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
  /** Exports as Draft unless told Final (callers from before the choice send no status). */
  'report:export': {
    input: BySession.extend({ status: ReportStatusSchema.default('draft') }),
    output: ExportOutcomeSchema,
  },
  /** What the report would print as □ if exported now; a warning, never a refusal. */
  'report:check': { input: BySession, output: ReportCheckSchema },
  /** Opens a report this app saved, in the system's PDF viewer (desktop only). */
  'report:open': {
    input: z.strictObject({ path: z.string().min(1).max(4096) }),
    output: z.strictObject({ opened: z.boolean() }),
  },
} satisfies Record<string, ChannelSpec>;
