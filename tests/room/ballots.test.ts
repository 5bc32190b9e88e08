import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BallotReceipt, ParticipantView } from '@shared/room/schema';
import type { Action } from '@shared/workshop';
import { own } from '@shared/util/records';
import { dumpDatabase } from '../helpers/core';
import { apply, call, newSession, openRoom, phone, sliders, useRoomCore, valueOf } from './helpers';
import type { OpenedRoom, Phone } from './helpers';

const roomCore = useRoomCore();

async function setUp(settings: Parameters<typeof openRoom>[2] = {}) {
  const { core, clock, options } = roomCore();
  const session = await newSession(core);
  const room = await openRoom(core, session.id, settings);
  const workshop = await call(core, 'workshop:get', { sessionId: session.id });
  const applyHere = (action: Action) => apply(core, session.id, action);
  const state = async () => (await call(core, 'workshop:get', { sessionId: session.id })).state;
  return { core, session, room, clock, options, criteria: workshop.state.criteria, apply: applyHere, state };
}

async function joinAs(room: OpenedRoom, participantId: string): Promise<Phone> {
  const device = phone(room);
  expect(valueOf(await device.join(room.code, { participantId }))).toEqual({ status: 'joined' });
  return device;
}

describe('a ballot from a phone', () => {
  it('becomes the participant’s vote through the reducer and the change log', async () => {
    const { core, session, room, criteria, state } = await setUp();
    const priya = session.participants[0]!;
    const device = await joinAs(room, priya.id);
    expect(valueOf<ParticipantView>(await device.me()).ballot).toBeNull();
    const ballot = sliders(criteria);
    const receipt = valueOf<BallotReceipt>(await device.ballot(1, 0, ballot));
    expect(receipt).toEqual({ round: 1, version: 1, at: '2026-03-12T09:00:00.000Z' });
    const stored = (await state()).rounds[0]!;
    expect(own(stored.votes, priya.id)).toBe('voted');
    expect(own(stored.inputs, priya.id)?.method).toBe('direct');
    expect(own(stored.inputs, priya.id)?.direct).toEqual(ballot.method === 'direct' ? ballot.direct : {});
    const history = await call(core, 'history:list', { sessionId: session.id, offset: 0, limit: 5 });
    expect(JSON.stringify(history)).toContain('ballot');
    expect(valueOf<ParticipantView>(await device.me()).ballot).toMatchObject({
      version: 1,
      submission: ballot,
    });
    const status = await call(core, 'room:status', { sessionId: session.id });
    expect(status.open && status.counts).toEqual({ joined: 1, voted: 1, voters: 3 });
    expect(status.open && status.devices[0]?.voted).toBe(true);
  });

  it('is refused when stale or replayed (409), for an ended round, a closed round, or incomplete, changing nothing', async () => {
    const { core, session, room, criteria } = await setUp();
    const device = await joinAs(room, session.participants[0]!.id);
    valueOf(await device.ballot(1, 0, sliders(criteria)));
    const before = dumpDatabase(core);
    const replayed = await device.ballot(1, 0, sliders(criteria, 2));
    expect(replayed.status).toBe(409);
    expect(replayed.json).toMatchObject({ ok: false, error: { code: 'conflict', field: 'basedOn' } });
    expect((await device.ballot(1, 5, sliders(criteria, 2))).status).toBe(409);
    expect((await device.ballot(2, 1, sliders(criteria, 2))).json).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'round' },
    });
    const missing = await device.ballot(1, 1, { method: 'direct', direct: { [criteria[0]!.id]: 4 } });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(missing.json)).toContain(criteria[1]!.name);
    await call(core, 'room:round', { sessionId: session.id, accepting: false });
    const closed = await device.ballot(1, 1, sliders(criteria, 2));
    expect(closed.status).toBe(403);
    expect(dumpDatabase(core)).toBe(before);
    await call(core, 'room:round', { sessionId: session.id, accepting: true });
    expect(valueOf<BallotReceipt>(await device.ballot(1, 1, sliders(criteria, 2))).version).toBe(2);
  });

  it('is refused from a device still waiting for the facilitator, and for a method the room does not offer', async () => {
    const { session, room, criteria } = await setUp({ methods: ['points'] });
    const first = await joinAs(room, session.participants[0]!.id);
    const second = phone(room);
    expect(valueOf(await second.join(room.code, { participantId: session.participants[0]!.id }))).toEqual({
      status: 'pending',
    });
    expect((await second.ballot(1, 0, sliders(criteria))).status).toBe(403);
    const notOffered = await first.ballot(1, 0, sliders(criteria));
    expect(notOffered.status).toBe(400);
    expect(notOffered.json).toMatchObject({ ok: false, error: { field: 'ballot.method' } });
  });

  it('is acknowledged only once stored: a database opened afterwards holds it', async () => {
    const { core, session, room, criteria, options } = await setUp();
    const device = await joinAs(room, session.participants[1]!.id);
    const ballot = sliders(criteria, 7);
    valueOf(await device.ballot(1, 0, ballot));
    // A second connection, as after the app is killed: only what was committed is there.
    const after = roomCore.restart(options);
    const { state } = await call(after, 'workshop:get', { sessionId: session.id });
    expect(own(state.rounds[0]!.votes, session.participants[1]!.id)).toBe('voted');
    expect(own(state.rounds[0]!.inputs, session.participants[1]!.id)?.direct).toEqual(
      ballot.method === 'direct' ? ballot.direct : null,
    );
    expect(core).not.toBe(after);
  });
});

describe('what a phone sees', () => {
  it('holds nothing of the room’s inputs before Reveal, and the result after it', async () => {
    const { session, room, criteria, apply } = await setUp({ showOwnResult: true });
    await apply({ type: 'setHideUntilReveal', hide: true });
    const [priya, marek] = await Promise.all([
      joinAs(room, session.participants[0]!.id),
      joinAs(room, session.participants[1]!.id),
    ]);
    const marekBallot = sliders(criteria, 9);
    valueOf(await priya.ballot(1, 0, sliders(criteria, 1)));
    valueOf(await marek.ballot(1, 0, marekBallot));
    const hidden = await priya.me();
    const view = valueOf<ParticipantView>(hidden);
    expect(view.room.hidden).toBe(true);
    expect(view.result).toBeNull();
    expect(view.ownResult).toBeNull();
    expect(hidden.body).not.toContain('Marek');
    expect(hidden.body).not.toMatch(/Django|Node\.js/);
    expect(hidden.body).not.toContain(
      JSON.stringify(marekBallot.method === 'direct' ? marekBallot.direct : {}),
    );

    await apply({ type: 'setRevealed', revealed: true });
    const shown = valueOf<ParticipantView>(await priya.me());
    expect(shown.room.hidden).toBe(false);
    expect(shown.result?.ranking.map((r) => r.name).sort()).toEqual(['Django', 'Node.js']);
    expect(shown.result?.headline).toMatch(/Recommended|tied/);
    expect(shown.ownResult?.headline).toMatch(/^With your weights, /);
    expect(JSON.stringify(shown)).not.toContain('Marek');
  });

  it('shows its own result only when the facilitator allows it', async () => {
    const { session, room, criteria } = await setUp({ showOwnResult: false });
    const priya = await joinAs(room, session.participants[0]!.id);
    valueOf(await priya.ballot(1, 0, sliders(criteria)));
    const view = valueOf<ParticipantView>(await priya.me());
    expect(view.result).not.toBeNull();
    expect(view.ownResult).toBeNull();
  });
});

describe('hidden from everyone', () => {
  it('stores the ballot under an id that is no participant’s, one per participant per round', async () => {
    const { session, room, criteria, apply, state, core } = await setUp({ showOwnResult: true });
    await apply({ type: 'setAnonymity', anonymity: 'hiddenFromEveryone' });
    const priya = session.participants[0]!;
    const device = await joinAs(room, priya.id);
    valueOf(await device.ballot(1, 0, sliders(criteria, 3)));
    valueOf(await device.ballot(1, 1, sliders(criteria, 6)));
    const round = (await state()).rounds[0]!;
    expect(Object.keys(round.inputs)).toEqual([]);
    expect(Object.keys(round.votes)).toEqual([]);
    const ids = Object.keys(round.anonymousBallots);
    expect(ids).toHaveLength(1);
    expect(session.participants.map((p) => p.id)).not.toContain(ids[0]);
    expect(dumpDatabase(core)).not.toMatch(new RegExp(`${ids[0]}[^\\n]{0,200}${priya.id}`));
    const view = valueOf<ParticipantView>(await device.me());
    expect(view.room.anonymity).toBe('hiddenFromEveryone');
    expect(view.ballot?.version).toBe(2);
    expect(view.ownResult?.headline).toMatch(/^With your weights, /);
    const status = await call(core, 'room:status', { sessionId: session.id });
    expect(status.open && status.counts.voted).toBe(1);
  });
});

describe('one ballot per participant', () => {
  it('holds whatever the order of joins, second devices and ballots: at most one each, the latest', async () => {
    const { core, criteria, clock } = await setUp({ newNames: 'approval' });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('join' as const), device: fc.nat(4), person: fc.nat(2) }),
      fc.record({ kind: fc.constant('approve' as const), device: fc.nat(4) }),
      fc.record({
        kind: fc.constant('ballot' as const),
        device: fc.nat(4),
        value: fc.integer({ min: 1, max: 10 }),
      }),
    );
    const stored = (ballot: { direct: Record<string, number> } | undefined) =>
      JSON.stringify(ballot?.direct ?? null);
    const expected = (value: number) => {
      const ballot = sliders(criteria, value);
      return JSON.stringify(ballot.method === 'direct' ? ballot.direct : null);
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        async (steps, anonymous) => {
          // Each run on a session and room of its own, a minute past the last run's rate limits.
          clock.advance(120_000);
          const session = await newSession(core);
          const people = session.participants.map((p) => p.id);
          if (anonymous)
            await call(core, 'workshop:apply', {
              sessionId: session.id,
              baseRevision: 0,
              action: { type: 'setAnonymity', anonymity: 'hiddenFromEveryone' },
            });
          const room = await openRoom(core, session.id, { newNames: 'approval' });
          const devices = Array.from({ length: 5 }, () => phone(room));
          const latest = new Map<string, number>();
          for (const s of steps) {
            const device = devices[s.device]!;
            if (s.kind === 'join') await device.join(room.code, { participantId: people[s.person]! });
            if (s.kind === 'approve') {
              const status = await call(core, 'room:status', { sessionId: session.id });
              const pending = status.open ? status.devices.find((d) => d.status === 'pending') : undefined;
              if (pending)
                await call(core, 'room:device', {
                  sessionId: session.id,
                  deviceId: pending.id,
                  action: 'approve',
                });
            }
            if (s.kind === 'ballot') {
              const view = await device.me();
              if (!view.json.ok) continue;
              const mine = view.json.value as ParticipantView;
              const answer = await device.ballot(
                mine.room.round,
                mine.ballot?.version ?? 0,
                sliders(criteria, s.value),
              );
              if (answer.json.ok)
                latest.set(session.participants.find((p) => p.name === mine.name)!.id, s.value);
            }
          }
          const round = (await call(core, 'workshop:get', { sessionId: session.id })).state.rounds.at(-1)!;
          if (anonymous) {
            // Nothing links an anonymous ballot to its voter: the room holds one per voter, the latest.
            expect(Object.keys(round.votes)).toEqual([]);
            expect(Object.values(round.anonymousBallots).map(stored).sort()).toEqual(
              [...latest.values()].map(expected).sort(),
            );
            return;
          }
          expect(Object.keys(round.anonymousBallots)).toEqual([]);
          expect(Object.keys(round.votes).sort()).toEqual([...latest.keys()].sort());
          for (const [id, value] of latest) {
            expect(own(round.votes, id)).toBe('voted');
            expect(stored(own(round.inputs, id))).toBe(expected(value));
          }
        },
      ),
      { numRuns: 16 },
    );
  });
});
