/**
 * "Hidden from everyone", as the security review tried it: one person, one anonymous ballot per
 * round, whatever closes, reopens or undoes in between; an observer casts none; and the console
 * cannot tell from the lobby which device's ballot is which.
 */
import { describe, expect, it } from 'vitest';
import type { ParticipantView } from '@shared/room/schema';
import { anonymousBallotLabel } from '@shared/workshop';
import type { Action } from '@shared/workshop';
import type { Core } from '../../src-main/core';
import { apply, call, newSession, openRoom, phone, sliders, useRoomCore, valueOf } from './helpers';
import type { OpenedRoom, Phone } from './helpers';

const roomCore = useRoomCore();

async function setUp() {
  const { core, options } = roomCore();
  const session = await newSession(core);
  const applyHere = (action: Action, on: Core = core) => apply(on, session.id, action);
  await applyHere({ type: 'setAnonymity', anonymity: 'hiddenFromEveryone' });
  const { criteria } = (await call(core, 'workshop:get', { sessionId: session.id })).state;
  const ballots = async (on: Core = core) =>
    Object.keys(
      (await call(on, 'workshop:get', { sessionId: session.id })).state.rounds.at(-1)!.anonymousBallots,
    ).length;
  return { core, options, session, criteria, apply: applyHere, ballots };
}

async function joinAs(room: OpenedRoom, participantId: string): Promise<Phone> {
  const device = phone(room);
  expect(valueOf(await device.join(room.code, { participantId }))).toEqual({ status: 'joined' });
  return device;
}

/** A new device for someone, let in by the facilitator should the room ask for that. */
async function rejoin(core: Core, sessionId: string, room: OpenedRoom, participantId: string) {
  const device = phone(room);
  valueOf(await device.join(room.code, { participantId }));
  const status = await call(core, 'room:status', { sessionId });
  for (const waiting of status.open ? status.devices : [])
    if (waiting.status === 'pending')
      await call(core, 'room:device', { sessionId, deviceId: waiting.id, action: 'approve' });
  return device;
}

describe('one anonymous ballot per person per round', () => {
  it('holds after the room is closed and opened again: the same person changes theirs, never adds one', async () => {
    const { core, session, criteria, ballots } = await setUp();
    const priya = session.participants[0]!.id;
    let room = await openRoom(core, session.id);
    valueOf(await (await joinAs(room, priya)).ballot(1, 0, sliders(criteria, 3)));
    await call(core, 'room:close', { sessionId: session.id });
    room = await openRoom(core, session.id);
    const again = await rejoin(core, session.id, room, priya);
    valueOf(await again.ballot(1, 0, sliders(criteria, 7)));
    expect(await ballots()).toBe(1);
  });

  it('holds after the app restarts: a second ballot is refused with what to do, and the count stays one', async () => {
    const { core, options, session, criteria, ballots } = await setUp();
    const priya = session.participants[0]!.id;
    const room = await openRoom(core, session.id);
    valueOf(await (await joinAs(room, priya)).ballot(1, 0, sliders(criteria, 3)));
    await core.room.closeAll();
    const after = roomCore.restart(options);
    const reopened = await openRoom(after, session.id);
    const again = await rejoin(after, session.id, reopened, priya);
    const refused = await again.ballot(1, 0, sliders(criteria, 7));
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'conflict', field: 'ballot' } });
    expect(refused.json.ok ? '' : refused.json.error.message).toMatch(
      /already in; it can be changed only from the device that sent it/,
    );
    expect(await ballots(after)).toBe(1);
    // Marek, who has not voted, still can.
    valueOf(await (await joinAs(reopened, session.participants[1]!.id)).ballot(1, 0, sliders(criteria, 2)));
    expect(await ballots(after)).toBe(2);
  });

  it('holds when a new round is started and undone', async () => {
    const { core, session, criteria, apply, ballots } = await setUp();
    const priya = session.participants[0]!.id;
    const room = await openRoom(core, session.id);
    const device = await joinAs(room, priya);
    valueOf(await device.ballot(1, 0, sliders(criteria, 3)));
    await apply({ type: 'startRound' });
    const { revision } = await call(core, 'workshop:get', { sessionId: session.id });
    await call(core, 'workshop:undo', { sessionId: session.id, baseRevision: revision });
    const view = valueOf<ParticipantView>(await device.me());
    expect(view.room.round).toBe(1);
    // Either it is still that ballot (changed in place), or it is refused: never a second one.
    await device.ballot(1, view.ballot?.version ?? 0, sliders(criteria, 8));
    expect(await ballots()).toBe(1);
  });

  it('is never cast by an observer, at any level', async () => {
    const { core, session, criteria, apply, ballots } = await setUp();
    const ana = session.participants[2]!.id;
    const room = await openRoom(core, session.id);
    const device = await joinAs(room, ana);
    await apply({ type: 'setRole', participantId: ana, role: 'observer' });
    const refused = await device.ballot(1, 0, sliders(criteria, 3));
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ballots()).toBe(0);
    // Named too: refused by the room before the reducer is asked.
    await apply({ type: 'startRound' });
    await apply({ type: 'setAnonymity', anonymity: 'named' });
    expect((await device.ballot(2, 0, sliders(criteria, 3))).status).toBe(403);
  });
});

describe('what the console can tell of anonymous ballots', () => {
  it('is how many have voted, never which device: ballots are stored and named in the order of their ids', async () => {
    const { core, session, criteria } = await setUp();
    const room = await openRoom(core, session.id);
    for (const participant of session.participants)
      valueOf(await (await joinAs(room, participant.id)).ballot(1, 0, sliders(criteria, 4)));
    const status = await call(core, 'room:status', { sessionId: session.id });
    expect(status.open && status.counts).toMatchObject({ joined: 3, voted: 3, voters: 3 });
    // No device says whether it is one of those who voted: the k-th to vote is not ballot k.
    expect(status.open && status.devices.map((d) => d.voted)).toEqual([null, null, null]);
    const { state } = await call(core, 'workshop:get', { sessionId: session.id });
    const ids = Object.keys(state.rounds[0]!.anonymousBallots);
    expect(ids).toEqual([...ids].sort());
    expect(ids.map((id) => anonymousBallotLabel(state, id))).toEqual([
      'Anonymous ballot 1',
      'Anonymous ballot 2',
      'Anonymous ballot 3',
    ]);
  });

  it('is stored in id order whatever the arrival, and counted by the stored ballots after a restart', async () => {
    const { core, options, session, criteria, apply } = await setUp();
    // Ids chosen so that arrival order is the reverse of id order.
    const later = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
    const earlier = '00000000-0000-4000-8000-000000000001';
    for (const ballotId of [later, earlier])
      await apply({ type: 'submitBallot', voter: { ballotId }, ballot: sliders(criteria, 2) });
    const { state } = await call(core, 'workshop:get', { sessionId: session.id });
    expect(Object.keys(state.rounds[0]!.anonymousBallots)).toEqual([earlier, later]);
    expect(anonymousBallotLabel(state, earlier)).toBe('Anonymous ballot 1');
    await core.room.closeAll();
    const after = roomCore.restart(options);
    await openRoom(after, session.id);
    const status = await call(after, 'room:status', { sessionId: session.id });
    expect(status.open && status.counts.voted).toBe(2);
  });
});

describe('a person who cast an anonymous ballot', () => {
  it('cannot also be given a vote on the console in that round, which would count them twice', async () => {
    const { core, session, criteria, apply: applyHere } = await setUp();
    const [priya, marek] = session.participants.map((p) => p.id) as [string, string];
    const room = await openRoom(core, session.id);
    valueOf(await (await joinAs(room, priya)).ballot(1, 0, sliders(criteria, 3)));
    const before = await call(core, 'workshop:get', { sessionId: session.id });
    const criterionId = criteria[0]!.id;
    await expect(
      applyHere({ type: 'setDirect', participantId: priya, criterionId, value: 9 }),
    ).rejects.toThrow(/already cast an anonymous ballot/);
    await expect(applyHere({ type: 'castVote', participantId: priya })).rejects.toThrow(
      /already cast an anonymous ballot/,
    );
    expect((await call(core, 'workshop:get', { sessionId: session.id })).revision).toBe(before.revision);
    // Someone who has not cast one can still have their weights entered here.
    await applyHere({ type: 'setDirect', participantId: marek, criterionId, value: 9 });
  });
});
