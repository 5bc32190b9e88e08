/**
 * The real desktop app, driven through Playwright's Electron support, with the sandbox on (no
 * `--no-sandbox`). It needs an Electron binary, which machines without access to GitHub cannot
 * download; there it is skipped with the reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page, TestInfo } from '@playwright/test';
import { findElectronBinary } from './binary';

const root = join(import.meta.dirname, '..', '..');
const electron = findElectronBinary();

// Deliberate, and the brief asks for it: this suite needs a real Electron binary, which comes from
// GitHub and cannot be downloaded on offline or CI machines. Where it is missing the test is
// skipped with that reason in the report (playwright.config.ts also prints it before the run);
// wherever the binary is installed it runs.
const skipReason = 'missing' in electron ? `Electron smoke test skipped: ${electron.missing}` : '';
test.skip(skipReason !== '', skipReason);

type Api = { invoke(channel: string, input: unknown): Promise<unknown> };

async function launch(testInfo: TestInfo): Promise<{ app: ElectronApplication; window: Page }> {
  if (!('path' in electron)) throw new Error(skipReason);
  // better-sqlite3 for Electron's ABI, kept beside the Node build (see scripts/electron-sqlite.mjs).
  execFileSync(process.execPath, [join(root, 'scripts', 'electron-sqlite.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  const dataDir = testInfo.outputPath('data');
  mkdirSync(dataDir, { recursive: true });
  const app = await _electron.launch({
    executablePath: electron.path,
    args: ['.', '--db', join(dataDir, 'stackwise.sqlite')],
    cwd: root,
  });
  const window = await app.firstWindow();
  await expect(window.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
  return { app, window };
}

/**
 * Whether each window's renderer process really runs sandboxed, asked of the operating system:
 * on Linux a sandboxed Chromium renderer runs under a seccomp-bpf filter (`Seccomp: 2` in its
 * /proc status; 0 with `--no-sandbox`); macOS and Windows report it in the app's metrics.
 */
async function rendererSandboxes(app: ElectronApplication): Promise<boolean[]> {
  const renderers = await app.evaluate(({ app: electronApp, BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => {
      const pid = w.webContents.getOSProcessId();
      const metric = electronApp.getAppMetrics().find((m) => m.pid === pid);
      return { pid, sandboxed: metric?.sandboxed };
    }),
  );
  return renderers.map(({ pid, sandboxed }) => {
    if (process.platform !== 'linux') return sandboxed === true;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return /^Seccomp:\s+2$/m.test(status);
  });
}

/** Creates a session through the form and returns its id, read from the page's address. */
async function createSession(window: Page, clientName: string): Promise<string> {
  await window.getByRole('link', { name: 'New session' }).first().click();
  await window.getByLabel('Client name').fill(clientName);
  await window.getByLabel('Project name').fill('Desktop check');
  await window.getByLabel('Facilitator').fill('Dana');
  await window.getByRole('button', { name: 'Create session' }).click();
  await expect(window.getByRole('heading', { level: 1, name: clientName })).toBeVisible();
  const id = /#\/sessions\/([^/?]+)/.exec(window.url())?.[1];
  if (!id) throw new Error(`no session id in ${window.url()}`);
  return decodeURIComponent(id);
}

test('the desktop app opens sandboxed, with only the typed bridge, and saves a session', async ({}, testInfo) => {
  const { app, window } = await launch(testInfo);
  try {
    // Served from the app's own scheme, not from a file.
    expect(window.url()).toMatch(/^app:\/\/stackwise\/index\.html/);

    const surface = await window.evaluate(() => ({
      api: Object.keys((window as unknown as { api: object }).api).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(surface).toEqual({ api: ['invoke', 'on'], require: 'undefined', process: 'undefined' });

    expect(
      await app.evaluate(({ app: electronApp }) => electronApp.commandLine.hasSwitch('no-sandbox')),
    ).toBe(false);
    expect(await rendererSandboxes(app)).toEqual([true]);

    const refused = await window.evaluate(() =>
      (window as unknown as { api: Api }).api.invoke('shell:openExternal', 'https://example.com').then(
        () => 'answered',
        (error: Error) => error.message,
      ),
    );
    expect(refused).toMatch(/Unknown channel/);

    await createSession(window, 'Electron Smoke Ltd');
  } finally {
    await app.close();
  }
});

test('Present opens the shared screen in its own sandboxed window', async ({}, testInfo) => {
  const { app, window } = await launch(testInfo);
  try {
    const sessionId = await createSession(window, 'Presenter Smoke Ltd');
    const opening = app.waitForEvent('window');
    const answer = await window.evaluate(
      (id) => (window as unknown as { api: Api }).api.invoke('workshop:present', { sessionId: id }),
      sessionId,
    );
    expect(answer).toEqual({ ok: true, value: { opened: true } });
    const presenter = await opening;
    await presenter.waitForLoadState('domcontentloaded');
    expect(presenter.url()).toBe(`app://stackwise/index.html#/present/${encodeURIComponent(sessionId)}`);
    await expect(presenter.getByRole('heading', { level: 1 }).first()).toBeVisible();

    expect(await rendererSandboxes(app)).toEqual([true, true]);
  } finally {
    await app.close();
  }
});

test('Export PDF asks where to save with the native dialog and writes the report there', async ({}, testInfo) => {
  const { app, window } = await launch(testInfo);
  const target = testInfo.outputPath('exported.pdf');
  try {
    await createSession(window, 'Export Smoke Ltd');
    // The native dialog cannot be clicked from here: it is answered in the main process instead,
    // and what the app asked it is kept for the checks below.
    await app.evaluate(({ dialog }, filePath) => {
      const asked: unknown[] = [];
      (globalThis as unknown as { asked: unknown[] }).asked = asked;
      const answer = (...args: unknown[]) => {
        asked.push(args.at(-1));
        return Promise.resolve({ canceled: false, filePath });
      };
      Object.assign(dialog, { showSaveDialog: answer });
    }, target);
    await window.getByRole('button', { name: 'Export PDF' }).click();
    await expect
      .poll(() => existsSync(target) && readFileSync(target).subarray(0, 5).toString())
      .toBe('%PDF-');
    const asked = await app.evaluate(() => (globalThis as unknown as { asked: unknown[] }).asked);
    expect(asked).toEqual([
      expect.objectContaining({
        title: 'Save the recommendation report',
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      }),
    ]);
  } finally {
    await app.close();
  }
});
