/**
 * Hidden means hidden beyond the screens: while the room's inputs are hidden until the reveal, no
 * export (PDF, CSV, decision record) and no comparison with what is hidden shows them; after the
 * reveal, all of them work.
 */
import { describe, expect, it } from 'vitest';
import type { Session } from '@shared/sessions/schema';
import type { SnapshotSummary } from '@shared/snapshots/schema';
import { useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { ok } from '../helpers/ipc';
import type { FakeIpcMain } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';
import { applyLatest } from '../helpers/writes';

const tempDir = useTempDir();
const start = useIpcCore(tempDir);

const HIDDEN = /inputs are hidden until the results are revealed/;

async function hiddenSession(ipc: FakeIpcMain): Promise<{ session: Session; before: SnapshotSummary }> {
  const session = await ok<Session>(ipc.call('sessions:create', draft()));
  const before = await ok<SnapshotSummary>(
    ipc.call('snapshots:create', { sessionId: session.id, name: 'Before' }),
  );
  const [priya] = session.participants;
  await ok(applyLatest(ipc, session.id, { type: 'setHideUntilReveal', hide: true }));
  await ok(
    applyLatest(ipc, session.id, {
      type: 'setDirect',
      participantId: priya?.id,
      criterionId: 'security',
      value: 9,
    }),
  );
  return { session, before };
}

describe('while inputs are hidden', () => {
  it('refuses the report, the spreadsheet, the decision record and comparisons with hidden inputs', async () => {
    const { ipc } = start();
    const { session, before } = await hiddenSession(ipc);
    const sessionId = session.id;
    const during = await ok<SnapshotSummary>(ipc.call('snapshots:create', { sessionId, name: 'During' }));

    for (const [channel, input] of [
      ['report:export', { sessionId }],
      ['portable:csv', { sessionId }],
      ['portable:adr', { sessionId }],
      ['snapshots:compare', { sessionId, from: before.id, to: 'now' }],
      ['snapshots:compare', { sessionId, from: before.id, to: during.id }],
    ] as const) {
      const answer = await ipc.call(channel, input);
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!answer.ok) expect(answer.error.message).toMatch(HIDDEN);
    }
    // What was frozen before the inputs were hidden is the room's to see.
    await ok(ipc.call('snapshots:compare', { sessionId, from: before.id, to: before.id }));
  });

  it('allows all of them once the results are revealed', async () => {
    const { ipc } = start();
    const { session, before } = await hiddenSession(ipc);
    const sessionId = session.id;
    await ok(applyLatest(ipc, sessionId, { type: 'setRevealed', revealed: true }));
    await ok(ipc.call('report:export', { sessionId }));
    await ok(ipc.call('portable:csv', { sessionId }));
    await ok(ipc.call('portable:adr', { sessionId }));
    await ok(ipc.call('snapshots:compare', { sessionId, from: before.id, to: 'now' }));
  });
});
