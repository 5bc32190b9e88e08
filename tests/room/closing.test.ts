/**
 * The room's lifetime against the session's: a session deleted while its room is still opening
 * leaves no listener behind; the room is never bound to every interface, whatever IPC asks.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_ROOM_SETTINGS } from '@shared/room/schema';
import { dispatch } from '../../src-main/ipc/dispatch';
import { sendRaw } from '../helpers/http';
import { call, newSession, useRoomCore } from './helpers';

const roomCore = useRoomCore();

function setUp() {
  const { core } = roomCore();
  return core;
}

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

const listening = (port: number) =>
  sendRaw(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );

describe('a session deleted while its room opens', () => {
  it('leaves no listener running and no room open', async () => {
    const core = setUp();
    const session = await newSession(core);
    const port = await freePort();
    // The deletion lands while the room waits for its listener: the first thing opening does is
    // read the session, and the deletion follows at the next turn of the event loop.
    const sessions = core.data.workspace().sessions;
    const read = sessions.get.bind(sessions);
    let deleting: Promise<unknown> | undefined;
    vi.spyOn(sessions, 'get').mockImplementation((id) => {
      deleting ??= new Promise((done) => setImmediate(done)).then(() =>
        call(core, 'sessions:delete', { id: session.id }),
      );
      return read(id);
    });
    const opening = dispatch(
      core.handlers,
      'room:open',
      { sessionId: session.id, address: '127.0.0.1', port, settings: DEFAULT_ROOM_SETTINGS },
      () => undefined,
    );
    const opened = await opening;
    await deleting;
    vi.restoreAllMocks();
    expect(opened.ok).toBe(false);
    expect(await listening(port)).toBe(false);
    expect(await call(core, 'room:status', { sessionId: session.id })).toEqual({ open: false });
  });
});

describe('every interface', () => {
  it('is refused over IPC, IPv4 and IPv6 alike, with the field named', async () => {
    const core = setUp();
    const session = await newSession(core);
    for (const address of ['0.0.0.0', '::']) {
      const answer = await dispatch(
        core.handlers,
        'room:open',
        { sessionId: session.id, address, port: 0, settings: DEFAULT_ROOM_SETTINGS },
        () => undefined,
      );
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'address' } });
    }
    expect(await call(core, 'room:status', { sessionId: session.id })).toEqual({ open: false });
  });
});
