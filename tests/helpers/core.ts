import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createCore } from '../../src-main/core';
import type { Core, CoreOptions } from '../../src-main/core';
import { registerIpc } from '../../src-main/ipc/registerIpc';
import { createSenderCheck } from '../../src-main/ipc/senderCheck';
import { FONTS_DIR } from './fixtures';
import { APP_URL, FakeIpcMain } from './ipc';

/**
 * A real core (database, services, handlers) on a fresh temporary file unless `databasePath` is
 * given, closed after each test.
 */
export function useCore(tempDir: () => string): (options?: Partial<CoreOptions>) => Core {
  const cores: Core[] = [];
  afterEach(() => {
    for (const core of cores.splice(0)) core.close();
  });
  return (options = {}) => {
    const core = createCore({
      databasePath: join(tempDir(), 'stackwise.sqlite'),
      host: 'web',
      version: '0.0.0-test',
      fontsDir: FONTS_DIR,
      ...options,
    });
    cores.push(core);
    return core;
  };
}

/** `useCore`, reached as the renderer reaches it: through the production IPC registration. */
export function useIpcCore(
  tempDir: () => string,
): (options?: Partial<CoreOptions>) => { core: Core; ipc: FakeIpcMain } {
  const makeCore = useCore(tempDir);
  return (options) => {
    const core = makeCore(options);
    const ipc = new FakeIpcMain();
    registerIpc(ipc, core.handlers, createSenderCheck(APP_URL), () => undefined);
    return { core, ipc };
  };
}

/**
 * Every row of every table, to prove that a refused request changed nothing. The full-text
 * index's own WITHOUT ROWID tables are left out: its rows are in its content table.
 */
export function dumpDatabase(core: Core): string {
  const tables = core.db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND sql NOT LIKE '%WITHOUT ROWID' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return JSON.stringify(
    tables.map((table) => [table, core.db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]),
  );
}
