/**
 * End-to-end fixtures: every test gets its own data folder and a real web host process (the built
 * `out/main/webhost.js`) on a free loopback port, and waits for the host's own "Open:" line rather
 * than sleeping.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';

const HOST_SCRIPT = join(import.meta.dirname, '..', '..', 'out', 'main', 'webhost.js');

export type WebHostProcess = {
  url: string;
  origin: string;
  databasePath: string;
  stop(): Promise<void>;
  /** Kills the host at once, as a power cut or a crash would (SIGKILL: no clean-up runs). */
  kill(): Promise<void>;
};

/** `env`: more environment for the host (a test-only switch, say). */
export function launchWebHost(databasePath: string, env: NodeJS.ProcessEnv = {}): Promise<WebHostProcess> {
  const child = spawn(process.execPath, [HOST_SCRIPT, '--db', databasePath, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => reject(new Error(`${reason}\n${output}`));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(`The web host exited with code ${code}.`));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open:\s+(\S+)/.exec(output);
      if (!match?.[1]) return;
      const url = match[1];
      child.removeAllListeners('exit');
      resolve({
        url,
        origin: new URL(url).origin,
        databasePath,
        stop: () => stop(child),
        kill: () => stop(child, 'SIGKILL'),
      });
    });
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Calls the contract directly, with the host's token: for setting up a scene quickly. */
export async function callHost<T>(host: WebHostProcess, channel: string, input: unknown): Promise<T> {
  const token = new URL(host.url).searchParams.get('token') ?? '';
  const response = await fetch(`${host.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-stackwise-token': token },
    body: JSON.stringify({ channel, input }),
  });
  const envelope = (await response.json()) as
    { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value;
}

type Fixtures = {
  /** `restart(meanwhile)` runs `meanwhile` while the host is stopped (e.g. to damage its file). */
  host: WebHostProcess & { restart(meanwhile?: () => void): Promise<void> };
  app: Page;
};

export const test = base.extend<Fixtures>({
  host: async ({}, use, testInfo) => {
    const dataDir = testInfo.outputPath('data');
    mkdirSync(dataDir, { recursive: true });
    let current = await launchWebHost(join(dataDir, 'stackwise.sqlite'));
    const handle = {
      get url() {
        return current.url;
      },
      get origin() {
        return current.origin;
      },
      databasePath: current.databasePath,
      stop: () => current.stop(),
      kill: () => current.kill(),
      async restart(meanwhile?: () => void) {
        await current.stop();
        meanwhile?.();
        current = await launchWebHost(current.databasePath);
      },
    };
    await use(handle);
    await current.stop();
  },
  /** The app, opened through the host's secret link, failing the test on any page error. */
  app: async ({ page, host }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
    await use(page);
    expect(errors, 'the page logged errors').toEqual([]);
  },
});

export { expect };

const screensDir = join(import.meta.dirname, '..', '..', 'test-results', 'screens');

/** Saves a screenshot for people to look at; the suite never compares pixels. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screensDir, `${name}.png`), fullPage: true });
}
