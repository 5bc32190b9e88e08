/**
 * The facilitator's side of the room, as ordinary contract channels: the console opens and runs
 * the room over Electron IPC or the loopback web host. Nothing here is reachable from the room's
 * network; the participant listener serves only `PARTICIPANT_API` (schema.ts).
 */
import { z } from 'zod';
import type { ChannelSpec } from '../ipc/spec';
import { SessionIdSchema } from '../sessions/schema';
import { ParticipantIdSchema } from '../workshop/schema';
import { DeviceIdSchema, JoinCodeSchema, RoomSettingsSchema } from './schema';

/** One of this computer's network addresses, as the facilitator picks the room's address. */
export const NetworkInterfaceSchema = z.strictObject({
  /** The operating system's name for the interface (`wlan0`, `en0`, `Wi-Fi`). */
  name: z.string(),
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6']),
  /** Loopback: reachable from this computer only (useful to try the room alone). */
  internal: z.boolean(),
});
export type NetworkInterface = z.infer<typeof NetworkInterfaceSchema>;

/** The QR code's modules, one string of 0 and 1 per row, made on this computer. */
export const QrMatrixSchema = z.strictObject({
  size: z.number().int().min(21).max(177),
  rows: z.array(z.string().regex(/^[01]+$/)),
});
export type QrMatrix = z.infer<typeof QrMatrixSchema>;

export const RoomDeviceSchema = z.strictObject({
  id: DeviceIdSchema,
  /** The name the device joined as (from the roster, or typed). */
  name: z.string(),
  /** The participant it speaks for; null while a typed name waits for approval. */
  participantId: ParticipantIdSchema.nullable(),
  status: z.enum(['pending', 'joined']),
  /** Why it waits: a name not on the roster, or a second device for someone already joined. */
  pendingReason: z.enum(['newName', 'secondDevice']).nullable(),
  /**
   * Whether this device's participant has a ballot in the current round; null in a round hidden
   * from everyone, where the room says only how many have voted (`counts.voted`), so the order
   * devices voted in cannot be matched to the anonymous ballots.
   */
  voted: z.boolean().nullable(),
  /** Whether its event stream is connected now. */
  connected: z.boolean(),
});
export type RoomDevice = z.infer<typeof RoomDeviceSchema>;

export const RoomStatusSchema = z.discriminatedUnion('open', [
  z.strictObject({ open: z.literal(false) }),
  z.strictObject({
    open: z.literal(true),
    sessionId: SessionIdSchema,
    address: z.string(),
    port: z.number().int().min(1).max(65535),
    /** The link in the QR code, with the join code. */
    url: z.string(),
    /** The short address to type: `http://192.168.1.20:5190`. */
    shortUrl: z.string(),
    code: JoinCodeSchema,
    qr: QrMatrixSchema,
    locked: z.boolean(),
    /** False once the round is closed: ballots can no longer change. */
    accepting: z.boolean(),
    round: z.number().int().min(1),
    timer: z.strictObject({ endsAt: z.iso.datetime() }).nullable(),
    settings: RoomSettingsSchema,
    devices: z.array(RoomDeviceSchema),
    counts: z.strictObject({
      joined: z.number().int().min(0),
      voted: z.number().int().min(0),
      voters: z.number().int().min(0),
    }),
  }),
]);
export type RoomStatus = z.infer<typeof RoomStatusSchema>;

/** The answer to "Can phones reach me?". */
export const ReachabilitySchema = z.strictObject({
  reachable: z.boolean(),
  /** What was tried, in words ("The room answered on http://192.168.1.20:5190 in 3 ms."). */
  detail: z.string(),
  /** Plain advice when it did not answer: firewall prompt, guest Wi-Fi, a phone hotspot. */
  advice: z.array(z.string()),
});
export type Reachability = z.infer<typeof ReachabilitySchema>;

const BySession = z.strictObject({ sessionId: SessionIdSchema });
const PortSchema = z
  .number({ error: 'The port must be a number.' })
  .int({ error: 'The port must be a whole number.' })
  .min(0, { error: 'The port runs from 1024 to 65535 (0 picks a free one).' })
  .max(65535, { error: 'The port runs from 1024 to 65535 (0 picks a free one).' })
  .refine((port) => port === 0 || port >= 1024, {
    error: 'The port runs from 1024 to 65535 (0 picks a free one).',
  });

export const roomContract = {
  'room:interfaces': { input: z.strictObject({}), output: z.array(NetworkInterfaceSchema) },
  'room:status': { input: BySession, output: RoomStatusSchema },
  /** Opens the room on one address (never every interface); a room open on another session closes. */
  'room:open': {
    input: BySession.extend({
      address: z.string({ error: 'Pick the network the room is on.' }).min(1, {
        error: 'Pick the network the room is on.',
      }),
      port: PortSchema.default(0),
      settings: RoomSettingsSchema,
    }),
    output: RoomStatusSchema,
  },
  'room:configure': {
    input: BySession.extend({
      settings: RoomSettingsSchema.optional(),
      locked: z.boolean().optional(),
    }),
    output: RoomStatusSchema,
  },
  'room:device': {
    input: BySession.extend({ deviceId: DeviceIdSchema, action: z.enum(['approve', 'remove']) }),
    output: RoomStatusSchema,
  },
  /** Closes the round (ballots can no longer change) or opens it again. */
  'room:round': {
    input: BySession.extend({ accepting: z.boolean() }),
    output: RoomStatusSchema,
  },
  /** Starts a countdown of `seconds`, shown on the presenter and every phone; null stops it. */
  'room:timer': {
    input: BySession.extend({
      seconds: z
        .number({ error: 'The timer is a number of seconds.' })
        .int({ error: 'The timer is a whole number of seconds.' })
        .min(10, { error: 'The timer runs from 10 seconds to 60 minutes.' })
        .max(3600, { error: 'The timer runs from 10 seconds to 60 minutes.' })
        .nullable(),
    }),
    output: RoomStatusSchema,
  },
  'room:check': { input: BySession, output: ReachabilitySchema },
  'room:close': { input: BySession, output: RoomStatusSchema },
} satisfies Record<string, ChannelSpec>;

export const roomEvents = {
  /** The room changed (a device joined, a ballot came in, the timer started): read `room:status`. */
  'room:changed': z.strictObject({ sessionId: SessionIdSchema }),
};
