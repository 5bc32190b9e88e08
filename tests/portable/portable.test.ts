import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '@shared/portable/contract';
import { rebuildHistory } from '@shared/portable/history';
import { canonicalJson, SESSION_FILE } from '@shared/portable/schema';
import type { SessionFileContent } from '@shared/portable/schema';
import type { Session } from '@shared/sessions/schema';
import type { SnapshotSummary } from '@shared/snapshots/schema';
import type { WorkshopSnapshot } from '@shared/workshop';
import { dumpDatabase, useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { openedHistory } from '../helpers/history';
import type { OpenedEntry } from '../helpers/history';
import { ok } from '../helpers/ipc';
import type { FakeIpcMain } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';
import { applyLatest, stepBackLatest, updateLatest } from '../helpers/writes';

const tempDir = useTempDir();
let clock = Date.parse('2026-03-12T09:00:00.000Z');

const startCore = useIpcCore(tempDir);
const start = () => startCore({ version: '2.0.0', now: () => new Date((clock += 1000)) });

type TextFile = { fileName: string; text: string };

async function workshopSession(ipc: FakeIpcMain) {
  const session = await ok<Session>(ipc.call('sessions:create', draft({ clientName: 'Łódź Transit' })));
  const [priya, marek] = session.participants.map((p) => p.id);
  const apply = (action: unknown) => ok(applyLatest(ipc, session.id, action));
  await apply({ type: 'setAnswer', question: 'team', value: 'python' });
  await apply({ type: 'setDirect', participantId: priya, criterionId: 'security', value: 9 });
  await ok(ipc.call('snapshots:create', { sessionId: session.id, name: 'After workshop 1' }));
  await ok(updateLatest(ipc, session.id, { description: 'Now with a budget.' }));
  clock += 10_000;
  await apply({ type: 'setMethod', participantId: marek, method: 'points' });
  await apply({ type: 'setPoints', participantId: marek, criterionId: 'performance', value: 30 });
  const risk = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
  await apply({ type: 'addRisk', id: risk });
  await apply({ type: 'updateRisk', id: risk, field: 'risk', value: 'Few Django hires nearby' });
  await apply({ type: 'updateRisk', id: risk, field: 'impact', value: 'high' });
  await apply({ type: 'setNotes', field: 'risks', text: 'Hiring, "quoted", and a comma' });
  await ok(stepBackLatest(ipc, 'workshop:undo', session.id));
  await ok(ipc.call('report:export', { sessionId: session.id, status: 'final' }));
  return session;
}

function everything(ipc: FakeIpcMain, sessionId: string) {
  return Promise.all([
    // A revision counts the writes in one database; an imported session starts again at 0.
    ok<Session>(ipc.call('sessions:get', { id: sessionId })).then((s) => ({ ...s, revision: 0 })),
    ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId })),
    ok(ipc.call('report:settings', { sessionId })),
    ok<SnapshotSummary[]>(ipc.call('snapshots:list', { sessionId })),
    openedHistory(ipc, sessionId),
  ]);
}

/** Rewrites a file's content and, unless told not to, its checksum to match. */
type LooseFile = { version: number; checksum: string; content: SessionFileContent };

function edit(text: string, change: (file: LooseFile) => void, reseal = true): string {
  const file = JSON.parse(text) as LooseFile;
  change(file);
  if (reseal) file.checksum = createHash('sha256').update(canonicalJson(file.content)).digest('hex');
  return JSON.stringify(file);
}

function setSecurity(file: LooseFile, participantId: string, value: number): void {
  const inputs = file.content.workshop?.state.rounds[0]?.inputs[participantId];
  if (!inputs) throw new Error('the exported file has no inputs to tamper with');
  inputs.direct['security'] = value;
}

describe('session files', () => {
  it('round-trip a session with its workshop, history, snapshots and last report, deep-equal', async () => {
    const { core, ipc } = start();
    const session = await workshopSession(ipc);
    const before = await everything(ipc, session.id);
    const historyBefore = core.db
      .prepare(
        'SELECT label, undo_label, action, base, link, patch, created_at, undone FROM workshop_changes ORDER BY id',
      )
      .all();
    const file = await ok<TextFile>(ipc.call('portable:export', { sessionId: session.id }));
    expect(file.fileName).toMatch(/^Łódź Transit - Customer portal rebuild - 2026-03-12\.stackwise$/);
    expect(JSON.parse(file.text)).toMatchObject({
      format: 'stackwise-session',
      version: SESSION_FILE.version,
      appVersion: '2.0.0',
    });

    // On another machine.
    const other = start();
    const { session: imported } = await ok<ImportOutcome>(
      other.ipc.call('portable:import', { text: file.text }),
    );
    expect(imported.id).toBe(session.id);
    const after = await everything(other.ipc, session.id);
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toEqual(before[1]);
    expect(after[2]).toMatchObject({
      lastExport: { at: (before[2] as { lastExport: { at: string } }).lastExport.at },
    });
    const historyAfter = other.core.db
      .prepare(
        'SELECT label, undo_label, action, base, link, patch, created_at, undone FROM workshop_changes ORDER BY id',
      )
      .all();
    expect(historyAfter).toEqual(historyBefore);
    expect(after[1].redo).not.toBeNull(); // the undone step can still be redone there
    // Snapshots (the named one and the one made on export) and the readable history travel too.
    expect(after[3].map((s) => s.name)).toEqual([
      'Report exported as “Łódź Transit - Customer portal rebuild - 2026-03-12.pdf”',
      'After workshop 1',
    ]);
    expect(after[3]).toEqual(before[3]);
    const [imported_, ...rest] = after[4].entries;
    expect(imported_?.label).toBe('Imported from a session file');
    const strip = (entries: OpenedEntry[]) => entries.map(({ id: _id, ...entry }) => entry);
    expect(strip(rest)).toEqual(strip(before[4].entries));
  });

  it('read a version 1 file (before snapshots and events existed)', async () => {
    const { ipc } = start();
    const session = await workshopSession(ipc);
    const { text } = await ok<TextFile>(ipc.call('portable:export', { sessionId: session.id }));
    const v1 = edit(text, (file) => {
      file.version = 1;
      const content = file.content as Partial<SessionFileContent>;
      delete content.events;
      delete content.snapshots;
      // Format 7's logos, each held once (this session's brand looks have none).
      delete (content as { logos?: unknown }).logos;
      // Format 1 carried each change with its two whole states, and no discarded or sealed marks.
      const changes = [...rebuildHistory(file.content.history)].map(({ record, before, after }) => {
        const { label, action, coalesceKey, createdAt, updatedAt, undone } = record;
        return { label, action, coalesceKey, before, after, createdAt, updatedAt, undone };
      });
      (content as { history: unknown }).history = changes;
    });
    const other = start();
    const { session: imported } = await ok<ImportOutcome>(other.ipc.call('portable:import', { text: v1 }));
    const [, workshop, , snapshots] = await everything(other.ipc, imported.id);
    expect(workshop.state.rounds[0]?.inputs[imported.participants[0]?.id ?? '']?.direct['security']).toBe(9);
    expect(snapshots).toEqual([]);
  });

  it('import a second copy with new ids, its inputs following the new participants', async () => {
    const { ipc } = start();
    const session = await workshopSession(ipc);
    const file = await ok<TextFile>(ipc.call('portable:export', { sessionId: session.id }));
    const { session: copy } = await ok<ImportOutcome>(ipc.call('portable:import', { text: file.text }));
    expect(copy.id).not.toBe(session.id);
    expect(copy.participants.map((p) => p.name)).toEqual(session.participants.map((p) => p.name));
    const { state } = await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId: copy.id }));
    const voter = copy.participants[0]?.id ?? '';
    expect(state.rounds[0]?.inputs[voter]?.direct['security']).toBe(9);
  });

  it('refuse bad files with a clear reason, writing nothing', async () => {
    const { core, ipc } = start();
    const session = await workshopSession(ipc);
    const { text } = await ok<TextFile>(ipc.call('portable:export', { sessionId: session.id }));
    await ok(ipc.call('sessions:delete', { id: session.id }));
    const before = dumpDatabase(core);
    const cases: Array<[string, string, RegExp]> = [
      ['not JSON', 'Meeting notes', /not JSON/],
      ['another JSON file', '{"name":"package"}', /not a Stackwise session file/],
      [
        'a newer format',
        edit(text, (f) => (f.version = SESSION_FILE.version + 1)),
        new RegExp(
          `newer Stackwise \\(format ${SESSION_FILE.version + 1}; this app reads up to ${SESSION_FILE.version}\\)`,
        ),
      ],
      [
        'a tampered weight',
        edit(text, (f) => setSecurity(f, session.participants[0]?.id ?? '', 2), false),
        /checksum does not match/,
      ],
      [
        'a malformed field',
        edit(text, (f) => (f.content.session.workshopDate = 'soon')),
        /^This session file cannot be imported\. Workshop date must be a real date/,
      ],
      [
        'a direction override in a candidate name',
        edit(text, (f) => {
          const candidate = f.content.workshop?.state.candidates[1];
          if (candidate) candidate.name = 'Go\u202Eog';
        }),
        /Candidate name cannot contain invisible text-direction characters/,
      ],
      [
        'a tab in a client name',
        edit(text, (f) => (f.content.session.clientName = 'North\twind')),
        /Client name cannot contain line breaks or control characters/,
      ],
      [
        'a line break in a participant name',
        edit(text, (f) => {
          const person = f.content.session.participants[0];
          if (person) person.name = 'Priya\nCTO';
        }),
        /Participant name cannot contain line breaks or control characters/,
      ],
      [
        'a history change that does not fit the one before it',
        edit(text, (f) => {
          const second = f.content.history[1];
          if (second) second.patch = [{ p: ['rounds', 7, 'inputs'], b: {} }];
        }),
        /^This session file cannot be imported\. Change 2 of its history does not fit the change before it\./,
      ],
      [
        'a direction override brought in by a history change',
        edit(text, (f) => {
          const first = f.content.history[0];
          if (first)
            first.patch = [...first.patch, { p: ['candidates', 1, 'name'], a: 'Node.js', b: 'Go\u202Eog' }];
        }),
        /^This session file cannot be imported\. Change 1 of its history: its state after is not valid \(at candidates\.1\.name\)\. Candidate name cannot contain invisible text-direction characters/,
      ],
      ['an oversized file', 'x'.repeat(33 * 1024 * 1024), /larger than 32 MB/],
    ];
    for (const [name, bad, reason] of cases) {
      const result = await ipc.call('portable:import', { text: bad });
      if (result.ok) throw new Error(`${name} was imported`);
      expect(result.error.message, name).toMatch(reason);
      expect(result.error.field, name).toBe('text');
    }
    expect(dumpDatabase(core)).toBe(before);
    // And the intact file still imports.
    await ok(ipc.call('portable:import', { text }));
  });
});

describe('decision exports', () => {
  it('write the scores and weights as CSV a spreadsheet cannot run', async () => {
    const { ipc } = start();
    const session = await workshopSession(ipc);
    await ok(
      applyLatest(ipc, session.id, {
        type: 'addCriterion',
        id: 'criterion-x',
        name: '=HYPERLINK("x")',
        description: '',
      }),
    );
    const csv = await ok<TextFile>(ipc.call('portable:csv', { sessionId: session.id }));
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"Criterion","Weight","Django rating","Django contribution","Node.js rating","Node.js contribution"',
    );
    expect(lines).toHaveLength(1 + 8 + 1);
    expect(lines).toContain(
      `"'=HYPERLINK(""x"")",${
        lines
          .find((l) => l.startsWith('"\'='))
          ?.split(',')
          .slice(1)
          .join(',') ?? ''
      }`,
    );
    const weights = lines.slice(1, -1).map((l) => Number(l.split(',').at(-5)));
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(lines.at(-1)).toMatch(/^"Score",1\.0000,,\d\.\d{4},,\d\.\d{4}$/);
  });

  it('write the decision as a MADR record', async () => {
    const { ipc } = start();
    const session = await workshopSession(ipc);
    const adr = await ok<TextFile>(ipc.call('portable:adr', { sessionId: session.id }));
    expect(adr.fileName).toMatch(/decision\.md$/);
    for (const heading of [
      '## Context and Problem Statement',
      '## Decision Drivers',
      '## Considered Options',
      '## Decision Outcome',
      '### Consequences',
    ]) {
      expect(adr.text).toContain(heading);
    }
    expect(adr.text).toMatch(/^# Use (Django|Node\.js) for Customer portal rebuild/);
    expect(adr.text).toContain('* Security (weight');
  });
});
