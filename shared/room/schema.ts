/**
 * The room: participants voting from their own phones and laptops over the room's network.
 *
 * Two audiences read these schemas. The participant page talks to the participant listener over
 * plain HTTP (`PARTICIPANT_API` below): join, its own ballot, and the public room state, nothing
 * else. The facilitator's console reaches the room through the ordinary contract (`room:*`
 * channels in contract.ts), over Electron IPC or the loopback web host, never over the room's
 * network.
 */
import { z } from 'zod';
import { MODEL_LIMITS } from '../decision';
import { SESSION_LIMITS } from '../sessions/schema';
import {
  AnonymitySchema,
  DirectScoreSchema,
  ItemIdSchema,
  JudgmentSchema,
  MethodSchema,
  PairKeySchema,
  ParticipantIdSchema,
  PointsSchema,
} from '../workshop/schema';

/** Six characters a person can read off a projected screen and type on a phone: no 0/O, 1/I/L. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
export const JoinCodeSchema = z
  .string({ error: 'The join code must be text.' })
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`), {
    error: `The join code is ${JOIN_CODE_LENGTH} letters and digits, as shown on the shared screen.`,
  });

/** A device's reference as the facilitator's lobby shows it (never the device's secret token). */
export const DeviceIdSchema = z.uuid({ error: 'That device is not one this room knows.' });

/** The three levels of anonymity, described where they are defined (shared/workshop/schema.ts). */
export { AnonymitySchema, ANONYMITY_LABELS } from '../workshop/schema';
export type { Anonymity } from '../workshop/schema';

/** Whether a new name typed on a phone joins at once, waits for the facilitator, or is refused. */
export const NewNamesSchema = z.enum(['allowed', 'approval', 'closed']);
export type NewNames = z.infer<typeof NewNamesSchema>;

/** What the facilitator decides for the room; each field may be changed while it is open. */
export const RoomSettingsSchema = z.strictObject({
  /** The weighting methods a phone offers; pairwise is left out where there are too many pairs. */
  methods: z.array(MethodSchema).min(1, { error: 'Offer at least one weighting method.' }).max(4),
  newNames: NewNamesSchema,
  /** After Reveal, each phone may also show that participant's own result ("with your weights…"). */
  showOwnResult: z.boolean(),
});
export type RoomSettings = z.infer<typeof RoomSettingsSchema>;
export const DEFAULT_ROOM_SETTINGS: RoomSettings = {
  methods: ['direct', 'points', 'rank', 'pairwise'],
  newNames: 'approval',
  showOwnResult: false,
};
/** Pairwise is offered only up to this many criteria (21 pairs): beyond it a phone is a chore. */
export const PAIRWISE_MAX_CRITERIA = 7;

// ---------------------------------------------------------------------------------------------
// The participant's side: what a phone sends and receives.

/**
 * One ballot as a phone sends it: the method and that method's complete answer. The listener
 * checks it against the session's criteria (every criterion once, points adding up to 100, every
 * pair answered) before it becomes a workshop action.
 */
export const BallotSubmissionSchema = z.discriminatedUnion(
  'method',
  [
    z.strictObject({ method: z.literal('direct'), direct: z.record(ItemIdSchema, DirectScoreSchema) }),
    z.strictObject({ method: z.literal('points'), points: z.record(ItemIdSchema, PointsSchema) }),
    z.strictObject({
      method: z.literal('rank'),
      ranking: z.array(ItemIdSchema).min(MODEL_LIMITS.criteria.min).max(MODEL_LIMITS.criteria.max),
    }),
    z.strictObject({ method: z.literal('pairwise'), pairwise: z.record(PairKeySchema, JudgmentSchema) }),
  ],
  { error: 'A ballot must say its method: sliders, 100 points, ranking or pairwise.' },
);
export type BallotSubmission = z.infer<typeof BallotSubmissionSchema>;

const ParticipantNameSchema = z
  .string({ error: 'Your name must be text.' })
  .trim()
  .min(1, { error: 'Type your name.' })
  .max(SESSION_LIMITS.participantName, {
    error: `Your name must be ${SESSION_LIMITS.participantName} characters or fewer.`,
  });

export const LookupRequestSchema = z.strictObject({ code: JoinCodeSchema });
export const JoinRequestSchema = z.strictObject({
  code: JoinCodeSchema,
  /** A name from the roster, or a name typed on the phone. */
  pick: z.union([
    z.strictObject({ participantId: ParticipantIdSchema }),
    z.strictObject({ name: ParticipantNameSchema }),
  ]),
});
export type JoinRequest = z.infer<typeof JoinRequestSchema>;

/** What a phone learns from a correct join code, before it joins. */
export const JoinInfoSchema = z.strictObject({
  title: z.string(),
  /** The session's voters; `taken` when another device already speaks for them. */
  roster: z.array(z.strictObject({ id: ParticipantIdSchema, name: z.string(), taken: z.boolean() })),
  newNames: NewNamesSchema,
  locked: z.boolean(),
});
export type JoinInfo = z.infer<typeof JoinInfoSchema>;

export const JoinAnswerSchema = z.strictObject({
  /** `pending`: the facilitator must approve this device (a new name, or a second device). */
  status: z.enum(['joined', 'pending']),
});

export const BallotRequestSchema = z.strictObject({
  /** The round the phone's copy shows; a ballot for a round that has ended is refused. */
  round: z.number().int().min(1).max(5),
  /** The version of this participant's ballot the phone last saw (0: none yet); stale is refused. */
  basedOn: z.number().int().min(0),
  ballot: BallotSubmissionSchema,
});
export type BallotRequest = z.infer<typeof BallotRequestSchema>;

export const BallotReceiptSchema = z.strictObject({
  round: z.number().int().min(1),
  version: z.number().int().min(1),
  /** When the ballot was stored (ISO 8601): the phone says "Your vote is in" with it. */
  at: z.iso.datetime(),
});
export type BallotReceipt = z.infer<typeof BallotReceiptSchema>;

/** The room's result as a phone may show it after Reveal: the ranking, in the room's words. */
export const PhoneResultSchema = z.strictObject({
  headline: z.string(),
  ranking: z.array(z.strictObject({ name: z.string(), score: z.number(), rank: z.number().int().min(1) })),
});
export type PhoneResult = z.infer<typeof PhoneResultSchema>;

/** Everything one phone sees: the room as the presenter shows it, and its own ballot. */
export const ParticipantViewSchema = z.strictObject({
  status: z.enum(['joined', 'pending']),
  name: z.string(),
  title: z.string(),
  room: z.strictObject({
    round: z.number().int().min(1),
    /** False once the facilitator closes the round: the ballot can no longer change. */
    accepting: z.boolean(),
    locked: z.boolean(),
    /** A countdown: when it ends and the listener's clock now, so a phone's wrong clock does not matter. */
    timer: z.strictObject({ endsAt: z.iso.datetime(), serverNow: z.iso.datetime() }).nullable(),
    methods: z.array(MethodSchema),
    anonymity: AnonymitySchema,
    /** Results are hidden until Reveal in this round. */
    hidden: z.boolean(),
  }),
  criteria: z.array(z.strictObject({ id: ItemIdSchema, name: z.string(), description: z.string() })),
  /** This participant's ballot in this round, as last stored, or null. */
  ballot: z
    .strictObject({
      version: z.number().int().min(1),
      submission: BallotSubmissionSchema,
      /** When it was stored (ISO 8601), so "Your vote is in" keeps its time after a reload. */
      at: z.iso.datetime().optional(),
    })
    .nullable(),
  /** Shown only when the room's inputs are not hidden: the room's result, and optionally one's own. */
  result: PhoneResultSchema.nullable(),
  ownResult: PhoneResultSchema.nullable(),
});
export type ParticipantView = z.infer<typeof ParticipantViewSchema>;

/** A nudge on the participant event stream: fetch the view again (it carries no data itself). */
export const ParticipantNudgeSchema = z.strictObject({ version: z.number().int().min(0) });

/** The participant listener's whole surface. Anything else answers 404. */
export const PARTICIPANT_API = {
  /** GET: the participant page (its own small bundle) and its assets. */
  page: '/',
  /** GET: the link in the QR code, which opens the page with the code filled in. */
  joinLink: '/j/',
  lookup: '/api/lookup',
  join: '/api/join',
  me: '/api/me',
  ballot: '/api/ballot',
  events: '/api/events',
  /** The device's cookie: HttpOnly, SameSite=Strict, never readable by the page's script. */
  cookie: 'stackwise_device',
} as const;
