/**
 * The loopback web host: serves the built renderer and answers the IPC contract over HTTP, with
 * the same handler map as Electron. Tests drive the real app through it in Chromium.
 *
 * Access control, in order: the Host header must name this loopback address (defeats DNS
 * rebinding). The page and its assets hold no data and load without a credential. Every API
 * call must carry the per-run token in the `x-stackwise-token` header, which the page reads
 * once from the printed link and keeps in this origin's storage: never a cookie, because
 * cookies ignore ports and every other server on 127.0.0.1 would receive it. API calls from a
 * page of another origin (`Origin`, or `Sec-Fetch-Site` saying cross-site or same-site, which
 * is what another port on 127.0.0.1 is) are refused before the token is even looked at. Calls
 * must be JSON POSTs within the body limits; event streams are capped. Every answer under
 * `/api/` is the result envelope.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError, errorFromZod } from '@shared/ipc/result';
import type { ErrorCode, Result } from '@shared/ipc/result';
import { nestsDeeperThan } from '@shared/portable/nesting';
import { SESSION_FILE } from '@shared/portable/schema';
import { WEB_HOST } from '@shared/ipc/webHost';
import { SECURITY_HEADERS } from '@shared/security/headers';
import { dispatch, logToConsole } from '../ipc/dispatch';
import type { ErrorLog } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlers';
import type { EventBus } from '../services/eventBus';
import { byteBudget, readBody } from './body';
import { contentTypeOf } from './mime';

export const TOKEN_HEADER = WEB_HOST.tokenHeader;
/**
 * Room for the largest session file import takes, in its JSON envelope: written as a JSON string
 * each quote, backslash and line break of the file takes two bytes, so at most twice its size.
 */
export const MAX_BODY_BYTES = 2 * SESSION_FILE.maxBytes + 1024 * 1024;
/** All request bodies being read at once: two of the largest imports, never the host's memory. */
export const MAX_INFLIGHT_BYTES = 2 * MAX_BODY_BYTES;
/** Open event streams: one per tab or window, far more than a facilitator opens. */
export const MAX_EVENT_STREAMS = 16;
/** How long closing waits for busy connections (a download, a stream's last chunk) before cutting them. */
const CLOSE_GRACE_MS = 1000;
/** A call nests a few levels; far deeper is built to exhaust whatever walks it. */
export const MAX_REQUEST_NESTING = 64;

export const InvokeRequestSchema = z.strictObject({
  channel: z.string({ error: 'channel must be text.' }).max(100),
  input: z.unknown(),
});

export type WebHostOptions = {
  handlers: Handlers;
  events: EventBus;
  rendererDir: string;
  token: string;
  port: number;
  log?: ErrorLog;
};

export type WebHost = { url: string; port: number; close(): Promise<void> };

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const log = options.log ?? logToConsole;
  const expectedToken = Buffer.from(options.token);
  const sockets = new Set<ServerResponse>();
  const budget = byteBudget(MAX_INFLIGHT_BYTES);
  let allowedHosts: ReadonlySet<string> = new Set();
  let allowedOrigins: ReadonlySet<string> = new Set();

  const hasToken = (candidate: string | undefined) => {
    if (candidate === undefined) return false;
    const given = Buffer.from(candidate);
    return given.length === expectedToken.length && timingSafeEqual(given, expectedToken);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log('Web host request failed', error);
      if (!res.headersSent) sendJson(res, 500, failure(new AppError('internal', 'The web host failed.')));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = parseUrl(req.url ?? '/');
    if (url === undefined) return sendText(res, 400, 'The address is not valid.');
    const api = url.pathname.startsWith('/api/');
    const refuse = (status: number, code: ErrorCode, message: string) =>
      api ? sendJson(res, status, failure(new AppError(code, message))) : sendText(res, status, message);

    if (!allowedHosts.has(req.headers.host ?? '')) {
      return refuse(403, 'forbidden', 'This Stackwise host only answers on its own loopback address.');
    }
    if (!api) return servePage(url, req, res);

    if (isForeign(req, allowedOrigins)) {
      return refuse(
        403,
        'forbidden',
        'This Stackwise host only answers its own pages, not a page from another address.',
      );
    }
    if (!hasToken(singleHeader(req, TOKEN_HEADER))) {
      return refuse(
        401,
        'forbidden',
        'This Stackwise web host needs the secret link it printed when it started. Open that link again.',
      );
    }
    if (url.pathname === WEB_HOST.invokePath) return invoke(req, res);
    if (url.pathname === WEB_HOST.eventsPath) return streamEvents(req, res);
    return refuse(404, 'not_found', 'The web host has no such address.');
  }

  async function servePage(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    // The page takes the link's token itself; a wrong one is said at once, not on the first call.
    const linkToken = url.searchParams.get('token');
    if (linkToken !== null && !hasToken(linkToken)) {
      return sendText(
        res,
        401,
        'This is not the link this Stackwise web host printed (the token is new on every start). Open the link it printed.',
      );
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return sendText(res, 400, 'The address is not valid: it has a broken %-encoding.');
    }
    return serveStatic(pathname, req, res);
  }

  async function invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      return sendJson(res, 405, failure(new AppError('invalid_input', 'Send calls as POST requests.')));
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(
        res,
        415,
        failure(new AppError('invalid_input', 'Send the request as application/json.')),
      );
    }
    const body = await readBody(req, MAX_BODY_BYTES, budget);
    if (body.kind === 'too_large') {
      return sendJson(
        res,
        413,
        failure(new AppError('too_large', `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB.`)),
      );
    }
    if (body.kind === 'busy') {
      return sendJson(
        res,
        503,
        failure(
          new AppError(
            'unavailable',
            'The web host is receiving too much at once. Nothing was changed; try again in a moment.',
          ),
        ),
      );
    }
    try {
      sendJson(res, ...(await answer(body.text)));
    } finally {
      body.release();
    }
  }

  async function answer(text: string): Promise<[status: number, body: Result<unknown>]> {
    if (nestsDeeperThan(text, MAX_REQUEST_NESTING)) {
      return [400, failure(new AppError('invalid_input', 'The request is nested too deeply to be a call.'))];
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return [400, failure(new AppError('invalid_input', 'The request is not valid JSON.'))];
    }
    const request = InvokeRequestSchema.safeParse(json);
    if (!request.success) return [400, failure(errorFromZod(request.error))];
    return [200, await dispatch(options.handlers, request.data.channel, request.data.input, log)];
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') {
      return sendJson(res, 405, failure(new AppError('invalid_input', 'Follow events with a GET request.')));
    }
    if (sockets.size >= MAX_EVENT_STREAMS) {
      return sendJson(
        res,
        429,
        failure(
          new AppError(
            'unavailable',
            `Too many pages are following this host's changes (${MAX_EVENT_STREAMS}). Close a few tabs and reload.`,
          ),
        ),
      );
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    sockets.add(res);
    const unsubscribe = options.events.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      sockets.delete(res);
    });
  }

  async function serveStatic(pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const relative = normalize(pathname).replace(/^([/\\])+/, '');
    const root = options.rendererDir;
    let file = join(root, relative || 'index.html');
    if (!file.startsWith(root + sep) && file !== root) return sendText(res, 404, 'Not found.');
    const isFile = async (path: string) => (await stat(path).catch(() => undefined))?.isFile() ?? false;
    // Unknown paths get the app itself; it routes with the URL hash.
    if (!(await isFile(file))) file = join(root, 'index.html');
    if (!(await isFile(file))) return sendText(res, 404, 'The app is not built in this folder.');
    const type = contentTypeOf(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': type,
      'cache-control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));

  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${options.token}`,
    close: async () => {
      // Each page's event stream is ended with its last chunk written, so a page sees the stream
      // close rather than break off mid-chunk; connections still busy after a second are cut.
      const ended = [...sockets].map(
        (res) =>
          new Promise<void>((done) => {
            res.once('close', done);
            res.once('finish', done);
            res.end();
          }),
      );
      let cut: NodeJS.Timeout | undefined;
      const overdue = new Promise<void>((done) => {
        cut = setTimeout(done, CLOSE_GRACE_MS);
      });
      await Promise.race([Promise.all(ended), overdue]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        void overdue.then(() => server.closeAllConnections());
      });
      clearTimeout(cut);
    },
  };
}

function failure(error: AppError): Result<never> {
  return { ok: false, error: error.toData() };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function parseUrl(target: string): URL | undefined {
  try {
    return new URL(target, 'http://placeholder');
  } catch {
    return undefined;
  }
}

function singleHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A call made by a page that is not this host's own. Browsers send `Origin` on every POST and
 * cross-origin fetch, and `Sec-Fetch-Site` on every request; another port on 127.0.0.1 is
 * "same-site" there, so only "same-origin" (or "none", typed by the person) passes.
 */
function isForeign(req: IncomingMessage, allowedOrigins: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins.has(origin)) return true;
  const site = req.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}
