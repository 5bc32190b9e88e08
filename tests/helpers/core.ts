import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createCore } from '../../src-main/core';
import { FONTS_DIR } from './fixtures';
import type { Core } from '../../src-main/core';

/** A real core (database, services, handlers) on a temporary file, closed after each test. */
export function useCore(tempDir: () => string): () => Core {
  const cores: Core[] = [];
  afterEach(() => {
    for (const core of cores.splice(0)) core.close();
  });
  return () => {
    const core = createCore({
      databasePath: join(tempDir(), 'stackwise.sqlite'),
      host: 'web',
      version: '0.0.0-test',
      fontsDir: FONTS_DIR,
    });
    cores.push(core);
    return core;
  };
}

/** Every row of every table, to prove that a refused request changed nothing. */
export function dumpDatabase(core: Core): string {
  const tables = core.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return JSON.stringify(
    tables.map((table) => [table, core.db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]),
  );
}
