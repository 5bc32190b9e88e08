#!/usr/bin/env node
/**
 * `npm run dist`: the installers for this computer's system, for x64 and arm64.
 *   1. stops at once, with the reason, where Electron cannot be downloaded (scripts/distPreflight.mjs);
 *   2. builds the app (electron-vite);
 *   3. prepares better-sqlite3 for Electron for each processor (scripts/electron-sqlite.mjs --arch),
 *      leaving the Node build in node_modules/better-sqlite3 that the tests use untouched;
 *   4. runs electron-builder with electron-builder.yml (its afterPack hook sets the fuses).
 * Installers land in release/. Options: `--x64` or `--arm64` for one processor, `--dir` for an
 * unpacked app without an installer, `--check` to run step 1 only.
 * Each system's installers are built on that system (Linux: AppImage and deb, Windows: NSIS,
 * macOS: dmg); the release workflow does all three.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { downloadBlocker, electronDownloadUrl, localBlocker } from './distPreflight.mjs';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);
const PLATFORM_FLAGS = new Map([
  ['linux', '--linux'],
  ['win32', '--win'],
  ['darwin', '--mac'],
]);

function stop(/** @type {string} */ reason) {
  console.error(`npm run dist cannot build installers here: ${reason}`);
  process.exit(1);
}

function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

const platformFlag = PLATFORM_FLAGS.get(process.platform);
if (platformFlag === undefined) stop(`there is no installer for ${process.platform}.`);
const foreign = [...PLATFORM_FLAGS.values()].find((flag) => flag !== platformFlag && args.includes(flag));
if (foreign) stop(`${foreign} installers are built on that system (the release workflow builds all three).`);

const dir = electronDir();
const local = localBlocker({ env: process.env, electronDir: dir });
if (local) stop(local);
const version = JSON.parse(readFileSync(join(/** @type {string} */ (dir), 'package.json'), 'utf8')).version;
const remote = await downloadBlocker(electronDownloadUrl(version, process.env));
if (remote) stop(remote);
if (args.includes('--check')) {
  console.log(`Ready to build installers with Electron ${version}.`);
  process.exit(0);
}

const archs = ['x64', 'arm64'].filter((arch) => args.includes(`--${arch}`));
const targetArchs = archs.length > 0 ? archs : ['x64', 'arm64'];
const run = (/** @type {string} */ script, /** @type {string[]} */ scriptArgs) =>
  execFileSync(process.execPath, [script, ...scriptArgs], { cwd: root, stdio: 'inherit' });

run(join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), ['build']);
for (const arch of targetArchs) run(join(root, 'scripts', 'electron-sqlite.mjs'), ['--arch', arch]);

const builderCli = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js');
if (!existsSync(builderCli)) stop('electron-builder is not installed. Run `npm ci` first.');
run(builderCli, [
  '--config',
  'electron-builder.yml',
  platformFlag,
  ...targetArchs.map((arch) => `--${arch}`),
  ...(args.includes('--dir') ? ['--dir'] : []),
  '--publish',
  'never',
]);
console.log('Installers are in release/.');
