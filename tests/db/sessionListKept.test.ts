/**
 * The sessions list's kept columns (status, leader, last report, participant count, search text)
 * after random sequences of writes through the production IPC registration, compared with a full
 * recomputation from the stored documents. From the suite's fixed seed, so a failure replays.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Core } from '../../src-main/core';
import { openDatabase } from '../../src-main/db/connection';
import { getWorkshop } from '../../src-main/db/workshops/queries';
import { sessionSearchText, sessionStanding } from '@shared/sessions/listing';
import type { SessionPage, SessionRecord } from '@shared/sessions/schema';
import { useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import type { FakeIpcMain } from '../helpers/ipc';
import { ok } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';
import { applyLatest, stepBackLatest, updateLatest } from '../helpers/writes';

const tempDir = useTempDir();
const startCore = useIpcCore(tempDir);

const CLIENTS = ['Łódź Transit', 'Müller GmbH', 'São Paulo Bank', 'Northwind', 'Øresund'];
const PEOPLE = ['Ingrid', 'Zoë', 'Łukasz', 'Priya', 'Björn', 'Ana'];
const STEPS = ['context', 'weighting', 'compare', 'recommendation'] as const;

type Op =
  | { kind: 'create'; client: number; people: number[] }
  | { kind: 'rename'; target: number; client: number }
  | { kind: 'addPerson'; target: number; person: number }
  | { kind: 'removePerson'; target: number }
  | { kind: 'duplicate'; target: number }
  | { kind: 'delete'; target: number }
  | { kind: 'step'; target: number; step: number }
  | { kind: 'weigh'; target: number; value: number; criterion: 'security' | 'performance' }
  | { kind: 'vote'; target: number }
  | { kind: 'hide'; target: number; hide: boolean }
  | { kind: 'undo' | 'redo'; target: number }
  | { kind: 'snapshot'; target: number }
  | { kind: 'restore'; target: number }
  | { kind: 'export'; target: number }
  | { kind: 'import'; target: number };

// Few sessions, so the writes pile up on the same ones (a rename between a snapshot and its restore).
const target = fc.nat(2);
const client = fc.nat(CLIENTS.length - 1);
const simple = (
  kind:
    | 'removePerson'
    | 'duplicate'
    | 'delete'
    | 'vote'
    | 'undo'
    | 'redo'
    | 'snapshot'
    | 'restore'
    | 'export'
    | 'import',
) => fc.record({ kind: fc.constant(kind), target });
// Every kind of write equally likely.
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    client,
    people: fc.uniqueArray(fc.nat(PEOPLE.length - 1), { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('rename' as const), target, client }),
  fc.record({ kind: fc.constant('addPerson' as const), target, person: fc.nat(PEOPLE.length - 1) }),
  fc.record({ kind: fc.constant('step' as const), target, step: fc.nat(STEPS.length - 1) }),
  fc.record({
    kind: fc.constant('weigh' as const),
    target,
    value: fc.integer({ min: 0, max: 10 }),
    criterion: fc.constantFrom('security' as const, 'performance' as const),
  }),
  fc.record({ kind: fc.constant('hide' as const), target, hide: fc.boolean() }),
  ...(
    [
      'removePerson',
      'duplicate',
      'delete',
      'vote',
      'undo',
      'redo',
      'snapshot',
      'restore',
      'export',
      'import',
    ] as const
  ).map(simple),
);

async function allListed(ipc: FakeIpcMain): Promise<SessionPage> {
  return ok<SessionPage>(ipc.call('sessions:list', { limit: 500 }));
}

/** Runs one write; refusals (nothing to undo, a name already taken) are part of the sequence. */
async function run(ipc: FakeIpcMain, op: Op): Promise<void> {
  const ids = (await allListed(ipc)).sessions.map((s) => s.id);
  if (op.kind === 'create') {
    const created = await ok<SessionRecord>(
      ipc.call(
        'sessions:create',
        draft({
          clientName: CLIENTS[op.client],
          participants: op.people.map((p) => ({ name: PEOPLE[p] ?? 'X' })),
        }),
      ),
    );
    // Something to restore to from the start, so a restore can undo renames and participants.
    await ok(ipc.call('snapshots:create', { sessionId: created.id, name: 'As created' }));
    return;
  }
  const id = ids[op.target % Math.max(ids.length, 1)];
  if (id === undefined) return;
  const record = await ok<SessionRecord>(ipc.call('sessions:get', { id }));
  const someone = record.participants[op.target % Math.max(record.participants.length, 1)];
  switch (op.kind) {
    case 'rename':
      await updateLatest(ipc, id, { clientName: CLIENTS[op.client] });
      return;
    case 'addPerson':
      await updateLatest(ipc, id, { participants: { add: [{ name: PEOPLE[op.person] ?? 'X' }] } });
      return;
    case 'removePerson':
      if (someone) await updateLatest(ipc, id, { participants: { remove: [someone.id] } });
      return;
    case 'duplicate':
      await ipc.call('sessions:duplicate', { id });
      return;
    case 'delete':
      await ipc.call('sessions:delete', { id });
      return;
    case 'step':
      await applyLatest(ipc, id, { type: 'setStep', step: STEPS[op.step] });
      return;
    case 'weigh':
      if (someone)
        await applyLatest(ipc, id, {
          type: 'setDirect',
          participantId: someone.id,
          criterionId: op.criterion,
          value: op.value,
        });
      return;
    case 'vote':
      if (someone) await applyLatest(ipc, id, { type: 'castVote', participantId: someone.id });
      return;
    case 'hide':
      await applyLatest(ipc, id, { type: 'setHideUntilReveal', hide: op.hide });
      return;
    case 'undo':
      await stepBackLatest(ipc, 'workshop:undo', id);
      return;
    case 'redo':
      await stepBackLatest(ipc, 'workshop:redo', id);
      return;
    case 'snapshot':
      await ipc.call('snapshots:create', { sessionId: id, name: `Snapshot ${op.target}` });
      return;
    case 'restore': {
      const snapshots = await ok<Array<{ id: string }>>(ipc.call('snapshots:list', { sessionId: id }));
      const snapshot = snapshots[op.target % Math.max(snapshots.length, 1)];
      if (snapshot) await ipc.call('snapshots:restore', { sessionId: id, snapshotId: snapshot.id });
      return;
    }
    case 'export':
      await ipc.call('report:export', { sessionId: id });
      return;
    case 'import': {
      const file = await ok<{ text: string }>(ipc.call('portable:export', { sessionId: id }));
      await ipc.call('portable:import', { text: file.text });
      return;
    }
  }
}

/** Every listed session against the same values worked out again from its stored documents. */
async function expectKeptColumnsFresh(core: Core, ipc: FakeIpcMain): Promise<void> {
  const page = await allListed(ipc);
  const stored = core.db.prepare('SELECT COUNT(*) FROM sessions').pluck().get();
  expect(page.total).toBe(stored);
  expect(page.sessions).toHaveLength(page.total);
  for (const listed of page.sessions) {
    const record = await ok<SessionRecord>(ipc.call('sessions:get', { id: listed.id }));
    const workshop = getWorkshop(core.db, listed.id);
    const settings = await ok<{ lastExport: { at: string } | null }>(
      ipc.call('report:settings', { sessionId: listed.id }),
    );
    const lastReportAt = settings.lastExport?.at ?? null;
    const expected = sessionStanding(
      workshop && workshop.revision > 0 ? workshop.state : null,
      record.participants,
      lastReportAt,
    );
    expect({
      status: listed.status,
      leader: listed.leader,
      lastReportAt: listed.lastReportAt,
      participantCount: listed.participantCount,
      clientName: listed.clientName,
      updatedAt: listed.updatedAt,
    }).toEqual({
      ...expected,
      lastReportAt,
      participantCount: record.participants.length,
      clientName: record.clientName,
      updatedAt: record.updatedAt,
    });
    const text = core.db
      .prepare(
        'SELECT t.text FROM session_search t JOIN sessions s ON s.search_rowid = t.rowid WHERE s.id = ?',
      )
      .pluck()
      .get(listed.id);
    expect(text).toBe(sessionSearchText(record));
  }
  // No full-text row outlives its session.
  expect(core.db.prepare('SELECT COUNT(*) FROM session_search').pluck().get()).toBe(stored);
}

const StoredStandingSchema = z.object({
  id: z.string(),
  status: z.string(),
  leader: z.string().nullable(),
  last_report_at: z.string().nullable(),
  standing_due: z.number(),
});

/**
 * The standing columns as stored, read by another connection that opens the file as the app does
 * at start-up, as if the app had stopped right after the last write: a workshop change leaves its
 * session's standing to be worked out later, and that must survive the stop.
 */
function expectStoredStandingsFreshAfterReopen(path: string): void {
  const db = openDatabase(path);
  try {
    const rows = z
      .array(StoredStandingSchema)
      .parse(db.prepare('SELECT id, status, leader, last_report_at, standing_due FROM sessions').all());
    for (const row of rows) {
      const workshop = getWorkshop(db, row.id);
      const participants = z
        .array(z.object({ id: z.string(), name: z.string() }))
        .parse(
          db.prepare('SELECT id, name FROM participants WHERE session_id = ? ORDER BY position').all(row.id),
        );
      const lastReportAt = z
        .string()
        .nullable()
        .parse(
          db
            .prepare('SELECT last_exported_at FROM session_reports WHERE session_id = ?')
            .pluck()
            .get(row.id) ?? null,
        );
      const expected = sessionStanding(
        workshop && workshop.revision > 0 ? workshop.state : null,
        participants,
        lastReportAt,
      );
      expect({ status: row.status, leader: row.leader, due: row.standing_due }).toEqual({
        ...expected,
        due: 0,
      });
    }
  } finally {
    db.close();
  }
}

describe('the sessions list’s kept columns', () => {
  it('equal a full recomputation after any sequence of writes through the channels', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 25 }), async (ops) => {
        let clock = Date.parse('2026-03-12T09:00:00.000Z');
        const path = join(tempDir(), 'stackwise.sqlite');
        const { core, ipc } = startCore({ databasePath: path, now: () => new Date((clock += 1500)) });
        await run(ipc, { kind: 'create', client: 0, people: [0, 1] });
        for (const op of ops) await run(ipc, op);
        // Before the list is read again (each write above reads it first, not after).
        expectStoredStandingsFreshAfterReopen(path);
        await expectKeptColumnsFresh(core, ipc);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('leave a workshop change’s standing to the next read of the list, which works it out', async () => {
    const { core, ipc } = startCore();
    const session = await ok<SessionRecord>(
      ipc.call('sessions:create', draft({ participants: [{ name: 'Ingrid' }] })),
    );
    const due = () =>
      core.db.prepare('SELECT standing_due FROM sessions WHERE id = ?').pluck().get(session.id);
    await applyLatest(ipc, session.id, { type: 'setStep', step: 'recommendation' });
    expect(due()).toBe(1);
    const [listed] = (await allListed(ipc)).sessions;
    expect(listed?.status).toBe('recommended');
    expect(due()).toBe(0);
  });

  it('work out the standings still due when the app closes the file', async () => {
    const path = join(tempDir(), 'stackwise.sqlite');
    const { core, ipc } = startCore({ databasePath: path });
    const session = await ok<SessionRecord>(ipc.call('sessions:create', draft()));
    await applyLatest(ipc, session.id, { type: 'setStep', step: 'recommendation' });
    core.close();
    // Read as it was left, without the settling that opening does.
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT status, standing_due AS due FROM sessions').get()).toEqual({
      status: 'recommended',
      due: 0,
    });
    raw.close();
  });
});
