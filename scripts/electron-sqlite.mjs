#!/usr/bin/env node
/**
 * Gives the desktop app a better-sqlite3 compiled for Electron, without touching the copy in
 * node_modules/better-sqlite3 that Node (tests, web host) loads. Run by `npm start` and `npm run
 * dev`; it does nothing when the build for this Electron version already exists.
 *
 * It copies better-sqlite3's sources to node_modules/.cache/stackwise/electron-sqlite and there
 * either downloads the matching prebuilt binary (prebuild-install) or compiles against Electron's
 * headers (node-gyp). The main process loads the result through better-sqlite3's `nativeBinding`
 * option (src-main/nativeBinding.ts). Both steps need the internet once per Electron version.
 *
 * `--arch <x64|arm64>` (used by scripts/dist.mjs) builds for that processor into
 * node_modules/.cache/stackwise/electron-sqlite-<platform>-<arch> instead, for an installer.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const electronVersion = readJson(require.resolve('electron/package.json')).version;
const sqliteVersion = readJson(join(sqliteDir, 'package.json')).version;
const archFlag = process.argv.indexOf('--arch');
const arch = archFlag === -1 ? process.arch : (process.argv[archFlag + 1] ?? process.arch);
const target = join(
  root,
  'node_modules',
  '.cache',
  'stackwise',
  archFlag === -1 ? 'electron-sqlite' : `electron-sqlite-${process.platform}-${arch}`,
);
const binary = join(target, 'build', 'Release', 'better_sqlite3.node');
const stampFile = join(target, 'stackwise-stamp.json');
const stamp = {
  electron: electronVersion,
  betterSqlite3: sqliteVersion,
  platform: process.platform,
  arch,
};

const current = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (existsSync(binary) && current === JSON.stringify(stamp)) {
  process.exit(0);
}

console.log(
  `Preparing better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch})…`,
);
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
  cpSync(join(sqliteDir, entry), join(target, entry), { recursive: true });
}

// Never let a machine-wide `nodedir` (Node's own headers) leak into an Electron build.
const env = { ...process.env };
for (const key of Object.keys(env))
  if (/^npm_config_(nodedir|runtime|target|disturl)$/i.test(key)) delete env[key];

function run(label, args) {
  try {
    execFileSync(process.execPath, args, { cwd: target, env, stdio: 'inherit' });
    return existsSync(binary);
  } catch {
    console.warn(`${label} did not succeed.`);
    return false;
  }
}

const prebuildInstall = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
const nodeGyp =
  process.env['npm_config_node_gyp'] ??
  join(
    dirname(process.execPath),
    '..',
    'lib',
    'node_modules',
    'npm',
    'node_modules',
    'node-gyp',
    'bin',
    'node-gyp.js',
  );

const built =
  run('Downloading a prebuilt binary', [
    prebuildInstall,
    '--runtime',
    'electron',
    '--target',
    electronVersion,
    '--arch',
    arch,
  ]) ||
  run('Compiling against Electron headers', [
    nodeGyp,
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]);

if (!built) {
  console.error(
    `\nCould not prepare better-sqlite3 for Electron ${electronVersion}.\n` +
      'It needs the internet once (a prebuilt binary from GitHub, or Electron headers), plus python3, make and a\n' +
      'C++ compiler for the compile fallback. The browser host works without it: npm run web.',
  );
  process.exit(1);
}
writeFileSync(stampFile, JSON.stringify(stamp));
console.log(`better-sqlite3 for Electron is ready: ${binary}`);
