import { describe, expect, it } from 'vitest';
import { DEFAULT_BRAND } from '@shared/brands/schema';
import type { Comparison } from '@shared/history/compare';
import type { HistoryEntry } from '@shared/history/contract';
import type { ExportOutcome } from '@shared/report/contract';
import type { Session } from '@shared/sessions/schema';
import type { ComparedSide, SnapshotSummary } from '@shared/snapshots/schema';
import type { WorkshopSnapshot } from '@shared/workshop';
import { dumpDatabase, useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { openedHistory } from '../helpers/history';
import { ok } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';
import { applyLatest, stepBackLatest, updateLatest } from '../helpers/writes';

const tempDir = useTempDir();
const startCore = useIpcCore(tempDir);
let clock = Date.parse('2026-03-12T09:00:00.000Z');

async function start() {
  const { core, ipc } = startCore({ version: '3.1.0', now: () => new Date(clock) });
  const session = await ok<Session>(ipc.call('sessions:create', draft({ clientName: 'Northwind' })));
  const sessionId = session.id;
  const [priya = '', marek = ''] = session.participants.map((p) => p.id);
  const later = (ms = 5000) => (clock += ms);
  return {
    core,
    ipc,
    session,
    priya,
    marek,
    later,
    apply: (action: unknown) => ok(applyLatest(ipc, sessionId, action)),
    history: async () => (await openedHistory(ipc, sessionId)).entries,
    snapshots: () => ok<SnapshotSummary[]>(ipc.call('snapshots:list', { sessionId })),
    snapshot: (name: string) => ok<SnapshotSummary>(ipc.call('snapshots:create', { sessionId, name })),
    compare: (from: string, to: string) =>
      ok<{ from: ComparedSide; to: ComparedSide; comparison: Comparison }>(
        ipc.call('snapshots:compare', { sessionId, from, to }),
      ),
    workshop: () => ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId })),
    exportReport: async () => {
      const outcome = await ok<ExportOutcome>(ipc.call('report:export', { sessionId }));
      if (outcome.outcome !== 'download') throw new Error('expected a download');
      return Buffer.from(outcome.base64, 'base64');
    },
  };
}

const changed = (rows: Comparison[keyof Comparison]) => rows.filter((r) => r.changed);

describe('the history', () => {
  it('records every change with what it was before and after, newest first', async () => {
    const s = await start();
    s.later();
    await s.apply({ type: 'setDirect', participantId: s.priya, criterionId: 'security', value: 10 });
    s.later();
    await s.apply({ type: 'addCandidate', id: 'go', name: 'Go' });
    s.later();
    await s.apply({ type: 'renameCandidate', id: 'go', name: 'Go + Gin' });
    const [rename, added, weight, created] = await s.history();

    expect(created).toMatchObject({ kind: 'created', label: 'Created the session', changes: [] });
    expect(weight).toMatchObject({
      kind: 'workshop',
      label: 'Priya (CTO) set Security to 10 of 10',
      state: 'applied',
    });
    const security = weight?.changes.find((c) => c.what === 'Weight of Security');
    expect(security).toMatchObject({ changed: true });
    expect(Number.parseFloat(security?.after ?? '')).toBeGreaterThan(
      Number.parseFloat(security?.before ?? ''),
    );
    expect(added?.changes).toContainEqual({ what: 'Stack “Go”', before: null, after: 'Go', changed: true });
    expect(rename?.changes).toContainEqual({
      what: 'Stack “Go + Gin”',
      before: 'Go',
      after: 'Go + Gin',
      changed: true,
    });
  });

  it('keeps undone changes, and the ones a new edit replaced, marked as such', async () => {
    const s = await start();
    await s.apply({ type: 'setAnswer', question: 'team', value: 'python' });
    s.later();
    await s.apply({ type: 'setAnswer', question: 'team', value: 'javascript' });
    await ok(stepBackLatest(s.ipc, 'workshop:undo', s.session.id));
    expect((await s.history())[0]?.state).toBe('undone');
    s.later();
    await s.apply({ type: 'setAnswer', question: 'compliance', value: 'strict' });
    const [newest, replaced, first] = await s.history();
    expect(newest?.state).toBe('applied');
    expect(replaced).toMatchObject({ state: 'discarded', label: 'Answered the project profile' });
    const answer = replaced?.changes.find(
      (c) => c.what === 'Which language does the team already know best?',
    );
    expect(answer).toMatchObject({ after: 'JavaScript or TypeScript', changed: true });
    expect(first?.state).toBe('applied');
    // And redo is gone, as before.
    expect((await s.workshop()).redo).toBeNull();
  });

  it('is read a page at a time, newest first', async () => {
    const s = await start();
    for (let i = 0; i < 60; i++) {
      s.later();
      await s.apply({
        type: 'setDirect',
        participantId: s.priya,
        criterionId: i % 2 ? 'security' : 'performance',
        value: i % 11,
      });
    }
    const page = (offset: number) =>
      ok<{ entries: HistoryEntry[]; total: number }>(
        s.ipc.call('history:list', { sessionId: s.session.id, offset, limit: 50 }),
      );
    const [first, second] = [await page(0), await page(50)];
    expect(first.total).toBe(61);
    expect(first.entries).toHaveLength(50);
    expect(second.entries.map((e) => e.label).at(-1)).toBe('Created the session');
    const all = [...first.entries, ...second.entries];
    expect(new Set(all.map((e) => e.id)).size).toBe(61);
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
    expect(await s.ipc.call('history:list', { sessionId: s.session.id, limit: 5000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'limit' },
    });
  });

  it('records the brand chosen for the report, once per change', async () => {
    const s = await start();
    const brand = await ok<{ id: string }>(
      s.ipc.call('brands:save', { ...DEFAULT_BRAND, profileName: 'Harbour & Vale', logo: null }),
    );
    s.later();
    await ok(s.ipc.call('report:configure', { sessionId: s.session.id, brandId: brand.id }));
    await ok(s.ipc.call('report:configure', { sessionId: s.session.id, brandId: brand.id }));
    s.later();
    await ok(s.ipc.call('report:configure', { sessionId: s.session.id, brandId: null }));
    const labels = (await s.history()).map((e) => e.label);
    expect(labels.slice(0, 3)).toEqual([
      'Chose Stackwise’s default look for the report',
      'Chose the brand profile “Harbour & Vale” for the report',
      'Created the session',
    ]);
  });

  it('folds a burst of edits to the details (autosave while typing) into one entry', async () => {
    const s = await start();
    const update = (patch: object) => ok(updateLatest(s.ipc, s.session.id, patch));
    s.later(1000);
    await update({ projectName: 'Customer portal' });
    s.later(1000);
    await update({ projectName: 'Customer portal v2' });
    s.later(120_000);
    await update({
      participants: {
        rename: [{ id: s.priya, from: 'Priya (CTO)', name: 'Priya Raman' }],
        remove: [s.marek],
      },
    });
    const [people, project] = await s.history();
    expect(project?.changes).toEqual([
      { what: 'Project', before: 'Customer portal rebuild', after: 'Customer portal v2', changed: true },
    ]);
    expect(people?.changes).toContainEqual({
      what: 'Marek',
      before: 'Marek, voter',
      after: null,
      changed: true,
    });
    expect(people?.changes).toContainEqual({
      what: 'Priya Raman',
      before: 'Priya (CTO), voter',
      after: 'Priya Raman, voter',
      changed: true,
    });
  });
});

describe('snapshots', () => {
  it('are named by the facilitator, and refused without a name', async () => {
    const s = await start();
    const before = dumpDatabase(s.core);
    const refused = await s.ipc.call('snapshots:create', { sessionId: s.session.id, name: '   ' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
    expect(dumpDatabase(s.core)).toBe(before);
    const made = await s.snapshot('After workshop 1');
    expect(made).toMatchObject({ name: 'After workshop 1', kind: 'manual' });
    expect(['Django', 'Node.js', 'A tie']).toContain(made.leader);
    expect((await s.history())[0]?.label).toBe('Saved the snapshot “After workshop 1”');
  });

  it('compare with each other or with now, marking what changed', async () => {
    const s = await start();
    const first = await s.snapshot('After workshop 1');
    s.later();
    await s.apply({ type: 'setDirect', participantId: s.priya, criterionId: 'performance', value: 10 });
    await s.apply({ type: 'setDirect', participantId: s.marek, criterionId: 'performance', value: 10 });
    await s.apply({
      type: 'setOverride',
      candidateId: 'django',
      criterionId: 'performance',
      value: 5,
      note: 'Their team has tuned Django before.',
    });
    await s.apply({ type: 'setRole', participantId: s.marek, role: 'observer' });
    const second = await s.snapshot('After workshop 2');

    const { from, to, comparison } = await s.compare(first.id, second.id);
    expect(from).toEqual({ name: 'After workshop 1', at: first.createdAt });
    expect(to).toEqual({ name: 'After workshop 2', at: second.createdAt });
    expect(changed(comparison.weights).map((r) => r.what)).toContain('Performance');
    const override = changed(comparison.ratings).find((r) => r.what === 'Django on Performance');
    expect(override?.after).toBe('5 (overridden)');
    expect(override?.before).toMatch(/^\d$/);
    expect(changed(comparison.participants)).toEqual([
      { what: 'Marek', before: 'Marek, voter', after: 'Marek, observer', changed: true },
    ]);
    expect(comparison.recommendation.map((r) => r.what)).toContain('Recommended');
    // Unchanged rows are there too, unmarked: the comparison shows both states whole.
    expect(comparison.ratings.filter((r) => !r.changed).length).toBeGreaterThan(0);

    const withNow = await s.compare(second.id, 'now');
    expect(withNow.to).toEqual({ name: 'Now', at: null });
    expect(
      Object.values(withNow.comparison)
        .flat()
        .filter((r) => r.changed),
    ).toEqual([]);
  });

  it('are made on every report export, and re-export that report byte for byte', async () => {
    const s = await start();
    await s.apply({ type: 'setDirect', participantId: s.priya, criterionId: 'security', value: 10 });
    const original = await s.exportReport();
    const [auto] = await s.snapshots();
    expect(auto?.kind).toBe('report');
    expect(auto?.name).toMatch(/^Report exported as “Northwind/);

    // Months later: the weights, the details and the app's clock have all moved on.
    s.later(90 * 86_400_000);
    await s.apply({ type: 'setDirect', participantId: s.priya, criterionId: 'security', value: 0 });
    await ok(updateLatest(s.ipc, s.session.id, { projectName: 'Another project' }));
    const again = await ok<ExportOutcome>(
      s.ipc.call('snapshots:report', { sessionId: s.session.id, snapshotId: auto?.id }),
    );
    if (again.outcome !== 'download') throw new Error('expected a download');
    expect(Buffer.from(again.base64, 'base64').equals(original)).toBe(true);
    // Re-exporting an old report is not a new report.
    expect(await s.snapshots()).toHaveLength(1);
  });

  it('restore as the current state, keeping what they replace, and undo cannot cross a restore', async () => {
    const s = await start();
    await s.apply({ type: 'setDirect', participantId: s.priya, criterionId: 'security', value: 10 });
    const saved = await s.snapshot('Security first');
    const savedState = (await s.workshop()).state;
    s.later();
    await s.apply({ type: 'setDirect', participantId: s.priya, criterionId: 'security', value: 1 });
    await ok(updateLatest(s.ipc, s.session.id, { clientName: 'Northwind Ltd' }));
    const replacedState = (await s.workshop()).state;

    const { kept } = await ok<{ kept: SnapshotSummary }>(
      s.ipc.call('snapshots:restore', { sessionId: s.session.id, snapshotId: saved.id }),
    );
    expect(kept).toMatchObject({ kind: 'restore', name: 'Before restoring “Security first”' });
    const now = await s.workshop();
    expect(now.state).toEqual(savedState);
    expect(now.undo).toBeNull();
    expect(now.redo).toBeNull();
    const session = await ok<Session>(s.ipc.call('sessions:get', { id: s.session.id }));
    expect(session.clientName).toBe('Northwind');

    // What was replaced is a snapshot like any other: compare it, or restore it back.
    const back = await s.compare(kept.id, 'now');
    expect(changed(back.comparison.other)).toContainEqual({
      what: 'Client',
      before: 'Northwind Ltd',
      after: 'Northwind',
      changed: true,
    });
    await ok(s.ipc.call('snapshots:restore', { sessionId: s.session.id, snapshotId: kept.id }));
    expect((await s.workshop()).state).toEqual(replacedState);
    const [restored] = await s.history();
    expect(restored).toMatchObject({ kind: 'restore' });
    expect(restored?.changes.map((c) => c.what)).toContain('Client');
  });

  it('refuse a snapshot of another session', async () => {
    const s = await start();
    const mine = await s.snapshot('Mine');
    const other = await ok<Session>(s.ipc.call('sessions:create', draft({ clientName: 'Fabrikam' })));
    const before = dumpDatabase(s.core);
    expect(await s.ipc.call('snapshots:restore', { sessionId: other.id, snapshotId: mine.id })).toMatchObject(
      { ok: false, error: { code: 'not_found', field: 'snapshotId' } },
    );
    expect(dumpDatabase(s.core)).toBe(before);
  });
});
