/**
 * The participant listener's answers: the result envelope with strict headers, and the page
 * files. Every answer carries the page's Content Security Policy and `nosniff`, and none is cached
 * except the page's own files, revalidated by their ETag.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { AppError } from '@shared/ipc/result';
import type { Result } from '@shared/ipc/result';
import { JoinCodeSchema, PARTICIPANT_API } from '@shared/room/schema';
import { CONTENT_SECURITY_POLICY } from '@shared/security/contentSecurityPolicy';
import type { PageFile, PageFiles } from './page';

export const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

const JOIN_LINK = new RegExp(`^${PARTICIPANT_API.joinLink}([A-Za-z0-9]+)$`);

/** The page at `/` and `/j/<CODE>`, and the files it references (from `/j/` too, being relative). */
export function servePage(page: PageFiles, path: string, req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  const link = JOIN_LINK.exec(path);
  const isPage =
    path === PARTICIPANT_API.page || (link !== null && JoinCodeSchema.safeParse(link[1]).success);
  // The page's references are relative, so from /j/<CODE> they arrive under /j/ too.
  const relative = path.startsWith(PARTICIPANT_API.joinLink)
    ? path.slice(PARTICIPANT_API.joinLink.length)
    : path.slice(1);
  const file: PageFile | undefined = isPage ? page.html : page.asset(relative);
  if (!isPage && !file) return sendText(res, 404, 'Not found.');
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
  if (!file) return sendText(res, 503, 'The participant page is not built. Build the app (npm run build).');
  const headers = {
    ...SECURITY_HEADERS,
    'content-type': file.type,
    'cache-control': file === page.html ? 'no-store' : 'no-cache',
    etag: file.etag,
  };
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': file.body.length });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

export function method(req: IncomingMessage, res: ServerResponse, expected: string): boolean {
  if (req.method === expected) return true;
  req.resume();
  res.setHeader('allow', expected);
  sendJson(res, 405, failure(new AppError('invalid_input', `Send this as a ${expected} request.`)));
  return false;
}

export function success<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure(error: AppError): Result<never> {
  return { ok: false, error: error.toData() };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

export function remoteAddress(req: IncomingMessage): string {
  return addressKey(req.socket.remoteAddress ?? 'unknown');
}

/** The address limits are counted by: an IPv4 address mapped into IPv6 is that IPv4 address. */
export function addressKey(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/**
 * The key wrong join codes are counted by: an IPv6 address's /64 (one network, where anyone has
 * billions of addresses), an IPv4 address itself.
 */
export function guessKey(address: string): string {
  const plain = addressKey(address).split('%')[0] ?? '';
  if (!plain.includes(':')) return plain;
  const [head = '', tail] = plain.split('::');
  const front = head === '' ? [] : head.split(':');
  const back = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** This computer talking to itself. */
export function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1';
}

/** Like the web host: another origin's page, or a request a browser marks cross-site or same-site. */
export function isForeign(req: IncomingMessage, origin: string): boolean {
  const given = req.headers.origin;
  if (given !== undefined && given !== origin) return true;
  const site = req.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

/**
 * Drops a socket at once when its address already has `most(address)` open, so one computer
 * holding idle sockets cannot take the whole connection cap.
 */
export function capPerAddress(server: Server, most: (address: string) => number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const from = addressKey(socket.remoteAddress ?? 'unknown');
    const count = (open.get(from) ?? 0) + 1;
    if (count > most(from)) return void socket.destroy();
    open.set(from, count);
    socket.once('close', () => {
      const left = (open.get(from) ?? 1) - 1;
      if (left <= 0) open.delete(from);
      else open.set(from, left);
    });
  });
}
