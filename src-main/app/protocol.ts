/**
 * The renderer is served from the app's own scheme, `app://stackwise/…`, not from `file://`:
 * a real origin (so `'self'` in the policy means our bundle and nothing else on the disk), the
 * Content Security Policy sent as a header as the web host sends it, and only files inside the
 * built renderer folder. Anything else (another host, a path that climbs out, a folder, a missing
 * file, a write) is answered 404 or 405 without touching the disk outside that folder.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { SECURITY_HEADERS } from '@shared/security/headers';
import { contentTypeOf } from '../web/mime';

export const APP_SCHEME = 'app';
export const APP_HOST = 'stackwise';
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Before the app is ready. `standard` gives the scheme real origins and relative URLs, `secure`
 * makes it a secure context like https; `supportFetchAPI` lets the page's module scripts load.
 * Deliberately not `corsEnabled` (other origins may not read it) nor `bypassCSP`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** After the app is ready: answers every `app:` request from the built renderer folder. */
export function installRendererProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createRendererHandler(rendererDir));
}

function refusal(status: 404 | 405): Response {
  return new Response(status === 404 ? 'Not found' : 'Method not allowed', {
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  });
}

function inside(root: string, path: string): boolean {
  return path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * The file a request names inside `root`, or undefined. Decoded once, then resolved and checked
 * against the folder; symbolic links are followed and checked again.
 */
async function fileFor(root: string, requestUrl: string): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const candidate = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  if (!inside(root, candidate)) return undefined;
  try {
    const real = await realpath(candidate);
    if (!inside(await realpath(root), real)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

export function createRendererHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    const file = await fileFor(root, request.url);
    if (!file) return refusal(404);
    const headers = { ...SECURITY_HEADERS, 'content-type': contentTypeOf(file), 'cache-control': 'no-cache' };
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    return new Response(await readFile(file), { status: 200, headers });
  };
}
