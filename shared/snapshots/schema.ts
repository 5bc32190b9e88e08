/**
 * Snapshots: a session frozen at a moment, with everything its report is made from (session,
 * workshop, brand), so it can be compared, restored, or exported again exactly as it was.
 */
import { z } from 'zod';
import { BrandFieldsSchema, LogoSchema } from '../brands/schema';
import { ComparisonSchema } from '../history/compare';
import type { ChannelSpec } from '../ipc/spec';
import { ExportOutcomeSchema, ReportIssueSchema } from '../report/contract';
import { hasControlCharacters, SessionIdSchema, SessionSchema, TimestampSchema } from '../sessions/schema';
import { hasBidiControls } from '../util/text';
import { WorkshopStateSchema } from '../workshop';

export const SnapshotIdSchema = z.uuid({
  error: 'That snapshot is not one this app made (its reference is not valid).',
});

/** `manual`: named by the facilitator; `report`: made on export; `restore`: kept before a restore. */
export const SnapshotKindSchema = z.enum(['manual', 'report', 'restore']);
export type SnapshotKind = z.infer<typeof SnapshotKindSchema>;

export const SNAPSHOT_NAME_MAX = 80;

export const SnapshotNameSchema = z
  .string({ error: 'The snapshot name must be text.' })
  .trim()
  .min(1, { error: 'Give the snapshot a name.' })
  .max(SNAPSHOT_NAME_MAX, { error: `The snapshot name must be ${SNAPSHOT_NAME_MAX} characters or fewer.` })
  .refine((value) => !hasControlCharacters(value), {
    error: 'The snapshot name cannot contain line breaks or control characters.',
  })
  .refine((value) => !hasBidiControls(value), {
    error: 'The snapshot name cannot contain invisible text-direction characters, which can disguise a name.',
  });

export const SnapshotContentSchema = z.strictObject({
  session: SessionSchema,
  workshop: WorkshopStateSchema,
  /** `clientLogo` defaults to none, so snapshots made before it existed read (and redraw) as they were. */
  brand: BrandFieldsSchema.extend({
    logo: LogoSchema.nullable(),
    clientLogo: LogoSchema.nullable().default(null),
  }),
  /** The report exported at that moment, for snapshots made on export. */
  report: z
    .strictObject({
      generatedAt: TimestampSchema,
      fileName: z.string(),
      appVersion: z.string(),
      /** The cover's status, version and reference; absent in exports made before the cover had them. */
      issue: ReportIssueSchema.optional(),
    })
    .nullable(),
});
export type SnapshotContent = z.infer<typeof SnapshotContentSchema>;

export const SnapshotSchema = z.strictObject({
  id: SnapshotIdSchema,
  sessionId: SessionIdSchema,
  name: z.string(),
  kind: SnapshotKindSchema,
  createdAt: TimestampSchema,
  content: SnapshotContentSchema,
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const SnapshotSummarySchema = SnapshotSchema.omit({ content: true }).extend({
  /** Who was recommended at that moment ("A tie" when first place was shared). */
  leader: z.string(),
});
export type SnapshotSummary = z.infer<typeof SnapshotSummarySchema>;

/** A side of a comparison as the reader sees it: the snapshot's name and moment, or "Now". */
export const ComparedSideSchema = z.strictObject({ name: z.string(), at: TimestampSchema.nullable() });
export type ComparedSide = z.infer<typeof ComparedSideSchema>;

/** A snapshot, or the session as it is now. */
export const SnapshotRefSchema = z.union([z.literal('now'), SnapshotIdSchema]);

const BySession = z.strictObject({ sessionId: SessionIdSchema });
const OneSnapshot = z.strictObject({ sessionId: SessionIdSchema, snapshotId: SnapshotIdSchema });

export const snapshotsContract = {
  'snapshots:list': { input: BySession, output: z.array(SnapshotSummarySchema) },
  'snapshots:create': {
    input: z.strictObject({ sessionId: SessionIdSchema, name: SnapshotNameSchema }),
    output: SnapshotSummarySchema,
  },
  'snapshots:compare': {
    input: z.strictObject({ sessionId: SessionIdSchema, from: SnapshotRefSchema, to: SnapshotRefSchema }),
    output: z.strictObject({
      from: ComparedSideSchema,
      to: ComparedSideSchema,
      comparison: ComparisonSchema,
    }),
  },
  /** Makes the snapshot the current state; what it replaces is kept as a snapshot first. */
  'snapshots:restore': { input: OneSnapshot, output: z.strictObject({ kept: SnapshotSummarySchema }) },
  /** The report as it was at the snapshot, drawn from the frozen content and moment. */
  'snapshots:report': { input: OneSnapshot, output: ExportOutcomeSchema },
} satisfies Record<string, ChannelSpec>;
