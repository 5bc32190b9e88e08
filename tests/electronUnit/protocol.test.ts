/**
 * The app:// scheme the renderer is served from: privileged as a standard, secure scheme before
 * the app is ready; only files inside the built renderer folder, with the same Content Security
 * Policy as the page's own; every way of climbing out of that folder answered 404.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

import { CONTENT_SECURITY_POLICY } from '@shared/security/contentSecurityPolicy';
import { SECURITY_HEADERS } from '@shared/security/headers';
import { runApp } from '../../src-main/app/lifecycle';
import { createRendererHandler, RENDERER_URL } from '../../src-main/app/protocol';
import { createSenderCheck } from '../../src-main/ipc/senderCheck';
import { FakeBrowserWindow, protocol, resetFakeElectron } from './fakeElectron';
import { fakeCore } from './fakeCore';

let base: string;
let rendererDir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'stackwise-protocol-'));
  rendererDir = join(base, 'out', 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Stackwise</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  // Beside the renderer folder, with a name that starts like it: a prefix check alone would pass it.
  mkdirSync(join(base, 'out', 'renderer-secrets'));
  writeFileSync(join(base, 'out', 'renderer-secrets', 'key.txt'), 'SECRET');
  writeFileSync(join(base, 'out', 'secret.txt'), 'SECRET');
  symlinkSync(join(base, 'out', 'secret.txt'), join(rendererDir, 'assets', 'linked.txt'));
  handler = createRendererHandler(rendererDir);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));
beforeEach(resetFakeElectron);

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('what the scheme serves', () => {
  it('our page, with the policy as a header', async () => {
    const response = await get('app://stackwise/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Stackwise</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('every answer, a refusal too, carries the headers the web host sends', async () => {
    const answers = [
      await get('app://stackwise/index.html'),
      await get('app://stackwise/missing.js'),
      await get('app://stackwise/index.html', 'POST'),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 404, 405]);
    for (const answer of answers) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(answer.headers.get(name)).toBe(value);
    }
  });

  it('the root as the page, and the bundle with its type', async () => {
    expect(await (await get('app://stackwise/')).text()).toContain('Stackwise');
    const script = await get('app://stackwise/assets/index-abc.js?v=1#x');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('a HEAD request has the headers and no body', async () => {
    const response = await get('app://stackwise/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('no writes', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      expect((await get('app://stackwise/index.html', method)).status).toBe(405);
    }
  });
});

describe('nothing outside the renderer folder', () => {
  it.each([
    'app://stackwise/../secret.txt',
    'app://stackwise/%2e%2e/secret.txt',
    'app://stackwise/..%2fsecret.txt',
    'app://stackwise/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://stackwise/%2e%2e%2frenderer-secrets%2fkey.txt',
    'app://stackwise/..%5csecret.txt',
    'app://stackwise/%2fetc%2fpasswd',
    'app://stackwise//etc/passwd',
    'app://stackwise/index.html%00.png',
    'app://stackwise/%E0%A4%A',
    'app://stackwise/assets/linked.txt',
    'app://stackwise/assets',
    'app://stackwise/missing.js',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('%s is not found', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('the running app', () => {
  it('registers the scheme as privileged before it is ready, serves it, and opens its page there', async () => {
    await runApp({
      mainDir: join(rendererDir, '..', 'main'),
      devServerUrl: undefined,
      argv: [],
      env: {},
      platform: 'linux',
      version: '1',
      createCore: fakeCore().createCore,
    }).started;
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const served = protocol.handlers.get('app');
    if (!served) throw new Error('the app scheme has no handler');
    expect((await served(new Request('app://stackwise/index.html'))).status).toBe(200);
    expect((await served(new Request('app://stackwise/%2e%2e/secret.txt'))).status).toBe(404);
    expect(FakeBrowserWindow.all[0]?.loaded).toEqual([RENDERER_URL]);
  });

  it('in development the page comes from the dev server and the scheme serves nothing', async () => {
    await runApp({
      mainDir: '/dev/out/main',
      devServerUrl: 'http://localhost:5173/',
      argv: [],
      env: {},
      platform: 'linux',
      version: '1',
      createCore: fakeCore().createCore,
    }).started;
    expect(protocol.handlers.size).toBe(0);
    expect(FakeBrowserWindow.all[0]?.loaded).toEqual(['http://localhost:5173/']);
  });
});

describe('which page may call in and navigate', () => {
  const isOwnPage = createSenderCheck(RENDERER_URL);
  it.each([
    ['our page', 'app://stackwise/index.html#/sessions', true],
    ['our page with a query', 'app://stackwise/index.html?x=1#/present/s1', true],
    ['the phone page from the same build', 'app://stackwise/participant.html', false],
    ['another host of the scheme', 'app://evil/index.html', false],
    ['another custom scheme', 'other://stackwise/index.html', false],
    ['the file the page used to be', 'file:///opt/Stackwise/out/renderer/index.html', false],
    ['a web page', 'https://stackwise/index.html', false],
  ])('%s: %s', (_label, url, allowed) => expect(isOwnPage(url)).toBe(allowed));
});
