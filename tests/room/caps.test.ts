/**
 * The participant listener on its own, with a stand-in room: what it can reach (only the gate it
 * is given, never a handler), and its caps on connections and event streams.
 */
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '@shared/ipc/contract';
import type { ParticipantGate } from '../../src-main/room/listener';
import { sendRaw } from '../helpers/http';
import { useListener } from './helpers';

const ROOT = resolve(import.meta.dirname, '..', '..');
const { start, sockets } = useListener();

/** A room that records every call and answers as an empty one would. */
function recordingGate() {
  const calls: string[] = [];
  const gate: ParticipantGate = {
    codeMatches: () => (calls.push('codeMatches'), false),
    lookup: () => {
      calls.push('lookup');
      throw new Error('no room');
    },
    join: () => {
      calls.push('join');
      throw new Error('no room');
    },
    deviceOf: () => (calls.push('deviceOf'), undefined),
    me: () => {
      calls.push('me');
      throw new Error('no room');
    },
    ballot: () => {
      calls.push('ballot');
      throw new Error('no room');
    },
    follow: () => {
      calls.push('follow');
      return () => undefined;
    },
  };
  return { gate, calls };
}

/** The project files a module loads at run time (type-only imports are erased), transitively. */
function runtimeGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  // Bounded by the project's size; each file is read once.
  for (let i = 0; i < queue.length && i < 2000; i++) {
    const file = queue[i] as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const specifiers = [
      ...[...text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(type\s+)?[^;'"]*?from\s+'([^']+)'/g)]
        .filter((match) => match[1] === undefined)
        .map((match) => match[2] ?? ''),
      ...[...text.matchAll(/(?:^|\n)\s*import\s+'([^']+)'/g)].map((match) => match[1] ?? ''),
    ];
    for (const specifier of specifiers) {
      const base = specifier.startsWith('@shared/')
        ? join(ROOT, 'shared', specifier.slice('@shared/'.length))
        : specifier.startsWith('.')
          ? resolve(dirname(file), specifier)
          : undefined;
      if (base === undefined) continue;
      for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
        try {
          readFileSync(candidate);
          queue.push(candidate);
          break;
        } catch {
          // Not this one.
        }
      }
    }
  }
  return new Set([...seen].map((file) => relative(ROOT, file)));
}

describe('what the listener can reach', () => {
  it('is the gate it is given: its code loads no handler, no dispatch, no service and no contract', () => {
    const graph = runtimeGraph(join(ROOT, 'src-main/room/listener.ts'));
    expect(graph.has('src-main/room/http.ts')).toBe(true);
    const reachable = [...graph].filter(
      (file) =>
        file.startsWith('src-main/ipc/') ||
        file.startsWith('src-main/services/') ||
        file.startsWith('src-main/web/server') ||
        file === 'src-main/core.ts' ||
        file === 'shared/ipc/contract.ts',
    );
    expect(reachable).toEqual([]);
  });

  it('never asks the room anything for an address that is not the participant API', async () => {
    const { gate, calls } = recordingGate();
    const listener = await start(gate);
    const base = `http://127.0.0.1:${listener.port}`;
    for (const channel of CHANNELS)
      for (const path of [`/api/${channel}`, `/api/invoke`, `/${channel}`])
        for (const method of ['GET', 'POST']) {
          const body = JSON.stringify({ channel, input: {} });
          const answer = await sendRaw(`${base}${path}`, {
            method,
            ...(method === 'POST'
              ? {
                  body,
                  headers: {
                    'content-type': 'application/json',
                    'content-length': String(Buffer.byteLength(body)),
                  },
                }
              : {}),
          });
          expect(answer.status, `${method} ${path}`).toBe(404);
        }
    expect(calls).toEqual([]);
  });
});

describe('the caps', () => {
  it('refuse a connection beyond the cap, and take one again once another closes', async () => {
    const { gate } = recordingGate();
    const listener = await start(gate, { connections: 2 });
    const open = () =>
      new Promise<Socket>((done, fail) => {
        const socket = connect(listener.port, '127.0.0.1', () => done(socket));
        socket.on('error', fail);
        sockets.push(socket);
      });
    const [first] = await Promise.all([open(), open()]);
    // The server accepts the third socket and drops it at once: the request never gets an answer.
    await expect(
      sendRaw(`http://127.0.0.1:${listener.port}/`, { headers: { connection: 'close' } }),
    ).rejects.toThrow();
    const closed = new Promise((done) => first?.once('close', done));
    first?.destroy();
    await closed;
    // The server counts the closed socket out a moment after this side sees it close: each
    // refused attempt is that moment not having come yet (bounded).
    let page: Awaited<ReturnType<typeof sendRaw>> | undefined;
    for (let attempt = 0; attempt < 50 && !page; attempt++)
      page = await sendRaw(`http://127.0.0.1:${listener.port}/`, { headers: { connection: 'close' } }).catch(
        () => undefined,
      );
    expect(page?.status).toBe(200);
  });

  it('refuse an event stream beyond the cap', async () => {
    const { gate } = recordingGate();
    const listener = await start(gate, { streams: 1 });
    const held = await new Promise<Socket>((done) => {
      const socket = connect(listener.port, '127.0.0.1', () => {
        socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${listener.port}\r\n\r\n`);
      });
      sockets.push(socket);
      socket.once('data', () => done(socket));
    });
    expect(listener.streams).toBe(1);
    const second = await sendRaw(`http://127.0.0.1:${listener.port}/api/events`);
    expect(second.status).toBe(503);
    held.destroy();
  });
});
