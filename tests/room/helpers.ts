/**
 * The room in tests: a real core on a temporary database, a built-looking renderer folder with a
 * participant page, the room opened on 127.0.0.1, and phones as plain HTTP clients with their
 * own cookie, so every header is the test's to set.
 */
import { request } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Core, CoreOptions } from '../../src-main/core';
import { dispatch } from '../../src-main/ipc/dispatch';
import { startListener } from '../../src-main/room/listener';
import type { Listener, ListenerOptions, ParticipantGate } from '../../src-main/room/listener';
import { loadPageFiles } from '../../src-main/room/page';
import type { Channel, ChannelInput, ChannelOutput } from '@shared/ipc/contract';
import { DEFAULT_ROOM_SETTINGS, PARTICIPANT_API } from '@shared/room/schema';
import type { BallotSubmission, RoomSettings } from '@shared/room/schema';
import type { RoomStatus } from '@shared/room/contract';
import type { Action } from '@shared/workshop';
import { useCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { sendRaw } from '../helpers/http';
import type { RawResponse } from '../helpers/http';
import { useTempDir } from '../helpers/tempDir';
import { fakeRenderer } from './renderer';

export { fakeRenderer };

/** A clock the test moves by hand. */
export function fakeClock(start = Date.parse('2026-03-12T09:00:00.000Z')) {
  let at = start;
  return {
    now: () => new Date(at),
    advance: (ms: number) => {
      at += ms;
    },
  };
}

export async function call<C extends Channel>(
  core: Core,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await dispatch(core.handlers, channel, input, () => undefined);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

/**
 * Cores for room tests, each on its own temporary folder with a fake renderer and a hand-moved
 * clock, their rooms closed after each test. `restart` starts another core on the same options,
 * as the app starts again on the same database.
 */
export function useRoomCore() {
  const tempDir = useTempDir();
  const makeCore = useCore(tempDir);
  const cores: Core[] = [];
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.room.closeAll();
  });
  const restart = (options: Partial<CoreOptions>): Core => {
    const core = makeCore(options);
    cores.push(core);
    return core;
  };
  const roomCore = () => {
    const dir = tempDir();
    const clock = fakeClock();
    const options = {
      rendererDir: fakeRenderer(dir),
      databasePath: join(dir, 'stackwise.sqlite'),
      now: clock.now,
    };
    return { core: restart(options), clock, options };
  };
  return Object.assign(roomCore, { restart });
}

/**
 * The participant listener on its own, serving the fake renderer's page on 127.0.0.1 with a
 * stand-in room. Listeners and the raw sockets a test pushes to `sockets` close after each test.
 */
export function useListener() {
  const tempDir = useTempDir();
  const listeners: Listener[] = [];
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    for (const listener of listeners.splice(0)) await listener.close();
  });
  const start = async (gate: ParticipantGate, caps?: ListenerOptions['caps']) => {
    const listener = await startListener({
      address: '127.0.0.1',
      reachableAt: ['127.0.0.1'],
      port: 0,
      gate,
      page: await loadPageFiles(fakeRenderer(tempDir())),
      now: () => 0,
      log: () => undefined,
      ...(caps ? { caps } : {}),
    });
    listeners.push(listener);
    return listener;
  };
  return { start, sockets };
}

export type OpenedRoom = Extract<RoomStatus, { open: true }>;

export async function openRoom(
  core: Core,
  sessionId: string,
  settings: Partial<RoomSettings> = {},
): Promise<OpenedRoom> {
  const status = await call(core, 'room:open', {
    sessionId,
    address: '127.0.0.1',
    port: 0,
    settings: { ...DEFAULT_ROOM_SETTINGS, ...settings },
  });
  if (!status.open) throw new Error('The room did not open.');
  return status;
}

export async function newSession(core: Core, names = ['Priya', 'Marek', 'Ana']) {
  return call(core, 'sessions:create', draft({ participants: names.map((name) => ({ name })) }));
}

/** One action on the session's workshop, at its current revision. */
export async function apply(core: Core, sessionId: string, action: Action) {
  const { revision } = await call(core, 'workshop:get', { sessionId });
  return call(core, 'workshop:apply', { sessionId, baseRevision: revision, action });
}

export type CoreMaker = (options?: Partial<CoreOptions>) => Core;

type Envelope =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; field?: string } };

export type PhoneAnswer = RawResponse & { json: Envelope };

/** One phone: its cookie, kept between requests as a browser keeps it. */
export function phone(room: { port: number }, options: { address?: string } = {}) {
  const base = `http://${options.address ?? '127.0.0.1'}:${room.port}`;
  let cookie: string | undefined;
  const send = async (
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...(cookie ? { cookie } : {}), ...init.headers };
    const body =
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body);
    if (body !== undefined) {
      headers['content-type'] ??= 'application/json';
      // Node sends a DELETE's body without a length unless told it.
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const answer = await sendRaw(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const set = answer.headers['set-cookie']?.[0];
    if (set) cookie = set.split(';')[0];
    let json: Envelope = { ok: false, error: { code: 'none', message: '' } };
    if ((answer.headers['content-type'] ?? '').toString().startsWith('application/json'))
      json = JSON.parse(answer.body) as Envelope;
    return { ...answer, json };
  };
  return {
    send,
    get cookie() {
      return cookie;
    },
    set cookie(value: string | undefined) {
      cookie = value;
    },
    lookup: (code: string) => send(PARTICIPANT_API.lookup, { method: 'POST', body: { code } }),
    join: (code: string, pick: { participantId: string } | { name: string }) =>
      send(PARTICIPANT_API.join, { method: 'POST', body: { code, pick } }),
    me: () => send(PARTICIPANT_API.me),
    ballot: (round: number, basedOn: number, ballot: BallotSubmission) =>
      send(PARTICIPANT_API.ballot, { method: 'PUT', body: { round, basedOn, ballot } }),
  };
}

export type Phone = ReturnType<typeof phone>;

/** The value of a successful answer, failing the test with the room's message otherwise. */
export function valueOf<T = unknown>(answer: PhoneAnswer): T {
  if (!answer.json.ok) expect.fail(`${answer.status}: ${answer.json.error.message}`);
  return answer.json.value as T;
}

/** A complete slider ballot for these criteria. */
export function sliders(criteria: ReadonlyArray<{ id: string }>, value = 5): BallotSubmission {
  return {
    method: 'direct',
    direct: Object.fromEntries(criteria.map((c, i) => [c.id, (value + i) % 11 || 1])),
  };
}

export type RoomStream = {
  status: number;
  /** Everything the stream has sent so far. */
  text(): string;
  /** Settles once the stream has sent text matching `pattern` (already or later). */
  until(pattern: RegExp): Promise<void>;
  /** Settles when the room ends the stream. */
  ended: Promise<void>;
  close(): void;
};

/** A phone's event stream, held open; settles once the answer's headers arrived. */
export function followRoom(port: number, cookie: string, address = '127.0.0.1'): Promise<RoomStream> {
  return new Promise((resolve, reject) => {
    const req = request({ host: address, port, path: PARTICIPANT_API.events, headers: { cookie } }, (res) => {
      let text = '';
      const waiting = new Set<{ pattern: RegExp; done: () => void }>();
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        for (const wait of [...waiting])
          if (wait.pattern.test(text)) {
            waiting.delete(wait);
            wait.done();
          }
      });
      const ended = new Promise<void>((done) => res.on('close', done));
      resolve({
        status: res.statusCode ?? 0,
        text: () => text,
        until: (pattern) =>
          new Promise((done) => {
            if (pattern.test(text)) done();
            else waiting.add({ pattern, done });
          }),
        ended,
        close: () => req.destroy(),
      });
    });
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
    req.end();
  });
}
