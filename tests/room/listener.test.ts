import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '@shared/ipc/contract';
import { WEB_HOST } from '@shared/ipc/webHost';
import { PARTICIPANT_API } from '@shared/room/schema';
import type { JoinInfo, ParticipantView } from '@shared/room/schema';
import type { Core } from '../../src-main/core';
import { LIMITS } from '../../src-main/room/listener';
import { dumpDatabase, useCore } from '../helpers/core';
import { sendRaw } from '../helpers/http';
import { useTempDir } from '../helpers/tempDir';
import { call, fakeRenderer, newSession, openRoom, phone, valueOf } from './helpers';
import type { OpenedRoom } from './helpers';

const tempDir = useTempDir();
const makeCore = useCore(tempDir);

let core: Core;
let room: OpenedRoom;
let sessionId: string;
let base: string;

beforeEach(async () => {
  core = makeCore({ rendererDir: fakeRenderer(tempDir()) });
  sessionId = (await newSession(core)).id;
  room = await openRoom(core, sessionId, { newNames: 'allowed' });
  base = `http://127.0.0.1:${room.port}`;
});

afterEach(async () => {
  await core.room.closeAll();
});

const raw = (path: string, options: Parameters<typeof sendRaw>[1] = {}) => sendRaw(`${base}${path}`, options);

describe('the participant listener', () => {
  it('is bound to the address picked, and its links name it', () => {
    expect(room.address).toBe('127.0.0.1');
    expect(room.shortUrl).toBe(`http://127.0.0.1:${room.port}`);
    expect(room.url).toBe(`http://127.0.0.1:${room.port}/j/${room.code}`);
    expect(room.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(room.qr.rows).toHaveLength(room.qr.size);
  });

  it('serves the participant page at / and at the join link, with a strict policy and nosniff', async () => {
    for (const path of ['/', `/j/${room.code}`, `/j/${room.code.toLowerCase()}`]) {
      const page = await raw(path);
      expect(page.status, path).toBe(200);
      expect(page.body).toContain('participant-abc.js');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['content-security-policy']).toContain("default-src 'none'");
      expect(page.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves only the files the page references, from / and from /j/', async () => {
    for (const file of [
      'assets/participant-abc.js',
      'assets/chunk-def.js',
      'assets/participant-abc.css',
      'assets/dot.svg',
    ]) {
      expect((await raw(`/${file}`)).status, file).toBe(200);
      expect((await raw(`/j/${file}`)).status, file).toBe(200);
    }
    const script = await raw('/assets/participant-abc.js');
    expect(script.headers['content-type']).toContain('text/javascript');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    const again = await raw('/assets/participant-abc.js', {
      headers: { 'if-none-match': String(script.headers.etag) },
    });
    expect(again.status).toBe(304);
    for (const path of [
      '/index.html',
      '/assets/index-console.js',
      '/participant.html/../index.html',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/j/../../secret.txt',
      '/j/NOTACODE',
      '/j/ABCDE',
    ]) {
      const answer = await raw(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('do not serve me');
      expect(answer.body).not.toContain('Console');
    }
  });

  it('refuses a spoofed Host, before anything else', async () => {
    for (const host of [
      'evil.example',
      `localhost:${room.port}`,
      '127.0.0.1',
      `127.0.0.1:${room.port + 1}`,
      `10.0.0.1:${room.port}`,
    ]) {
      const page = await raw('/', { headers: { host } });
      expect(page.status, host).toBe(421);
      const join = await raw(PARTICIPANT_API.join, {
        method: 'POST',
        headers: { host, 'content-type': 'application/json' },
        body: JSON.stringify({ code: room.code, pick: { name: 'Mallory' } }),
      });
      expect(join.status, host).toBe(421);
    }
    const status = await call(core, 'room:status', { sessionId });
    expect(status.open && status.devices).toEqual([]);
  });

  it('refuses requests from another origin, and an absolute request target', async () => {
    const mallory = phone(room);
    const foreign: Array<Record<string, string>> = [
      { origin: 'http://evil.example' },
      { origin: `http://localhost:${room.port}` },
      { origin: `http://127.0.0.1:${room.port + 1}` },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of foreign) {
      const answer = await mallory.send(PARTICIPANT_API.join, {
        method: 'POST',
        headers,
        body: { code: room.code, pick: { name: 'Mallory' } },
      });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
    }
    const own = await mallory.send(PARTICIPANT_API.lookup, {
      method: 'POST',
      headers: { origin: base, 'sec-fetch-site': 'same-origin' },
      body: { code: room.code },
    });
    expect(own.status).toBe(200);
    const absolute = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: room.port, path: `http://evil.example${PARTICIPANT_API.me}` },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(absolute).toBe(400);
  });

  it('answers every facilitator channel, and the web host’s own API, with 404', async () => {
    const ann = phone(room);
    valueOf(await ann.join(room.code, { name: 'Ann' }));
    const before = dumpDatabase(core);
    const paths = [WEB_HOST.invokePath, '/api', '/api/', '/api/room', '/api/sessions', '/api/invoke/'];
    for (const channel of CHANNELS) {
      paths.push(`/api/${channel}`, `/api/${channel.replace(':', '/')}`, `/${channel}`);
    }
    const participantPaths: string[] = Object.values(PARTICIPANT_API);
    expect(paths.filter((path) => participantPaths.includes(path))).toEqual([]);
    for (const path of paths)
      for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
        const answer = await ann.send(path, {
          method,
          ...(method === 'GET' ? {} : { body: { channel: 'sessions:delete', input: { id: sessionId } } }),
        });
        expect(answer.status, `${method} ${path}`).toBe(404);
      }
    // The web host follows events at the same path as phones do; here it is the phone's stream,
    // which carries nudges only, and a call posted to it is refused.
    expect(WEB_HOST.eventsPath).toBe(PARTICIPANT_API.events);
    const posted = await ann.send(WEB_HOST.eventsPath, {
      method: 'POST',
      body: { channel: 'sessions:delete', input: { id: sessionId } },
    });
    expect(posted.status).toBe(405);
    expect(dumpDatabase(core)).toBe(before);
    expect((await call(core, 'sessions:get', { id: sessionId })).id).toBe(sessionId);
  });

  it('refuses wrong methods and non-JSON writes', async () => {
    const ann = phone(room);
    expect((await ann.send(PARTICIPANT_API.join, { method: 'GET' })).status).toBe(405);
    expect((await ann.send(PARTICIPANT_API.me, { method: 'POST', body: {} })).status).toBe(405);
    expect((await ann.send(PARTICIPANT_API.ballot, { method: 'POST', body: {} })).status).toBe(405);
    const form = await ann.send(PARTICIPANT_API.join, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `code=${room.code}`,
    });
    expect(form.status).toBe(415);
  });

  it('refuses bad JSON and bad fields with a message naming the field, changing nothing', async () => {
    const ann = phone(room);
    const before = dumpDatabase(core);
    const bad = await ann.send(PARTICIPANT_API.join, { method: 'POST', body: '{"code": "' });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'The request is not valid JSON.' },
    });
    const deep = await ann.send(PARTICIPANT_API.join, {
      method: 'POST',
      body: '['.repeat(100) + ']'.repeat(100),
    });
    expect(deep.status).toBe(400);
    const noName = await ann.join(room.code, { name: '   ' });
    expect(noName.status).toBe(400);
    expect(noName.json).toMatchObject({
      ok: false,
      error: { message: 'Type your name.', field: 'pick.name' },
    });
    const badCode = await ann.send(PARTICIPANT_API.join, {
      method: 'POST',
      body: { code: 'O0I1L!', pick: { name: 'Ann' } },
    });
    expect(badCode.status).toBe(400);
    expect(badCode.json).toMatchObject({ ok: false, error: { field: 'code' } });
    const extra = await ann.send(PARTICIPANT_API.join, {
      method: 'POST',
      body: { code: room.code, pick: { name: 'Ann' }, admin: true },
    });
    expect(extra.status).toBe(400);
    expect(dumpDatabase(core)).toBe(before);
    expect(ann.cookie).toBeUndefined();
  });

  it('caps the body size', async () => {
    const ann = phone(room);
    const big = JSON.stringify({ code: room.code, pick: { name: 'x'.repeat(LIMITS.bodyBytes) } });
    const answer = await ann.send(PARTICIPANT_API.join, { method: 'POST', body: big });
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });
});

describe('joining', () => {
  it('shows the roster to a correct code and sets an HttpOnly, SameSite=Strict cookie on join', async () => {
    const priya = phone(room);
    const info = valueOf<JoinInfo>(await priya.lookup(room.code.toLowerCase()));
    expect(info.roster.map((p) => p.name)).toEqual(['Priya', 'Marek', 'Ana']);
    expect(info.roster.every((p) => !p.taken)).toBe(true);
    const joined = await priya.join(room.code, { participantId: info.roster[0]?.id ?? '' });
    expect(valueOf(joined)).toEqual({ status: 'joined' });
    const cookie = String(joined.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(new RegExp(`^${PARTICIPANT_API.cookie}=[A-Za-z0-9_-]{43}; `));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    expect(joined.body).not.toContain(cookie.split(';')[0]?.split('=')[1] ?? 'no token');
    const view = valueOf<ParticipantView>(await priya.me());
    expect(view).toMatchObject({ status: 'joined', name: 'Priya', room: { round: 1, accepting: true } });
    expect(valueOf<JoinInfo>(await phone(room).lookup(room.code)).roster[0]?.taken).toBe(true);
  });

  it('refuses a wrong code, a missing, wrong or forged token', async () => {
    const ann = phone(room);
    const wrong = room.code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    expect((await ann.lookup(wrong)).status).toBe(404);
    expect((await ann.join(wrong, { name: 'Ann' })).status).toBe(404);
    expect(ann.cookie).toBeUndefined();
    expect((await ann.me()).status).toBe(401);
    for (const token of ['', 'x', 'A'.repeat(43), 'A'.repeat(44), '../../etc/passwd']) {
      ann.cookie = `${PARTICIPANT_API.cookie}=${token}`;
      const me = await ann.me();
      expect(me.status, token).toBe(401);
      expect((await ann.send(PARTICIPANT_API.events)).status, token).toBe(401);
    }
  });

  it('refuses a removed device’s token, and every token once the room is closed and opened again', async () => {
    const priya = phone(room);
    const marek = phone(room);
    const info = valueOf<JoinInfo>(await priya.lookup(room.code));
    valueOf(await priya.join(room.code, { participantId: info.roster[0]?.id ?? '' }));
    valueOf(await marek.join(room.code, { participantId: info.roster[1]?.id ?? '' }));
    const status = await call(core, 'room:status', { sessionId });
    const priyasDevice = status.open ? status.devices.find((d) => d.name === 'Priya') : undefined;
    await call(core, 'room:device', { sessionId, deviceId: priyasDevice?.id ?? '', action: 'remove' });
    expect((await priya.me()).status).toBe(401);
    expect((await marek.me()).status).toBe(200);

    const oldCode = room.code;
    const oldPort = room.port;
    await call(core, 'room:close', { sessionId });
    expect((await call(core, 'room:status', { sessionId })).open).toBe(false);
    room = await openRoom(core, sessionId);
    const replay = phone(room);
    replay.cookie = marek.cookie;
    expect((await replay.me()).status).toBe(401);
    expect((await replay.send(PARTICIPANT_API.events)).status).toBe(401);
    if (oldCode !== room.code) expect((await replay.lookup(oldCode)).status).toBe(404);
    expect(room.port === oldPort || room.port > 0).toBe(true);
  });

  it('lets a reload come back as the same participant with the same cookie', async () => {
    const priya = phone(room);
    const info = valueOf<JoinInfo>(await priya.lookup(room.code));
    const pick = { participantId: info.roster[0]?.id ?? '' };
    valueOf(await priya.join(room.code, pick));
    const cookie = priya.cookie;
    expect(valueOf(await priya.join(room.code, pick))).toEqual({ status: 'joined' });
    expect(priya.cookie).toBe(cookie);
    const status = await call(core, 'room:status', { sessionId });
    expect(status.open && status.devices).toHaveLength(1);
  });
});
