/**
 * better-sqlite3 in an installer: the afterPack hook's check that the Electron build was packed,
 * unpacked and compiled for the installer's system and processor, and where the installed app's
 * main process finds it (src-main/nativeBinding.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { PACKED_SQLITE, checkPackedSqlite, resourcesPath, type PackContext } from '../../build/afterPack.mjs';
import { binaryKind } from '../../build/nativeBinary.mjs';
import { electronSqliteBinding } from '../../src-main/nativeBinding';

const X64 = 1;
const ARM64 = 3;

/** The first bytes of an ELF shared object for the given e_machine. */
function elf(machine: number): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  new DataView(bytes.buffer).setUint16(18, machine, true);
  return bytes;
}
/** A DOS stub pointing at a PE header with the given machine. */
function pe(machine: number): Uint8Array {
  const bytes = new Uint8Array(256);
  const view = new DataView(bytes.buffer);
  bytes.set([0x4d, 0x5a]);
  view.setUint32(0x3c, 0x80, true);
  view.setUint32(0x80, 0x50450000);
  view.setUint16(0x84, machine, true);
  return bytes;
}
/** A 64-bit little-endian Mach-O header with the given CPU type. */
function macho(cpu: number): Uint8Array {
  const bytes = new Uint8Array(32);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0xfeedfacf, true);
  view.setUint32(4, cpu, true);
  return bytes;
}

describe('reading which system a binary is for', () => {
  test('ELF, PE and Mach-O, x64 and arm64', () => {
    expect(binaryKind(elf(0x3e))).toEqual({ format: 'elf', arch: 'x64' });
    expect(binaryKind(elf(0xb7))).toEqual({ format: 'elf', arch: 'arm64' });
    expect(binaryKind(pe(0x8664))).toEqual({ format: 'pe', arch: 'x64' });
    expect(binaryKind(pe(0xaa64))).toEqual({ format: 'pe', arch: 'arm64' });
    expect(binaryKind(macho(0x01000007))).toEqual({ format: 'macho', arch: 'x64' });
    expect(binaryKind(macho(0x0100000c))).toEqual({ format: 'macho', arch: 'arm64' });
  });

  test('anything else is not recognised', () => {
    expect(binaryKind(new TextEncoder().encode('#!/bin/sh\necho not a binary\n'))).toBeNull();
    expect(binaryKind(elf(0x9999))).toBeNull();
    expect(binaryKind(new Uint8Array())).toBeNull();
  });

  test('the better-sqlite3 the tests load is read as this machine’s', () => {
    const require = createRequire(import.meta.url);
    const addon = join(
      dirname(require.resolve('better-sqlite3/package.json')),
      'build',
      'Release',
      'better_sqlite3.node',
    );
    const format = { linux: 'elf', win32: 'pe', darwin: 'macho' }[
      process.platform as 'linux' | 'win32' | 'darwin'
    ];
    expect(binaryKind(readFileSync(addon).subarray(0, 4096))).toEqual({ format, arch: process.arch });
  });
});

describe('the afterPack check of the packed better-sqlite3', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  function app(electronPlatformName: string, arch: number, addon?: Uint8Array): PackContext {
    dir = mkdtempSync(join(tmpdir(), 'stackwise-native-'));
    const context: PackContext = {
      appOutDir: dir,
      electronPlatformName,
      arch,
      packager: { executableName: 'stackwise', appInfo: { productFilename: 'Stackwise' } },
    };
    if (addon) {
      const file = join(resourcesPath(context), PACKED_SQLITE);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, addon);
    }
    return context;
  }

  test('passes when it is there, for this system and processor', () => {
    expect(() => checkPackedSqlite(app('linux', ARM64, elf(0xb7)))).not.toThrow();
    expect(() => checkPackedSqlite(app('win32', X64, pe(0x8664)))).not.toThrow();
    expect(() => checkPackedSqlite(app('darwin', ARM64, macho(0x0100000c)))).not.toThrow();
  });

  test('looks inside the bundle on macOS', () => {
    expect(resourcesPath(app('darwin', ARM64))).toBe(join(dir, 'Stackwise.app', 'Contents', 'Resources'));
    expect(resourcesPath(app('win32', X64))).toBe(join(dir, 'resources'));
  });

  test('fails the build when it is missing', () => {
    expect(() => checkPackedSqlite(app('linux', X64))).toThrow(/missing from the linux-x64 app/);
  });

  test('fails the build when it is for another processor or system', () => {
    expect(() => checkPackedSqlite(app('linux', ARM64, elf(0x3e)))).toThrow(/wrong system \(elf x64\)/);
    expect(() => checkPackedSqlite(app('win32', ARM64, elf(0xb7)))).toThrow(/wrong system \(elf arm64\)/);
    expect(() => checkPackedSqlite(app('darwin', X64, new Uint8Array(64)))).toThrow(/not a binary/);
  });
});

describe('where the installed app loads better-sqlite3 from', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  test('beside app.asar, in app.asar.unpacked/native, and nowhere an environment variable says', () => {
    dir = mkdtempSync(join(tmpdir(), 'stackwise-binding-'));
    const asar = join(dir, 'resources', 'app.asar');
    const unpacked = join(dir, 'resources', 'app.asar.unpacked', 'native', 'better_sqlite3.node');
    const env = { STACKWISE_SQLITE_BINDING: '/tmp/evil.node' };
    expect(electronSqliteBinding(asar, env)).toBeUndefined();
    mkdirSync(dirname(unpacked), { recursive: true });
    writeFileSync(unpacked, elf(0x3e));
    expect(electronSqliteBinding(asar, env)).toBe(unpacked);
  });

  test('a development checkout still takes the override', () => {
    expect(electronSqliteBinding('/work/checkout', { STACKWISE_SQLITE_BINDING: '/opt/mine.node' })).toBe(
      '/opt/mine.node',
    );
  });
});
