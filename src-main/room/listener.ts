/**
 * The participant listener: a second HTTP server, bound to the one network address the
 * facilitator picked, that answers only `PARTICIPANT_API` (the page, lookup, join, me, ballot,
 * events). It is handed a `ParticipantGate` and nothing else: no handler map, no contract, no
 * service, so nothing a phone sends can reach a facilitator channel. Every other address is 404.
 *
 * Checks, in order: the request target is a path; the Host header is exactly this listener's
 * address and port (a rebinding page or a spoofed Host gets 421); a request from another origin
 * (`Origin`, or `Sec-Fetch-Site` cross-site or same-site) gets 403; writes are JSON within
 * `LIMITS.bodyBytes`, nested at most `LIMITS.nesting` deep, parsed with the room's schemas (400
 * naming the field, nothing changed). Wrong join codes, writes per address and ballots per device
 * are rate-limited on the injected clock (429 with Retry-After); connections and event streams
 * are capped. Every `/api/` answer is the result envelope of shared/ipc/result.ts.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import { AppError, errorFromZod } from '@shared/ipc/result';
import { nestsDeeperThan } from '@shared/portable/nesting';
import {
  BallotRequestSchema,
  JoinRequestSchema,
  LookupRequestSchema,
  PARTICIPANT_API,
} from '@shared/room/schema';
import type {
  BallotReceipt,
  BallotRequest,
  JoinInfo,
  JoinRequest,
  ParticipantView,
} from '@shared/room/schema';
import { describeWriteFailure } from '../db/writeFailure';
import type { ErrorLog } from '../ipc/dispatch';
import { byteBudget, readBody } from '../web/body';
import { createRateLimiter } from './limits';
import type { RateDecision } from './limits';
import {
  failure,
  isForeign,
  method,
  remoteAddress,
  capPerAddress,
  guessKey,
  isLoopback,
  SECURITY_HEADERS,
  sendJson,
  sendText,
  servePage,
  success,
} from './http';
import type { PageFiles } from './page';
import { statusOf } from './refusal';

/** Everything the listener may ask of the room; each call checks the device's token itself. */
export type ParticipantGate = {
  codeMatches(code: string): boolean;
  lookup(code: string): JoinInfo;
  /** `from` is the network address, which bounds how many devices wait from it. */
  join(
    request: JoinRequest,
    token: string | undefined,
    from: string,
  ): { status: 'joined' | 'pending'; token: string };
  /** The device's id when the token is one of the room's, for the per-device limits. */
  deviceOf(token: string | undefined): string | undefined;
  me(token: string | undefined): ParticipantView;
  ballot(token: string | undefined, request: BallotRequest): BallotReceipt;
  /** Follows the room's changes; returns the unfollow. Throws when the token is not in the room. */
  follow(token: string | undefined, sink: StreamSink): () => void;
};

export type StreamSink = { nudge(version: number): void; end(): void };

export const LIMITS = {
  /** A ballot of 40 criteria is about 1 KB; pairwise on 7 criteria less. */
  bodyBytes: 64 * 1024,
  /** All bodies being read at once. */
  inflightBytes: 1024 * 1024,
  nesting: 16,
  /** Sockets open at once: a few per phone for sixty participants. */
  connections: 400,
  /**
   * Sockets open at once from one address (loopback aside: that is this computer itself): a
   * dozen phones behind one NAT loading the page at once, and far from the total, so one
   * computer holding idle sockets leaves the rest for everyone else.
   */
  connectionsPerAddress: 48,
  /** Event streams open at once, and per device (a phone with two tabs, a reload in flight). */
  streams: 200,
  streamsPerDevice: 3,
  /** A device still waiting for the facilitator needs one, to hear it was let in. */
  streamsPerWaitingDevice: 1,
  /**
   * Wrong join codes per address (per /64 for IPv6): guessing one of 887 million codes at 10 a
   * minute is hopeless; and in the whole room, from however many addresses, 100 a minute.
   */
  codeFailures: { limit: 10, windowMs: 60_000 },
  codeFailuresPerRoom: { limit: 100, windowMs: 60_000 },
  /** Joins and ballots per address: room for a dozen phones behind one address (a hotspot, NAT). */
  writesPerAddress: { limit: 240, windowMs: 60_000 },
  /** Ballots per device: far more than a person changes their mind. */
  ballotsPerDevice: { limit: 30, windowMs: 60_000 },
  heartbeatMs: 15_000,
} as const;

export type ListenerOptions = {
  address: string;
  /**
   * The addresses phones may name in the Host header: the bound address itself, or, only when the
   * facilitator bound every interface on purpose, each of this computer's addresses.
   */
  reachableAt: readonly string[];
  port: number;
  gate: ParticipantGate;
  page: PageFiles;
  now: () => number;
  log: ErrorLog;
  heartbeatMs?: number;
  /** Lower caps, for tests that fill them (the per-address one then counts loopback too). */
  caps?: { connections?: number; streams?: number; connectionsPerAddress?: number };
};

export type Listener = {
  readonly address: string;
  readonly port: number;
  /** `http://address:port`, the origin phones load the page from. */
  readonly origin: string;
  readonly streams: number;
  /** Ends every stream and connection at once; settles when the server has stopped. */
  close(): Promise<void>;
};

const COOKIE_MAX_AGE_SECONDS = 12 * 60 * 60;

/** `host:port` as a browser writes it in the Host header (IPv6 in brackets). */
export function hostOf(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

export async function startListener(options: ListenerOptions): Promise<Listener> {
  const { gate, page, log } = options;
  const budget = byteBudget(LIMITS.inflightBytes);
  const codeFailures = createRateLimiter(LIMITS.codeFailures, options.now);
  const roomFailures = createRateLimiter(LIMITS.codeFailuresPerRoom, options.now);
  const addressWrites = createRateLimiter(LIMITS.writesPerAddress, options.now);
  const deviceBallots = createRateLimiter(LIMITS.ballotsPerDevice, options.now);
  const streams = new Set<ServerResponse>();
  let hosts: ReadonlySet<string> = new Set();
  let origin = '';

  // Node checks the timeouts below this often (default 30 s): an idle socket goes within seconds.
  const server: Server = createServer({ connectionsCheckingInterval: 2_000 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      log('Room listener request failed', error);
      if (!res.headersSent)
        sendJson(res, 500, failure(new AppError('internal', 'The room could not answer.')));
      else res.destroy();
    });
  });
  server.maxConnections = options.caps?.connections ?? LIMITS.connections;
  server.headersTimeout = 5_000;
  server.requestTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  capPerAddress(
    server,
    (from) =>
      options.caps?.connectionsPerAddress ?? (isLoopback(from) ? Infinity : LIMITS.connectionsPerAddress),
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? '';
    const path = target.split('?')[0] ?? '';
    const api = path.startsWith('/api/');
    const refuse = (status: number, code: AppError['code'], message: string) => {
      // A body left unread would make Node drop the connection under the client's next request.
      req.resume();
      if (api) sendJson(res, status, failure(new AppError(code, message)));
      else sendText(res, status, message);
    };
    // Only a path: an absolute-form target could name another host than the Host header does.
    if (!target.startsWith('/')) return refuse(400, 'invalid_input', 'The address is not valid.');
    const host = req.headers.host ?? '';
    if (!hosts.has(host)) {
      return refuse(421, 'forbidden', `This room answers only at ${origin}.`);
    }
    if (isForeign(req, `http://${host}`)) {
      return refuse(403, 'forbidden', 'The room answers only its own page, not a page from another address.');
    }
    if (!api) return servePage(page, path, req, res);
    const address = remoteAddress(req);
    const token = cookieToken(req, gate);
    try {
      switch (path) {
        case PARTICIPANT_API.lookup:
          if (!method(req, res, 'POST')) return;
          return await withJson(req, res, LookupRequestSchema, (body) => {
            if (!checkCode(res, address, body.code)) return;
            sendJson(res, 200, success(gate.lookup(body.code)));
          });
        case PARTICIPANT_API.join:
          if (!method(req, res, 'POST')) return;
          return await withJson(req, res, JoinRequestSchema, (body) => {
            if (!checkCode(res, address, body.code)) return;
            if (!allowed(res, addressWrites.hit(address), 'Too many requests from this network address'))
              return;
            const joined = gate.join(body, token, address);
            res.setHeader(
              'set-cookie',
              `${PARTICIPANT_API.cookie}=${joined.token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${COOKIE_MAX_AGE_SECONDS}`,
            );
            sendJson(res, 200, success({ status: joined.status }));
          });
        case PARTICIPANT_API.me:
          if (!method(req, res, 'GET')) return;
          return sendJson(res, 200, success(gate.me(token)));
        case PARTICIPANT_API.ballot:
          if (!method(req, res, 'PUT')) return;
          return await withJson(req, res, BallotRequestSchema, (body) => {
            const device = gate.deviceOf(token);
            if (
              device !== undefined &&
              !allowed(res, deviceBallots.check(device), 'Too many ballots from this device')
            )
              return;
            if (!allowed(res, addressWrites.hit(address), 'Too many requests from this network address'))
              return;
            if (device !== undefined) deviceBallots.hit(device);
            sendJson(res, 200, success(gate.ballot(token, body)));
          });
        case PARTICIPANT_API.events:
          if (!method(req, res, 'GET')) return;
          return follow(req, res, token);
        default:
          return refuse(404, 'not_found', 'The room has no such address.');
      }
    } catch (error) {
      answerError(res, error);
    }
  }

  function answerError(res: ServerResponse, error: unknown): void {
    if (error instanceof AppError) return sendJson(res, statusOf(error), failure(error));
    const writeFailure = describeWriteFailure(error);
    log(writeFailure ? 'The room could not store a ballot' : 'Room request failed', error);
    sendJson(
      res,
      writeFailure ? 503 : 500,
      failure(
        writeFailure
          ? new AppError('write_failed', `Your ballot was not stored: ${writeFailure}`)
          : new AppError('internal', 'Something went wrong in the room. Nothing was changed.'),
      ),
    );
  }

  function checkCode(res: ServerResponse, address: string, code: string): boolean {
    const from = guessKey(address);
    if (!allowed(res, codeFailures.check(from), 'Too many wrong join codes from this network address'))
      return false;
    if (!allowed(res, roomFailures.check('room'), 'Too many wrong join codes in this room just now'))
      return false;
    if (gate.codeMatches(code)) return true;
    codeFailures.hit(from);
    roomFailures.hit('room');
    sendJson(
      res,
      404,
      failure(
        new AppError(
          'not_found',
          'That is not the code of the room open now. Check the code on the shared screen.',
          'code',
        ),
      ),
    );
    return false;
  }

  function allowed(res: ServerResponse, decision: RateDecision, what: string): boolean {
    if (decision.allowed) return true;
    res.setHeader('retry-after', String(decision.retryAfterSeconds));
    sendJson(
      res,
      429,
      failure(
        new AppError('unavailable', `${what}. Wait ${decision.retryAfterSeconds} seconds and try again.`),
      ),
    );
    return false;
  }

  async function withJson<S extends z.ZodType>(
    req: IncomingMessage,
    res: ServerResponse,
    schema: S,
    use: (body: z.output<S>) => void,
  ): Promise<void> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      req.resume();
      return sendJson(
        res,
        415,
        failure(new AppError('invalid_input', 'Send the request as application/json.')),
      );
    }
    const body = await readBody(req, LIMITS.bodyBytes, budget);
    if (body.kind === 'too_large')
      return sendJson(
        res,
        413,
        failure(new AppError('too_large', `The request is larger than ${LIMITS.bodyBytes / 1024} KB.`)),
      );
    if (body.kind === 'busy')
      return sendJson(
        res,
        503,
        failure(
          new AppError('unavailable', 'The room is receiving too much at once. Try again in a moment.'),
        ),
      );
    try {
      if (nestsDeeperThan(body.text, LIMITS.nesting))
        return sendJson(
          res,
          400,
          failure(new AppError('invalid_input', 'The request is nested too deeply.')),
        );
      let json: unknown;
      try {
        json = JSON.parse(body.text);
      } catch {
        return sendJson(res, 400, failure(new AppError('invalid_input', 'The request is not valid JSON.')));
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) return sendJson(res, 400, failure(errorFromZod(parsed.error)));
      use(parsed.data);
    } finally {
      body.release();
    }
  }

  function follow(req: IncomingMessage, res: ServerResponse, token: string | undefined): void {
    if (streams.size >= (options.caps?.streams ?? LIMITS.streams)) {
      return sendJson(
        res,
        503,
        failure(new AppError('unavailable', 'The room is full. Try again in a moment.')),
      );
    }
    const unfollow = gate.follow(token, {
      nudge: (version) => res.write(`data: ${JSON.stringify({ version })}\n\n`),
      end: () => res.end(),
    });
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    let done = false;
    const stop = () => {
      if (done) return;
      done = true;
      streams.delete(res);
      unfollow();
    };
    req.on('close', stop);
    res.on('close', stop);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host: options.address, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  hosts = new Set(options.reachableAt.map((address) => hostOf(address, port)));
  origin = `http://${hostOf(options.reachableAt[0] ?? options.address, port)}`;

  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': heartbeat\n\n');
  }, options.heartbeatMs ?? LIMITS.heartbeatMs);
  heartbeat.unref();

  return {
    address: options.address,
    port,
    origin,
    get streams() {
      return streams.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The device token from the cookie. Cookies ignore ports, so a browser may carry one from another
 * room on the same address; the first the room knows wins.
 */
function cookieToken(req: IncomingMessage, gate: ParticipantGate): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  const values = header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${PARTICIPANT_API.cookie}=`))
    .map((part) => part.slice(PARTICIPANT_API.cookie.length + 1));
  return values.find((value) => gate.deviceOf(value) !== undefined) ?? values[0];
}
