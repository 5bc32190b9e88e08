/**
 * better-sqlite3 must be compiled for the runtime that loads it: Node's ABI for the tests and the
 * web host, Electron's for the desktop app. `scripts/electron-sqlite.mjs` (run by `npm start`)
 * builds an Electron copy into the path below and leaves node_modules/better-sqlite3 built for
 * Node, so neither `npm start` nor `npm test` ever has to rebuild the other's copy.
 *
 * An installed app (its app path is `…/resources/app.asar`) carries its own Electron build,
 * unpacked beside the archive (electron-builder.yml), and ignores STACKWISE_SQLITE_BINDING: the
 * shipped app's fuses refuse NODE_OPTIONS, so an environment variable must not be able to load
 * other native code into it either.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ELECTRON_BINDING_DIR = join('node_modules', '.cache', 'stackwise', 'electron-sqlite');

/** Inside an installed app, relative to `app.asar.unpacked` (see electron-builder.yml). */
export const PACKAGED_BINDING = join('native', 'better_sqlite3.node');

export function electronSqliteBinding(
  appPath: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (appPath.endsWith('.asar')) {
    const packaged = join(`${appPath}.unpacked`, PACKAGED_BINDING);
    return existsSync(packaged) ? packaged : undefined;
  }
  const override = env['STACKWISE_SQLITE_BINDING'];
  if (override) return override;
  const candidate = join(appPath, ELECTRON_BINDING_DIR, 'build', 'Release', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}
