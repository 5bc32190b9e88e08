/**
 * better-sqlite3 must be compiled for the runtime that loads it: Node's ABI for the tests and the
 * web host, Electron's for the desktop app. `scripts/electron-sqlite.mjs` (run by `npm start`)
 * builds an Electron copy into the path below and leaves node_modules/better-sqlite3 built for
 * Node, so neither `npm start` nor `npm test` ever has to rebuild the other's copy.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ELECTRON_BINDING_DIR = join('node_modules', '.cache', 'stackwise', 'electron-sqlite');

export function electronSqliteBinding(
  appPath: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const override = env['STACKWISE_SQLITE_BINDING'];
  if (override) return override;
  const candidate = join(appPath, ELECTRON_BINDING_DIR, 'build', 'Release', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}
