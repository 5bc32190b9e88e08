/**
 * Client sessions: one workshop with one client. The schemas here are the single source of truth
 * for what a session is, used to validate IPC input, database rows and the forms in the renderer.
 */
import { z } from 'zod';
import { hasBidiControls } from '../util/text';

export const SESSION_LIMITS = {
  clientName: 120,
  projectName: 160,
  facilitator: 120,
  description: 2000,
  participantName: 80,
  participants: 60,
  search: 200,
} as const;

/** True for tabs, line breaks and other C0, DEL and C1 control characters, which never belong in a name. */
export function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return true;
  }
  return false;
}

/** A required single-line text field whose messages name the field as the user sees it. */
function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} must be ${max} characters or fewer.` })
    .refine((value) => !hasControlCharacters(value), {
      error: `${label} cannot contain line breaks or control characters.`,
    })
    .refine((value) => !hasBidiControls(value), {
      error: `${label} cannot contain invisible text-direction characters, which can disguise a name.`,
    });
}

/**
 * A single-line text field as stored: its length checked only. Typed input goes through
 * `requiredText`; what an earlier version saved (before the character rules covered it) must still
 * be read, listed and exported, never lost to a rule it predates.
 */
function storedText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} must be ${max} characters or fewer.` });
}

export const SessionIdSchema = z.uuid({
  error: 'That session is not one this app made (its reference is not valid).',
});
export const ParticipantIdSchema = z.uuid({
  error: 'That participant is not one this app made (their reference is not valid).',
});

export const WorkshopDateSchema = z.iso.date({ error: 'Workshop date must be a real date (YYYY-MM-DD).' });

export const ParticipantSchema = z.strictObject({
  id: ParticipantIdSchema,
  name: storedText('Participant name', SESSION_LIMITS.participantName),
});
export type Participant = z.infer<typeof ParticipantSchema>;

/** A participant as the user edits it: new ones have no id yet. */
export const ParticipantDraftSchema = z.strictObject({
  id: ParticipantIdSchema.optional(),
  name: requiredText('Participant name', SESSION_LIMITS.participantName),
});
export type ParticipantDraft = z.infer<typeof ParticipantDraftSchema>;

const ParticipantListSchema = z
  .array(ParticipantDraftSchema, { error: 'Participants must be a list.' })
  .max(SESSION_LIMITS.participants, {
    error: `A session can have at most ${SESSION_LIMITS.participants} participants.`,
  })
  .superRefine((participants, ctx) => {
    const seen = new Set<string>();
    participants.forEach((participant, index) => {
      const key = participant.name.toLocaleLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'name'],
          message: `Two participants are called "${participant.name}"; give each a distinct name.`,
        });
      }
      seen.add(key);
    });
  });

/** The fields a facilitator types in. */
export const SessionFieldsSchema = z.strictObject({
  clientName: requiredText('Client name', SESSION_LIMITS.clientName),
  projectName: requiredText('Project name', SESSION_LIMITS.projectName),
  facilitator: requiredText('Facilitator', SESSION_LIMITS.facilitator),
  workshopDate: WorkshopDateSchema,
  description: z
    .string({ error: 'Description must be text.' })
    .trim()
    .max(SESSION_LIMITS.description, {
      error: `Description must be ${SESSION_LIMITS.description} characters or fewer.`,
    }),
  participants: ParticipantListSchema,
});
export type SessionFields = z.infer<typeof SessionFieldsSchema>;
export type SessionFieldName = keyof SessionFields;

export const SessionDraftSchema = SessionFieldsSchema.extend({
  description: SessionFieldsSchema.shape.description.default(''),
  participants: ParticipantListSchema.default([]),
});
export type SessionDraft = z.input<typeof SessionDraftSchema>;

const STALE_REVISION = 'This window’s copy of the session is not one this app made; reload and try again.';

/** How many times a session has been written; every write says which revision it was based on. */
export const RevisionSchema = z
  .number({ error: STALE_REVISION })
  .int({ error: STALE_REVISION })
  .nonnegative({ error: STALE_REVISION });

/**
 * Changes to the participant list, item by item, so two windows that each add someone keep both:
 * a whole list sent from a stale copy would delete what the other window just added. A rename
 * says the name it replaces (`from`): when someone else renamed that person meanwhile, it is
 * refused as a conflict instead of overwriting their name.
 */
export const ParticipantChangesSchema = z
  .strictObject({
    add: z
      .array(z.strictObject({ name: requiredText('Participant name', SESSION_LIMITS.participantName) }), {
        error: 'Participants to add must be a list.',
      })
      .max(SESSION_LIMITS.participants, {
        error: `A session can have at most ${SESSION_LIMITS.participants} participants.`,
      })
      .default([]),
    rename: z
      .array(
        z.strictObject({
          id: ParticipantIdSchema,
          from: z.string({ error: 'Previous name must be text.' }).max(SESSION_LIMITS.participantName * 2, {
            error: 'Previous name is too long.',
          }),
          name: requiredText('Participant name', SESSION_LIMITS.participantName),
        }),
        { error: 'Participants to rename must be a list.' },
      )
      .max(SESSION_LIMITS.participants, { error: 'Too many renames in one change.' })
      .default([]),
    remove: z
      .array(ParticipantIdSchema, { error: 'Participants to remove must be a list.' })
      .max(SESSION_LIMITS.participants, { error: 'Too many removals in one change.' })
      .default([]),
  })
  .refine((changes) => changes.add.length + changes.rename.length + changes.remove.length > 0, {
    error: 'Nothing to change in the participants.',
  });
export type ParticipantChanges = z.input<typeof ParticipantChangesSchema>;

export const SessionPatchSchema = SessionFieldsSchema.omit({ participants: true })
  .partial()
  .extend({ participants: ParticipantChangesSchema.optional() })
  .refine((patch) => Object.keys(patch).length > 0, { error: 'Nothing to change: the edit is empty.' });
export type SessionPatch = z.input<typeof SessionPatchSchema>;

export const TimestampSchema = z.iso.datetime({ error: 'Timestamp must be an ISO 8601 date-time.' });

export const SessionSchema = z.strictObject({
  id: SessionIdSchema,
  ...SessionFieldsSchema.shape,
  clientName: storedText('Client name', SESSION_LIMITS.clientName),
  projectName: storedText('Project name', SESSION_LIMITS.projectName),
  facilitator: storedText('Facilitator', SESSION_LIMITS.facilitator),
  participants: z.array(ParticipantSchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Session = z.infer<typeof SessionSchema>;

/** A session as the windows see it: with the revision their next write will be based on. */
export const SessionRecordSchema = SessionSchema.extend({ revision: RevisionSchema });
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

/** Where a session stands: no workshop yet, weighing, at the recommendation, or a report made. */
export const SESSION_STATUSES = ['draft', 'workshop', 'recommended', 'reported'] as const;
export const SessionStatusSchema = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof SessionStatusSchema>;
export const STATUS_LABELS: Record<SessionStatus, string> = {
  draft: 'Draft',
  workshop: 'In workshop',
  recommended: 'Recommended',
  reported: 'Reported',
};

/** The list's status filter: one status, or all. */
export const SessionStatusFilterSchema = z.enum([...SESSION_STATUSES, 'all'], {
  error: `Status must be one of: ${SESSION_STATUSES.join(', ')}, all.`,
});

export const SessionSummarySchema = z.strictObject({
  id: SessionIdSchema,
  clientName: z.string(),
  projectName: z.string(),
  facilitator: z.string(),
  workshopDate: WorkshopDateSchema,
  participantCount: z.number().int().nonnegative(),
  status: SessionStatusSchema,
  /** The stack in first place now; null before the workshop or when first place is tied. */
  leader: z.string().nullable(),
  lastReportAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

/** The list's page when none is asked for, and the most one answer holds. */
export const SESSION_PAGE_SIZE = 50;
export const SESSION_PAGE_LIMIT = 500;

export const SESSION_SORTS = ['updated', 'date', 'client'] as const;
export const SessionSortSchema = z.enum(SESSION_SORTS, {
  error: `Sort must be one of: ${SESSION_SORTS.join(', ')}.`,
});
export type SessionSort = z.infer<typeof SessionSortSchema>;

export const SessionListQuerySchema = z.strictObject({
  search: z
    .string({ error: 'Search must be text.' })
    .max(SESSION_LIMITS.search, { error: `Search must be ${SESSION_LIMITS.search} characters or fewer.` })
    .default(''),
  sort: SessionSortSchema.default('updated'),
  status: SessionStatusFilterSchema.default('all'),
  /** Only this client's sessions (matched like the search: case and accents folded); empty for all. */
  client: z
    .string({ error: 'Client must be text.' })
    .max(SESSION_LIMITS.clientName, {
      error: `Client must be ${SESSION_LIMITS.clientName} characters or fewer.`,
    })
    .default(''),
  /** How many sessions one answer holds: the list asks for more as the user scrolls. */
  limit: z
    .number({ error: 'Page size must be a number.' })
    .int({ error: 'Page size must be a whole number.' })
    .min(1, { error: 'Page size must be at least 1.' })
    .max(SESSION_PAGE_LIMIT, { error: `Page size must be at most ${SESSION_PAGE_LIMIT}.` })
    .default(SESSION_PAGE_SIZE),
  /** How many sessions, in the list's order, come before this page. */
  offset: z
    .number({ error: 'Page start must be a number.' })
    .int({ error: 'Page start must be a whole number.' })
    .nonnegative({ error: 'Page start cannot be negative.' })
    .max(Number.MAX_SAFE_INTEGER, { error: 'Page start is too large.' })
    .default(0),
});
export type SessionListQuery = z.input<typeof SessionListQuerySchema>;

/** One page of the list and how many sessions the whole list (with its search and filters) has. */
export const SessionPageSchema = z.strictObject({
  sessions: z.array(SessionSummarySchema),
  total: z.number().int().nonnegative(),
});
export type SessionPage = z.infer<typeof SessionPageSchema>;

/** Latin letters that Unicode does not decompose into a base letter plus an accent. */
const FOLDED_LETTERS: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};

/**
 * The text a search matches against: case-folded with accents removed, so "muller" finds
 * "Müller", "lodz" finds "Łódź" and "sao paulo" finds "São Paulo". Kept here so every place that
 * searches agrees.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase()
    .replace(/[łøđħıßæœþ]/g, (letter) => FOLDED_LETTERS[letter] ?? letter);
}
