/**
 * A ballot the facilitator undoes on the console is gone from the phone too: it no longer says
 * "your vote is in", and the phone can send a ballot again from nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ParticipantView } from '@shared/room/schema';
import type { Anonymity } from '@shared/workshop';
import { apply, call, newSession, openRoom, phone, sliders, useRoomCore, valueOf } from './helpers';

const roomCore = useRoomCore();

async function setUp(anonymity: Anonymity) {
  const { core } = roomCore();
  const session = await newSession(core);
  const { state } = await call(core, 'workshop:get', { sessionId: session.id });
  await apply(core, session.id, { type: 'setAnonymity', anonymity });
  const room = await openRoom(core, session.id);
  const undo = async () => {
    const current = await call(core, 'workshop:get', { sessionId: session.id });
    await call(core, 'workshop:undo', { sessionId: session.id, baseRevision: current.revision });
  };
  return { core, session, room, criteria: state.criteria, undo };
}

describe('an undone ballot', () => {
  for (const anonymity of ['named', 'hiddenFromEveryone'] as const)
    it(`is no longer "in" on the phone, which can send one again (${anonymity})`, async () => {
      const { session, room, criteria, undo } = await setUp(anonymity);
      const device = phone(room);
      valueOf(await device.join(room.code, { participantId: session.participants[0]!.id }));
      valueOf(await device.ballot(1, 0, sliders(criteria, 3)));
      await undo();
      expect(valueOf<ParticipantView>(await device.me()).ballot).toBeNull();
      valueOf(await device.ballot(1, 0, sliders(criteria, 5)));
    });

  it('shows the ballot before it on the phone when the second of two is undone', async () => {
    const { session, room, criteria, undo } = await setUp('named');
    const device = phone(room);
    valueOf(await device.join(room.code, { participantId: session.participants[0]!.id }));
    valueOf(await device.ballot(1, 0, sliders(criteria, 3)));
    valueOf(await device.ballot(1, 1, sliders(criteria, 7)));
    await undo();
    // The phone no longer shows the undone one as in; what is stored now is not what it sent last.
    const view = valueOf<ParticipantView>(await device.me());
    expect(view.ballot?.submission).not.toEqual(sliders(criteria, 7));
  });
});
