/**
 * Every change the room can make, as data. The renderer applies an action locally for an instant
 * repaint and sends the same action to the main side, which validates it, applies it with the same
 * reducer, stores the result and records it for undo and history.
 */
import { z } from 'zod';
import { PROJECT_QUESTIONS } from '../decision';
import { BallotSubmissionSchema } from '../room/schema';
import {
  AggregationSchema,
  ANONYMITY_LABELS,
  AnonymitySchema,
  BallotIdSchema,
  DescriptionSchema,
  DirectScoreSchema,
  ItemIdSchema,
  CandidateNameSchema,
  CriterionNameSchema,
  JudgmentSchema,
  MethodSchema,
  NOTE_LABELS,
  NOTES_MAX,
  ParticipantIdSchema,
  PointsSchema,
  RationaleSchema,
  RatingValueSchema,
  RoleSchema,
  StepSchema,
} from './schema';
import { describeRowAction, isRowAction, ROW_ACTION_SCHEMAS, rowCoalesceKey } from './rowActions';

const questionIds = PROJECT_QUESTIONS.map((q) => q.id) as [string, ...string[]];

const OffsetSchema = z.union([z.literal(-1), z.literal(1)], { error: 'A move is one place up or down.' });
const THRESHOLD = 'The disagreement threshold runs from 1 to 50 percentage points.';

export const ActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('setStep'), step: StepSchema }),
  z.strictObject({
    type: z.literal('setAnswer'),
    question: z.enum(questionIds),
    value: z
      .string({ error: 'The answer must be one of the question’s options.' })
      .max(40, { error: 'The answer must be one of the question’s options.' })
      .nullable(),
  }),
  z.strictObject({
    type: z.literal('addCriterion'),
    id: ItemIdSchema,
    name: CriterionNameSchema,
    description: DescriptionSchema,
  }),
  z.strictObject({
    type: z.literal('updateCriterion'),
    id: ItemIdSchema,
    name: CriterionNameSchema,
    description: DescriptionSchema,
  }),
  z.strictObject({ type: z.literal('removeCriterion'), id: ItemIdSchema }),
  z.strictObject({
    type: z.literal('moveCriterion'),
    id: ItemIdSchema,
    offset: OffsetSchema,
  }),
  z.strictObject({ type: z.literal('addCandidate'), id: ItemIdSchema, name: CandidateNameSchema }),
  z.strictObject({ type: z.literal('renameCandidate'), id: ItemIdSchema, name: CandidateNameSchema }),
  z.strictObject({ type: z.literal('removeCandidate'), id: ItemIdSchema }),
  z.strictObject({
    type: z.literal('setRating'),
    candidateId: ItemIdSchema,
    criterionId: ItemIdSchema,
    value: RatingValueSchema,
    rationale: RationaleSchema,
  }),
  z.strictObject({
    type: z.literal('setOverride'),
    candidateId: ItemIdSchema,
    criterionId: ItemIdSchema,
    value: RatingValueSchema,
    note: z
      .string({ error: 'The override note must be text.' })
      .trim()
      .min(1, { error: 'Say why the rating is overridden.' })
      .max(500, { error: 'The override note must be 500 characters or fewer.' }),
  }),
  z.strictObject({ type: z.literal('clearOverride'), candidateId: ItemIdSchema, criterionId: ItemIdSchema }),
  z.strictObject({ type: z.literal('setRole'), participantId: ParticipantIdSchema, role: RoleSchema }),
  z.strictObject({ type: z.literal('setMethod'), participantId: ParticipantIdSchema, method: MethodSchema }),
  /** Counts the weights the editor shows (the suggestion, or last round's) as the voter's vote. */
  z.strictObject({ type: z.literal('castVote'), participantId: ParticipantIdSchema }),
  z.strictObject({ type: z.literal('abstain'), participantId: ParticipantIdSchema }),
  /** Back to "not yet" in this round. */
  z.strictObject({ type: z.literal('clearVote'), participantId: ParticipantIdSchema }),
  /** Counts (or stops counting) a voter's inconsistent pairwise answers in this round. */
  z.strictObject({
    type: z.literal('includeInconsistent'),
    participantId: ParticipantIdSchema,
    include: z.boolean({ error: 'Say whether to count the answers.' }),
  }),
  z.strictObject({
    type: z.literal('setDirect'),
    participantId: ParticipantIdSchema,
    criterionId: ItemIdSchema,
    value: DirectScoreSchema,
  }),
  z.strictObject({
    type: z.literal('setPoints'),
    participantId: ParticipantIdSchema,
    criterionId: ItemIdSchema,
    value: PointsSchema,
  }),
  z.strictObject({
    type: z.literal('moveRank'),
    participantId: ParticipantIdSchema,
    criterionId: ItemIdSchema,
    offset: OffsetSchema,
  }),
  z.strictObject({
    type: z.literal('setJudgment'),
    participantId: ParticipantIdSchema,
    a: ItemIdSchema,
    b: ItemIdSchema,
    /** How much more important a is than b (Saaty's scale; below 1 means b matters more). */
    value: JudgmentSchema,
  }),
  /**
   * A whole ballot from a participant's own device (the room): one method's complete answer, which
   * becomes that voter's inputs and vote in the current round. At "hidden from everyone" the voter
   * is a `ballotId` made for the ballot, never a participant's id.
   */
  z.strictObject({
    type: z.literal('submitBallot'),
    voter: z.union(
      [z.strictObject({ participantId: ParticipantIdSchema }), z.strictObject({ ballotId: BallotIdSchema })],
      { error: 'A ballot must say whose it is: a participant, or an anonymous ballot.' },
    ),
    ballot: BallotSubmissionSchema,
  }),
  z.strictObject({ type: z.literal('setAggregation'), aggregation: AggregationSchema }),
  z.strictObject({
    type: z.literal('setThreshold'),
    threshold: z.number({ error: THRESHOLD }).min(0.01, { error: THRESHOLD }).max(0.5, { error: THRESHOLD }),
  }),
  /** Kept so change logs written before the three levels still read: on is "hidden from the room". */
  z.strictObject({ type: z.literal('setAnonymous'), anonymous: z.boolean() }),
  /** The current round's level of anonymity (refused to or from "hidden from everyone" once it has ballots). */
  z.strictObject({ type: z.literal('setAnonymity'), anonymity: AnonymitySchema }),
  z.strictObject({ type: z.literal('setHideUntilReveal'), hide: z.boolean() }),
  z.strictObject({ type: z.literal('setRevealed'), revealed: z.boolean() }),
  z.strictObject({ type: z.literal('startRound') }),
  z
    .strictObject({
      type: z.literal('setNotes'),
      field: z.enum(['notes', 'risks', 'nextSteps'], {
        error: 'Choose the notes, the risks or the next steps.',
      }),
      text: z.string({ error: 'The notes must be text.' }),
    })
    .superRefine((action, ctx) => {
      // The one message names the box being typed in: "Risks must be 5000 characters or fewer."
      if (action.text.length > NOTES_MAX)
        ctx.addIssue({
          code: 'custom',
          path: ['text'],
          message: `${NOTE_LABELS[action.field]} must be ${NOTES_MAX} characters or fewer.`,
        });
    }),
  ...ROW_ACTION_SCHEMAS,
]);
export type Action = z.infer<typeof ActionSchema>;

/**
 * Actions with the same key that follow each other quickly (a slider being dragged, a note being
 * typed) are merged into one undo step.
 */
export function coalesceKey(action: Action): string | null {
  if (isRowAction(action)) return rowCoalesceKey(action);
  switch (action.type) {
    case 'setDirect':
    case 'setPoints':
      return `${action.type}:${action.participantId}:${action.criterionId}`;
    case 'setNotes':
      return `setNotes:${action.field}`;
    case 'setRating':
      return `setRating:${action.candidateId}:${action.criterionId}`;
    case 'setThreshold':
      return 'setThreshold';
    case 'updateCriterion':
      return `updateCriterion:${action.id}`;
    case 'renameCandidate':
      return `renameCandidate:${action.id}`;
    default:
      return null;
  }
}

/** A short description of an action for the history timeline and the undo button's tooltip. */
export function describeAction(action: Action): string {
  if (isRowAction(action)) return describeRowAction(action);
  switch (action.type) {
    case 'setStep':
      return `Moved to ${action.step}`;
    case 'setAnswer':
      return 'Answered the project profile';
    case 'addCriterion':
      return `Added criterion “${action.name}”`;
    case 'updateCriterion':
      return `Edited criterion “${action.name}”`;
    case 'removeCriterion':
      return 'Removed a criterion';
    case 'moveCriterion':
      return 'Reordered criteria';
    case 'addCandidate':
      return `Added candidate “${action.name}”`;
    case 'renameCandidate':
      return `Renamed a candidate to “${action.name}”`;
    case 'removeCandidate':
      return 'Removed a candidate';
    case 'setRating':
      return 'Entered a rating';
    case 'setOverride':
      return 'Overrode a rating';
    case 'clearOverride':
      return 'Restored a rating';
    case 'setRole':
      return `Made a participant ${action.role === 'voter' ? 'a voter' : 'an observer'}`;
    case 'setMethod':
      return 'Changed a weighting method';
    case 'castVote':
      return 'Recorded a vote with the weights shown';
    case 'abstain':
      return 'Recorded an abstention';
    case 'clearVote':
      return 'Cleared a vote';
    case 'includeInconsistent':
      return action.include
        ? 'Counted inconsistent pairwise answers anyway'
        : 'Left inconsistent pairwise answers out';
    case 'setDirect':
    case 'setPoints':
    case 'moveRank':
    case 'setJudgment':
      return 'Changed a weight';
    case 'submitBallot':
      return 'participantId' in action.voter
        ? 'A participant’s ballot, from their device'
        : 'An anonymous ballot';
    case 'setAggregation':
      return `Aggregated by ${action.aggregation}`;
    case 'setThreshold':
      return 'Changed the disagreement threshold';
    case 'setAnonymous':
      return action.anonymous ? 'Turned anonymous mode on' : 'Turned anonymous mode off';
    case 'setAnonymity':
      return `Set the anonymity to ${ANONYMITY_LABELS[action.anonymity].toLocaleLowerCase()}`;
    case 'setHideUntilReveal':
      return action.hide ? 'Hid inputs until reveal' : 'Stopped hiding inputs';
    case 'setRevealed':
      return action.revealed ? 'Revealed the inputs' : 'Hid the inputs';
    case 'startRound':
      return 'Started a new round';
    case 'setNotes':
      return `Edited the ${action.field === 'nextSteps' ? 'next steps' : action.field}`;
  }
}
