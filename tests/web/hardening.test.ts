/**
 * The web host against other pages and other clients on the same machine: calls from a page of
 * another origin are refused, event streams and request bodies are capped, odd addresses get a
 * plain refusal, and every answer under /api/ is the result envelope.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { ClientRequest } from 'node:http';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resultSchema } from '@shared/ipc/result';
import { z } from 'zod';
import {
  MAX_BODY_BYTES,
  MAX_EVENT_STREAMS,
  MAX_INFLIGHT_BYTES,
  TOKEN_HEADER,
  startWebHost,
} from '../../src-main/web/server';
import type { WebHost } from '../../src-main/web/server';
import type { Core } from '../../src-main/core';
import { draft } from '../helpers/fixtures';
import { dumpDatabase, useCore } from '../helpers/core';
import { sendRaw } from '../helpers/http';
import type { RawRequest, RawResponse } from '../helpers/http';
import { useTempDir } from '../helpers/tempDir';

const TOKEN = 'test-token-0123456789abcdefghijkl';
const tempDir = useTempDir();
const makeCore = useCore(tempDir);

let host: WebHost;
let core: Core;
let base: string;
const open: ClientRequest[] = [];

beforeEach(async () => {
  core = makeCore();
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Stackwise</title>');
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
  for (const req of open.splice(0)) req.destroy();
  await host.close();
});

const send = (path: string, options?: RawRequest) => sendRaw(`${base}${path}`, options);

const create = (headers: Record<string, string>) =>
  send('/api/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, ...headers },
    body: JSON.stringify({ channel: 'sessions:create', input: draft() }),
  });

const Envelope = resultSchema(z.unknown());
const envelopeOf = (raw: RawResponse) => Envelope.parse(JSON.parse(raw.body));

describe('a call from a page of another origin', () => {
  it('is refused with the envelope, and writes nothing, even with the token', async () => {
    const before = dumpDatabase(core);
    const refusals: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      // Another server on this machine: same address, another port.
      { origin: `http://127.0.0.1:${host.port + 1}` },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      // Browsers call another port on 127.0.0.1 "same-site"; it is still another origin.
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of refusals) {
      const res = await create(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(envelopeOf(res)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(dumpDatabase(core)).toBe(before);
  });

  it('from the host’s own page goes through', async () => {
    const res = await create({ origin: base, 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(200);
    expect(envelopeOf(res).ok).toBe(true);
    expect((await create({ origin: `http://localhost:${host.port}` })).status).toBe(200);
  });
});

/** Opens an event stream and waits for the host's first word on it. */
function stream(): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/events`, { headers: { [TOKEN_HEADER]: TOKEN } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
        if (res.statusCode === 200 && body.includes(': connected')) resolve({ status: 200, body });
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    open.push(req);
    req.on('error', reject);
    req.end();
  });
}

describe('limits', () => {
  it(`allow ${MAX_EVENT_STREAMS} event streams at once and refuse the next with the envelope`, async () => {
    for (let i = 0; i < MAX_EVENT_STREAMS; i++) expect((await stream()).status).toBe(200);
    const extra = await stream();
    expect(extra.status).toBe(429);
    expect(Envelope.parse(JSON.parse(extra.body))).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });

  /**
   * A large upload that has announced its size and is still arriving: `Expect: 100-continue`
   * makes the host say "continue" once it has taken the request, so the test knows it counts.
   */
  function upload(bytes: number): Promise<ClientRequest> {
    return new Promise((resolve, reject) => {
      const req = request(`${base}/api/invoke`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(bytes),
          expect: '100-continue',
          [TOKEN_HEADER]: TOKEN,
        },
      });
      open.push(req);
      req.on('continue', () => resolve(req));
      req.on('response', (res) => reject(new Error(`the host answered ${res.statusCode} at once`)));
      req.on('error', reject);
      req.flushHeaders();
    });
  }

  it('cap the bytes all requests may hold at once, and give them back when a request ends', async () => {
    // Uploads that together announce exactly the host's budget, each within one request's limit.
    const each = 20 * 1024 * 1024;
    const fit = Math.floor(MAX_INFLIGHT_BYTES / each);
    const sizes = [...Array.from({ length: fit }, () => each), MAX_INFLIGHT_BYTES - fit * each];
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const uploads: ClientRequest[] = [];
    for (const size of sizes.filter((size) => size > 0)) uploads.push(await upload(size));

    const before = dumpDatabase(core);
    const refused = await create({});
    expect(refused.status).toBe(503);
    expect(envelopeOf(refused)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(dumpDatabase(core)).toBe(before);

    // One upload finishes (a body the contract refuses, which is beside the point here).
    const [first] = uploads;
    const answered = new Promise<number>((resolve) =>
      first?.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }),
    );
    const padding = each - JSON.stringify({ channel: 'sessions:list', input: {}, pad: '' }).length;
    first?.end(JSON.stringify({ channel: 'sessions:list', input: {}, pad: 'x'.repeat(padding) }));
    expect(await answered).toBe(400);
    expect((await create({})).status).toBe(200);
  });

  it('refuse a body larger than one request may be before reading it', async () => {
    const res = await new Promise<RawResponse>((resolve, reject) => {
      const req = request(`${base}/api/invoke`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(MAX_BODY_BYTES + 1),
          expect: '100-continue',
          [TOKEN_HEADER]: TOKEN,
        },
      });
      open.push(req);
      req.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: {}, body }));
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(res.status).toBe(413);
    expect(envelopeOf(res)).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });
});

describe('odd requests', () => {
  it('a broken %-encoding in a page address is a bad request, not a failure', async () => {
    for (const path of ['/%E0%A4%A.js', '/%', '/assets/%ZZ.css']) {
      // With the token, so the answer is about the address and nothing else.
      expect((await send(path, { headers: { [TOKEN_HEADER]: TOKEN } })).status, path).toBe(400);
    }
  });

  it('a call nested far too deeply gets the envelope with a plain reason', async () => {
    const before = dumpDatabase(core);
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const headers = { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN };
    const file = `{"format":"stackwise-session","version":2,"checksum":"${'0'.repeat(64)}","content":${deep}}`;
    const imported = await send('/api/invoke', {
      method: 'POST',
      headers,
      body: JSON.stringify({ channel: 'portable:import', input: { text: file } }),
    });
    expect(imported.status).toBe(200);
    expect(envelopeOf(imported)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/nested too deeply/) as unknown },
    });
    const call = await send('/api/invoke', {
      method: 'POST',
      headers,
      body: `{"channel":"sessions:create","input":${deep}}`,
    });
    expect(call.status).toBe(400);
    expect(envelopeOf(call)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dumpDatabase(core)).toBe(before);
  });

  it('every answer under /api/ is the envelope', async () => {
    const token = { [TOKEN_HEADER]: TOKEN };
    const cases: Array<[string, { method?: string; headers?: Record<string, string>; body?: string }]> = [
      ['/api/nothing-here', { headers: token }],
      ['/api/invoke', { headers: token }],
      [
        '/api/events',
        { method: 'POST', headers: { ...token, 'content-type': 'application/json' }, body: '{}' },
      ],
      ['/api/invoke', { method: 'POST', headers: { ...token, 'content-type': 'text/plain' }, body: '{}' }],
      ['/api/invoke', { headers: { ...token, host: 'evil.example' } }],
      ['/api/%E0%A4%A', { headers: token }],
    ];
    for (const [path, options] of cases) {
      const res = await send(path, options);
      expect(res.headers['content-type'], path).toBe('application/json');
      expect(envelopeOf(res).ok, path).toBe(false);
      expect(res.status, path).toBeLessThan(500);
    }
  });
});
