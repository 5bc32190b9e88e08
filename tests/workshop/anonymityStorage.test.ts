/**
 * Anonymity as stored, through the real services: at "hidden from everyone" nothing the app keeps
 * of the workshop (the document, the change log, the history) holds the reference of a participant
 * who voted anonymously; a database saved with the old `anonymous` switch reads as the level it
 * meant, undo included; a session file carries the levels and the anonymous ballots.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@shared/history/contract';
import type { ImportOutcome } from '@shared/portable/contract';
import type { BallotSubmission } from '@shared/room/schema';
import type { Session } from '@shared/sessions/schema';
import { anonymityOf, initialWorkshopState } from '@shared/workshop';
import type { WorkshopSnapshot, WorkshopState } from '@shared/workshop';
import type { Core } from '../../src-main/core';
import { useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import type { FakeIpcMain } from '../helpers/ipc';
import { ok } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';
import { applyLatest, stepBackLatest } from '../helpers/writes';

const tempDir = useTempDir();
const startCore = useIpcCore(tempDir);
const ids = initialWorkshopState().criteria.map((c) => c.id);

async function start(names: readonly string[]) {
  const databasePath = join(tempDir(), 'stackwise.sqlite');
  const { core, ipc } = startCore({ databasePath });
  const session = await ok<Session>(
    ipc.call('sessions:create', draft({ participants: names.map((name) => ({ name })) })),
  );
  const apply = (action: unknown) => ok(applyLatest(ipc, session.id, action));
  const get = () => ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId: session.id }));
  return { core, ipc, session, apply, get, databasePath };
}

/** Everything the app keeps of the workshop and its history, as text. */
async function workshopRecords(core: Core, ipc: FakeIpcMain, sessionId: string): Promise<string> {
  const rows = (table: string) =>
    JSON.stringify(core.db.prepare(`SELECT * FROM ${table} WHERE session_id = ?`).all(sessionId));
  const history = await ok(ipc.call('history:list', { sessionId, limit: 200 }));
  return [rows('workshops'), rows('workshop_changes'), JSON.stringify(history)].join('\n');
}

const ballotArb: fc.Arbitrary<BallotSubmission> = fc.oneof(
  fc
    .array(fc.integer({ min: 1, max: 10 }), { minLength: ids.length, maxLength: ids.length })
    .map((v): BallotSubmission => ({
      method: 'direct',
      direct: Object.fromEntries(ids.map((id, i) => [id, v[i] ?? 1])),
    })),
  fc
    .shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length })
    .map((ranking): BallotSubmission => ({ method: 'rank', ranking })),
);

type Plan = {
  people: number;
  /** Who voted by name in a first round (by index), before the round hidden from everyone. */
  named: number[];
  /** Each anonymous voter (by index) with the ballots they sent, the last one standing. */
  anonymous: Array<{ who: number; ballotId: string; ballots: BallotSubmission[] }>;
  /** Undo and redo the newest change at the end, so the log's states are rebuilt both ways. */
  stepBack: boolean;
  /** A criterion added after the anonymous ballots, which they then follow. */
  addCriterion: boolean;
};

const planArb: fc.Arbitrary<Plan> = fc
  .integer({ min: 2, max: 5 })
  .chain((people) =>
    fc.tuple(
      fc.constant(people),
      fc.shuffledSubarray(
        Array.from({ length: people }, (_, i) => i),
        { minLength: 1 },
      ),
    ),
  )
  .chain(([people, order]) =>
    fc.tuple(fc.constant(people), fc.constant(order), fc.nat({ max: order.length - 1 })),
  )
  .chain(([people, order, split]) => {
    // Anonymous voters are those who did nothing else, so their reference has no reason to be stored.
    const voters = order.slice(split);
    const count = { minLength: voters.length, maxLength: voters.length };
    return fc.record({
      people: fc.constant(people),
      named: fc.constant(order.slice(0, split)),
      anonymous: fc
        .tuple(
          fc.uniqueArray(fc.uuid({ version: 4 }), count),
          fc.array(fc.array(ballotArb, { minLength: 1, maxLength: 2 }), count),
        )
        .map(([ballotIds, ballots]) =>
          voters.map((who, i) => ({ who, ballotId: ballotIds[i] ?? '', ballots: ballots[i] ?? [] })),
        ),
      stepBack: fc.boolean(),
      addCriterion: fc.boolean(),
    });
  });

describe('hidden from everyone, as stored', () => {
  it('keeps no reference of an anonymous voter in the document, the change log or the history (property)', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const names = Array.from({ length: plan.people }, (_, i) => `Person ${i + 1}`);
        const s = await start(names);
        const person = (index: number) => s.session.participants[index]!;
        for (const who of plan.named)
          await s.apply({
            type: 'submitBallot',
            voter: { participantId: person(who).id },
            ballot: { method: 'rank', ranking: ids },
          });
        if (plan.named.length > 0) await s.apply({ type: 'startRound' });
        await s.apply({ type: 'setAnonymity', anonymity: 'hiddenFromEveryone' });
        for (const { ballotId, ballots } of plan.anonymous)
          for (const ballot of ballots) await s.apply({ type: 'submitBallot', voter: { ballotId }, ballot });
        if (plan.addCriterion)
          await s.apply({ type: 'addCriterion', id: 'hosting', name: 'Hosting', description: '' });
        if (plan.stepBack) {
          await ok(stepBackLatest(s.ipc, 'workshop:undo', s.session.id));
          await ok(stepBackLatest(s.ipc, 'workshop:redo', s.session.id));
        }

        const { state } = await s.get();
        const round = state.rounds[state.rounds.length - 1]!;
        expect(round.anonymity).toBe('hiddenFromEveryone');
        expect(Object.keys(round.anonymousBallots).sort()).toEqual(
          plan.anonymous.map((a) => a.ballotId).sort(),
        );
        expect(round.inputs).toEqual({});
        const kept = await workshopRecords(s.core, s.ipc, s.session.id);
        for (const { who } of plan.anonymous) {
          expect(kept).not.toContain(person(who).id);
          expect(kept).not.toContain(person(who).name);
        }
        // Those who voted by name in the first round are there, as they should be.
        for (const who of plan.named) expect(kept).toContain(person(who).id);
      }),
      { numRuns: 10 },
    );
  });
});

describe('a database saved with the one anonymous switch', () => {
  it('reads as hidden from the room, names by number in the report, and undoes across the change', async () => {
    const s = await start(['Priya (CTO)', 'Marek']);
    const priya = s.session.participants[0]!;
    await s.apply({ type: 'setDirect', participantId: priya.id, criterionId: 'security', value: 9 });
    await s.apply({ type: 'setDirect', participantId: priya.id, criterionId: 'performance', value: 3 });
    // Rewrite the stored document and the change log as the release before saved them, switch on.
    const legacy = (json: string) => {
      const state = JSON.parse(json) as { rounds: Array<Record<string, unknown>> };
      for (const round of state.rounds) {
        delete round['anonymity'];
        delete round['anonymousBallots'];
      }
      return JSON.stringify({ ...state, anonymous: true });
    };
    const db = s.core.db;
    const row = db.prepare('SELECT state FROM workshops WHERE session_id = ?').pluck().get(s.session.id);
    db.prepare('UPDATE workshops SET state = ? WHERE session_id = ?').run(legacy(String(row)), s.session.id);
    const bases = db
      .prepare('SELECT id, base FROM workshop_changes WHERE session_id = ? AND base IS NOT NULL')
      .all(s.session.id) as Array<{ id: number; base: string }>;
    for (const change of bases)
      db.prepare('UPDATE workshop_changes SET base = ? WHERE id = ?').run(legacy(change.base), change.id);
    expect(JSON.stringify(db.prepare('SELECT * FROM workshops').all())).not.toContain('anonymity');

    // The app opened again on that database.
    const { ipc } = startCore({ databasePath: s.databasePath });
    const sessionId = s.session.id;
    const get = () => ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId }));
    const undo = () => ok<{ state: WorkshopState }>(stepBackLatest(ipc, 'workshop:undo', sessionId));
    expect(anonymityOf((await get()).state)).toBe('hiddenFromRoom');
    const undone = await undo();
    expect(anonymityOf(undone.state)).toBe('hiddenFromRoom');
    expect(undone.state.rounds[0]?.inputs[priya.id]?.direct['performance']).not.toBe(3);
    // A change made now, on the document read the new way, undoes back to what was stored.
    await ok(applyLatest(ipc, sessionId, { type: 'setAnonymity', anonymity: 'named' }));
    expect(anonymityOf((await get()).state)).toBe('named');
    expect(anonymityOf((await undo()).state)).toBe('hiddenFromRoom');
    const { entries } = await ok<{ entries: HistoryEntry[] }>(ipc.call('history:list', { sessionId }));
    expect(entries.map((e) => e.label)).toContain('Set the anonymity to named');
  });
});

describe('a session file', () => {
  it('carries each round’s level and its anonymous ballots, and reads back the same', async () => {
    const s = await start(['Priya (CTO)', 'Marek']);
    const priya = s.session.participants[0]!;
    await s.apply({ type: 'setAnonymity', anonymity: 'hiddenFromRoom' });
    await s.apply({
      type: 'submitBallot',
      voter: { participantId: priya.id },
      ballot: { method: 'rank', ranking: ids },
    });
    await s.apply({ type: 'startRound' });
    await s.apply({ type: 'setAnonymity', anonymity: 'hiddenFromEveryone' });
    const ballotId = '5d0f1c7e-2b8a-4c3e-9f61-7a2b9c4d8e10';
    await s.apply({
      type: 'submitBallot',
      voter: { ballotId },
      ballot: { method: 'rank', ranking: [...ids].reverse() },
    });
    const before = await s.get();
    const file = await ok<{ text: string }>(s.ipc.call('portable:export', { sessionId: s.session.id }));
    expect(JSON.parse(file.text)).toMatchObject({ version: 7 });

    const other = startCore();
    const { session } = await ok<ImportOutcome>(other.ipc.call('portable:import', { text: file.text }));
    const after = await ok<WorkshopSnapshot>(other.ipc.call('workshop:get', { sessionId: session.id }));
    expect(after.state).toEqual(before.state);
    expect(after.state.rounds.map((r) => r.anonymity)).toEqual(['hiddenFromRoom', 'hiddenFromEveryone']);
    expect(Object.keys(after.state.rounds[1]?.anonymousBallots ?? {})).toEqual([ballotId]);
    // Its history came along and still undoes, to the round before the anonymous ballot.
    const undone = await ok<{ state: WorkshopState }>(stepBackLatest(other.ipc, 'workshop:undo', session.id));
    expect(undone.state.rounds[1]?.anonymousBallots).toEqual({});
  });
});
