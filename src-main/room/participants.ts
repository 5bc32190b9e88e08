/**
 * The participant side of the open room, as the listener reaches it (`ParticipantGate`): look
 * up the room by its code, join, read one's own view, send one's ballot, follow changes. Each
 * call finds the device by its token first; a token of a removed device, or of a room since
 * closed, finds nothing.
 *
 * A ballot goes through `WorkshopService.apply` as the `submitBallot` action, so it passes the
 * same reducer, validation and change log as a console edit, and it is acknowledged only once
 * that transaction has committed (the database runs with synchronous=FULL, so the answer means
 * the ballot survives the app being killed).
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { contract } from '@shared/ipc/contract';
import { errorFromZod } from '@shared/ipc/result';
import type { BallotReceipt, BallotRequest, JoinRequest, ParticipantView } from '@shared/room/schema';
import type { SessionRecord } from '@shared/sessions/schema';
import { isVoter } from '@shared/workshop';
import type { WorkshopState } from '@shared/workshop';
import type { SessionService } from '../services/sessions';
import type { WorkshopService } from '../services/workshops';
import type { AnonymousVoters } from './voters';
import type { Device, NewDevice } from './devices';
import { LIMITS } from './listener';
import type { ParticipantGate, StreamSink } from './listener';
import { anonymousKey, endStreams, expireWaiting } from './room';
import type { OpenRoom } from './room';
import { notInRoom, RoomRefusal } from './refusal';
import { anonymityOf } from '@shared/workshop/anonymity';
import {
  currentRound,
  forgetUnstored,
  hasVoted,
  joinInfo,
  offeredMethods,
  participantView,
  rosterOf,
} from './view';

export type RoomWorkspace = {
  sessions: SessionService;
  workshops: WorkshopService;
  anonymousVoters: AnonymousVoters;
};

export type RoomContext = {
  current(): OpenRoom | undefined;
  workspace(): RoomWorkspace;
  now(): Date;
  /** Tells the console (`room:changed`) and, when `phones`, every phone that the room changed. */
  changed(room: OpenRoom, phones: boolean): void;
  /** Runs a write of the room's own without treating its workshop or session event as news. */
  quietly<T>(write: () => T): T;
};

export const ALREADY_CAST =
  'Your ballot in this round is already in; it can be changed only from the device that sent it, while the room stays open.';

const nameKey = (name: string) => name.trim().toLocaleLowerCase();

/** The participant a typed name is, as the session tells names apart (case aside). */
export function findByName<P extends { name: string }>(people: readonly P[], name: string): P | undefined {
  return people.find((p) => nameKey(p.name) === nameKey(name));
}

/** The open room, its session and its workshop, read together. */
export function readRoom(context: RoomContext): {
  room: OpenRoom;
  session: SessionRecord;
  state: WorkshopState;
  revision: number;
} {
  const room = context.current();
  if (!room) throw notInRoom();
  const ws = context.workspace();
  // Read once per change of the session (the service forgets it on `sessions:changed`): every
  // phone reads its view after each nudge, and the session is the same for all of them.
  room.session ??= ws.sessions.get(room.sessionId);
  const session = room.session;
  const { state, revision } = ws.workshops.get(room.sessionId);
  forgetUnstored(room, state);
  return { room, session, state, revision };
}

/** Adds a name typed on a phone to the session's participants; answers the new participant's id. */
export function addParticipant(context: RoomContext, sessionId: string, name: string): string {
  const input = contract['sessions:update'].input.safeParse({
    id: sessionId,
    baseRevision: 0,
    patch: { participants: { add: [{ name }] } },
  });
  if (!input.success) {
    const error = errorFromZod(input.error);
    throw new RoomRefusal(400, 'invalid_input', error.message, 'pick.name');
  }
  const updated = context.quietly(() => context.workspace().sessions.update(input.data));
  const added = findByName(updated.participants, name);
  if (!added) throw new Error('The name just added is not in the session.');
  return added.id;
}

/** Whether the participant has a ballot in the current round: named, anonymous, or from a device. */
function hasBallot(
  room: OpenRoom,
  state: WorkshopState,
  voters: AnonymousVoters,
  participantId: string,
): boolean {
  const round = currentRound(state);
  return (
    hasVoted(room, state, participantId) ||
    room.ballots.get(participantId)?.round === round ||
    voters.has(room.sessionId, round, participantId)
  );
}

export function createParticipantGate(context: RoomContext): ParticipantGate {
  /** The device the token names, still speaking for someone in the session. */
  function requireDevice(token: string | undefined) {
    const read = readRoom(context);
    if (expireWaiting(read.room, context.now())) context.changed(read.room, false);
    const device = read.room.devices.byToken(token);
    if (!device) throw notInRoom();
    // A participant taken off the session's list takes their device with them.
    if (
      device.participantId !== null &&
      !read.session.participants.some((p) => p.id === device.participantId)
    ) {
      read.room.devices.remove(device.id);
      endStreams(read.room, device.id);
      context.changed(read.room, false);
      throw notInRoom();
    }
    return { ...read, device };
  }

  function addDevice(
    room: OpenRoom,
    fields: Omit<NewDevice, 'address' | 'since'>,
    from: string,
  ): { device: Device; token: string } {
    if (fields.status === 'pending' && !room.devices.mayWait(from))
      throw new RoomRefusal(
        429,
        'unavailable',
        'Too many devices are waiting for the facilitator to let them in. Ask the facilitator, then try again.',
      );
    const added = room.devices.add({ ...fields, address: from, since: context.now().getTime() });
    if (!added)
      throw new RoomRefusal(503, 'unavailable', 'The room is full: ask the facilitator to let you in.');
    return added;
  }

  return {
    codeMatches(code) {
      const room = context.current();
      if (!room) return false;
      const given = Buffer.from(code);
      const expected = Buffer.from(room.code);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },

    lookup() {
      const { room, session, state } = readRoom(context);
      return joinInfo(room, session, state);
    },

    join(request: JoinRequest, token, from) {
      const { room, session, state } = readRoom(context);
      if (expireWaiting(room, context.now())) context.changed(room, false);
      const { pick } = request;
      const picked =
        'participantId' in pick
          ? rosterOf(session, state).find((p) => p.id === pick.participantId)
          : findByName(rosterOf(session, state), pick.name);
      if ('participantId' in pick && !picked)
        throw new RoomRefusal(
          404,
          'not_found',
          'That name is no longer on the list. Reload the page.',
          'pick.participantId',
        );
      const name = picked?.name ?? ('name' in pick ? pick.name : '');

      // One device, one person: coming back as the same person keeps the device (a locked room
      // included: it is already in); as someone else drops the old identity.
      const existing = room.devices.byToken(token);
      if (existing && token !== undefined && picked && existing.participantId === picked.id)
        return { status: existing.status, token };
      if (room.locked)
        throw new RoomRefusal(
          403,
          'forbidden',
          'The room is locked: the facilitator is not letting anyone new in.',
        );
      if (existing) {
        room.devices.remove(existing.id);
        endStreams(room, existing.id);
      }

      let participantId = picked?.id ?? null;
      if (participantId === null) {
        if (room.settings.newNames === 'closed')
          throw new RoomRefusal(
            403,
            'forbidden',
            'This room takes only the names on its list: pick yours, or ask the facilitator to add it.',
            'pick.name',
          );
        if (room.settings.newNames === 'approval') {
          const added = addDevice(
            room,
            {
              name,
              participantId: null,
              status: 'pending',
              pendingReason: 'newName',
            },
            from,
          );
          context.changed(room, false);
          return { status: 'pending', token: added.token };
        }
        participantId = addParticipant(context, session.id, name);
      }
      // Someone who already has a ballot in this round is taken over only with the facilitator's
      // say-so: otherwise anyone could pick their name and send a ballot in their place.
      const taken =
        room.devices.joinedFor(participantId) !== undefined ||
        hasBallot(room, state, context.workspace().anonymousVoters, participantId);
      const added = addDevice(
        room,
        {
          name,
          participantId,
          status: taken ? 'pending' : 'joined',
          pendingReason: taken ? 'secondDevice' : null,
        },
        from,
      );
      context.changed(room, false);
      return { status: added.device.status, token: added.token };
    },

    deviceOf(token) {
      return context.current()?.devices.byToken(token)?.id;
    },

    me(token): ParticipantView {
      const { room, device, session, state } = requireDevice(token);
      return participantView(room, device, session, state, context.now());
    },

    ballot(token, request: BallotRequest): BallotReceipt {
      const { room, device, state, revision } = requireDevice(token);
      const participantId = device.participantId;
      if (device.status !== 'joined' || participantId === null)
        throw new RoomRefusal(403, 'forbidden', 'The facilitator has not let this device in yet.');
      // At every level, here: an anonymous ballot carries no name for the reducer to check.
      if (!isVoter(state, participantId))
        throw new RoomRefusal(
          403,
          'forbidden',
          'You are an observer in this session: observers do not vote. The facilitator can make you a voter.',
        );
      const round = currentRound(state);
      if (request.round !== round)
        throw new RoomRefusal(
          409,
          'conflict',
          `Round ${request.round} has ended; this is round ${round}. Look at your ballot again.`,
          'round',
        );
      if (!room.accepting)
        throw new RoomRefusal(403, 'forbidden', 'The round is closed: ballots can no longer change.');
      if (!offeredMethods(room, state).includes(request.ballot.method))
        throw new RoomRefusal(
          400,
          'invalid_input',
          'This room does not offer that way of weighing.',
          'ballot.method',
        );
      const record = room.ballots.get(participantId);
      // A device let in for someone starts from its own ballot, never the earlier device's.
      const version = record?.round === round && record.deviceId === device.id ? record.version : 0;
      if (request.basedOn !== version)
        throw new RoomRefusal(
          409,
          'conflict',
          'Your ballot changed on another screen since this page showed it. Look at it again, then send it.',
          'basedOn',
        );
      const ws = context.workspace();
      const submit = (voter: { participantId: string } | { ballotId: string }) => () =>
        ws.workshops.apply(room.sessionId, revision, { type: 'submitBallot', voter, ballot: request.ballot });
      // Synchronous: the answer below is sent only after the transaction has committed.
      if (anonymityOf(state) === 'hiddenFromEveryone') {
        const key = anonymousKey(round, participantId);
        const known = room.ballotIds.get(key);
        if (known !== undefined) context.quietly(submit({ ballotId: known }));
        else {
          // The id of their earlier ballot is gone (the app restarted): nothing stored says which
          // ballot is theirs, so a new one would be a second. Unless one was undone since, every
          // ballot of the round is someone's on the list of who cast.
          const stored = Object.keys(state.rounds.at(-1)?.anonymousBallots ?? {}).length;
          if (
            ws.anonymousVoters.has(room.sessionId, round, participantId) &&
            ws.anonymousVoters.count(room.sessionId, round) <= stored
          )
            throw new RoomRefusal(409, 'conflict', ALREADY_CAST, 'ballot');
          const ballotId = randomUUID();
          context.quietly(() =>
            ws.anonymousVoters.castBy(room.sessionId, round, participantId, submit({ ballotId })),
          );
          room.ballotIds.set(key, ballotId);
        }
      } else context.quietly(submit({ participantId }));
      const at = context.now().toISOString();
      room.ballots.set(participantId, {
        round,
        deviceId: device.id,
        version: version + 1,
        submission: request.ballot,
        at,
      });
      context.changed(room, true);
      return { round, version: version + 1, at };
    },

    follow(token, sink: StreamSink) {
      const { room, device } = requireDevice(token);
      const most = device.status === 'joined' ? LIMITS.streamsPerDevice : LIMITS.streamsPerWaitingDevice;
      if (device.streams >= most)
        throw new RoomRefusal(
          429,
          'unavailable',
          'This device already follows the room in other tabs. Close one.',
        );
      const sinks = room.sinks.get(device.id) ?? new Set<StreamSink>();
      room.sinks.set(device.id, sinks);
      sinks.add(sink);
      device.streams++;
      context.changed(room, false);
      return () => {
        sinks.delete(sink);
        device.streams = Math.max(0, device.streams - 1);
        if (context.current() === room && room.devices.byId(device.id)) context.changed(room, false);
      };
    },
  };
}
