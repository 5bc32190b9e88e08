/**
 * Two windows on one session, through the production IPC registration: every write says which
 * revision it was based on, a stale one is refused and changes nothing, and participant lists
 * change by item so two windows that each add someone keep both.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecord } from '@shared/sessions/schema';
import type { WorkshopReceipt, WorkshopSnapshot } from '@shared/workshop';
import type { WorkshopStepBack } from '@shared/workshop/contract';
import { dumpDatabase, useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { ok } from '../helpers/ipc';
import type { FakeIpcMain } from '../helpers/ipc';
import type { Core } from '../../src-main/core';
import { useTempDir } from '../helpers/tempDir';

const CHANGED_ELSEWHERE =
  'This session was changed in another window. Your change was not saved; the page now shows the latest version.';

const makeCore = useIpcCore(useTempDir());
let core: Core;
let ipc: FakeIpcMain;
let session: SessionRecord;

beforeEach(async () => {
  ({ core, ipc } = makeCore());
  session = await ok<SessionRecord>(ipc.call('sessions:create', draft()));
});

const update = (baseRevision: number, patch: object) =>
  ipc.call('sessions:update', { id: session.id, baseRevision, patch });
const get = () => ok<SessionRecord>(ipc.call('sessions:get', { id: session.id }));
const priya = () => session.participants[0]?.id ?? '';

describe('sessions:update from two windows', () => {
  it('keeps both participants when two windows add one each from the same copy', async () => {
    // Both windows opened the session at the same revision.
    const base = session.revision;
    const a = await ok<SessionRecord>(update(base, { participants: { add: [{ name: 'Ana' }] } }));
    const b = await ok<SessionRecord>(update(base, { participants: { add: [{ name: 'Ben' }] } }));
    expect(a.revision).toBe(base + 1);
    expect(b.revision).toBe(base + 2);
    expect((await get()).participants.map((p) => p.name)).toEqual(['Priya (CTO)', 'Marek', 'Ana', 'Ben']);
  });

  it('removes and renames by id, so a stale copy never drops what another window added', async () => {
    const base = session.revision;
    await ok(update(base, { participants: { add: [{ name: 'Ana' }] } }));
    const marek = session.participants[1]?.id ?? '';
    await ok(
      update(base, {
        participants: { remove: [marek], rename: [{ id: priya(), from: 'Priya (CTO)', name: 'Priya' }] },
      }),
    );
    expect((await get()).participants.map((p) => p.name)).toEqual(['Priya', 'Ana']);
  });

  it('refuses a stale edit of the details with a conflict and changes nothing', async () => {
    const base = session.revision;
    await ok(update(base, { clientName: 'Contoso' }));
    const before = dumpDatabase(core);
    const stale = await update(base, { clientName: 'Fabrikam', description: 'From the other window' });
    expect(stale).toEqual({ ok: false, error: { code: 'conflict', message: CHANGED_ELSEWHERE } });
    expect(dumpDatabase(core)).toBe(before);
    expect(await get()).toMatchObject({ clientName: 'Contoso', revision: base + 1 });
  });

  it('refuses renaming someone another window renamed meanwhile', async () => {
    const base = session.revision;
    await ok(
      update(base, { participants: { rename: [{ id: priya(), from: 'Priya (CTO)', name: 'Priya K.' }] } }),
    );
    const before = dumpDatabase(core);
    const stale = await update(base, {
      participants: { rename: [{ id: priya(), from: 'Priya (CTO)', name: 'Priya S.' }] },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: CHANGED_ELSEWHERE } });
    expect(dumpDatabase(core)).toBe(before);
  });

  it('refuses a participant who is already there, keeping the list, and says so', async () => {
    const before = dumpDatabase(core);
    const result = await update(session.revision, { participants: { add: [{ name: 'marek' }] } });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'patch.participants.add.0.name',
        message: expect.stringContaining('Marek is already a participant') as unknown,
      },
    });
    expect(dumpDatabase(core)).toBe(before);
  });

  it('refuses renaming a participant of another session', async () => {
    const other = await ok<SessionRecord>(ipc.call('sessions:create', draft()));
    const stolen = other.participants[0];
    const before = dumpDatabase(core);
    const result = await update(session.revision, {
      participants: { rename: [{ id: stolen?.id, from: stolen?.name, name: 'Mine now' }] },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dumpDatabase(core)).toBe(before);
  });
});

describe('workshop writes from two windows', () => {
  const apply = (baseRevision: number, action: unknown) =>
    ipc.call('workshop:apply', { sessionId: session.id, baseRevision, action });
  const security = (snapshot: WorkshopSnapshot) =>
    snapshot.state.rounds[0]?.inputs[priya()]?.direct['security'];

  it('lets one window send action after action on each receipt, and refuses a replayed older one', async () => {
    let revision = 0;
    for (const value of [6, 7, 8]) {
      const receipt = await ok<WorkshopReceipt>(
        apply(revision, { type: 'setDirect', participantId: priya(), criterionId: 'security', value }),
      );
      revision = receipt.revision;
    }
    const before = dumpDatabase(core);
    // The request that set 6, sent again (a second window, or a retried request).
    const replayed = await apply(0, {
      type: 'setDirect',
      participantId: priya(),
      criterionId: 'security',
      value: 6,
    });
    expect(replayed).toEqual({ ok: false, error: { code: 'conflict', message: CHANGED_ELSEWHERE } });
    expect(dumpDatabase(core)).toBe(before);
    const stored = await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId: session.id }));
    expect(security(stored)).toBe(8);
  });

  it('refuses a stale undo', async () => {
    const first = await ok<WorkshopReceipt>(apply(0, { type: 'setAnonymous', anonymous: true }));
    await ok(apply(first.revision, { type: 'setHideUntilReveal', hide: true }));
    const before = dumpDatabase(core);
    const stale = await ipc.call('workshop:undo', { sessionId: session.id, baseRevision: first.revision });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(dumpDatabase(core)).toBe(before);
  });

  it('says what undo and redo did and shows the step the change was made on', async () => {
    let revision = (await ok<WorkshopReceipt>(apply(0, { type: 'setStep', step: 'weighting' }))).revision;
    revision = (
      await ok<WorkshopReceipt>(
        apply(revision, { type: 'setDirect', participantId: priya(), criterionId: 'security', value: 9 }),
      )
    ).revision;
    revision = (await ok<WorkshopReceipt>(apply(revision, { type: 'setStep', step: 'compare' }))).revision;

    const undone = await ok<WorkshopStepBack>(
      ipc.call('workshop:undo', { sessionId: session.id, baseRevision: revision }),
    );
    expect(undone.done).toEqual({ message: "Undid: a participant's Security weight", step: 'weighting' });
    expect(undone.state.step).toBe('weighting');
    expect(security(undone)).toBeUndefined();

    await ok(apply(undone.revision, { type: 'setStep', step: 'context' }));
    const redone = await ok<WorkshopStepBack>(
      ipc.call('workshop:redo', { sessionId: session.id, baseRevision: undone.revision + 1 }),
    );
    expect(redone.done).toEqual({ message: "Redid: a participant's Security weight", step: 'weighting' });
    expect(redone.state.step).toBe('weighting');
    expect(security(redone)).toBe(9);
  });
});
