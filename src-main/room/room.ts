/**
 * One open room, in memory only: its code, settings, devices, and what it knows of the round.
 * Nothing here is stored; when the room closes all of it is dropped, so a new room starts with a
 * new code, no devices, and no token of the old one working.
 */
import type { QrMatrix } from '@shared/room/contract';
import type { BallotSubmission, PhoneResult, RoomSettings } from '@shared/room/schema';
import type { SessionRecord } from '@shared/sessions/schema';
import type { WorkshopState } from '@shared/workshop';
import { createDeviceRegistry } from './devices';
import type { DeviceRegistry } from './devices';
import type { Listener, StreamSink } from './listener';

/**
 * A participant's last ballot from a device in this room: its version is what `basedOn` names.
 * Only the device that sent it is shown it (another device for the same name is not).
 */
export type BallotRecord = {
  round: number;
  deviceId: string;
  version: number;
  submission: BallotSubmission;
  at: string;
};

export type OpenRoom = {
  readonly sessionId: string;
  readonly code: string;
  address: string;
  port: number;
  url: string;
  shortUrl: string;
  qr: QrMatrix;
  settings: RoomSettings;
  locked: boolean;
  accepting: boolean;
  /** The workshop round the room last saw; a new round opens the room for ballots again. */
  round: number;
  timer: { endsAt: string } | null;
  devices: DeviceRegistry;
  /** By participant id. */
  ballots: Map<string, BallotRecord>;
  /**
   * At "hidden from everyone", the random id each participant's ballot is stored under, by
   * `anonymousKey(round, participant)`: kept in memory only, so the stored document never links a
   * ballot to a name. It outlives a change of round (undone, the round comes back with its ids)
   * and, on the same session, the room closing and opening again (the service hands it on).
   */
  ballotIds: Map<string, string>;
  /** Open event streams, by device id. */
  sinks: Map<string, Set<StreamSink>>;
  /** Goes up with every change phones should see; sent in each nudge. */
  version: number;
  /** The session as last read; forgotten whenever it changes. */
  session: SessionRecord | undefined;
  /** The nudge waiting to be sent, if any. */
  nudge: NodeJS.Timeout | undefined;
  results: WeakMap<WorkshopState, { key: string; result: PhoneResult }>;
  /** The stored workshop the phones' ballots were last checked against (`forgetUnstored`). */
  checked: WorkshopState | undefined;
  listener: Listener | undefined;
};

export const anonymousKey = (round: number, participantId: string) => `${round}:${participantId}`;

export function newRoom(fields: {
  sessionId: string;
  code: string;
  settings: RoomSettings;
  round: number;
  ballotIds?: Map<string, string> | undefined;
}): OpenRoom {
  const { ballotIds, ...rest } = fields;
  return {
    ...rest,
    address: '',
    port: 0,
    url: '',
    shortUrl: '',
    qr: { size: 21, rows: [] },
    locked: false,
    accepting: true,
    timer: null,
    devices: createDeviceRegistry(),
    ballots: new Map(),
    ballotIds: ballotIds ?? new Map<string, string>(),
    sinks: new Map(),
    version: 0,
    nudge: undefined,
    session: undefined,
    results: new WeakMap(),
    checked: undefined,
    listener: undefined,
  };
}

/** Forgets waiting devices nobody let in for a while (their streams end); true if any went. */
export function expireWaiting(room: OpenRoom, now: Date): boolean {
  const gone = room.devices.expire(now.getTime());
  for (const device of gone) endStreams(room, device.id);
  return gone.length > 0;
}

/** Ends one device's event streams (it was removed, or replaced by its participant's new device). */
export function endStreams(room: OpenRoom, deviceId: string): void {
  const sinks = room.sinks.get(deviceId);
  room.sinks.delete(deviceId);
  for (const sink of sinks ?? []) sink.end();
}

/**
 * Changes closer together than this reach the phones as one nudge. Forty ballots in a second
 * would otherwise be forty nudges, each making forty phones fetch their view again.
 */
export const NUDGE_MS = 250;

/** Tells every phone to fetch its view again, soon: changes that follow quickly share the nudge. */
export function nudgeAll(room: OpenRoom): void {
  room.version++;
  if (room.nudge) return;
  room.nudge = setTimeout(() => {
    room.nudge = undefined;
    for (const sinks of room.sinks.values()) for (const sink of sinks) sink.nudge(room.version);
  }, NUDGE_MS);
  room.nudge.unref();
}

/** Drops a nudge not yet sent (the room is closing). */
export function cancelNudge(room: OpenRoom): void {
  clearTimeout(room.nudge);
  room.nudge = undefined;
}

/**
 * Follows the workshop's round: when the facilitator starts a new round, the room takes ballots
 * again, the timer is cleared, and last round's versions no longer apply.
 */
export function followRound(room: OpenRoom, round: number): void {
  if (room.round === round) return;
  room.round = round;
  room.accepting = true;
  room.timer = null;
  for (const [id, record] of room.ballots) if (record.round !== round) room.ballots.delete(id);
}
