/**
 * The room service: at most one open room in the app, on one session, with its participant
 * listener bound to the one address the facilitator picked. Opening a room on another session
 * closes the first; closing the room (or its session, or the app) stops the listener, ends every
 * event stream and forgets every token. The `room:*` handlers call this; the listener calls only
 * the participant gate (participants.ts).
 */
import { isIP } from 'node:net';
import { AppError } from '@shared/ipc/result';
import type { Reachability, RoomStatus } from '@shared/room/contract';
import type { RoomSettings } from '@shared/room/schema';
import { PARTICIPANT_API } from '@shared/room/schema';
import type { ErrorLog } from '../ipc/dispatch';
import type { EventBus } from '../services/eventBus';
import { hostOf, startListener } from './listener';
import type { Listener, ParticipantGate } from './listener';
import { checkReachable, isWildcard, listInterfaces } from './network';
import { loadPageFiles } from './page';
import { addParticipant, createParticipantGate, findByName, readRoom } from './participants';
import type { RoomContext, RoomWorkspace } from './participants';
import { qrMatrix } from './qr';
import { cancelNudge, endStreams, expireWaiting, followRound, newRoom, nudgeAll } from './room';
import type { OpenRoom } from './room';
import { newJoinCode } from './secrets';
import { currentRound, roomStatus } from './view';

/** Tried first when the facilitator leaves the port at 0: a short address people can type. */
export const DEFAULT_ROOM_PORT = 5190;

export type RoomServiceDeps = {
  workspace: () => RoomWorkspace;
  events: EventBus;
  now: () => Date;
  /** The built renderer (out/renderer), where participant.html is. */
  rendererDir: string | undefined;
  log: ErrorLog;
  /** Which addresses this computer has; tests and the netns check use the real ones. */
  interfaces?: typeof listInterfaces;
};

export type RoomService = ReturnType<typeof createRoomService>;

const NOT_OPEN = 'The room is not open on this session. Open it first.';

export function createRoomService(deps: RoomServiceDeps) {
  const interfaces = deps.interfaces ?? listInterfaces;
  let current: OpenRoom | undefined;
  // The anonymous ballots' ids of the last room closed, so the same session opened again lets
  // each person change their ballot instead of refusing a second one. In memory only.
  let kept: { sessionId: string; ballotIds: Map<string, string> } | undefined;
  let quiet = 0;
  // Opening and closing wait for the listener; one at a time, so two opens never race.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step, step);
    queue = next.catch(() => undefined);
    return next;
  };

  const context: RoomContext = {
    current: () => current,
    workspace: deps.workspace,
    now: deps.now,
    changed(room, phones) {
      if (phones) nudgeAll(room);
      if (current === room) deps.events.emit('room:changed', { sessionId: room.sessionId });
    },
    quietly(write) {
      quiet++;
      try {
        return write();
      } finally {
        quiet--;
      }
    },
  };
  const gate: ParticipantGate = createParticipantGate(context);

  // What the console changes reaches the phones: a Reveal, a new round, a renamed criterion.
  deps.events.subscribe((event, payload) => {
    const room = current;
    if (!room) return;
    // In turn with opening and closing, so a room opening now is closed once it is up.
    if (event === 'data:replaced') return void serial(() => closeNow(true));
    const about = (key: string) =>
      typeof payload === 'object' && payload !== null && key in payload
        ? (payload as Record<string, unknown>)[key]
        : undefined;
    // The room's own writes change the session too (a name typed on a phone).
    if (event === 'sessions:changed' && (about('id') === room.sessionId || about('id') === null))
      room.session = undefined;
    if (quiet > 0) return;
    if (event === 'workshop:changed' && about('sessionId') === room.sessionId) {
      try {
        followRound(room, currentRound(deps.workspace().workshops.get(room.sessionId).state));
      } catch (error) {
        deps.log('The room could not read its workshop', error);
      }
      context.changed(room, true);
    }
    if (event === 'sessions:changed' && (about('id') === room.sessionId || about('id') === null))
      context.changed(room, true);
  });

  function requireOpen(sessionId: string): OpenRoom {
    if (!current || current.sessionId !== sessionId) throw new AppError('not_found', NOT_OPEN, 'sessionId');
    return current;
  }

  function status(sessionId: string): RoomStatus {
    if (!current || current.sessionId !== sessionId) return { open: false };
    const { room, session, state } = readRoom(context);
    followRound(room, currentRound(state));
    expireWaiting(room, deps.now());
    return roomStatus(room, session, state);
  }

  /** Applies a change of the facilitator's and answers the new status. */
  function change(sessionId: string, apply: (room: OpenRoom) => boolean): RoomStatus {
    const room = requireOpen(sessionId);
    const phones = apply(room);
    context.changed(room, phones);
    return status(sessionId);
  }

  /** Forgets the room at once (tokens, devices, streams) and stops its listener. */
  function closeNow(forget = false): Promise<void> {
    if (forget) kept = undefined;
    const room = current;
    if (!room) return Promise.resolve();
    current = undefined;
    cancelNudge(room);
    for (const id of [...room.sinks.keys()]) endStreams(room, id);
    room.devices.clear();
    room.ballots.clear();
    kept = forget ? undefined : { sessionId: room.sessionId, ballotIds: room.ballotIds };
    deps.events.emit('room:changed', { sessionId: room.sessionId });
    return room.listener?.close() ?? Promise.resolve();
  }

  async function listen(address: string, port: number, reachableAt: readonly string[]): Promise<Listener> {
    const page = await loadPageFiles(deps.rendererDir);
    const start = (at: number) =>
      startListener({
        address,
        port: at,
        reachableAt,
        gate,
        page,
        now: () => deps.now().getTime(),
        log: deps.log,
      });
    try {
      return await start(port === 0 ? DEFAULT_ROOM_PORT : port).catch((error: unknown) => {
        if (port === 0 && errorCode(error) === 'EADDRINUSE') return start(0);
        throw error;
      });
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EADDRINUSE')
        throw new AppError(
          'unavailable',
          `Port ${port} is already in use on ${address}. Pick another, or leave it at 0.`,
          'port',
        );
      if (code === 'EADDRNOTAVAIL' || code === 'EINVAL')
        throw new AppError(
          'invalid_input',
          `This computer no longer has the address ${address}. Pick one from the list again.`,
          'address',
        );
      if (code === 'EACCES')
        throw new AppError(
          'forbidden',
          `This computer does not let Stackwise listen on port ${port}. Pick a port above 1024.`,
          'port',
        );
      throw error;
    }
  }

  return {
    gate,

    interfaces: () => interfaces(),

    status,

    open(input: {
      sessionId: string;
      address: string;
      port: number;
      settings: RoomSettings;
    }): Promise<RoomStatus> {
      return serial(async () => {
        const { sessionId, address, port, settings } = input;
        const ws = deps.workspace();
        ws.sessions.get(sessionId);
        const known = interfaces().map((i) => i.address);
        // Never every interface, not even asked for by name over IPC: the room is on one network.
        if (isWildcard(address))
          throw new AppError(
            'invalid_input',
            'The room opens on one network address, never on all of them at once. Pick one from the list.',
            'address',
          );
        if (isIP(address) === 0 || !known.includes(address))
          throw new AppError(
            'invalid_input',
            `${address} is not one of this computer’s network addresses. Pick one from the list.`,
            'address',
          );
        await closeNow();
        const reachableAt = [address];
        const room = newRoom({
          sessionId,
          code: newJoinCode(),
          settings,
          round: currentRound(ws.workshops.get(sessionId).state),
          ballotIds: kept?.sessionId === sessionId ? kept.ballotIds : undefined,
        });
        const listener = await listen(address, port, reachableAt);
        // The session may have gone while the listener started (deleted, or the data replaced).
        try {
          deps.workspace().sessions.get(sessionId);
        } catch (error) {
          await listener.close();
          throw error;
        }
        const shown =
          reachableAt.find((a) => !interfaces().find((i) => i.address === a)?.internal) ??
          reachableAt[0] ??
          address;
        room.listener = listener;
        room.address = address;
        room.port = listener.port;
        room.shortUrl = `http://${hostOf(shown, listener.port)}`;
        room.url = `${room.shortUrl}${PARTICIPANT_API.joinLink}${room.code}`;
        room.qr = qrMatrix(room.url);
        current = room;
        context.changed(room, false);
        return status(sessionId);
      });
    },

    configure(input: {
      sessionId: string;
      settings?: RoomSettings | undefined;
      locked?: boolean | undefined;
    }): RoomStatus {
      return change(input.sessionId, (room) => {
        if (input.settings) room.settings = input.settings;
        if (input.locked !== undefined) room.locked = input.locked;
        return true;
      });
    },

    device(input: { sessionId: string; deviceId: string; action: 'approve' | 'remove' }): RoomStatus {
      const room = requireOpen(input.sessionId);
      const device = room.devices.byId(input.deviceId);
      if (!device) throw new AppError('not_found', 'That device has left the room.', 'deviceId');
      if (input.action === 'remove') {
        room.devices.remove(device.id);
        endStreams(room, device.id);
        return change(input.sessionId, () => false);
      }
      if (device.status === 'joined')
        throw new AppError('invalid_input', 'That device has already joined.', 'deviceId');
      // A typed name the facilitator has meanwhile added to the session is that participant.
      const participantId =
        device.participantId ??
        findByName(readRoom(context).session.participants, device.name)?.id ??
        addParticipant(context, room.sessionId, device.name);
      // The participant's earlier device gives way to the one just approved.
      const previous = room.devices.joinedFor(participantId);
      if (previous) {
        room.devices.remove(previous.id);
        endStreams(room, previous.id);
      }
      device.participantId = participantId;
      device.status = 'joined';
      device.pendingReason = null;
      return change(input.sessionId, () => true);
    },

    round(input: { sessionId: string; accepting: boolean }): RoomStatus {
      return change(input.sessionId, (room) => {
        room.accepting = input.accepting;
        return true;
      });
    },

    timer(input: { sessionId: string; seconds: number | null }): RoomStatus {
      return change(input.sessionId, (room) => {
        room.timer =
          input.seconds === null
            ? null
            : { endsAt: new Date(deps.now().getTime() + input.seconds * 1000).toISOString() };
        return true;
      });
    },

    check(sessionId: string): Promise<Reachability> {
      const room = requireOpen(sessionId);
      const internal = interfaces().find((i) => i.address === room.address)?.internal ?? false;
      return checkReachable({ origin: room.shortUrl, internal });
    },

    close(sessionId: string): Promise<RoomStatus> {
      return serial(async () => {
        if (current?.sessionId === sessionId) await closeNow();
        return { open: false } as const;
      });
    },

    /** The session was deleted: its room goes with it. */
    sessionGone(sessionId: string): void {
      if (kept?.sessionId === sessionId) kept = undefined;
      // In turn with opening: a room still opening on it is closed once it is up.
      void serial(async () => {
        if (current?.sessionId === sessionId) await closeNow(true);
      });
    },

    /** The app is stopping: nothing to wait for, every token is forgotten now. */
    closeAll(): Promise<void> {
      return closeNow(true);
    },
  };
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
