/**
 * The loopback web host: serves the built renderer and answers the IPC contract over HTTP, with
 * the same handler map as Electron. Tests drive the real app through it in Chromium.
 *
 * Access control, in order: the Host header must name this loopback address (defeats DNS
 * rebinding); every request must carry the per-run token, either as the cookie set when the
 * printed link is first opened or as an `x-stackwise-token` header; API calls must be JSON
 * POSTs no larger than 24 MiB.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError, errorFromZod } from '@shared/ipc/result';
import type { Result } from '@shared/ipc/result';
import { CONTENT_SECURITY_POLICY } from '@shared/security/contentSecurityPolicy';
import { dispatch, logToConsole } from '../ipc/dispatch';
import type { ErrorLog } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlers';
import type { EventBus } from '../services/eventBus';

export const TOKEN_COOKIE = 'stackwise_token';
export const TOKEN_HEADER = 'x-stackwise-token';
/** Room for a session file (up to 20 MB, history included) in its JSON envelope. */
export const MAX_BODY_BYTES = 24 * 1024 * 1024;

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

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const log = options.log ?? logToConsole;
  const expectedToken = Buffer.from(options.token);
  const sockets = new Set<ServerResponse>();
  let allowedHosts: ReadonlySet<string> = new Set();

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
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (!allowedHosts.has(req.headers.host ?? '')) {
      return sendText(res, 403, 'This Stackwise host only answers on its own loopback address.');
    }

    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && queryToken !== null && hasToken(queryToken)) {
      // Trade the link's token for a cookie, then drop it from the address bar.
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        location: url.pathname + url.search,
        'set-cookie': `${TOKEN_COOKIE}=${options.token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      res.end();
      return;
    }

    if (!hasToken(readCookie(req, TOKEN_COOKIE) ?? singleHeader(req, TOKEN_HEADER))) {
      const message =
        'This Stackwise web host needs the secret link it printed when it started. Open that link again.';
      if (url.pathname.startsWith('/api/'))
        return sendJson(res, 401, failure(new AppError('forbidden', message)));
      return sendText(res, 401, message);
    }

    if (url.pathname === '/api/invoke') return invoke(req, res);
    if (url.pathname === '/api/events') return streamEvents(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    return serveStatic(url.pathname, req, res);
  }

  async function invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendText(res, 405, 'Use POST.');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(
        res,
        415,
        failure(new AppError('invalid_input', 'Send the request as application/json.')),
      );
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body.tooLarge) {
      return sendJson(
        res,
        413,
        failure(new AppError('too_large', `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB.`)),
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(body.text);
    } catch {
      return sendJson(res, 400, failure(new AppError('invalid_input', 'The request is not valid JSON.')));
    }
    const request = InvokeRequestSchema.safeParse(json);
    if (!request.success) return sendJson(res, 400, failure(errorFromZod(request.error)));
    sendJson(res, 200, await dispatch(options.handlers, request.data.channel, request.data.input, log));
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
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
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    const root = options.rendererDir;
    let file = join(root, relative || 'index.html');
    if (!file.startsWith(root + sep) && file !== root) return sendText(res, 404, 'Not found.');
    const info = await stat(file).catch(() => undefined);
    // Unknown paths get the app itself; it routes with the URL hash.
    if (!info?.isFile()) file = join(root, 'index.html');
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': type,
      'cache-control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
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

  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${options.token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of sockets) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
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

function singleHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

type Body = { tooLarge: true } | { tooLarge: false; text: string };

/** Reads the whole body; past `limit` it keeps draining the socket but stops keeping bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(
        tooLarge ? { tooLarge: true } : { tooLarge: false, text: Buffer.concat(chunks).toString('utf8') },
      ),
    );
    req.on('error', reject);
  });
}
