/**
 * A ballot from a device goes through the same service as a console edit: stored, in the change
 * log, named in the history; a ballot for someone who is not in the session changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@shared/history/contract';
import type { Session } from '@shared/sessions/schema';
import { initialWorkshopState } from '@shared/workshop';
import type { WorkshopSnapshot } from '@shared/workshop';
import { dumpDatabase, useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { ok } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';
import { applyLatest } from '../helpers/writes';

const tempDir = useTempDir();
const startCore = useIpcCore(tempDir);
const ranking = initialWorkshopState().criteria.map((c) => c.id);

async function start() {
  const { core, ipc } = startCore();
  const session = await ok<Session>(ipc.call('sessions:create', draft()));
  const other = await ok<Session>(ipc.call('sessions:create', draft({ clientName: 'Fabrikam' })));
  return { core, ipc, session, other };
}

const ballotFor = (participantId: string) => ({
  type: 'submitBallot',
  voter: { participantId },
  ballot: { method: 'rank', ranking },
});

describe('a ballot through the workshop service', () => {
  it('is stored as the participant’s vote, and the history says whose ballot it was', async () => {
    const s = await start();
    const priya = s.session.participants[0]!;
    await ok(applyLatest(s.ipc, s.session.id, ballotFor(priya.id)));
    const { state } = await ok<WorkshopSnapshot>(s.ipc.call('workshop:get', { sessionId: s.session.id }));
    expect(state.rounds[0]?.votes[priya.id]).toBe('voted');
    expect(state.rounds[0]?.inputs[priya.id]?.ranking).toEqual(ranking);
    const { entries } = await ok<{ entries: HistoryEntry[] }>(
      s.ipc.call('history:list', { sessionId: s.session.id }),
    );
    expect(entries[0]?.label).toBe('Priya (CTO)’s ballot, from their device: Ranking');
  });

  it.each([
    ['someone no session has', () => '9a0e7c1e-8d7f-4c55-9b1e-2f7c4b0d8e21'],
    ['someone from another session', (s: Awaited<ReturnType<typeof start>>) => s.other.participants[0]!.id],
  ])('refuses a ballot for %s, and changes nothing', async (_, voter) => {
    const s = await start();
    const before = dumpDatabase(s.core);
    expect(await applyLatest(s.ipc, s.session.id, ballotFor(voter(s)))).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'voter.participantId',
        message: 'That participant is not in this session.',
      },
    });
    expect(dumpDatabase(s.core)).toBe(before);
  });

  it('refuses an anonymous ballot under a participant’s reference, and changes nothing', async () => {
    const s = await start();
    await ok(applyLatest(s.ipc, s.session.id, { type: 'setAnonymity', anonymity: 'hiddenFromEveryone' }));
    const before = dumpDatabase(s.core);
    const marek = s.session.participants[1]!;
    expect(
      await applyLatest(s.ipc, s.session.id, { ...ballotFor(marek.id), voter: { ballotId: marek.id } }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'voter.ballotId' } });
    expect(dumpDatabase(s.core)).toBe(before);
    // A ballot id of its own is taken, and the history says only that an anonymous ballot came in.
    const ballotId = '0f5c2b9e-6a1d-4e8f-b3c7-2d9a8e1f4b60';
    await ok(applyLatest(s.ipc, s.session.id, { ...ballotFor(marek.id), voter: { ballotId } }));
    const { entries } = await ok<{ entries: HistoryEntry[] }>(
      s.ipc.call('history:list', { sessionId: s.session.id }),
    );
    expect(entries[0]?.label).toBe('An anonymous ballot came in from a device');
  });
});
