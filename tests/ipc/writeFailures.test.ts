/**
 * A write the database refuses (disk full, file made read-only, an I/O error, a lock) answers
 * `write_failed` with what happened in plain words and "Nothing was changed.", and nothing was.
 * Calls go through the production IPC registration, as the renderer's do.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Session } from '@shared/sessions/schema';
import { dispatch } from '../../src-main/ipc/dispatch';
import type { Handlers } from '../../src-main/ipc/handlers';
import { dumpDatabase, useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { ok } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';

const makeCore = useIpcCore(useTempDir());

/** A session with a long description and a workshop, so later writes need new pages. */
async function busyWorkspace() {
  const { core, ipc } = makeCore();
  const session = await ok<Session>(ipc.call('sessions:create', draft({ description: 'x'.repeat(2000) })));
  return { core, ipc, session };
}

describe('a write the disk refuses', () => {
  it('disk full: says so, and the database is exactly as it was', async () => {
    const { core, ipc } = await busyWorkspace();
    // The file may not grow by one more page: SQLite answers SQLITE_FULL, as on a full disk. With
    // no free pages inside the file, a session with a long description needs a new page.
    expect(core.db.pragma('freelist_count', { simple: true })).toBe(0);
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    core.db.pragma(`max_page_count = ${pages}`);
    const before = dumpDatabase(core);

    const another = draft({ clientName: 'Fabrikam', description: 'y'.repeat(2000) });
    const failed = await ipc.call('sessions:create', another);
    expect(failed).toMatchObject({ ok: false, error: { code: 'write_failed' } });
    const message = failed.ok ? '' : failed.error.message;
    expect(message).toMatch(/disk is full/i);
    expect(message).toMatch(/Nothing was changed\.$/);
    expect(message).not.toMatch(/SQLITE|Something went wrong/);
    expect(dumpDatabase(core)).toBe(before);

    // With room again, the same call is stored: the refusal was the disk, not the input.
    core.db.pragma(`max_page_count = ${2 ** 30}`);
    await ok(ipc.call('sessions:create', another));
    expect((await ok<{ sessions: Session[] }>(ipc.call('sessions:list', {}))).sessions).toHaveLength(2);
  });

  it('file made read-only while running: says so, and nothing is changed', async () => {
    const { core, ipc } = await busyWorkspace();
    const before = dumpDatabase(core);
    // The open connection may no longer write, as when the file or the disk turns read-only under
    // the app (SQLite answers SQLITE_READONLY).
    core.db.pragma('query_only = ON');
    const result = await ipc.call('sessions:create', draft({ clientName: 'Contoso' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'write_failed' } });
    expect(!result.ok && result.error.message).toMatch(/read-only.*Nothing was changed\./s);
    core.db.pragma('query_only = OFF');
    expect(dumpDatabase(core)).toBe(before);
  });
});

describe('the message for each kind of write failure', () => {
  const failing = (code: string, message: string): Handlers =>
    new Proxy({} as Handlers, {
      get: () => () => {
        throw new Database.SqliteError(message, code);
      },
    });

  it.each([
    ['SQLITE_FULL', /disk is full/i],
    ['SQLITE_READONLY', /read-only/],
    ['SQLITE_READONLY_DBMOVED', /read-only/],
    ['SQLITE_IOERR_WRITE', /disk reported an error/],
    ['SQLITE_CANTOPEN', /could not open its database file/],
    ['SQLITE_BUSY', /another program/i],
    ['SQLITE_LOCKED', /another program/i],
  ])('%s', async (code, plain) => {
    const result = await dispatch(failing(code, 'sqlite text'), 'sessions:list', {}, () => undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'write_failed' } });
    const message = result.ok ? '' : result.error.message;
    expect(message).toMatch(plain);
    expect(message).toMatch(/Nothing was changed\.$/);
    expect(message).not.toMatch(/sqlite/i);
  });

  it('anything else is still an internal error', async () => {
    const result = await dispatch(failing('SQLITE_CONSTRAINT', 'x'), 'sessions:list', {}, () => undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
