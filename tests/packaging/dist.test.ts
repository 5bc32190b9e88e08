/**
 * `npm run dist` (scripts/dist.mjs) stops at once, with the reason, where installers cannot be
 * built: no Electron binary, ELECTRON_SKIP_BINARY_DOWNLOAD, or no way to download Electron.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { downloadBlocker, electronDownloadUrl, localBlocker } from '../../scripts/distPreflight.mjs';
import { electronBinaryIn } from '../../scripts/electronBinary.mjs';

const root = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);
let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

/** A node_modules/electron folder, with or without its downloaded binary. */
function electronPackage(withBinary: boolean): string {
  dir = mkdtempSync(join(tmpdir(), 'stackwise-dist-'));
  if (withBinary) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'path.txt'), 'electron');
    writeFileSync(join(dir, 'dist', 'electron'), '');
  }
  return dir;
}

describe('the checks before a build', () => {
  test('ELECTRON_SKIP_BINARY_DOWNLOAD stops it, from the environment or npm’s configuration', () => {
    const electronDir = electronPackage(true);
    for (const env of [
      { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      { ELECTRON_SKIP_BINARY_DOWNLOAD: 'true' },
      { npm_config_electron_skip_binary_download: '1' },
    ]) {
      expect(localBlocker({ env, electronDir })).toMatch(/set up with ELECTRON_SKIP_BINARY_DOWNLOAD/);
    }
    for (const env of [
      {},
      { ELECTRON_SKIP_BINARY_DOWNLOAD: '0' },
      { ELECTRON_SKIP_BINARY_DOWNLOAD: 'false' },
    ]) {
      expect(localBlocker({ env, electronDir })).toBeNull();
    }
  });

  test('a missing electron package or binary stops it', () => {
    expect(localBlocker({ env: {}, electronDir: null })).toMatch(/electron package is not installed/);
    expect(localBlocker({ env: {}, electronDir: electronPackage(false) })).toMatch(/has no Electron binary/);
  });

  test('the binary is the one path.txt names in dist/ (as the Electron suite finds it), and must exist', () => {
    const electronDir = electronPackage(false);
    expect(electronBinaryIn(electronDir)).toEqual({ binary: null, found: false });
    writeFileSync(join(electronDir, 'path.txt'), 'Electron.app/Contents/MacOS/Electron\n');
    const named = join(electronDir, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron');
    expect(electronBinaryIn(electronDir)).toEqual({ binary: named, found: false });
    expect(localBlocker({ env: {}, electronDir })).toMatch(/has no Electron binary/);
    mkdirSync(join(electronDir, 'dist', 'Electron.app', 'Contents', 'MacOS'), { recursive: true });
    writeFileSync(named, '');
    expect(electronBinaryIn(electronDir)).toEqual({ binary: named, found: true });
    expect(localBlocker({ env: {}, electronDir })).toBeNull();
  });

  test('asks Electron’s download server, or the mirror, for this version', () => {
    expect(electronDownloadUrl('45.5.0', {})).toBe(
      'https://github.com/electron/electron/releases/download/v45.5.0/SHASUMS256.txt',
    );
    expect(electronDownloadUrl('45.5.0', { ELECTRON_MIRROR: 'https://mirror.example/electron' })).toBe(
      'https://mirror.example/electron/v45.5.0/SHASUMS256.txt',
    );
  });

  test('no network, or a server that will not serve the archives, stops it', async () => {
    const url = 'https://github.com/electron/electron/releases/download/v45.5.0/SHASUMS256.txt';
    const offline = () => Promise.reject(new TypeError('fetch failed'));
    await expect(downloadBlocker(url, { fetch: offline })).resolves.toMatch(
      /cannot be downloaded from .*fetch failed/,
    );
    const missing = () => Promise.resolve(new Response(null, { status: 404 }));
    await expect(downloadBlocker(url, { fetch: missing })).resolves.toMatch(/answered 404/);
    const fine = () => Promise.resolve(new Response(null, { status: 200 }));
    await expect(downloadBlocker(url, { fetch: fine })).resolves.toBeNull();
  });

  test('a server that does not answer is given up on', async () => {
    const hang = (_url: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new Error('The operation was aborted due to timeout')),
        );
      });
    await expect(
      downloadBlocker('https://unreachable.example/', { fetch: hang, timeoutMs: 50 }),
    ).resolves.toMatch(/timeout/);
  });
});

describe('npm run dist on this machine', () => {
  test('stops before building anything and says why', async () => {
    const failed = await run(process.execPath, [join(root, 'scripts', 'dist.mjs')], {
      cwd: root,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    }).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toBe('');
    expect(failed?.stderr).toMatch(
      /^npm run dist cannot build installers here: this machine was set up with ELECTRON_SKIP/,
    );
    expect(failed?.stderr).toMatch(/release\.yml/);
  });

  test('refuses another system’s installers', async () => {
    const other = process.platform === 'win32' ? '--mac' : '--win';
    const failed = await run(process.execPath, [join(root, 'scripts', 'dist.mjs'), other], {
      cwd: root,
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/installers are built on that system/);
  });
});
