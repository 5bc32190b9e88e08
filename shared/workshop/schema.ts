/**
 * The workshop document: everything the room decides inside one session, as one zod-validated
 * value. It is changed only through actions (actions.ts) applied by a pure reducer, on both
 * sides, so undo, history and the presenter all see the same thing.
 */
import { z } from 'zod';
import {
  BUILT_IN_CANDIDATES,
  BUILT_IN_CRITERIA,
  MODEL_LIMITS,
  PROJECT_QUESTIONS,
  SAATY_SCALE,
} from '../decision';
import { hasControlCharacters, searchKey } from '../sessions/schema';
import { emptyRecord, recordOf } from '../util/records';
import { hasBidiControls } from '../util/text';
import { ActionRowsSchema, RiskRowsSchema } from './rows';

export const STEPS = ['context', 'criteria', 'weighting', 'compare', 'recommendation'] as const;
export const StepSchema = z.enum(STEPS);
export type Step = z.infer<typeof StepSchema>;

export const STEP_LABELS: Record<Step, string> = {
  context: 'Context',
  criteria: 'Criteria',
  weighting: 'Weighting',
  compare: 'Compare',
  recommendation: 'Recommendation',
};

export const ItemIdSchema = z
  .string({ error: 'A criterion or candidate is missing its reference.' })
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
    error: 'A criterion or candidate has a reference this app does not make.',
  });
export const ParticipantIdSchema = z.uuid({
  error: 'That participant is not one this app made (their reference is not valid).',
});
/**
 * An anonymous ballot's own reference at "hidden from everyone": a random id made for the ballot,
 * never a participant's, so the stored document cannot link the ballot to a name.
 */
export const BallotIdSchema = z.uuid({
  error: 'That ballot is not one this room made (its reference is not valid).',
});

function text(label: string, min: number, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(min, { error: `${label} is required.` })
    .max(max, { error: `${label} must be ${max} characters or fewer.` });
}

/** Text saved while it is being typed: stored exactly as typed, so trailing spaces survive a save. */
function liveText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .max(max, { error: `${label} must be ${max} characters or fewer.` });
}

export const ITEM_LIMITS = { name: 80, description: 500, reason: 500, note: 500 } as const;

/** A single-line name: no line breaks, control characters or direction controls. */
function itemName(label: string) {
  return text(label, 1, ITEM_LIMITS.name)
    .refine((value) => !hasControlCharacters(value), {
      error: `${label} cannot contain line breaks or control characters.`,
    })
    .refine((value) => !hasBidiControls(value), {
      error: `${label} cannot contain invisible text-direction characters, which can disguise a name.`,
    });
}

export const CriterionNameSchema = itemName('Criterion name');
export const CandidateNameSchema = itemName('Candidate name');
export const DescriptionSchema = text('The description', 0, ITEM_LIMITS.description).refine(
  (value) => !hasControlCharacters(value),
  { error: 'The description cannot contain line breaks or control characters.' },
);

/**
 * Two criteria (or two candidates) whose names differ only in case or accents would read as one
 * in every table and chart; the key they are compared by is the search key.
 */
export function nameKey(name: string): string {
  return searchKey(name.trim()).replace(/\s+/g, ' ');
}

/** The message for a name already taken by another criterion or candidate, or null when it is free. */
export function duplicateNameMessage(
  items: ReadonlyArray<{ id: string; name: string }>,
  kind: 'criterion' | 'candidate',
  name: string,
  /** The item being renamed, which may keep its own name. */
  exceptId?: string,
): string | null {
  const key = nameKey(name);
  const taken = items.find((item) => item.id !== exceptId && nameKey(item.name) === key);
  if (!taken) return null;
  return kind === 'criterion'
    ? `There is already a criterion called “${taken.name}”; give this one a different name.`
    : `There is already a candidate called “${taken.name}”; give this one a different name.`;
}
export const RatingValueSchema = z
  .number({ error: 'A rating must be a number.' })
  .int({ error: 'A rating must be a whole number.' })
  .min(1, { error: 'Ratings run from 1 to 5.' })
  .max(5, { error: 'Ratings run from 1 to 5.' });

/*
 * The document as stored: names and descriptions are read with their lengths checked only. The
 * stricter rules above (no control or direction characters, no duplicates) refuse what is typed
 * now; a session saved by an earlier version, whose names those rules did not yet cover, must
 * still open, list and export.
 */
export const CriterionSchema = z.strictObject({
  id: ItemIdSchema,
  name: text('Criterion name', 1, ITEM_LIMITS.name),
  description: text('The description', 0, ITEM_LIMITS.description),
  builtIn: z.boolean(),
});
export type WorkshopCriterion = z.infer<typeof CriterionSchema>;

export const CandidateSchema = z.strictObject({
  id: ItemIdSchema,
  name: text('Candidate name', 1, ITEM_LIMITS.name),
  builtIn: z.boolean(),
});
export type WorkshopCandidate = z.infer<typeof CandidateSchema>;

export const RationaleSchema = liveText('The reason', ITEM_LIMITS.reason);
export const CustomRatingSchema = z.strictObject({ value: RatingValueSchema, rationale: RationaleSchema });

export const OverrideSchema = z.strictObject({
  candidateId: ItemIdSchema,
  criterionId: ItemIdSchema,
  value: RatingValueSchema,
  note: text('The override note', 1, 500),
});
export type Override = z.infer<typeof OverrideSchema>;

export const RoleSchema = z.enum(['voter', 'observer']);
export type Role = z.infer<typeof RoleSchema>;
export const MethodSchema = z.enum(['direct', 'points', 'rank', 'pairwise']);
export type Method = z.infer<typeof MethodSchema>;

export const METHOD_LABELS: Record<Method, string> = {
  direct: 'Sliders (0–10)',
  points: '100 points',
  rank: 'Ranking',
  pairwise: 'Pairwise',
};

const SLIDER = 'A slider weight is a whole number from 0 to 10.';
export const DirectScoreSchema = z
  .number({ error: SLIDER })
  .int({ error: SLIDER })
  .min(0, { error: SLIDER })
  .max(10, { error: SLIDER });
/** What a voter puts on one criterion: a whole number of the 100 points. */
const POINTS = 'Points are a whole number from 0 to 100.';
export const PointsSchema = z
  .number({ error: POINTS })
  .int({ error: POINTS })
  .min(0, { error: POINTS })
  .max(100, { error: POINTS });
/**
 * What is stored: the criteria the voter did not touch keep their exact proportional share (a
 * fraction), so a slider dragged one step at a time ends where one jump would have; the editor
 * shows them rounded to whole points that add up to 100.
 */
export const StoredPointsSchema = z.number().min(0).max(100);
const saatyValues = new Set(SAATY_SCALE.map((v) => v.toFixed(6)));
export const JudgmentSchema = z
  .number({ error: 'A pairwise judgment must be a number.' })
  .refine((v) => saatyValues.has(v.toFixed(6)), {
    error: 'A pairwise judgment must be on Saaty’s 1–9 scale.',
  });

/** "a|b" with the two criterion ids sorted, so each pair is stored once. */
export const PairKeySchema = z.string().regex(/^[a-z0-9-]+\|[a-z0-9-]+$/);

/** One participant's input in one round. All four are kept, so switching method loses nothing. */
export const ParticipantInputsSchema = z.strictObject({
  method: MethodSchema,
  direct: z.record(ItemIdSchema, DirectScoreSchema),
  points: z.record(ItemIdSchema, StoredPointsSchema),
  /** Criterion ids, most important first. */
  ranking: z.array(ItemIdSchema).max(MODEL_LIMITS.criteria.max),
  /** "a|b" (ids sorted) -> how much more important a is than b, on Saaty's scale. */
  pairwise: z.record(PairKeySchema, JudgmentSchema),
  /**
   * Criteria whose points were set by hand, oldest first. Moving another criterion takes points
   * from the rest before these (see `rebalancePoints`). Absent in documents saved before it existed.
   */
  pointsSet: z.array(ItemIdSchema).max(MODEL_LIMITS.criteria.max).default([]),
});
export type ParticipantInputs = z.infer<typeof ParticipantInputsSchema>;

/**
 * How names travel with ballots in a round, named exactly as the app says them:
 * - `named`: everyone may see who said what once results are shown;
 * - `hiddenFromRoom`: screens and the report show counts and numbers only; the facilitator's
 *   console still sees who said what;
 * - `hiddenFromEveryone`: ballots from devices are stored without the link to a name; nobody, the
 *   facilitator included, can tell later whose ballot was whose.
 * (Defined here rather than in room/schema.ts, which re-exports it, because the room's schemas
 * are built from this module's.)
 */
export const AnonymitySchema = z.enum(['named', 'hiddenFromRoom', 'hiddenFromEveryone']);
export type Anonymity = z.infer<typeof AnonymitySchema>;
export const ANONYMITY_LABELS: Record<Anonymity, string> = {
  named: 'Named',
  hiddenFromRoom: 'Hidden from the room',
  hiddenFromEveryone: 'Hidden from everyone',
};

/** A voter's state in one round; a voter with no entry has not voted yet. */
export const BallotSchema = z.enum(['voted', 'abstained']);
export type Ballot = z.infer<typeof BallotSchema>;

/**
 * Documents saved before votes were recorded have no `votes`: there, a voter with stored inputs in
 * a round had voted in it (that is how the release that saved them counted), so that is what they
 * read as. Nothing else changes, and the before and after states in the change log read the same way.
 */
function withLegacyVotes(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const round = value as Record<string, unknown>;
  if (Object.hasOwn(round, 'votes')) return value;
  const inputs = round['inputs'];
  const ids = typeof inputs === 'object' && inputs !== null ? Object.keys(inputs) : [];
  return { ...round, votes: recordOf(ids.map((id) => [id, 'voted'] as const)) };
}

export const RoundSchema = z.preprocess(
  withLegacyVotes,
  z.strictObject({
    number: z.number().int().min(1).max(5),
    inputs: z.record(ParticipantIdSchema, ParticipantInputsSchema),
    /** Who voted or abstained in this round; everyone else has not voted yet. */
    votes: z.record(ParticipantIdSchema, BallotSchema),
    /**
     * Voters whose inconsistent pairwise answers the facilitator chose to count anyway, in this
     * round. Revising the answers does not need it; inconsistent answers without it are left out.
     */
    includeInconsistent: z.record(ParticipantIdSchema, z.literal(true)).default(emptyRecord),
    revealed: z.boolean(),
    /** The level of anonymity the round ran under (the report says it). */
    anonymity: AnonymitySchema,
    /**
     * At "hidden from everyone": the ballots from devices, each under an id made for the ballot
     * and linked to nobody. Each is one voter's inputs (the method it was given in, and its values).
     */
    anonymousBallots: z.record(BallotIdSchema, ParticipantInputsSchema).default(emptyRecord),
  }),
);
export type Round = z.infer<typeof RoundSchema>;

/** Project-profile answers: each question optional, each answer one of that question's options. */
export const AnswersSchema = z.strictObject(
  Object.fromEntries(
    PROJECT_QUESTIONS.map((q) => [
      q.id,
      z.enum(q.options.map((o) => o.value) as [string, ...string[]]).optional(),
    ]),
  ) as Record<(typeof PROJECT_QUESTIONS)[number]['id'], z.ZodOptional<z.ZodEnum<Record<string, string>>>>,
);

export const NOTES_MAX = 5000;
export const NOTE_LABELS = { notes: 'Notes', risks: 'Risks', nextSteps: 'Next steps' } as const;
export const NotesSchema = z.strictObject({
  notes: liveText(NOTE_LABELS.notes, NOTES_MAX),
  /** Free text, as before the rows; kept (and printed when it says something), never converted. */
  risks: liveText(NOTE_LABELS.risks, NOTES_MAX),
  nextSteps: liveText(NOTE_LABELS.nextSteps, NOTES_MAX),
  /** The risk register (rows.ts). Absent in documents saved before it existed: no rows. */
  riskRows: RiskRowsSchema.default(() => []),
  /** The next steps as actions with an owner and a due date. Absent in older documents: no rows. */
  actionRows: ActionRowsSchema.default(() => []),
});
/** The free-text boxes (the rows have their own actions). */
export type NotesField = keyof typeof NOTE_LABELS;

export const AggregationSchema = z.enum(['mean', 'median', 'geometric']);

/**
 * Documents saved before the three levels of anonymity had one `anonymous` switch for the whole
 * workshop (names hidden on the screens and in the report): on, it reads as "hidden from the
 * room", the level that does the same; off, as "named". Their rounds all read as run under it,
 * the one level the document knew. The change log's before and after states read the same way.
 */
function withLegacyAnonymity(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const state = value as Record<string, unknown>;
  if (!Object.hasOwn(state, 'anonymous')) return value;
  const { anonymous, ...rest } = state;
  const anonymity: Anonymity = anonymous === true ? 'hiddenFromRoom' : 'named';
  const rounds = Array.isArray(rest['rounds'])
    ? rest['rounds'].map((round: unknown) =>
        typeof round === 'object' && round !== null && !Object.hasOwn(round, 'anonymity')
          ? { ...round, anonymity }
          : round,
      )
    : rest['rounds'];
  return { ...rest, rounds };
}

export const WorkshopStateSchema = z.preprocess(
  withLegacyAnonymity,
  z
    .strictObject({
      version: z.literal(1),
      step: StepSchema,
      answers: AnswersSchema,
      criteria: z.array(CriterionSchema).min(MODEL_LIMITS.criteria.min).max(MODEL_LIMITS.criteria.max),
      candidates: z.array(CandidateSchema).min(MODEL_LIMITS.candidates.min).max(MODEL_LIMITS.candidates.max),
      /** Ratings the facilitator entered: custom candidates, and anyone on a custom criterion. */
      ratings: z.record(ItemIdSchema, z.record(ItemIdSchema, CustomRatingSchema)),
      overrides: z.array(OverrideSchema),
      roles: z.record(ParticipantIdSchema, RoleSchema),
      rounds: z.array(RoundSchema).min(1).max(5),
      aggregation: AggregationSchema,
      disagreementThreshold: z.number().min(0.01).max(0.5),
      hideUntilReveal: z.boolean(),
      notes: NotesSchema,
    })
    .superRefine((state, ctx) => {
      // Duplicate names are refused when they are typed (the reducer); documents saved before that
      // rule may hold some, and must still open.
      const unique = (items: ReadonlyArray<{ id: string }>, path: 'criteria' | 'candidates') => {
        if (new Set(items.map((item) => item.id)).size !== items.length)
          ctx.addIssue({
            code: 'custom',
            path: [path],
            message: `The workshop lists one of its ${path} twice.`,
          });
      };
      unique(state.criteria, 'criteria');
      unique(state.candidates, 'candidates');
    }),
);
export type WorkshopState = z.infer<typeof WorkshopStateSchema>;

export function initialWorkshopState(): WorkshopState {
  return {
    version: 1,
    step: 'context',
    answers: {},
    criteria: BUILT_IN_CRITERIA.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      builtIn: true,
    })),
    candidates: BUILT_IN_CANDIDATES.map((c) => ({ id: c.id, name: c.name, builtIn: true })),
    ratings: {},
    overrides: [],
    roles: {},
    rounds: [emptyRound(1)],
    aggregation: 'mean',
    disagreementThreshold: 0.1,
    hideUntilReveal: false,
    notes: { notes: '', risks: '', nextSteps: '', riskRows: [], actionRows: [] },
  };
}

/** The key under which a pairwise judgment between two criteria is stored. */
export function pairKey(a: string, b: string): { key: string; flipped: boolean } {
  return a < b ? { key: `${a}|${b}`, flipped: false } : { key: `${b}|${a}`, flipped: true };
}

/** A round nobody has voted in yet, run under `anonymity`. */
export function emptyRound(number: number, anonymity: Anonymity = 'named'): Round {
  return {
    number,
    inputs: {},
    votes: emptyRecord(),
    includeInconsistent: emptyRecord(),
    revealed: false,
    anonymity,
    anonymousBallots: emptyRecord(),
  };
}
