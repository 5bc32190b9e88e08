/**
 * The Electron fuses the installers are built with (build/fuses.mjs), and the afterPack hook that
 * flips them, run against a stand-in binary that carries only the fuse wire.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { afterEach, describe, expect, test } from 'vitest';
import { applyFuses, electronBinaryPath, type PackContext } from '../../build/afterPack.mjs';
import { FUSES, fuseConfig } from '../../build/fuses.mjs';
import { ELECTRON_DEFAULT_WIRE, readWire, writeFakeElectron } from './fakeElectron';

const X64 = 1;
const ARM64 = 3;
let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

function linuxApp(): { context: PackContext; binary: string } {
  dir = mkdtempSync(join(tmpdir(), 'stackwise-fuses-'));
  const context: PackContext = {
    appOutDir: dir,
    electronPlatformName: 'linux',
    arch: X64,
    packager: { executableName: 'stackwise', appInfo: { productFilename: 'Stackwise' } },
  };
  return { context, binary: join(dir, 'stackwise') };
}

describe('the fuse settings', () => {
  test('are the hardened set the issue asks for, and no more', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
    expect(Object.isFrozen(FUSES)).toBe(true);
  });

  test('become a V1 fuse configuration keyed by wire position', () => {
    const config = fuseConfig({ electronPlatformName: 'linux', arm64: false });
    expect(config).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  test('re-sign ad hoc only on macOS for Apple silicon', () => {
    const reset = (electronPlatformName: string, arm64: boolean) =>
      fuseConfig({ electronPlatformName, arm64 }).resetAdHocDarwinSignature;
    expect(reset('darwin', true)).toBe(true);
    expect(reset('darwin', false)).toBe(false);
    expect(reset('linux', true)).toBe(false);
    expect(reset('win32', true)).toBe(false);
  });
});

describe('the afterPack hook', () => {
  test('finds the Electron executable as electron-builder names it on each system', () => {
    const packager = { executableName: 'stackwise', appInfo: { productFilename: 'Stackwise' } };
    const at = (electronPlatformName: string) =>
      electronBinaryPath({ appOutDir: '/out', electronPlatformName, arch: ARM64, packager });
    expect(at('linux')).toBe(join('/out', 'stackwise'));
    expect(at('win32')).toBe(join('/out', 'Stackwise.exe'));
    expect(at('darwin')).toBe(join('/out', 'Stackwise.app'));
  });

  test('flips every fuse in the packaged binary', async () => {
    const { context, binary } = linuxApp();
    writeFakeElectron(binary);
    expect(readWire(binary)).toBe(ELECTRON_DEFAULT_WIRE);
    await applyFuses(context);
    // RunAsNode, cookies, NODE_OPTIONS, --inspect, asar integrity, asar only, V8 snapshot, file://
    expect(readWire(binary)).toBe('01001100');
  });

  test('fails the build when the Electron binary has fewer fuses than we set', async () => {
    const { context, binary } = linuxApp();
    // An Electron from before GrantFileProtocolExtraPrivileges existed: its wire is shorter.
    writeFakeElectron(binary, '1011000');
    await expect(applyFuses(context)).rejects.toThrow(/GrantFileProtocolExtraPrivileges/);
  });

  test('fails the build when the binary carries no fuse wire', async () => {
    const { context } = linuxApp();
    // The executable is missing altogether.
    await expect(applyFuses(context)).rejects.toThrow();
  });
});
