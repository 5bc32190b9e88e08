/**
 * Rows in a session saved before they existed: the database of an earlier release (the change-log
 * fixture, whose documents and history have no rows) opens with its workshop as it was, takes
 * risks and next steps, undoes them and its older changes, names them in the history, compares
 * them in snapshots, and carries them through a session file to another computer.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '@shared/history/compare';
import type { ImportOutcome } from '@shared/portable/contract';
import type { SnapshotSummary } from '@shared/snapshots/schema';
import type { WorkshopSnapshot } from '@shared/workshop';
import { useIpcCore } from '../helpers/core';
import { ok } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';
import { applyLatest, stepBackLatest } from '../helpers/writes';

const tempDir = useTempDir();
const startCore = useIpcCore(tempDir);
const fixtures = join(__dirname, '..', 'db', 'fixtures');
const { sessionId, clock: start } = JSON.parse(
  readFileSync(join(fixtures, 'changeLog.expected.json'), 'utf8'),
) as { sessionId: string; clock: number };

const RISK = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const STEP = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

function releaseDatabase(): string {
  const path = join(tempDir(), 'stackwise.sqlite');
  copyFileSync(join(fixtures, 'changeLog.sqlite'), path);
  return path;
}

describe('rows in a session from an earlier release', () => {
  it('open, undo, name, compare and travel like any other change', async () => {
    let clock = start;
    const { core, ipc } = startCore({
      version: '2.0.0',
      now: () => new Date((clock += 1000)),
      databasePath: releaseDatabase(),
    });
    const stored = JSON.parse(
      core.db.prepare('SELECT state FROM workshops WHERE session_id = ?').pluck().get(sessionId) as string,
    ) as { notes: Record<string, unknown> };
    // Stored before the rows: the document has none, and reads with none.
    expect(Object.keys(stored.notes).sort()).toEqual(['nextSteps', 'notes', 'risks']);
    const before = await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId }));
    expect(before.state.notes).toEqual({ ...stored.notes, riskRows: [], actionRows: [] });
    const snapshot = await ok<SnapshotSummary>(
      ipc.call('snapshots:create', { sessionId, name: 'Before rows' }),
    );

    const apply = (action: unknown) => ok(applyLatest(ipc, sessionId, action));
    await apply({ type: 'addRisk', id: RISK });
    await apply({ type: 'updateRisk', id: RISK, field: 'risk', value: 'Few Django hires nearby' });
    await apply({ type: 'updateRisk', id: RISK, field: 'owner', value: 'Amara' });
    await apply({ type: 'addNextStep', id: STEP });
    await apply({ type: 'updateNextStep', id: STEP, field: 'action', value: 'Run a two-week spike' });
    const withRows = await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId }));
    expect(withRows.state.notes.riskRows).toEqual([
      {
        id: RISK,
        risk: 'Few Django hires nearby',
        likelihood: 'medium',
        impact: 'medium',
        mitigation: '',
        owner: 'Amara',
      },
    ]);

    const { entries } = await ok<{ entries: Array<{ label: string }> }>(
      ipc.call('history:list', { sessionId }),
    );
    expect(entries.slice(0, 5).map((entry) => entry.label)).toEqual([
      'Edited the next step “Run a two-week spike”',
      'Added a next step',
      'Made Amara the owner of the risk “Few Django hires nearby”',
      'Edited the risk “Few Django hires nearby”',
      'Added a risk',
    ]);
    const compared = await ok<{ comparison: Comparison }>(
      ipc.call('snapshots:compare', { sessionId, from: snapshot.id, to: 'now' }),
    );
    expect(
      compared.comparison.other.filter((row) => row.changed).map((row) => [row.what, row.before]),
    ).toEqual([
      ['Risk “Few Django hires nearby”', null],
      ['Next step “Run a two-week spike”', null],
    ]);

    // Undo takes the rows back one change at a time, then goes on into the release's own changes.
    for (let i = 0; i < 5; i++) await ok(stepBackLatest(ipc, 'workshop:undo', sessionId));
    const undone = await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId }));
    expect(undone.state).toEqual(before.state);
    await ok(stepBackLatest(ipc, 'workshop:undo', sessionId));
    for (let i = 0; i < 6; i++) await ok(stepBackLatest(ipc, 'workshop:redo', sessionId));
    expect((await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId }))).state).toEqual(
      withRows.state,
    );

    // To another computer and back, with its rows.
    const file = await ok<{ text: string }>(ipc.call('portable:export', { sessionId }));
    const other = startCore({ version: '2.0.0' });
    const imported = await ok<ImportOutcome>(other.ipc.call('portable:import', { text: file.text }));
    const there = await ok<WorkshopSnapshot>(
      other.ipc.call('workshop:get', { sessionId: imported.session.id }),
    );
    expect(there.state.notes).toEqual(withRows.state.notes);
  });
});
