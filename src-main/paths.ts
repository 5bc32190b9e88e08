/**
 * Where data lives. The desktop app keeps its database in Electron's userData folder; the web
 * host computes the same folder itself so both open the same file by default. `--db PATH` or the
 * STACKWISE_DB environment variable override it (tests, demos, a second workspace).
 */
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const APP_FOLDER = 'Stackwise';
export const DATABASE_FILE = 'stackwise.sqlite';

/** Electron's `app.getPath('userData')` for an app named Stackwise, computed without Electron. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), APP_FOLDER);
}

/** Reads `--name value` or `--name=value` from an argument list. */
export function readFlag(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === `--${name}`) return argv[i + 1];
    if (arg?.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

export function resolveDatabasePath(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  dataDir: string,
): string {
  return readFlag(argv, 'db') ?? (env['STACKWISE_DB'] || join(dataDir, DATABASE_FILE));
}

/**
 * The report fonts, shipped in resources/fonts. Every bundled entry point lives in out/main, two
 * folders below the app's root (and so does this source file in src-main/), so each passes its
 * own folder.
 */
export function fontsDirFrom(entryDir: string): string {
  return join(entryDir, '..', '..', 'resources', 'fonts');
}

/** Rotating backups live beside the database, in `backups/`. */
export function backupDirFor(databasePath: string): string {
  return join(dirname(databasePath), 'backups');
}

/** Databases that were replaced (by a restore) or found damaged are kept here, never deleted. */
export function keptDirFor(databasePath: string): string {
  return join(dirname(databasePath), 'kept');
}
