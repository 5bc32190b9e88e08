import { describe, expect, it } from 'vitest';
import { changedRows, compareStates } from '@shared/history/compare';
import type { Comparison, ComparisonRow } from '@shared/history/compare';
import { TEXT_EXCERPT, textChange } from '@shared/history/textChange';
import type { Session } from '@shared/sessions/schema';
import type { SnapshotSummary } from '@shared/snapshots/schema';
import { initialWorkshopState } from '@shared/workshop';
import type { WorkshopState } from '@shared/workshop';
import { useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { openedHistory } from '../helpers/history';
import { ok } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';
import { applyLatest, updateLatest } from '../helpers/writes';

const tempDir = useTempDir();
const startCore = useIpcCore(tempDir);

/** A paragraph a facilitator might write, long enough that an edit near its end is past character 120. */
const LONG =
  'The room agreed that the first release must ship before the summer trade fair, with the ' +
  'existing Python team of four and one contractor. Hosting stays on the current provider. ' +
  'Marek asked for a spike on background jobs before anything is signed off.';
const EDITED = LONG.replace('before anything is signed off', 'before the budget is approved');

const session: Session = {
  id: '0b6f8f0e-3d0c-4a57-9d56-6f3b0f6a0c11',
  clientName: 'Northwind',
  projectName: 'Portal',
  facilitator: 'Dana',
  workshopDate: '2026-03-12',
  description: LONG,
  participants: [],
  createdAt: '2026-03-12T09:00:00.000Z',
  updatedAt: '2026-03-12T09:00:00.000Z',
};
const withNotes = (notes: string): WorkshopState => ({
  ...initialWorkshopState(),
  notes: { notes, risks: '', nextSteps: '', riskRows: [], actionRows: [] },
});
const find = (rows: ComparisonRow[], what: string) => rows.find((r) => r.what === what);
const allRows = (c: Comparison) => Object.values(c).flat();

describe('comparing long texts', () => {
  it('marks a note changed when it differs only after character 120, and shows the change in context', () => {
    expect(LONG.slice(0, 120)).toBe(EDITED.slice(0, 120));
    const comparison = compareStates(
      { session, workshop: withNotes(LONG) },
      { session, workshop: withNotes(EDITED) },
    );
    const notes = find(comparison.other, 'Notes');
    expect(notes?.changed).toBe(true);
    expect(notes?.before).toContain('anything is signed off');
    expect(notes?.after).toContain('the budget is approved');
    // The start of the paragraph, far from the edit, is left out.
    expect(notes?.after).not.toContain('The room agreed');
    expect(notes?.after?.startsWith('…')).toBe(true);
    expect(notes?.text?.summary).toBe('Changed near the end');
    expect(notes?.text?.after).toMatchObject({ changed: 'the budget is approved.' });
    expect(notes?.text?.before).toMatchObject({ changed: 'anything is signed off.' });
    expect(changedRows(comparison).map((r) => r.what)).toEqual(['Notes']);
  });

  it('does the same for the session description and criterion descriptions', () => {
    const edited = { ...session, description: EDITED };
    const workshop = initialWorkshopState();
    const first = workshop.criteria[0];
    if (!first) throw new Error('no criteria');
    const longDescription = `${LONG.slice(0, 400)}`;
    const a: WorkshopState = {
      ...workshop,
      criteria: [{ ...first, description: longDescription }, ...workshop.criteria.slice(1)],
    };
    const b: WorkshopState = {
      ...workshop,
      criteria: [
        { ...first, description: `${longDescription} (weighted double)` },
        ...workshop.criteria.slice(1),
      ],
    };
    const comparison = compareStates({ session, workshop: a }, { session: edited, workshop: b });
    expect(find(comparison.other, 'Description')).toMatchObject({ changed: true });
    expect(find(comparison.other, `Criterion “${first.name}”`)).toMatchObject({ changed: true });
    expect(find(comparison.other, `Criterion “${first.name}”`)?.after).toContain('(weighted double)');
  });

  it('keeps every row short, however long the texts', () => {
    const huge = 'word '.repeat(999);
    const comparison = compareStates(
      { session, workshop: withNotes(huge) },
      { session, workshop: withNotes(`${huge.slice(0, 2500)}changed ${huge.slice(2500)}`) },
    );
    const longest = TEXT_EXCERPT.changed + 2 * TEXT_EXCERPT.context + 10;
    for (const row of allRows(comparison)) {
      expect(row.before?.length ?? 0).toBeLessThanOrEqual(longest);
      expect(row.after?.length ?? 0).toBeLessThanOrEqual(longest);
    }
    expect(find(comparison.other, 'Notes')?.after).toContain('changed');
  });

  it('leaves unchanged long texts unmarked, shown by their start', () => {
    const comparison = compareStates(
      { session, workshop: withNotes(LONG) },
      { session, workshop: withNotes(LONG) },
    );
    const notes = find(comparison.other, 'Notes');
    expect(notes).toMatchObject({ changed: false });
    expect(notes?.before).toBe(notes?.after);
    expect(notes?.before?.startsWith('The room agreed')).toBe(true);
    expect(notes?.before?.endsWith('…')).toBe(true);
  });
});

describe('textChange', () => {
  it('says what kind of change it was and where', () => {
    expect(textChange(LONG, `${LONG} Next review in May.`)?.summary).toBe('Added at the end (20 characters)');
    expect(textChange(`Note: ${LONG}`, LONG)?.summary).toBe('Removed at the start (6 characters)');
    expect(textChange(LONG, LONG.replace('one contractor', 'two contractors'))?.summary).toBe(
      'Changed in the middle',
    );
    expect(textChange(LONG, LONG)).toBeNull();
  });

  it('shows whole words, and never splits a character made of two code units', () => {
    const change = textChange(`${LONG} Owner: Priya`, `${LONG} Owner: Pietro`);
    expect(change?.before.changed).toBe('Priya');
    expect(change?.after.changed).toBe('Pietro');
    const emoji = textChange(`${LONG} 😀`, `${LONG} 😁`);
    expect(emoji?.before.changed).toBe('😀');
    expect(emoji?.after.changed).toBe('😁');
  });

  it('cuts a long changed stretch in the middle', () => {
    const inserted = 'x'.repeat(3000);
    const change = textChange(LONG, `${LONG.slice(0, 40)}${inserted}${LONG.slice(40)}`);
    expect(change?.after.changed.length).toBeLessThanOrEqual(TEXT_EXCERPT.changed + 3);
    expect(change?.after.changed).toContain(' … ');
    expect(change?.summary).toBe('Added near the start (3,000 characters)');
  });
});

describe('through the app', () => {
  it('a note edited after character 120 shows in the snapshot comparison and the history', async () => {
    let clock = Date.parse('2026-03-12T09:00:00.000Z');
    const { ipc } = startCore({ now: () => new Date(clock) });
    const { id: sessionId } = await ok<Session>(ipc.call('sessions:create', draft()));
    await ok(applyLatest(ipc, sessionId, { type: 'setNotes', field: 'risks', text: LONG }));
    await ok(updateLatest(ipc, sessionId, { description: LONG }));
    const saved = await ok<SnapshotSummary>(ipc.call('snapshots:create', { sessionId, name: 'Before' }));
    clock += 60_000;
    await ok(applyLatest(ipc, sessionId, { type: 'setNotes', field: 'risks', text: EDITED }));
    clock += 120_000;
    await ok(updateLatest(ipc, sessionId, { description: EDITED }));

    const { comparison } = await ok<{ comparison: Comparison }>(
      ipc.call('snapshots:compare', { sessionId, from: saved.id, to: 'now' }),
    );
    expect(find(comparison.other, 'Risks')).toMatchObject({ changed: true });
    expect(find(comparison.other, 'Description')).toMatchObject({ changed: true });

    const { entries } = await openedHistory(ipc, sessionId);
    const [details, risks] = entries;
    expect(details?.changes.map((c) => c.what)).toEqual(['Description']);
    expect(risks?.changes.map((c) => c.what)).toEqual(['Risks']);
    expect(risks?.changes[0]?.after).toContain('the budget is approved');
  });
});
