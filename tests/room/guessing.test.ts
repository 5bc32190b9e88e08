/**
 * Guessing the join code from many addresses: an IPv6 network counts as one address for wrong
 * codes (anyone on it has billions), the room as a whole takes only so many wrong codes a minute,
 * and the limiter's table, once full, refuses new addresses instead of sweeping itself each hit.
 */
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PARTICIPANT_API } from '@shared/room/schema';
import type { Core } from '../../src-main/core';
import { guessKey } from '../../src-main/room/http';
import { createRateLimiter, MAX_KEYS } from '../../src-main/room/limits';
import { LIMITS } from '../../src-main/room/listener';
import { useCore } from '../helpers/core';
import { useTempDir } from '../helpers/tempDir';
import { fakeClock, fakeRenderer, newSession, openRoom } from './helpers';

const tempDir = useTempDir();
const makeCore = useCore(tempDir);
const cores: Core[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) await core.room.closeAll();
});

/** A lookup of `code` sent from `localAddress` (each loopback address is another computer). */
function lookupFrom(port: number, localAddress: string, code: string): Promise<number> {
  const body = JSON.stringify({ code });
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: PARTICIPANT_API.lookup,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

describe('the key wrong codes are counted by', () => {
  it('is the /64 for IPv6, the address itself for IPv4', () => {
    expect(guessKey('2001:db8:1:2:aaaa::1')).toBe(guessKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(guessKey('2001:db8:1:2::1')).not.toBe(guessKey('2001:db8:1:3::1'));
    expect(guessKey('fe80::1%eth0')).toBe(guessKey('fe80::2'));
    expect(guessKey('::ffff:192.168.1.20')).toBe('192.168.1.20');
    expect(guessKey('192.168.1.20')).not.toBe(guessKey('192.168.1.21'));
  });
});

describe('a full rate limiter', () => {
  it('refuses a new key until the window frees room, and keeps counting the keys it has', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 }, () => now);
    for (let i = 0; i < MAX_KEYS; i++) limiter.hit(`key ${i}`);
    now = 1_000;
    expect(limiter.hit('one more')).toEqual({ allowed: false, retryAfterSeconds: 59 });
    expect(limiter.hit('key 7').allowed).toBe(true);
    expect(limiter.size).toBe(MAX_KEYS);
    now = 60_000;
    expect(limiter.hit('one more').allowed).toBe(true);
    expect(limiter.size).toBeLessThan(MAX_KEYS);
  });
});

describe('wrong codes in the whole room', () => {
  it('are taken only so many a minute, whatever the addresses they come from', async () => {
    const dir = tempDir();
    const clock = fakeClock();
    const core = makeCore({
      rendererDir: fakeRenderer(dir),
      databasePath: join(dir, 'stackwise.sqlite'),
      now: clock.now,
    });
    cores.push(core);
    const room = await openRoom(core, (await newSession(core)).id);
    const wrong = room.code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    const perAddress = LIMITS.codeFailures.limit;
    const addresses = Math.ceil(LIMITS.codeFailuresPerRoom.limit / perAddress);
    for (let a = 0; a < addresses; a++)
      for (let i = 0; i < perAddress; i++)
        expect(await lookupFrom(room.port, `127.0.1.${a + 1}`, wrong)).toBe(404);
    expect(await lookupFrom(room.port, '127.0.2.1', room.code)).toBe(429);
    clock.advance(LIMITS.codeFailuresPerRoom.windowMs);
    expect(await lookupFrom(room.port, '127.0.2.1', room.code)).toBe(200);
  });
});
