/**
 * A criterion or candidate whose id is `constructor` (typed through the workshop, or carried by a
 * crafted session file) is an item like any other: the session list, the workshop, the report,
 * the exports, history and snapshots all keep working, for that session and every other one.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '@shared/history/compare';
import { canonicalJson } from '@shared/portable/schema';
import type { ExportOutcome } from '@shared/report/contract';
import type { Session, SessionSummary } from '@shared/sessions/schema';
import type { SnapshotSummary } from '@shared/snapshots/schema';
import type { WorkshopSnapshot } from '@shared/workshop';
import { useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { openedHistory } from '../helpers/history';
import { ok } from '../helpers/ipc';
import type { FakeIpcMain } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';
import { applyLatest } from '../helpers/writes';

const tempDir = useTempDir();
const start = useIpcCore(tempDir);

type TextFile = { fileName: string; text: string };

async function apply(ipc: FakeIpcMain, sessionId: string, action: unknown): Promise<void> {
  await ok(applyLatest(ipc, sessionId, action));
}

/** Everything a facilitator can look at or take away for one session. */
async function everythingWorks(ipc: FakeIpcMain, sessionId: string): Promise<void> {
  const list = (await ok<{ sessions: SessionSummary[] }>(ipc.call('sessions:list', {}))).sessions;
  expect(list.map((s) => s.id)).toContain(sessionId);
  const workshop = await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId }));
  expect(workshop.state.criteria.map((c) => c.id)).toContain('constructor');
  const report = await ok<ExportOutcome>(ipc.call('report:export', { sessionId }));
  expect(report.outcome).toBe('download');
  const csv = await ok<TextFile>(ipc.call('portable:csv', { sessionId }));
  expect(csv.text).toContain('Prototype risk');
  const adr = await ok<TextFile>(ipc.call('portable:adr', { sessionId }));
  expect(adr.text).toContain('Prototype risk');
  const snapshot = await ok<SnapshotSummary>(
    ipc.call('snapshots:create', { sessionId, name: 'Before lunch' }),
  );
  const compared = await ok<{ comparison: Comparison }>(
    ipc.call('snapshots:compare', { sessionId, from: snapshot.id, to: 'now' }),
  );
  expect(compared.comparison.weights.map((row) => row.what)).toContain('Prototype risk');
  const old = await ok<ExportOutcome>(ipc.call('snapshots:report', { sessionId, snapshotId: snapshot.id }));
  expect(old.outcome).toBe('download');
  // Every entry opened: each one's lines are compared when it is opened.
  const history = await openedHistory(ipc, sessionId);
  expect(history.entries.length).toBeGreaterThan(0);
}

describe('a criterion or candidate with the id "constructor"', () => {
  it('added in the workshop leaves every channel working', async () => {
    const { ipc } = start();
    const other = await ok<Session>(ipc.call('sessions:create', draft({ clientName: 'Contoso' })));
    await apply(ipc, other.id, { type: 'setStep', step: 'criteria' });
    const session = await ok<Session>(ipc.call('sessions:create', draft()));
    const sessionId = session.id;
    const voter = session.participants[0]?.id ?? '';
    await apply(ipc, sessionId, {
      type: 'addCriterion',
      id: 'constructor',
      name: 'Prototype risk',
      description: '',
    });
    await apply(ipc, sessionId, { type: 'addCandidate', id: 'tostring', name: 'Go' });
    await apply(ipc, sessionId, {
      type: 'setDirect',
      participantId: voter,
      criterionId: 'constructor',
      value: 9,
    });
    await apply(ipc, sessionId, { type: 'setMethod', participantId: voter, method: 'pairwise' });
    await apply(ipc, sessionId, {
      type: 'setJudgment',
      participantId: voter,
      a: 'constructor',
      b: 'security',
      value: 3,
    });
    await everythingWorks(ipc, sessionId);
    const list = (await ok<{ sessions: SessionSummary[] }>(ipc.call('sessions:list', {}))).sessions;
    expect(list.map((s) => s.clientName).sort()).toEqual(['Contoso', 'Northwind Logistics']);
  });

  it('carried by a crafted session file imports and leaves every channel working', async () => {
    // Made on another computer: a database of its own.
    const source = start({ databasePath: join(tempDir(), 'elsewhere.sqlite') }).ipc;
    const session = await ok<Session>(source.call('sessions:create', draft()));
    await apply(source, session.id, { type: 'setStep', step: 'criteria' });
    const file = JSON.parse(
      (await ok<TextFile>(source.call('portable:export', { sessionId: session.id }))).text,
    ) as { checksum: string; content: { workshop: { state: Record<string, unknown> } } };
    const state = file.content.workshop.state as {
      criteria: unknown[];
      candidates: unknown[];
      ratings: Record<string, unknown>;
    };
    state.criteria.push({ id: 'constructor', name: 'Prototype risk', description: '', builtIn: false });
    state.candidates.push({ id: 'valueof', name: 'Go', builtIn: false });
    state.ratings = { valueof: { constructor: { value: 4, rationale: 'Crafted' } } };
    file.checksum = createHash('sha256').update(canonicalJson(file.content)).digest('hex');

    const { ipc } = start();
    const imported = await ok<{ session: Session } | Session>(
      ipc.call('portable:import', { text: JSON.stringify(file) }),
    );
    const sessionId = 'session' in imported ? imported.session.id : imported.id;
    await everythingWorks(ipc, sessionId);
  });
});
