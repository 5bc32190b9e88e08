/**
 * Devices waiting for the facilitator cannot fill the room: a few per network address, a bounded
 * queue in all, each forgotten after a while, and each with one event stream at most. A
 * participant on the list still gets in while the queue is full.
 */
import { describe, expect, it } from 'vitest';
import { PENDING } from '../../src-main/room/devices';
import { call, followRoom, newSession, openRoom, phone, useRoomCore, valueOf } from './helpers';

const roomCore = useRoomCore();

async function setUp() {
  const { core, clock } = roomCore();
  const session = await newSession(core);
  const room = await openRoom(core, session.id, { newNames: 'approval' });
  const pending = async () => {
    const status = await call(core, 'room:status', { sessionId: session.id });
    return status.open ? status.devices.filter((d) => d.status === 'pending').length : -1;
  };
  return { core, session, room, clock, pending };
}

describe('the queue of devices waiting for the facilitator', () => {
  it('takes a few typed names per address, then refuses more from it with what to do', async () => {
    const { room, pending } = await setUp();
    for (let i = 0; i < PENDING.perAddress; i++)
      expect(valueOf(await phone(room).join(room.code, { name: `Guest ${i}` }))).toEqual({
        status: 'pending',
      });
    const refused = await phone(room).join(room.code, { name: 'One too many' });
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await pending()).toBe(PENDING.perAddress);
  });

  it('is bounded in all, forgets waiting devices after a while, and never keeps a listed participant out', async () => {
    const { core, session, room, clock, pending } = await setUp();
    const { gate } = core.room;
    // Many addresses, as many phones on the network would be; a few each.
    for (let i = 0; i < 151; i++) {
      try {
        gate.join(
          { code: room.code, pick: { name: `Flood ${i}` } },
          undefined,
          `10.0.${i % 256}.${Math.floor(i / 256) + 1}`,
        );
      } catch {
        // Refused once the queue is full: what the test counts is what stayed.
      }
    }
    expect(await pending()).toBe(PENDING.total);
    // Priya is on the list: the full queue does not keep her out.
    expect(
      valueOf(await phone(room).join(room.code, { participantId: session.participants[0]!.id })),
    ).toEqual({
      status: 'joined',
    });
    clock.advance(PENDING.expireMs);
    expect(await pending()).toBe(0);
    expect(valueOf(await phone(room).join(room.code, { name: 'Late guest' }))).toEqual({ status: 'pending' });
  });

  it('gives a waiting device one event stream', async () => {
    const { room } = await setUp();
    const waiting = phone(room);
    valueOf(await waiting.join(room.code, { name: 'Guest' }));
    const first = await followRoom(room.port, waiting.cookie!);
    expect(first.status).toBe(200);
    const second = await followRoom(room.port, waiting.cookie!);
    expect(second.status).toBe(429);
    first.close();
    second.close();
  });
});
