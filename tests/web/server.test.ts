import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, TOKEN_HEADER, startWebHost } from '../../src-main/web/server';
import type { WebHost } from '../../src-main/web/server';
import type { Core } from '../../src-main/core';
import { draft } from '../helpers/fixtures';
import { dumpDatabase, useCore } from '../helpers/core';
import { sendRaw } from '../helpers/http';
import type { RawRequest } from '../helpers/http';
import { useTempDir } from '../helpers/tempDir';

const TOKEN = 'test-token-0123456789abcdefghijkl';
const tempDir = useTempDir();
const makeCore = useCore(tempDir);

let host: WebHost;
let core: Core;
let base: string;

beforeEach(async () => {
  core = makeCore();
  const root = tempDir();
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Stackwise</title>');
  writeFileSync(join(root, 'secret.txt'), 'do not serve me');
  host = await startWebHost({
    handlers: core.handlers,
    events: core.events,
    rendererDir,
    token: TOKEN,
    port: 0,
    log: () => undefined,
  });
  base = `http://127.0.0.1:${host.port}`;
});

afterEach(async () => {
  await host.close();
});

const send = (path: string, options?: RawRequest) => sendRaw(`${base}${path}`, options);

const invoke = (body: unknown, headers: Record<string, string> = { [TOKEN_HEADER]: TOKEN }) =>
  send('/api/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('the token', () => {
  it('is required for every API call, as a header and never as a cookie', async () => {
    const api = await invoke({ channel: 'sessions:list', input: {} }, {});
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Cookies ignore ports, so a cookie would reach every server on 127.0.0.1: it is no credential.
    const cookie = await invoke(
      { channel: 'sessions:list', input: {} },
      { cookie: `stackwise_token=${TOKEN}` },
    );
    expect(cookie.status).toBe(401);
    expect((await send('/api/events', { headers: { cookie: `stackwise_token=${TOKEN}` } })).status).toBe(401);
    // The page itself holds no data: it loads, and everything it shows comes through the API.
    expect((await send('/')).status).toBe(200);
  });

  it('must be the right one', async () => {
    expect((await invoke({ channel: 'sessions:list', input: {} }, { [TOKEN_HEADER]: 'guess' })).status).toBe(
      401,
    );
    expect((await send(`/?token=${TOKEN.slice(0, -1)}`)).status).toBe(401);
  });

  it('in the printed link is left to the page, which keeps it out of cookies', async () => {
    expect(host.url).toBe(`${base}/?token=${TOKEN}`);
    const first = await send(`/?token=${TOKEN}`);
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(first.body).toContain('<title>Stackwise</title>');
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
  });
});

describe('requests', () => {
  it('naming another host are refused (DNS rebinding)', async () => {
    const res = await send('/', { headers: { host: 'evil.example', [TOKEN_HEADER]: TOKEN } });
    expect(res.status).toBe(403);
  });

  it('answer the contract with the same envelope as Electron IPC', async () => {
    const created = await invoke({ channel: 'sessions:create', input: draft() });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({
      ok: true,
      value: { clientName: 'Northwind Logistics' },
    });
    const bad = await invoke({ channel: 'sessions:create', input: { ...draft(), clientName: '' } });
    expect(JSON.parse(bad.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'clientName' },
    });
    const unknown = await invoke({ channel: 'system:exec', input: {} });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('that are too large, not JSON or oddly shaped change nothing', async () => {
    await invoke({ channel: 'sessions:create', input: draft() });
    const before = dumpDatabase(core);
    const huge = await invoke({
      channel: 'sessions:create',
      input: { ...draft(), description: 'x'.repeat(MAX_BODY_BYTES) },
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect((await invoke('{"channel":')).status).toBe(400);
    expect((await invoke({ channel: 'sessions:list', input: {}, extra: true })).status).toBe(400);
    const notJson = await send('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', [TOKEN_HEADER]: TOKEN },
      body: '{}',
    });
    expect(notJson.status).toBe(415);
    expect((await send('/api/invoke', { headers: { [TOKEN_HEADER]: TOKEN } })).status).toBe(405);
    expect(dumpDatabase(core)).toBe(before);
  });

  it('never serve files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await send(path, { headers: { [TOKEN_HEADER]: TOKEN } });
      expect(res.body).not.toContain('do not serve me');
    }
  });
});

describe('events', () => {
  it('stream every change to connected pages', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request(`${base}/api/events`, { headers: { [TOKEN_HEADER]: TOKEN } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('event: sessions:changed')) {
            resolve(text);
            req.destroy();
          } else if (text.includes(': connected')) {
            void invoke({ channel: 'sessions:create', input: draft() });
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    const text = await received;
    expect(text).toMatch(/event: sessions:changed\ndata: \{"id":"[0-9a-f-]{36}"\}/);
  });
});
