/**
 * The fuses of the real Electron binaries `npm run dist` packed into release/ (the folders the
 * installers are made from: linux-unpacked, win-arm64-unpacked, mac, …), read back with
 * @electron/fuses. The release workflow runs this after `npm run dist` with STACKWISE_RELEASE=1,
 * where no packed app at all is a failure; elsewhere that part skips and says why. The reading
 * itself is checked on stand-in binaries, so it cannot pass by finding nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, describe, expect, test } from 'vitest';
import { FUSES } from '../../build/fuses.mjs';
import { ELECTRON_DEFAULT_WIRE, writeFakeElectron } from './fakeElectron';

const root = join(import.meta.dirname, '..', '..');
/** How @electron/fuses reads a fuse: the wire's byte, '0' or '1'. */
const FUSE_OFF = 0x30;
const FUSE_ON = 0x31;
/** The Electron executable in a packed app folder, as electron-builder names it on each system. */
const EXECUTABLES = ['stackwise', 'Stackwise.exe', 'Stackwise.app'];

/** Every packed app's Electron executable in an electron-builder output folder. */
function packedExecutables(releaseDir: string): string[] {
  if (!existsSync(releaseDir)) return [];
  return readdirSync(releaseDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => EXECUTABLES.map((name) => join(releaseDir, entry.name, name)))
    .filter((path) => existsSync(path));
}

/** The fuses of build/fuses.mjs that the binary does not carry as set there. */
async function wrongFuses(executable: string): Promise<string[]> {
  const wire = (await getCurrentFuseWire(executable)) as unknown as Record<number, number | undefined>;
  return Object.entries(FUSES)
    .filter(
      ([name, on]) => wire[FuseV1Options[name as keyof typeof FuseV1Options]] !== (on ? FUSE_ON : FUSE_OFF),
    )
    .map(([name]) => name);
}

describe('reading a packed app’s fuses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stackwise-release-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // RunAsNode, cookies, NODE_OPTIONS, --inspect, asar integrity, asar only, V8 snapshot, file://
  const HARDENED = '01001100';
  const linux = join(dir, 'linux-unpacked', 'stackwise');
  const windows = join(dir, 'win-arm64-unpacked', 'Stackwise.exe');
  const mac = join(dir, 'mac-arm64', 'Stackwise.app');
  writeFakeElectron(linux, HARDENED);
  writeFakeElectron(windows, ELECTRON_DEFAULT_WIRE);
  writeFakeElectron(
    join(mac, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework'),
    HARDENED,
  );
  mkdirSync(join(dir, 'linux-unpacked', 'resources'), { recursive: true });

  test('finds each system’s executable in the folders electron-builder packs', () => {
    expect(packedExecutables(dir).sort()).toEqual([linux, mac, windows].sort());
    expect(packedExecutables(join(dir, 'absent'))).toEqual([]);
  });

  test('a binary with the fuses set passes, on Linux and in a macOS bundle', async () => {
    expect(await wrongFuses(linux)).toEqual([]);
    expect(await wrongFuses(mac)).toEqual([]);
  });

  test('a binary with Electron’s defaults names every fuse that is not set', async () => {
    expect(await wrongFuses(windows)).toEqual([
      'RunAsNode',
      'EnableNodeOptionsEnvironmentVariable',
      'EnableNodeCliInspectArguments',
      'EnableCookieEncryption',
      'EnableEmbeddedAsarIntegrityValidation',
      'OnlyLoadAppFromAsar',
      'GrantFileProtocolExtraPrivileges',
    ]);
  });
});

const required = process.env['STACKWISE_RELEASE'] === '1';
if (!required) console.log('Released fuses not read: STACKWISE_RELEASE=1 is set after `npm run dist` only.');

describe.runIf(required)('the apps `npm run dist` packed into release/', () => {
  const executables = packedExecutables(join(root, 'release'));

  test('are there', () => {
    expect(executables.length).toBeGreaterThan(0);
  });

  test.each(executables)('%s carries every fuse of build/fuses.mjs', async (executable) => {
    expect(await wrongFuses(executable)).toEqual([]);
  });
});
