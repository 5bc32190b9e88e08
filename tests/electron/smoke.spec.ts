/**
 * The real desktop app, driven through Playwright's Electron support. It needs an Electron binary,
 * which machines without access to GitHub cannot download; there it is skipped with the reason.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { _electron, expect, test } from '@playwright/test';
import { findElectronBinary } from './binary';

const root = join(import.meta.dirname, '..', '..');
const electron = findElectronBinary();

// Deliberate, and the brief asks for it: this suite needs a real Electron binary, which comes from
// GitHub and cannot be downloaded on offline or CI machines. Where it is missing the test is
// skipped with that reason in the report (playwright.config.ts also prints it before the run);
// wherever the binary is installed it runs.
const skipReason = 'missing' in electron ? `Electron smoke test skipped: ${electron.missing}` : '';
test.skip(skipReason !== '', skipReason);

test('the desktop app opens sandboxed, with only the typed bridge, and saves a session', async ({}, testInfo) => {
  if (!('path' in electron)) return;
  // better-sqlite3 for Electron's ABI, kept beside the Node build (see scripts/electron-sqlite.mjs).
  execFileSync(process.execPath, [join(root, 'scripts', 'electron-sqlite.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  const dataDir = testInfo.outputPath('data');
  mkdirSync(dataDir, { recursive: true });

  const app = await _electron.launch({
    executablePath: electron.path,
    args: ['.', '--db', join(dataDir, 'stackwise.sqlite'), '--no-sandbox'],
    cwd: root,
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();

    const surface = await window.evaluate(() => ({
      api: Object.keys((window as unknown as { api: object }).api).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(surface).toEqual({ api: ['invoke', 'on'], require: 'undefined', process: 'undefined' });

    const refused = await window.evaluate(() =>
      (window as unknown as { api: { invoke(c: string, i: unknown): Promise<unknown> } }).api
        .invoke('shell:openExternal', 'https://example.com')
        .then(
          () => 'answered',
          (error: Error) => error.message,
        ),
    );
    expect(refused).toMatch(/Unknown channel/);

    await window.getByRole('link', { name: 'New session' }).first().click();
    await window.getByLabel('Client name').fill('Electron Smoke Ltd');
    await window.getByLabel('Project name').fill('Desktop check');
    await window.getByLabel('Facilitator').fill('Dana');
    await window.getByRole('button', { name: 'Create session' }).click();
    await expect(window.getByRole('heading', { level: 1, name: 'Electron Smoke Ltd' })).toBeVisible();
  } finally {
    await app.close();
  }
});
