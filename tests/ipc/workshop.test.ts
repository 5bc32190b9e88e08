import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, SessionSummary } from '@shared/sessions/schema';
import type { WorkshopReceipt, WorkshopSnapshot } from '@shared/workshop';
import { createCore } from '../../src-main/core';
import { FONTS_DIR } from '../helpers/fixtures';
import type { Core } from '../../src-main/core';
import { registerIpc } from '../../src-main/ipc/registerIpc';
import { createSenderCheck } from '../../src-main/ipc/senderCheck';
import { dumpDatabase } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { openedHistory } from '../helpers/history';
import { APP_URL, FakeIpcMain, ok } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';
import { applyLatest, stepBackLatest } from '../helpers/writes';

const tempDir = useTempDir();

let clock = Date.parse('2026-03-12T09:00:00.000Z');
let core: Core;
let ipc: FakeIpcMain;
let dbPath: string;
let session: Session;

function start(): void {
  core = createCore({
    databasePath: dbPath,
    host: 'web',
    version: 'test',
    fontsDir: FONTS_DIR,
    now: () => new Date(clock),
  });
  ipc = new FakeIpcMain();
  registerIpc(ipc, core.handlers, createSenderCheck(APP_URL), () => undefined);
}

beforeEach(async () => {
  clock = Date.parse('2026-03-12T09:00:00.000Z');
  dbPath = join(tempDir(), 'stackwise.sqlite');
  start();
  session = await ok<Session>(ipc.call('sessions:create', draft()));
  return () => core.close();
});

const apply = (action: unknown) => ok<WorkshopReceipt>(applyLatest(ipc, session.id, action));
const stepBack = (channel: 'workshop:undo' | 'workshop:redo') => stepBackLatest(ipc, channel, session.id);
const priya = () => session.participants[0]?.id ?? '';

describe('workshop channels', () => {
  it('start a session at the context step with the built-in criteria', async () => {
    const snapshot = await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId: session.id }));
    expect(snapshot).toMatchObject({ revision: 0, undo: null, redo: null, state: { step: 'context' } });
    expect(snapshot.state.criteria).toHaveLength(7);
  });

  it('save every change, announce it, and keep it across a restart', async () => {
    const seen = vi.fn();
    core.events.subscribe(seen);
    await apply({ type: 'setAnswer', question: 'compliance', value: 'strict' });
    const after = await apply({ type: 'setStep', step: 'weighting' });
    // A receipt, not the state: the console already applied the same action itself.
    expect(after).toEqual({
      sessionId: session.id,
      revision: 2,
      undo: { label: 'answered the project profile' },
      redo: null,
    });
    // The event carries the action, so a console one revision behind applies it without a read.
    expect(seen).toHaveBeenCalledWith('workshop:changed', {
      sessionId: session.id,
      revision: 2,
      applied: {
        action: { type: 'setStep', step: 'weighting' },
        undo: { label: 'answered the project profile' },
        redo: null,
      },
    });
    core.close();
    start();
    const reopened = await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId: session.id }));
    expect(reopened.state).toMatchObject({ step: 'weighting', answers: { compliance: 'strict' } });
    expect(reopened.undo).toEqual({ label: 'answered the project profile' });
  });

  it('merge a dragged slider into one undo step, and undo and redo it', async () => {
    for (const value of [6, 7, 8, 9]) {
      await apply({ type: 'setDirect', participantId: priya(), criterionId: 'security', value });
      clock += 100;
    }
    clock += 5000;
    await apply({ type: 'setDirect', participantId: priya(), criterionId: 'security', value: 10 });
    const direct = (s: WorkshopSnapshot) => s.state.rounds[0]?.inputs[priya()]?.direct['security'];

    const undone = await ok<WorkshopSnapshot>(stepBack('workshop:undo'));
    expect(direct(undone)).toBe(9);
    const undoneTwice = await ok<WorkshopSnapshot>(stepBack('workshop:undo'));
    expect(direct(undoneTwice)).toBeUndefined();
    expect(undoneTwice.undo).toBeNull();
    expect(await stepBack('workshop:undo')).toMatchObject({
      ok: false,
      error: { message: 'There is nothing to undo.' },
    });
    const redone = await ok<WorkshopSnapshot>(stepBack('workshop:redo'));
    expect(direct(redone)).toBe(9);
    expect(redone.redo).toEqual({ label: "a participant's Security weight" });
  });

  it('take the room to the step of the change it undoes, and drop the redo branch after a new change', async () => {
    await apply({ type: 'setAnonymity', anonymity: 'hiddenFromRoom' });
    await apply({ type: 'setStep', step: 'compare' });
    const undone = await ok<WorkshopSnapshot>(stepBack('workshop:undo'));
    expect(undone.state).toMatchObject({ rounds: [{ anonymity: 'named' }], step: 'context' });
    const fresh = await apply({ type: 'setHideUntilReveal', hide: true });
    expect(fresh.redo).toBeNull();
  });

  it('refuse invalid and rule-breaking actions and change nothing', async () => {
    await apply({ type: 'addCandidate', id: 'fastapi', name: 'FastAPI' });
    const before = dumpDatabase(core);
    for (const action of [
      { type: 'setDirect', participantId: priya(), criterionId: 'security', value: 42 },
      { type: 'removeCriterion', id: 'security' },
      { type: 'addCandidate', id: 'fastapi', name: 'Again' },
      { type: 'setStep', step: 'the-end' },
      { type: 'shell', command: 'rm -rf /' },
      { type: 'setNotes', field: 'notes', text: 'x'.repeat(6000) },
      JSON.parse('{"type":"setAnonymous","anonymous":true,"__proto__":{"polluted":1}}') as unknown,
    ]) {
      const result = await applyLatest(ipc, session.id, action);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(dumpDatabase(core)).toBe(before);
  });

  it('copy the workshop with a duplicated session, moving inputs to the new participants', async () => {
    await apply({ type: 'setDirect', participantId: priya(), criterionId: 'security', value: 9 });
    await apply({ type: 'setRole', participantId: session.participants[1]?.id ?? '', role: 'observer' });
    const copy = await ok<Session>(ipc.call('sessions:duplicate', { id: session.id }));
    const copied = await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId: copy.id }));
    expect(copied.state.rounds[0]?.inputs[copy.participants[0]?.id ?? '']?.direct['security']).toBe(9);
    expect(copied.state.roles).toEqual({ [copy.participants[1]?.id ?? '']: 'observer' });
    expect(copied.undo).toBeNull();
  });

  it('record votes, abstentions and cleared votes, name them for undo, and move them with a duplicated session', async () => {
    const marek = session.participants[1]?.id ?? '';
    const voted = await apply({ type: 'castVote', participantId: priya() });
    expect(voted.undo).toEqual({ label: 'recorded a vote with the weights shown' });
    await apply({ type: 'abstain', participantId: marek });
    const stored = await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId: session.id }));
    expect(stored.state.rounds[0]?.votes).toEqual({ [priya()]: 'voted', [marek]: 'abstained' });
    const copy = await ok<Session>(ipc.call('sessions:duplicate', { id: session.id }));
    const copied = await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId: copy.id }));
    expect(copied.state.rounds[0]?.votes).toEqual({
      [copy.participants[0]?.id ?? '']: 'voted',
      [copy.participants[1]?.id ?? '']: 'abstained',
    });
    const cleared = await apply({ type: 'clearVote', participantId: priya() });
    expect(cleared.undo).toEqual({ label: 'cleared a vote' });
    const undone = await ok<WorkshopSnapshot>(stepBack('workshop:undo'));
    expect(undone.state.rounds[0]?.votes[priya()]).toBe('voted');
  });

  it('read a workshop saved before votes were recorded: voters with inputs voted, undo still works', async () => {
    await apply({ type: 'setDirect', participantId: priya(), criterionId: 'security', value: 9 });
    await apply({ type: 'setDirect', participantId: priya(), criterionId: 'performance', value: 2 });
    // Rewrite the stored state and the change log as the release before this one saved them.
    const legacy = (json: string) => {
      const state = JSON.parse(json) as { rounds: Array<Record<string, unknown>> };
      for (const round of state.rounds) {
        delete round['votes'];
        delete round['includeInconsistent'];
      }
      return JSON.stringify(state);
    };
    const row = core.db.prepare('SELECT state FROM workshops WHERE session_id = ?').get(session.id) as {
      state: string;
    };
    core.db.prepare('UPDATE workshops SET state = ? WHERE session_id = ?').run(legacy(row.state), session.id);
    // The log keeps whole states now and then and patches between: those lose the same fields.
    type Op = { p: Array<string | number> };
    const legacyPatch = (json: string | null) =>
      json &&
      JSON.stringify(
        (JSON.parse(json) as Op[]).filter(
          ({ p }) => !(p[0] === 'rounds' && (p[2] === 'votes' || p[2] === 'includeInconsistent')),
        ),
      );
    const changes = core.db
      .prepare('SELECT id, base, link, patch FROM workshop_changes WHERE session_id = ?')
      .all(session.id) as Array<{ id: number; base: string | null; link: string | null; patch: string }>;
    for (const change of changes)
      core.db
        .prepare('UPDATE workshop_changes SET base = ?, link = ?, patch = ? WHERE id = ?')
        .run(
          change.base && legacy(change.base),
          legacyPatch(change.link),
          legacyPatch(change.patch),
          change.id,
        );
    expect(JSON.stringify(core.db.prepare('SELECT * FROM workshops').all())).not.toContain('votes');
    core.close();
    start();
    const reopened = await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId: session.id }));
    expect(reopened.state.rounds[0]?.votes).toEqual({ [priya()]: 'voted' });
    const undone = await ok<WorkshopSnapshot>(stepBack('workshop:undo'));
    expect(undone.state.rounds[0]?.inputs[priya()]?.direct['performance']).toBe(5);
    expect(undone.state.rounds[0]?.votes).toEqual({ [priya()]: 'voted' });
  });

  it('name no leader in the sessions list before a vote counts or while inputs are hidden', async () => {
    const leader = async () =>
      (await ok<{ sessions: SessionSummary[] }>(ipc.call('sessions:list', {}))).sessions.find(
        (s) => s.id === session.id,
      )?.leader;
    await apply({ type: 'setStep', step: 'weighting' });
    expect(await leader()).toBeNull();
    await apply({ type: 'setDirect', participantId: priya(), criterionId: 'security', value: 10 });
    expect(await leader()).toBe('Django');
    await apply({ type: 'setHideUntilReveal', hide: true });
    expect(await leader()).toBeNull();
    await apply({ type: 'setRevealed', revealed: true });
    expect(await leader()).toBe('Django');
  });

  it('keep this round’s weights out of the history while inputs are hidden, and show them once revealed', async () => {
    const newest = async () => (await openedHistory(ipc, session.id)).entries[0];
    clock += 1000;
    await apply({ type: 'setHideUntilReveal', hide: true });
    clock += 1000;
    await apply({ type: 'setDirect', participantId: priya(), criterionId: 'security', value: 9 });
    const hidden = await newest();
    expect(hidden?.label).not.toMatch(/Security|9/);
    expect(hidden?.label).toMatch(/hidden until the results are revealed/);
    expect(hidden?.changes).toEqual([]);
    // The list offers nothing to open, and opening it anyway says it is hidden, not what it was.
    const listed = await ok<{ entries: Array<{ id: string; comparable: boolean }> }>(
      ipc.call('history:list', { sessionId: session.id }),
    );
    expect(listed.entries[0]).toMatchObject({ id: hidden?.id, comparable: false });
    expect(await ipc.call('history:entry', { sessionId: session.id, entryId: hidden?.id })).toEqual({
      ok: true,
      value: { changes: [], hidden: true },
    });
    clock += 1000;
    await apply({ type: 'setRevealed', revealed: true });
    const history = await openedHistory(ipc, session.id);
    expect(history.entries[1]?.label).toMatch(/set Security to 9 of 10/);
    expect(history.entries[1]?.changes.length).toBeGreaterThan(0);
  });

  it('go with their session when it is deleted', async () => {
    await apply({ type: 'setAnonymous', anonymous: true });
    await ok(ipc.call('sessions:delete', { id: session.id }));
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM workshops').get()).toEqual({ n: 0 });
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM workshop_changes').get()).toEqual({ n: 0 });
    expect(await ipc.call('workshop:get', { sessionId: session.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('say when there is no shared screen to present on', async () => {
    expect(await ok(ipc.call('workshop:present', { sessionId: session.id }))).toEqual({ opened: false });
  });
});
