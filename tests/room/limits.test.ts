import { describe, expect, it } from 'vitest';
import { PARTICIPANT_API } from '@shared/room/schema';
import { createRateLimiter } from '../../src-main/room/limits';
import { LIMITS } from '../../src-main/room/listener';
import { call, followRoom, newSession, openRoom, phone, sliders, useRoomCore, valueOf } from './helpers';

const roomCore = useRoomCore();

async function setUp() {
  const { core, clock } = roomCore();
  const session = await newSession(core, [
    'Priya',
    'Marek',
    'Ana',
    'Jon',
    'Eva',
    'Kim',
    'Lee',
    'Mo',
    'Ned',
    'Oz',
  ]);
  const room = await openRoom(core, session.id, { newNames: 'allowed' });
  const { criteria } = (await call(core, 'workshop:get', { sessionId: session.id })).state;
  return { core, clock, session, room, criteria };
}

describe('a rate limiter', () => {
  it('allows the limit within the window, then says when to come back, then allows again', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 3; i++) expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.hit('b').allowed).toBe(true);
    now = 45_000;
    expect(limiter.check('a')).toEqual({ allowed: false, retryAfterSeconds: 15 });
    now = 60_000;
    expect(limiter.hit('a').allowed).toBe(true);
    now = 10 * 60_000;
    limiter.hit('c');
    expect(limiter.size).toBe(1);
  });
});

describe('the participant listener’s limits', () => {
  it('refuses the join code after ten wrong ones a minute from one address, even the right one, until the minute is over', async () => {
    const { clock, room } = await setUp();
    const guesser = phone(room);
    const wrong = room.code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    for (let i = 0; i < LIMITS.codeFailures.limit; i++)
      expect((await guesser.lookup(wrong)).status).toBe(404);
    const limited = await guesser.lookup(room.code);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect(limited.json).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect((await guesser.join(room.code, { name: 'Guesser' })).status).toBe(429);
    clock.advance(30_000);
    expect((await guesser.lookup(room.code)).headers['retry-after']).toBe('30');
    clock.advance(30_000);
    expect((await guesser.lookup(room.code)).status).toBe(200);
  });

  it('lets a phone come back with the right code without counting it', async () => {
    const { room } = await setUp();
    const device = phone(room);
    for (let i = 0; i < LIMITS.codeFailures.limit * 2; i++)
      expect((await device.lookup(room.code)).status).toBe(200);
  });

  it('limits ballots per device, and writes per address', async () => {
    const { clock, session, room, criteria } = await setUp();
    const devices = await Promise.all(
      session.participants.map(async (p) => {
        const device = phone(room);
        valueOf(await device.join(room.code, { participantId: p.id }));
        return device;
      }),
    );
    const first = devices[0]!;
    let version = 0;
    for (let i = 0; i < LIMITS.ballotsPerDevice.limit; i++) {
      valueOf(await first.ballot(1, version, sliders(criteria, (i % 9) + 1)));
      version++;
    }
    const tooMany = await first.ballot(1, version, sliders(criteria, 3));
    expect(tooMany.status).toBe(429);
    expect(tooMany.json).toMatchObject({
      ok: false,
      error: { message: /Too many ballots from this device/ },
    });
    expect(Number(tooMany.headers['retry-after'])).toBeGreaterThan(0);
    // Another device at the same address still votes, up to the address's own limit.
    let written = devices.length + LIMITS.ballotsPerDevice.limit;
    const versions = devices.map(() => 0);
    for (let d = 1; written < LIMITS.writesPerAddress.limit; d = (d % (devices.length - 1)) + 1) {
      const answer = await devices[d]!.ballot(1, versions[d]!, sliders(criteria, (written % 9) + 1));
      if (answer.status === 429) {
        // That device is at its own limit: the next one takes over.
        expect(answer.json).toMatchObject({ ok: false, error: { message: /device/ } });
        continue;
      }
      valueOf(answer);
      versions[d]!++;
      written++;
    }
    const address = await devices[9]!.ballot(1, versions[9]!, sliders(criteria, 2));
    expect(address.status).toBe(429);
    expect(address.json).toMatchObject({ ok: false, error: { message: /this network address/ } });
    clock.advance(LIMITS.writesPerAddress.windowMs);
    valueOf(await first.ballot(1, version, sliders(criteria, 3)));
  });

  it('caps a device’s event streams', async () => {
    const { room, session } = await setUp();
    const device = phone(room);
    valueOf(await device.join(room.code, { participantId: session.participants[0]!.id }));
    const streams = await Promise.all(
      Array.from({ length: LIMITS.streamsPerDevice }, () => followRoom(room.port, device.cookie ?? '')),
    );
    expect(streams.map((s) => s.status)).toEqual(streams.map(() => 200));
    const extra = await device.send(PARTICIPANT_API.events);
    expect(extra.status).toBe(429);
    for (const stream of streams) stream.close();
  });
});
