/**
 * electron-builder's afterPack hook (electron-builder.yml): runs once per platform and processor
 * after the app is laid out and before it is signed and put into an installer. It
 *   1. flips the Electron fuses (build/fuses.mjs) and reads them back, failing the build if one
 *      did not take;
 *   2. checks that better-sqlite3's Electron build was packed, unpacked from the asar, and
 *      compiled for this installer's platform and processor.
 * Plain JavaScript: electron-builder loads hooks with Node, which cannot load TypeScript.
 */
import { openSync, readSync, closeSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { FUSES, fuseConfig } from './fuses.mjs';
import { PLATFORM_FORMATS, binaryKind } from './nativeBinary.mjs';

/** builder-util's Arch enum, by number, as the hook's context carries it. */
const ARCH_NAMES = new Map([
  [0, 'ia32'],
  [1, 'x64'],
  [2, 'armv7l'],
  [3, 'arm64'],
  [4, 'universal'],
]);
/** Where electron-builder.yml puts the Electron build of better-sqlite3, inside the app. */
export const PACKED_SQLITE = join('app.asar.unpacked', 'native', 'better_sqlite3.node');
/** @electron/fuses' wire states: the characters '0' and '1'. */
const FUSE_OFF = 0x30;
const FUSE_ON = 0x31;

/**
 * @typedef {{
 *   appOutDir: string,
 *   electronPlatformName: string,
 *   arch: number,
 *   packager: { executableName?: string, appInfo: { productFilename: string } },
 * }} PackContext  the parts of electron-builder's AfterPackContext this hook reads
 */

/** The Electron executable (macOS: the .app) the fuses live in, named as electron-builder names it. */
export function electronBinaryPath(/** @type {PackContext} */ context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'linux') return join(appOutDir, packager.executableName ?? '');
  const ext = electronPlatformName === 'win32' ? '.exe' : '.app';
  return join(appOutDir, `${packager.appInfo.productFilename}${ext}`);
}

/** The app's resources folder: beside the executable, or inside the bundle on macOS. */
export function resourcesPath(/** @type {PackContext} */ context) {
  const { appOutDir, electronPlatformName, packager } = context;
  return electronPlatformName === 'darwin' || electronPlatformName === 'mas'
    ? join(appOutDir, `${packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
    : join(appOutDir, 'resources');
}

/** @param {string} file */
function readStart(file) {
  const bytes = new Uint8Array(4096);
  const fd = openSync(file, 'r');
  try {
    return bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** Throws unless better-sqlite3's Electron build is in place for this platform and processor. */
export function checkPackedSqlite(/** @type {PackContext} */ context) {
  const arch = ARCH_NAMES.get(context.arch) ?? String(context.arch);
  const file = join(resourcesPath(context), PACKED_SQLITE);
  if (!existsSync(file)) {
    throw new Error(
      `better-sqlite3 for Electron is missing from the ${context.electronPlatformName}-${arch} app (${file}). ` +
        'Run the build through `npm run dist`, which prepares it for each processor.',
    );
  }
  const kind = binaryKind(readStart(file));
  const format =
    PLATFORM_FORMATS[/** @type {keyof typeof PLATFORM_FORMATS} */ (context.electronPlatformName)];
  if (!kind || kind.format !== format || kind.arch !== arch) {
    const found = kind ? `${kind.format} ${kind.arch}` : 'not a binary this hook recognises';
    throw new Error(
      `better-sqlite3 in the ${context.electronPlatformName}-${arch} app is built for the wrong system (${found}).`,
    );
  }
}

/** Flips the fuses in the packaged binary and reads them back. */
export async function applyFuses(/** @type {PackContext} */ context) {
  const binary = electronBinaryPath(context);
  const arm64 = context.arch === 3;
  await flipFuses(binary, fuseConfig({ electronPlatformName: context.electronPlatformName, arm64 }));
  const wire = /** @type {Record<number, number>} */ (
    /** @type {unknown} */ (await getCurrentFuseWire(binary))
  );
  for (const [name, on] of Object.entries(FUSES)) {
    const state = wire[FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)]];
    if (state !== (on ? FUSE_ON : FUSE_OFF)) {
      throw new Error(`The Electron fuse ${name} did not turn ${on ? 'on' : 'off'} in ${binary}.`);
    }
  }
}

/** @param {PackContext} context */
export async function afterPack(context) {
  checkPackedSqlite(context);
  await applyFuses(context);
  console.log(
    `  • fuses set and better-sqlite3 checked for ${context.electronPlatformName}-${ARCH_NAMES.get(context.arch)}`,
  );
}

export default afterPack;
