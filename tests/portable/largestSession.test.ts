/**
 * The largest session the app makes (40 criteria, 8 stacks, 40 people) with 1,500 changes, made
 * through the app's channels: its history stays small, its session file stays under the import
 * limit, and the file imports back with every change, undo and redo as it was.
 */
import { describe, expect, it } from 'vitest';
import { MODEL_LIMITS } from '@shared/decision';
import { SESSION_FILE } from '@shared/portable/schema';
import type { Session } from '@shared/sessions/schema';
import type { WorkshopSnapshot } from '@shared/workshop';
import { useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { openedHistory } from '../helpers/history';
import type { OpenedEntry } from '../helpers/history';
import { ok } from '../helpers/ipc';
import type { FakeIpcMain } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';
import { MAX_BODY_BYTES } from '../../src-main/web/server';

const tempDir = useTempDir();
let clock = Date.parse('2026-03-12T09:00:00.000Z');
const startCore = useIpcCore(tempDir);
const start = () => startCore({ version: '2.0.0', now: () => new Date((clock += 3000)) });

const CHANGES = 1500;

async function largestSession(ipc: FakeIpcMain): Promise<Session> {
  const session = await ok<Session>(
    ipc.call(
      'sessions:create',
      draft({ participants: Array.from({ length: 40 }, (_, i) => ({ name: `Person ${i + 1}` })) }),
    ),
  );
  let revision = 0;
  const send = async (action: unknown) => {
    const receipt = await ok<{ revision: number }>(
      ipc.call('workshop:apply', { sessionId: session.id, baseRevision: revision, action }),
    );
    revision = receipt.revision;
  };
  const stepBack = async (channel: 'workshop:undo' | 'workshop:redo') => {
    revision = (
      await ok<{ revision: number }>(ipc.call(channel, { sessionId: session.id, baseRevision: revision }))
    ).revision;
  };
  for (let i = 0; i < MODEL_LIMITS.criteria.max - 7; i++)
    await send({ type: 'addCriterion', id: `extra-${i}`, name: `Extra ${i}`, description: '' });
  for (let i = 0; i < MODEL_LIMITS.candidates.max - 2; i++)
    await send({ type: 'addCandidate', id: `stack-${i}`, name: `Stack ${i}` });
  const { state } = await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId: session.id }));
  const criteria = state.criteria.map((c) => c.id);
  const stacks = state.candidates.filter((c) => !c.builtIn).map((c) => c.id);
  const people = session.participants.map((p) => p.id);
  let changes = criteria.length - 7 + stacks.length;
  for (let i = 0; changes < CHANGES; i++) {
    // Now and then an undo and its redo, and an undo that a new change discards.
    if (i % 50 === 24 || i % 50 === 40) await stepBack('workshop:undo');
    if (i % 50 === 25) await stepBack('workshop:redo');
    if (i % 50 === 24) continue;
    const person = people[i % people.length];
    const criterion = criteria[(i * 7) % criteria.length];
    if (i % 5 === 0)
      await send({
        type: 'setRating',
        candidateId: stacks[i % stacks.length],
        criterionId: criterion,
        value: (i % 5) + 1,
        rationale: `Reason ${i}`,
      });
    else if (i % 97 === 0) await send({ type: 'setNotes', field: 'risks', text: `Risk noted at ${i}` });
    else await send({ type: 'setDirect', participantId: person, criterionId: criterion, value: i % 11 });
    changes += 1;
  }
  return session;
}

/** Twenty entries from `offset`, each opened. */
const history = (ipc: FakeIpcMain, sessionId: string, offset: number) =>
  openedHistory(ipc, sessionId, { offset, limit: 20 });

describe('the largest session', () => {
  it('stores its history small and round-trips through a session file', { timeout: 600_000 }, async () => {
    const { core, ipc } = start();
    const session = await largestSession(ipc);
    const stored = core.db
      .prepare(
        `SELECT COUNT(*) AS changes, SUM(LENGTH(label) + LENGTH(undo_label) + LENGTH(action) + IFNULL(LENGTH(base), 0)
                + IFNULL(LENGTH(link), 0) + LENGTH(patch)) AS bytes FROM workshop_changes`,
      )
      .get() as { changes: number; bytes: number };
    expect(stored.changes).toBeGreaterThanOrEqual(CHANGES);
    console.log(`history stored: ${stored.changes} changes, ${(stored.bytes / 1024).toFixed(0)} KB`);

    const file = await ok<{ text: string }>(ipc.call('portable:export', { sessionId: session.id }));
    const size = Buffer.byteLength(file.text);
    console.log(`session file: ${(size / 1024 / 1024).toFixed(2)} MB`);
    expect(size).toBeLessThanOrEqual(SESSION_FILE.maxBytes);

    const other = start();
    await ok(other.ipc.call('portable:import', { text: file.text }));
    // Every change, as stored and rebuilt, is the same there; and the readable history too.
    const log = (db: typeof core.db) =>
      db
        .prepare(
          'SELECT label, undo_label, action, coalesce_key, base, link, patch, created_at, updated_at, undone, discarded, sealed FROM workshop_changes ORDER BY id',
        )
        .all();
    expect(log(other.core.db)).toEqual(log(core.db));
    const here = await history(ipc, session.id, 0);
    const there = await history(other.ipc, session.id, 1);
    expect(there.total).toBe(here.total + 1);
    const strip = (entries: OpenedEntry[]) => entries.map(({ id: _id, ...entry }) => entry);
    expect(strip(there.entries.slice(0, 19))).toEqual(strip(here.entries.slice(0, 19)));
    const deep = await history(ipc, session.id, 740);
    expect(strip((await history(other.ipc, session.id, 741)).entries)).toEqual(strip(deep.entries));

    // Undo and redo there do what they do here.
    const stepBack = async (at: FakeIpcMain, channel: 'workshop:undo' | 'workshop:redo') => {
      const { revision } = await ok<{ revision: number }>(at.call('workshop:get', { sessionId: session.id }));
      const { state, undo, redo } = await ok<WorkshopSnapshot>(
        at.call(channel, { sessionId: session.id, baseRevision: revision }),
      );
      return { state, undo, redo };
    };
    for (const channel of ['workshop:undo', 'workshop:undo', 'workshop:redo'] as const)
      expect(await stepBack(other.ipc, channel)).toEqual(await stepBack(ipc, channel));
  });

  it('fits the web host too: the largest file import takes, in the worst case of escaping', () => {
    const text = '"'.repeat(SESSION_FILE.maxBytes);
    const body = JSON.stringify({ channel: 'portable:import', input: { text } });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
  });
});
