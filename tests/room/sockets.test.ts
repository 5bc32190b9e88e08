/**
 * One computer holding idle sockets cannot keep every phone out: the listener takes only so many
 * connections from one address, and drops the rest at once, so the total cap stays free for the
 * other addresses. Raw sockets on loopback, a bounded number of them.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ParticipantGate } from '../../src-main/room/listener';
import { useListener } from './helpers';

const { start, sockets } = useListener();

const refuse = () => {
  throw new Error('no room');
};
const gate: ParticipantGate = {
  codeMatches: () => false,
  lookup: refuse,
  join: refuse,
  deviceOf: () => undefined,
  me: refuse,
  ballot: refuse,
  follow: refuse,
};

/** The page, asked for from `localAddress` (another loopback address is another computer). */
function pageFrom(port: number, localAddress: string): Promise<number | undefined> {
  return new Promise((done) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/', localAddress, headers: { connection: 'close' } },
      (res) => {
        res.resume();
        done(res.statusCode);
      },
    );
    req.on('error', () => done(undefined));
    req.end();
  });
}

describe('connections from one address', () => {
  it('are capped, so sockets held from one address leave room for phones on others', async () => {
    const listener = await start(gate, { connections: 8, connectionsPerAddress: 4 });
    // Eight idle sockets from one address, as many as the whole listener takes.
    const closed = await Promise.all(
      Array.from(
        { length: 8 },
        () =>
          new Promise<{ gone: Promise<void> }>((open) => {
            const socket = connect({ port: listener.port, host: '127.0.0.1', localAddress: '127.0.0.1' });
            sockets.push(socket);
            const gone = new Promise<void>((done) => socket.once('close', () => done()));
            socket.on('error', () => undefined);
            socket.once('connect', () => open({ gone }));
          }),
      ),
    );
    // Those beyond the address's share are dropped by the listener at once (it waits for no timeout).
    const dropped = await Promise.race([
      Promise.all(closed.slice(4).map((s) => s.gone)).then(() => true),
      pageFrom(listener.port, '127.0.0.3').then(() => false),
    ]);
    expect(dropped).toBe(true);
    // A phone on another address is answered. The server counts a closed socket out a moment after
    // this side sees it close: each refused attempt is that moment not having come yet (bounded).
    let status: number | undefined;
    for (let attempt = 0; attempt < 50 && status === undefined; attempt++)
      status = await pageFrom(listener.port, '127.0.0.2');
    expect(status).toBe(200);
  });
});
