/**
 * A session as one portable file: JSON with a format name, a version, and a SHA-256 checksum of
 * its content, so another machine can tell a Stackwise file from anything else, a newer format
 * from a damaged one, and an intact file from an edited one.
 */
import { z } from 'zod';
import { LogoSchema } from '../brands/schema';
import { HistoryKindSchema } from '../history/contract';
import { PatchSchema } from '../history/patch';
import { SessionStateSchema } from '../history/compare';
import { SessionFieldsSchema, SessionSchema, TimestampSchema } from '../sessions/schema';
import { SnapshotContentSchema, SnapshotSchema } from '../snapshots/schema';
import { ActionSchema, CandidateNameSchema, CriterionNameSchema, WorkshopStateSchema } from '../workshop';

export const SESSION_FILE = {
  format: 'stackwise-session',
  /**
   * 2 added the session's events and snapshots; 3 the report's brand profile, so an import can
   * find it again; 4 stores the workshop's history as what changed (a patch per change, a whole
   * state now and then), not two whole workshops per change; 5 gives each round its level of
   * anonymity and its ballots stored without names, in place of the workshop's one `anonymous`
   * switch (read from earlier files as the level it meant); 6 adds the risk register and the next
   * steps as rows, and each exported report's status, version and reference (files before have no
   * rows and read as such); 7 holds each logo once, named by the SHA-256 of its bytes, which the
   * session's brand and every snapshot's brand name instead of carrying the logo (before, each
   * report exported added its brand's logos again). Older versions are still read.
   */
  version: 7,
  /**
   * The largest file accepted. Export refuses to write a larger one, so every file the app writes
   * imports back: the largest session (40 criteria, 8 stacks, 40 people) with 1,500 changes makes
   * a file of about 6 MB, so this holds about 8,000 changes at that size.
   */
  maxBytes: 32 * 1024 * 1024,
  /**
   * What the app names a session file: one extension, so Windows and macOS (which go by a file's
   * last extension) can open it with Stackwise. The content is JSON all the same.
   */
  extension: '.stackwise',
  /** Names earlier versions wrote (`.json` last); such files still import and open. */
  earlierExtensions: ['.stackwise.json'],
  /** A real file nests about a dozen levels; far deeper is a file built to exhaust the parser. */
  maxNesting: 64,
} as const;

/** Every ending a session file's name may have, the current one first. */
export const SESSION_FILE_EXTENSIONS: readonly string[] = [
  SESSION_FILE.extension,
  ...SESSION_FILE.earlierExtensions,
];

/** Whether a file's name (or path) ends as a session file's does, in any case. */
export function isSessionFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return SESSION_FILE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

export const ChangeRecordSchema = z.strictObject({
  label: z.string(),
  action: ActionSchema,
  coalesceKey: z.string().nullable(),
  before: WorkshopStateSchema,
  after: WorkshopStateSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  undone: z.boolean(),
  /** Format 2; older files have neither. */
  discarded: z.boolean().default(false),
  sealed: z.boolean().default(false),
});
export type ChangeRecord = z.infer<typeof ChangeRecordSchema>;

/**
 * Format 4: a change as what changed. `before` (the whole state the change was made on) comes
 * with the first change and every so often after; otherwise `link` says how the state before
 * follows from the previous change's state after (usually nothing, or the step the room moved
 * to). `patch` turns the state before into the state after. Every state these rebuild is checked
 * against the workshop schema as the file is imported.
 */
export const CompactChangeRecordSchema = z
  .strictObject({
    label: z.string(),
    /** What the undo and redo buttons call the change. */
    undoLabel: z.string(),
    action: ActionSchema,
    coalesceKey: z.string().nullable(),
    before: z.unknown().optional(),
    link: PatchSchema.optional(),
    patch: PatchSchema,
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    undone: z.boolean(),
    discarded: z.boolean(),
    sealed: z.boolean(),
  })
  .refine((record) => (record.before === undefined) !== (record.link === undefined), {
    message: 'Each change needs either its whole state before or how it follows the change before it.',
  });
export type CompactChangeRecord = z.infer<typeof CompactChangeRecordSchema>;

/** A history event outside the workshop (created, details edited, report, snapshot, restore). */
export const EventRecordSchema = z.strictObject({
  kind: HistoryKindSchema,
  label: z.string(),
  before: SessionStateSchema.nullable(),
  after: SessionStateSchema.nullable(),
  createdAt: TimestampSchema,
});
export type EventRecord = z.infer<typeof EventRecordSchema>;

export const SnapshotRecordSchema = SnapshotSchema.omit({ sessionId: true });

/** Adds the first refusal of `schema` for `value` as an issue at `path`, in the schema's words. */
function follows(schema: z.ZodType, value: unknown, path: (string | number)[], ctx: z.RefinementCtx): void {
  const checked = schema.safeParse(value);
  if (!checked.success) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: checked.error.issues[0]?.message ?? 'This text is not allowed.',
    });
  }
}

/*
 * A file brings names in as typing does, so its session's details and its workshop's names follow
 * the rules typed names follow (no control or direction characters), whatever the database would
 * still read from an earlier version.
 */
const ImportedSessionSchema = SessionSchema.superRefine((session, ctx) => {
  const { clientName, projectName, facilitator, participants } = session;
  const fields = SessionFieldsSchema.pick({ clientName: true, projectName: true, facilitator: true });
  follows(fields, { clientName, projectName, facilitator }, [], ctx);
  participants.forEach((participant, index) =>
    follows(
      SessionFieldsSchema.shape.participants,
      [{ name: participant.name }],
      ['participants', index, 'name'],
      ctx,
    ),
  );
});

export const ImportedWorkshopStateSchema = WorkshopStateSchema.superRefine((state, ctx) => {
  state.criteria.forEach((criterion, index) =>
    follows(CriterionNameSchema, criterion.name, ['criteria', index, 'name'], ctx),
  );
  state.candidates.forEach((candidate, index) =>
    follows(CandidateNameSchema, candidate.name, ['candidates', index, 'name'], ctx),
  );
});

/** Formats 1 to 3: each change with its two whole states. */
export const LegacySessionFileContentSchema = z.strictObject({
  session: ImportedSessionSchema,
  workshop: z
    .strictObject({ state: ImportedWorkshopStateSchema, revision: z.number().int().nonnegative() })
    .nullable(),
  history: z.array(ChangeRecordSchema),
  lastReportAt: TimestampSchema.nullable(),
  events: z.array(EventRecordSchema).default([]),
  snapshots: z.array(SnapshotRecordSchema).default([]),
  /** Format 3: the look of the session's report, to reconnect it to a profile with that look. */
  brand: SnapshotContentSchema.shape.brand.nullable().default(null),
});
export type LegacySessionFileContent = z.infer<typeof LegacySessionFileContentSchema>;

/** Format 4: the history as what changed. */
export const SessionFileContentSchema = LegacySessionFileContentSchema.extend({
  history: z.array(CompactChangeRecordSchema),
});
export type SessionFileContent = z.infer<typeof SessionFileContentSchema>;

/** Format 7: a logo named by the SHA-256 of its bytes, in lowercase hexadecimal. */
export const LogoKeySchema = z.string().regex(/^[0-9a-f]{64}$/, {
  error: 'A logo must be named by the SHA-256 of its bytes.',
});

/** A logo as the file holds it, once however many brand looks use it. */
export const StoredLogoSchema = LogoSchema.extend({ sha256: LogoKeySchema });
export type StoredLogo = z.infer<typeof StoredLogoSchema>;

/** A brand look whose logos are named by their SHA-256; the logos themselves are in `logos`. */
export const BrandLookRefSchema = SnapshotContentSchema.shape.brand.extend({
  logo: LogoKeySchema.nullable(),
  clientLogo: LogoKeySchema.nullable(),
});
export type BrandLookRef = z.infer<typeof BrandLookRefSchema>;

/**
 * Format 7: as format 4, with each logo held once in `logos` and named from the session's brand
 * and every snapshot's brand. An import resolves each name (shared/portable/logos.ts) and then
 * reads the content as format 4 to 6 carried it.
 */
export const PackedSessionFileContentSchema = SessionFileContentSchema.extend({
  logos: z.array(StoredLogoSchema),
  snapshots: z.array(
    SnapshotRecordSchema.extend({
      content: SnapshotContentSchema.extend({ brand: BrandLookRefSchema }),
    }),
  ),
  brand: BrandLookRefSchema.nullable(),
});
export type PackedSessionFileContent = z.infer<typeof PackedSessionFileContentSchema>;

/** The first look at a file: enough to say what it is before validating the rest. */
export const SessionFileHeaderSchema = z.object({
  format: z.literal(SESSION_FILE.format, { error: 'This is not a Stackwise session file.' }),
  version: z.number({ error: 'The file has no format version.' }).int().positive(),
  checksum: z.string().regex(/^[0-9a-f]{64}$/, { error: 'The file has no valid checksum.' }),
  content: z.unknown(),
});

export const SessionFileSchema = z.strictObject({
  format: z.literal(SESSION_FILE.format),
  version: z.number().int().min(1).max(SESSION_FILE.version),
  exportedAt: TimestampSchema,
  appVersion: z.string(),
  checksum: z.string(),
  content: PackedSessionFileContentSchema,
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
