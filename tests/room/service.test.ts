import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventName } from '@shared/ipc/contract';
import type { JoinInfo, ParticipantView } from '@shared/room/schema';
import { DEFAULT_ROOM_SETTINGS } from '@shared/room/schema';
import type { Core } from '../../src-main/core';
import { dispatch } from '../../src-main/ipc/dispatch';
import { ADVICE, listInterfaces } from '../../src-main/room/network';
import { sendRaw } from '../helpers/http';
import { call, followRoom, newSession, openRoom, phone, sliders, useRoomCore, valueOf } from './helpers';

const roomCore = useRoomCore();

afterEach(() => {
  vi.useRealTimers();
});

async function setUp(settings: Parameters<typeof openRoom>[2] = {}) {
  const { core, clock } = roomCore();
  const events: Array<[EventName, unknown]> = [];
  core.events.subscribe((event, payload) => events.push([event, payload]));
  const session = await newSession(core);
  const room = await openRoom(core, session.id, settings);
  const { criteria } = (await call(core, 'workshop:get', { sessionId: session.id })).state;
  const roomEvents = () => events.filter(([event]) => event === 'room:changed').length;
  return { core, clock, session, room, criteria, roomEvents };
}

const status = async (core: Core, sessionId: string) => {
  const answer = await call(core, 'room:status', { sessionId });
  if (!answer.open) throw new Error('The room is closed.');
  return answer;
};

const refused = async (core: Core, channel: Parameters<typeof dispatch>[1], input: unknown) => {
  const answer = await dispatch(core.handlers, channel, input, () => undefined);
  if (answer.ok) throw new Error(`${String(channel)} was not refused.`);
  return answer.error;
};

/** Whether anything still listens on 127.0.0.1:port. */
const listening = (port: number) =>
  sendRaw(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );

describe('network interfaces', () => {
  it('list IPv4 first and loopback last, labelled, never every interface, never link-local IPv6', () => {
    const list = listInterfaces({
      lo: [
        { address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '', cidr: null },
        { address: '::1', family: 'IPv6', internal: true, netmask: '', mac: '', cidr: null, scopeid: 0 },
      ],
      wlan0: [
        { address: 'fe80::1', family: 'IPv6', internal: false, netmask: '', mac: '', cidr: null, scopeid: 3 },
        { address: 'fd00::5', family: 'IPv6', internal: false, netmask: '', mac: '', cidr: null, scopeid: 0 },
        { address: '192.168.1.20', family: 'IPv4', internal: false, netmask: '', mac: '', cidr: null },
      ],
    });
    expect(list.map((i) => i.address)).toEqual(['192.168.1.20', 'fd00::5', '127.0.0.1', '::1']);
    expect(list[0]).toEqual({ name: 'wlan0', address: '192.168.1.20', family: 'IPv4', internal: false });
  });

  it('come from this computer through room:interfaces, loopback included', async () => {
    const { core } = await setUp();
    const list = await call(core, 'room:interfaces', {});
    expect(list.find((i) => i.address === '127.0.0.1')).toMatchObject({ internal: true, family: 'IPv4' });
    expect(list.some((i) => i.address === '0.0.0.0' || i.address === '::')).toBe(false);
    expect(list.at(-1)?.internal).toBe(true);
  });
});

describe('opening the room', () => {
  it('refuses an address that is not this computer’s, and a port in use, naming the field', async () => {
    const { core, session } = await setUp();
    const input = { sessionId: session.id, port: 0, settings: DEFAULT_ROOM_SETTINGS };
    expect(await refused(core, 'room:open', { ...input, address: '192.0.2.77' })).toMatchObject({
      code: 'invalid_input',
      field: 'address',
    });
    expect(await refused(core, 'room:open', { ...input, address: 'wlan0' })).toMatchObject({
      field: 'address',
    });
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      if (taken >= 1024)
        expect(
          await refused(core, 'room:open', { ...input, address: '127.0.0.1', port: taken }),
        ).toMatchObject({
          code: 'unavailable',
          field: 'port',
        });
    } finally {
      blocker.close();
    }
  });

  it('makes a QR code of the join link', async () => {
    const { room } = await setUp();
    expect(room.qr.size).toBeGreaterThanOrEqual(25);
    expect(room.qr.rows.every((row) => row.length === room.qr.size)).toBe(true);
    // The three finder patterns: a 7-module dark square in three corners.
    expect(room.qr.rows[0]?.startsWith('1111111')).toBe(true);
    expect(room.qr.rows[0]?.endsWith('1111111')).toBe(true);
    expect(room.qr.rows[room.qr.size - 1]?.startsWith('1111111')).toBe(true);
  });

  it('on another session closes the first room: its phones are out, and it says so', async () => {
    const { core, session, room, roomEvents } = await setUp();
    const priya = phone(room);
    valueOf(await priya.join(room.code, { participantId: session.participants[0]!.id }));
    const other = await newSession(core, ['Zoe']);
    const before = roomEvents();
    const second = await openRoom(core, other.id);
    expect((await call(core, 'room:status', { sessionId: session.id })).open).toBe(false);
    expect(await status(core, other.id)).toMatchObject({ open: true, devices: [] });
    expect(roomEvents()).toBeGreaterThan(before);
    const moved = phone(second);
    moved.cookie = priya.cookie;
    expect((await moved.me()).status).toBe(401);
    expect(valueOf<JoinInfo>(await moved.lookup(second.code)).roster.map((p) => p.name)).toEqual(['Zoe']);
    if (second.port !== room.port) expect(await listening(room.port)).toBe(false);
  });

  it('answers not_found for a session without an open room', async () => {
    const { core } = await setUp();
    const other = await newSession(core, ['Zoe']);
    expect(await call(core, 'room:status', { sessionId: other.id })).toEqual({ open: false });
    for (const [channel, input] of [
      ['room:configure', { sessionId: other.id, locked: true }],
      ['room:round', { sessionId: other.id, accepting: false }],
      ['room:timer', { sessionId: other.id, seconds: 60 }],
      ['room:check', { sessionId: other.id }],
    ] as const)
      expect(await refused(core, channel, input), channel).toMatchObject({ code: 'not_found' });
    expect(await call(core, 'room:close', { sessionId: other.id })).toEqual({ open: false });
  });
});

describe('the lobby', () => {
  it('locks the room to new devices while joined ones keep voting', async () => {
    const { core, session, room, criteria } = await setUp();
    const priya = phone(room);
    valueOf(await priya.join(room.code, { participantId: session.participants[0]!.id }));
    expect((await call(core, 'room:configure', { sessionId: session.id, locked: true })).open).toBe(true);
    const late = await phone(room).join(room.code, { participantId: session.participants[1]!.id });
    expect(late.status).toBe(403);
    expect(valueOf<JoinInfo>(await phone(room).lookup(room.code)).locked).toBe(true);
    valueOf(await priya.ballot(1, 0, sliders(criteria)));
    expect(valueOf<ParticipantView>(await priya.me()).room.locked).toBe(true);
  });

  it('lets a device already in come back to a locked room as the same participant', async () => {
    const { core, session, room } = await setUp();
    const priya = phone(room);
    const pick = { participantId: session.participants[0]!.id };
    valueOf(await priya.join(room.code, pick));
    await call(core, 'room:configure', { sessionId: session.id, locked: true });
    expect(valueOf(await priya.join(room.code, pick))).toEqual({ status: 'joined' });
    // As someone else it is a new join, which the lock refuses.
    expect((await priya.join(room.code, { participantId: session.participants[1]!.id })).status).toBe(403);
  });

  it('approves a waiting name the facilitator has meanwhile added as that participant', async () => {
    const { core, session, room } = await setUp({ newNames: 'approval' });
    const guest = phone(room);
    valueOf(await guest.join(room.code, { name: 'Ola' }));
    const current = await call(core, 'sessions:get', { id: session.id });
    const updated = await call(core, 'sessions:update', {
      id: session.id,
      baseRevision: current.revision,
      patch: { participants: { add: [{ name: 'Ola' }] } },
    });
    const ola = updated.participants.find((p) => p.name === 'Ola')!;
    const waiting = (await status(core, session.id)).devices[0]!;
    const approved = await call(core, 'room:device', {
      sessionId: session.id,
      deviceId: waiting.id,
      action: 'approve',
    });
    expect(approved.open && approved.devices[0]).toMatchObject({ participantId: ola.id, status: 'joined' });
    expect(
      (await call(core, 'sessions:get', { id: session.id })).participants.filter((p) => p.name === 'Ola'),
    ).toHaveLength(1);
  });

  it('holds a new name for approval, then adds it to the session', async () => {
    const { core, session, room } = await setUp({ newNames: 'approval' });
    const guest = phone(room);
    expect(valueOf(await guest.join(room.code, { name: 'Guest Ola' }))).toEqual({ status: 'pending' });
    expect(valueOf<ParticipantView>(await guest.me())).toMatchObject({
      status: 'pending',
      name: 'Guest Ola',
    });
    const waiting = (await status(core, session.id)).devices[0]!;
    expect(waiting).toMatchObject({ status: 'pending', pendingReason: 'newName', participantId: null });
    await call(core, 'room:device', { sessionId: session.id, deviceId: waiting.id, action: 'approve' });
    const names = (await call(core, 'sessions:get', { id: session.id })).participants.map((p) => p.name);
    expect(names).toContain('Guest Ola');
    expect(valueOf<ParticipantView>(await guest.me()).status).toBe('joined');
  });

  it('takes a new name at once when allowed, and refuses it when closed', async () => {
    const { core, session, room } = await setUp({ newNames: 'allowed' });
    expect(valueOf(await phone(room).join(room.code, { name: 'Walk-in' }))).toEqual({ status: 'joined' });
    expect((await call(core, 'sessions:get', { id: session.id })).participants.map((p) => p.name)).toContain(
      'Walk-in',
    );
    await call(core, 'room:configure', {
      sessionId: session.id,
      settings: { ...DEFAULT_ROOM_SETTINGS, newNames: 'closed' },
    });
    const closed = await phone(room).join(room.code, { name: 'Another' });
    expect(closed.status).toBe(403);
    expect(closed.json).toMatchObject({ ok: false, error: { field: 'pick.name' } });
    // A typed name that is on the roster is that participant.
    expect(valueOf(await phone(room).join(room.code, { name: ' priya ' }))).toEqual({ status: 'joined' });
  });

  it('holds a second device for someone already joined; approving it ends the first one’s access and stream', async () => {
    const { core, session, room } = await setUp();
    const first = phone(room);
    valueOf(await first.join(room.code, { participantId: session.participants[0]!.id }));
    const stream = await followRoom(room.port, first.cookie ?? '');
    const second = phone(room);
    expect(valueOf(await second.join(room.code, { participantId: session.participants[0]!.id }))).toEqual({
      status: 'pending',
    });
    const pending = (await status(core, session.id)).devices.find((d) => d.status === 'pending')!;
    expect(pending.pendingReason).toBe('secondDevice');
    await call(core, 'room:device', { sessionId: session.id, deviceId: pending.id, action: 'approve' });
    await stream.ended;
    expect((await first.me()).status).toBe(401);
    expect(valueOf<ParticipantView>(await second.me())).toMatchObject({ status: 'joined', name: 'Priya' });
    expect((await status(core, session.id)).devices).toHaveLength(1);
  });

  it('shows the countdown on the phones with the room’s clock, and stops it', async () => {
    const { core, session, room, clock } = await setUp();
    const priya = phone(room);
    valueOf(await priya.join(room.code, { participantId: session.participants[0]!.id }));
    const started = await call(core, 'room:timer', { sessionId: session.id, seconds: 120 });
    expect(started.open && started.timer).toEqual({ endsAt: '2026-03-12T09:02:00.000Z' });
    clock.advance(30_000);
    expect(valueOf<ParticipantView>(await priya.me()).room.timer).toEqual({
      endsAt: '2026-03-12T09:02:00.000Z',
      serverNow: '2026-03-12T09:00:30.000Z',
    });
    await call(core, 'room:timer', { sessionId: session.id, seconds: null });
    expect(valueOf<ParticipantView>(await priya.me()).room.timer).toBeNull();
  });

  it('opens the room for ballots again when the console starts a new round', async () => {
    const { core, session, room, criteria } = await setUp();
    const priya = phone(room);
    valueOf(await priya.join(room.code, { participantId: session.participants[0]!.id }));
    valueOf(await priya.ballot(1, 0, sliders(criteria)));
    await call(core, 'room:round', { sessionId: session.id, accepting: false });
    const { revision } = await call(core, 'workshop:get', { sessionId: session.id });
    await call(core, 'workshop:apply', {
      sessionId: session.id,
      baseRevision: revision,
      action: { type: 'startRound' },
    });
    const view = valueOf<ParticipantView>(await priya.me());
    expect(view.room).toMatchObject({ round: 2, accepting: true });
    expect(view.ballot).toBeNull();
    expect(valueOf(await priya.ballot(2, 0, sliders(criteria)))).toMatchObject({ round: 2, version: 1 });
  });

  it('lets a participant taken off the session take their device with them', async () => {
    const { core, session, room } = await setUp();
    const marek = phone(room);
    valueOf(await marek.join(room.code, { participantId: session.participants[1]!.id }));
    const current = await call(core, 'sessions:get', { id: session.id });
    await call(core, 'sessions:update', {
      id: session.id,
      baseRevision: current.revision,
      patch: { participants: { remove: [session.participants[1]!.id] } },
    });
    expect((await marek.me()).status).toBe(401);
  });
});

describe('events', () => {
  it('nudge the phones and the console on a change, and end when the room closes', async () => {
    const { core, session, room, criteria, roomEvents } = await setUp();
    const priya = phone(room);
    valueOf(await priya.join(room.code, { participantId: session.participants[0]!.id }));
    const stream = await followRoom(room.port, priya.cookie ?? '');
    expect(stream.status).toBe(200);
    expect((await status(core, session.id)).devices[0]?.connected).toBe(true);
    const before = roomEvents();
    valueOf(await priya.ballot(1, 0, sliders(criteria)));
    await stream.until(/data: \{"version":\d+\}/);
    expect(roomEvents()).toBeGreaterThan(before);
    expect(stream.text()).not.toContain('Priya');
    await call(core, 'room:close', { sessionId: session.id });
    await stream.ended;
    expect(await listening(room.port)).toBe(false);
  });

  it('send a heartbeat every 15 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { session, room } = await setUp();
    const priya = phone(room);
    valueOf(await priya.join(room.code, { participantId: session.participants[0]!.id }));
    const stream = await followRoom(room.port, priya.cookie ?? '');
    expect(stream.text()).not.toContain('heartbeat');
    vi.advanceTimersByTime(15_000);
    await stream.until(/: heartbeat/);
    stream.close();
  });

  it('end for a removed device', async () => {
    const { core, session, room } = await setUp();
    const priya = phone(room);
    valueOf(await priya.join(room.code, { participantId: session.participants[0]!.id }));
    const stream = await followRoom(room.port, priya.cookie ?? '');
    const device = (await status(core, session.id)).devices[0]!;
    await call(core, 'room:device', { sessionId: session.id, deviceId: device.id, action: 'remove' });
    await stream.ended;
    expect((await status(core, session.id)).devices).toEqual([]);
  });
});

describe('closing', () => {
  it('happens when the session is deleted', async () => {
    const { core, session, room } = await setUp();
    const priya = phone(room);
    valueOf(await priya.join(room.code, { participantId: session.participants[0]!.id }));
    const stream = await followRoom(room.port, priya.cookie ?? '');
    await call(core, 'sessions:delete', { id: session.id });
    await stream.ended;
    expect(await listening(room.port)).toBe(false);
  });

  it('happens when the core closes (the app quits)', async () => {
    const { core, session, room } = await setUp();
    const priya = phone(room);
    valueOf(await priya.join(room.code, { participantId: session.participants[0]!.id }));
    const stream = await followRoom(room.port, priya.cookie ?? '');
    core.close();
    await stream.ended;
    expect(await listening(room.port)).toBe(false);
  });
});

describe('can phones reach me?', () => {
  it('asks the listener on its own address, and says loopback is this computer only', async () => {
    const { core, session, room } = await setUp();
    const answer = await call(core, 'room:check', { sessionId: session.id });
    expect(answer.reachable).toBe(true);
    expect(answer.detail).toContain(room.shortUrl);
    expect(answer.advice).toEqual([ADVICE.loopback]);
  });

  it('says what to try when the room does not answer', async () => {
    const { checkReachable } = await import('../../src-main/room/network');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    const answer = await checkReachable({ origin: `http://127.0.0.1:${port}`, internal: false });
    expect(answer.reachable).toBe(false);
    expect(answer.advice).toEqual([ADVICE.firewall, ADVICE.guestWifi, ADVICE.hotspot]);
  });
});
