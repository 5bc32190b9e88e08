/**
 * A participant's ballot stays with the device that sent it: another device taking over that
 * name (after the first was removed, or switched names) does not read it while inputs are hidden,
 * and takes over someone who has voted this round only once the facilitator lets it in.
 */
import { describe, expect, it } from 'vitest';
import type { ParticipantView } from '@shared/room/schema';
import { apply, call, newSession, openRoom, phone, sliders, useRoomCore, valueOf } from './helpers';

const roomCore = useRoomCore();

async function setUp() {
  const { core } = roomCore();
  const session = await newSession(core);
  const { state } = await call(core, 'workshop:get', { sessionId: session.id });
  await apply(core, session.id, { type: 'setHideUntilReveal', hide: true });
  const room = await openRoom(core, session.id);
  const devices = async () => {
    const status = await call(core, 'room:status', { sessionId: session.id });
    return status.open ? status.devices : [];
  };
  return { core, session, room, criteria: state.criteria, devices };
}

describe('a ballot belongs to the device that sent it', () => {
  it('is not shown to a new device for the same name, which waits for the facilitator', async () => {
    const { core, session, room, criteria, devices } = await setUp();
    const priya = session.participants[0]!.id;
    const first = phone(room);
    valueOf(await first.join(room.code, { participantId: priya }));
    valueOf(await first.ballot(1, 0, sliders(criteria, 9)));
    const [sent] = await devices();
    await call(core, 'room:device', { sessionId: session.id, deviceId: sent!.id, action: 'remove' });

    const other = phone(room);
    expect(valueOf(await other.join(room.code, { participantId: priya }))).toEqual({ status: 'pending' });
    const waiting = await other.me();
    expect(valueOf<ParticipantView>(waiting).ballot).toBeNull();
    expect(waiting.body).not.toContain('"submission"');

    const [pending] = await devices();
    await call(core, 'room:device', { sessionId: session.id, deviceId: pending!.id, action: 'approve' });
    const approved = await other.me();
    expect(valueOf<ParticipantView>(approved).ballot).toBeNull();
    expect(approved.body).not.toContain('"submission"');
    // Once let in, it may send its own ballot in her place.
    valueOf(await other.ballot(1, 0, sliders(criteria, 2)));
  });

  it('is not shown to the same phone after it switches to another name and back', async () => {
    const { session, room, criteria } = await setUp();
    const [priya, marek] = session.participants;
    const device = phone(room);
    valueOf(await device.join(room.code, { participantId: priya!.id }));
    valueOf(await device.ballot(1, 0, sliders(criteria, 9)));
    valueOf(await device.join(room.code, { participantId: marek!.id }));
    expect(valueOf<ParticipantView>(await device.me()).ballot).toBeNull();
    expect(valueOf(await device.join(room.code, { participantId: priya!.id }))).toEqual({
      status: 'pending',
    });
    expect((await device.me()).body).not.toContain('"submission"');
  });

  it('still shows after a reload of the phone that sent it', async () => {
    const { session, room, criteria } = await setUp();
    const device = phone(room);
    valueOf(await device.join(room.code, { participantId: session.participants[0]!.id }));
    const ballot = sliders(criteria, 9);
    valueOf(await device.ballot(1, 0, ballot));
    expect(valueOf<ParticipantView>(await device.me()).ballot).toMatchObject({
      version: 1,
      submission: ballot,
    });
  });
});
