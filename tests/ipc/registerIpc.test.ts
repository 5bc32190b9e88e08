import { beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '@shared/ipc/contract';
import type { Session } from '@shared/sessions/schema';
import { registerIpc } from '../../src-main/ipc/registerIpc';
import { createSenderCheck } from '../../src-main/ipc/senderCheck';
import type { Core } from '../../src-main/core';
import { draft } from '../helpers/fixtures';
import { dumpDatabase, useCore } from '../helpers/core';
import { useTempDir } from '../helpers/tempDir';
import { APP_URL, FakeIpcMain } from '../helpers/ipc';

/** JSON.parse keeps "__proto__" as an own key, exactly as a hostile payload would arrive. */
const withProtoKey = (value: object): unknown =>
  JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(value).slice(1)}`);

const tempDir = useTempDir();
const makeCore = useCore(tempDir);

let ipc: FakeIpcMain;
let core: Core;
const logged: string[] = [];

beforeEach(() => {
  ipc = new FakeIpcMain();
  core = makeCore();
  logged.length = 0;
  registerIpc(ipc, core.handlers, createSenderCheck(APP_URL), (message) => logged.push(message));
});

async function create(): Promise<Session> {
  const result = await ipc.call('sessions:create', draft());
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Session;
}

describe('registration', () => {
  it('registers every contract channel exactly once and can unregister them', () => {
    expect([...ipc.listeners.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('serves a full create, list, update, duplicate, delete cycle', async () => {
    const session = await create();
    expect(session.participants.map((p) => p.name)).toEqual(['Priya (CTO)', 'Marek']);

    const updated = await ipc.call('sessions:update', {
      id: session.id,
      baseRevision: 0,
      patch: { clientName: 'Contoso' },
    });
    expect(updated).toMatchObject({ ok: true, value: { clientName: 'Contoso' } });

    const copy = await ipc.call('sessions:duplicate', { id: session.id });
    expect(copy).toMatchObject({
      ok: true,
      value: { clientName: 'Contoso', projectName: 'Customer portal rebuild (copy)' },
    });

    const list = await ipc.call('sessions:list', { search: 'contoso' });
    expect(list.ok && (list.value as { sessions: unknown[]; total: number })).toMatchObject({ total: 2 });

    expect(await ipc.call('sessions:delete', { id: session.id })).toEqual({
      ok: true,
      value: { id: session.id },
    });
    expect(await ipc.call('sessions:get', { id: session.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('sender checks', () => {
  it.each([
    ['a page from the internet', { url: 'https://evil.example/index.html', parent: null }],
    ['another local file', { url: 'file:///tmp/evil/index.html', parent: null }],
    ['our page inside a frame', { url: APP_URL, parent: { url: 'https://evil.example' } }],
    ['no frame at all', null],
    ['a malformed URL', { url: 'not a url', parent: null }],
  ])('refuses %s and changes nothing', async (_label, frame) => {
    await create();
    const before = dumpDatabase(core);
    for (const [channel, input] of [
      ['sessions:create', draft()],
      ['sessions:list', {}],
    ] as const) {
      const result = await ipc.call(channel, input, frame);
      expect(result).toEqual({
        ok: false,
        error: { code: 'forbidden', message: expect.any(String) as string },
      });
    }
    expect(dumpDatabase(core)).toBe(before);
    expect(logged.every((line) => line.startsWith('Refused'))).toBe(true);
  });

  it('accepts the dev server origin in development', () => {
    const check = createSenderCheck('http://localhost:5173/');
    expect(check('http://localhost:5173/#/sessions/new')).toBe(true);
    expect(check('http://localhost:5174/')).toBe(false);
    expect(check('http://127.0.0.1:5173/')).toBe(false);
  });
});

describe('malformed payloads', () => {
  const fiveMegabytes = 'x'.repeat(5 * 1024 * 1024);
  const id = '6f1c1b6e-7b0a-4f43-9d47-0c1f2c8f8a11';

  it.each<[string, string, unknown, string | undefined]>([
    ['a wrong type', 'sessions:create', { ...draft(), clientName: 42 }, 'clientName'],
    ['a missing field', 'sessions:create', { ...draft(), projectName: undefined }, 'projectName'],
    ['an extra key', 'sessions:create', { ...draft(), isAdmin: true }, 'isAdmin'],
    ['a 5 MB string', 'sessions:create', { ...draft(), description: fiveMegabytes }, 'description'],
    [
      'a 5 MB participant name',
      'sessions:create',
      { ...draft(), participants: [{ name: fiveMegabytes }] },
      'participants.0.name',
    ],
    ['a __proto__ key', 'sessions:create', withProtoKey(draft()), '__proto__'],
    [
      'a nested __proto__ key',
      'sessions:update',
      JSON.parse(`{"id":"${id}","baseRevision":0,"patch":{"__proto__":{"x":1}}}`),
      'patch.__proto__',
    ],
    ['null', 'sessions:create', null, undefined],
    ['an array', 'sessions:list', [], undefined],
    ['a string id', 'sessions:get', { id: "1' OR '1'='1" }, 'id'],
    ['a bad sort', 'sessions:list', { sort: 'DROP TABLE sessions' }, 'sort'],
    ['an empty patch', 'sessions:update', { id, baseRevision: 0, patch: {} }, 'patch'],
  ])('answers %s with a typed error and no row changed', async (_label, channel, input, field) => {
    await create();
    const before = dumpDatabase(core);
    const result = await ipc.call(channel, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.field).toBe(field);
    expect(result.error.message.length).toBeLessThan(300);
    expect(dumpDatabase(core)).toBe(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses participant ids that belong to another session', async () => {
    const a = await create();
    const b = await create();
    const before = dumpDatabase(core);
    const stolen = b.participants[0];
    const result = await ipc.call('sessions:update', {
      id: a.id,
      baseRevision: 0,
      patch: { participants: { remove: [stolen?.id] } },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'patch.participants.remove.0' },
    });
    expect(dumpDatabase(core)).toBe(before);
  });

  it('answers an unknown session with not_found', async () => {
    expect(
      await ipc.call('sessions:update', { id, baseRevision: 0, patch: { clientName: 'X' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('failures inside a handler', () => {
  it('become an internal error that leaks no detail and is logged', async () => {
    const failing = new FakeIpcMain();
    const handlers = {
      ...core.handlers,
      'sessions:list': () => {
        throw new Error('SQLITE_CORRUPT: secret path /home/dana');
      },
    };
    registerIpc(failing, handlers, createSenderCheck(APP_URL), (message) => logged.push(message));
    const result = await failing.call('sessions:list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logged).toContain('Handler for sessions:list failed');
  });

  it('never let an answer outside the contract through', async () => {
    const lying = new FakeIpcMain();
    const handlers = { ...core.handlers, 'sessions:delete': () => ({ id: 'not-a-uuid' }) };
    registerIpc(lying, handlers, createSenderCheck(APP_URL), (message) => logged.push(message));
    const result = await lying.call('sessions:delete', { id: '6f1c1b6e-7b0a-4f43-9d47-0c1f2c8f8a11' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
