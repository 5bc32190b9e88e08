/**
 * The figures measured through the web host (the same core the desktop main process runs, one
 * thread serving every call) and the real renderer in Debian's Chromium: start-up until the first
 * call answers, the whole-file check after opening, an autosave sent while the list is computed,
 * a backup and whether the main side kept answering meanwhile, and the list painted after
 * navigation and while typing a search.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { ROOT } from '../generate';
import type { Figures } from './inProcess';
import { firstPage, listRows } from './inProcess';
import { percentile, scratchCopy } from './measure';

type Host = {
  url: string;
  call: (channel: string, input: unknown) => Promise<unknown>;
  stop(): void;
  exited: Promise<void>;
};

function startHost(databasePath: string): Promise<Host> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out/main/webhost.js'), '--db', databasePath, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`web host exited (${code}); run npm run build first`)));
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open:\s+(\S+)/.exec(out);
      if (!match?.[1]) return;
      // Once the link is known, the rest of its output is only drained.
      child.stdout.off('data', onData);
      child.stdout.resume();
      const url = match[1];
      const { origin, searchParams } = new URL(url);
      const token = searchParams.get('token') ?? '';
      const call = async (channel: string, input: unknown) => {
        const response = await fetch(`${origin}/api/invoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-stackwise-token': token },
          body: JSON.stringify({ channel, input }),
        });
        const envelope = (await response.json()) as {
          ok: boolean;
          value?: unknown;
          error?: { message: string };
        };
        if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.message ?? 'failed'}`);
        return envelope.value;
      };
      child.removeAllListeners('exit');
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      resolve({ url, call, stop: () => child.kill('SIGTERM'), exited });
    };
    child.stdout.on('data', onData);
  });
}

const timed = async (task: () => Promise<unknown>) => {
  const start = performance.now();
  await task();
  return performance.now() - start;
};

/** Start-up, the check after opening, an autosave behind the list, and a backup beside a ping. */
async function hostFigures(host: Host, began: number, paging: boolean, figures: Figures): Promise<void> {
  const listInput = paging ? firstPage({}) : {};
  const firstList = await host.call('sessions:list', listInput);
  figures.set('start.firstCall', performance.now() - began);
  // The check after opening (when the host has one) runs while the app is in use.
  for (;;) {
    const status = (await host.call('data:status', {})) as { check?: { state: string } };
    if (status.check?.state !== 'checking') {
      figures.set('start.check', status.check ? performance.now() - began : 'before opening');
      break;
    }
    await new Promise((done) => setTimeout(done, 25));
  }

  // A typical session (a 40 x 8 x 40 one would measure its own autosave, not the wait).
  const rows = listRows(firstList);
  const sessionId = (rows.find((row) => row.participantCount <= 12) ?? rows[0])?.id ?? '';
  const workshop = (await host.call('workshop:get', { sessionId })) as {
    revision: number;
    state: { criteria: Array<{ id: string }> };
  };
  const people = (
    (await host.call('sessions:get', { id: sessionId })) as { participants: Array<{ id: string }> }
  ).participants;
  let revision = workshop.revision;
  const autosave = async (i: number) => {
    const action = {
      type: 'setDirect',
      participantId: people[i % people.length]?.id,
      criterionId: workshop.state.criteria[i % workshop.state.criteria.length]?.id,
      value: i % 11,
    };
    const receipt = (await host.call('workshop:apply', { sessionId, baseRevision: revision, action })) as {
      revision: number;
    };
    revision = receipt.revision;
  };
  const alone: number[] = [];
  for (let i = 0; i < 10; i++) alone.push(await timed(() => autosave(i)));
  const behind: number[] = [];
  for (let i = 0; i < 9; i++) {
    // The list's request goes first; the autosave leaves a moment later, as a slider step would.
    const list = host.call('sessions:list', listInput);
    await new Promise((done) => setTimeout(done, 1));
    behind.push(await timed(() => autosave(100 + i)));
    await list;
  }
  figures.set('autosave.behindList', Math.max(0, percentile(behind, 0.5) - percentile(alone, 0.5)));

  // A backup, with a cheap call every 20 ms: the longest wait is how long the main side froze.
  let pinging = true;
  let longest = 0;
  const ping = (async () => {
    while (pinging) {
      longest = Math.max(longest, await timed(() => host.call('app:info', {})));
      await new Promise((done) => setTimeout(done, 20));
    }
  })();
  figures.set('backup.time', await timed(() => host.call('data:backup', {})));
  pinging = false;
  await ping;
  figures.set('backup.longestPing', longest);
}

/** In the page: from `start` until the list's first row is in the DOM and a frame has been painted. */
async function paintedAfter(page: Page, navigate: () => Promise<unknown>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __painted?: Promise<number> };
    const start = performance.now();
    w.__painted = new Promise((resolve) => {
      const check = () => {
        if (document.querySelector('[aria-label="Sessions"] li'))
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  });
  await navigate();
  return page.evaluate(() => (window as unknown as { __painted: Promise<number> }).__painted);
}

async function browserFigures(host: Host, figures: Figures): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
    const start = performance.now();
    await page.goto(host.url);
    await page.locator('[aria-label="Sessions"] li').first().waitFor({ timeout: 120_000 });
    figures.set('ui.openApp', performance.now() - start);
    await page.goto(`${host.url.split('#')[0]}#/brands`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) {
      samples.push(await paintedAfter(page, () => page.evaluate(() => (window.location.hash = '#/'))));
      await page.evaluate(() => (window.location.hash = '#/brands'));
      await page.locator('[aria-label="Sessions"]').waitFor({ state: 'detached' });
    }
    figures.set('ui.navigate', Math.max(...samples));
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.locator('[aria-label="Sessions"] li').first().waitFor();
    figures.set('ui.domNodes', await page.evaluate(() => document.getElementsByTagName('*').length));

    // Typing a search: every frame's length while keys go in, and keystroke -> results painted.
    const search = page.getByRole('searchbox', { name: 'Search sessions' });
    await search.focus();
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __lastMutation: number; __typing: boolean };
      w.__frames = [];
      w.__lastMutation = performance.now();
      w.__typing = true;
      let last = performance.now();
      const frame = (now: number) => {
        w.__frames.push(now - last);
        last = now;
        if (w.__typing) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      new MutationObserver(() => (w.__lastMutation = performance.now())).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    const keystrokes: number[] = [];
    for (const key of ['m', 'u', 'l', 'l']) {
      const pressed = await page.evaluate(() => performance.now());
      await search.press(key);
      // Wait for the list to settle: no change for 400 ms (the search waits 150 ms for a pause).
      await page.waitForFunction(
        () => performance.now() - (window as unknown as { __lastMutation: number }).__lastMutation > 400,
        undefined,
        { timeout: 60_000, polling: 50 },
      );
      const settled = await page.evaluate(
        () => (window as unknown as { __lastMutation: number }).__lastMutation,
      );
      keystrokes.push(settled - pressed);
    }
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __typing: boolean };
      w.__typing = false;
      return w.__frames;
    });
    figures.set('ui.keystroke', Math.max(...keystrokes));
    figures.set('ui.longestFrame', Math.max(...frames.slice(1)));
    figures.set('ui.droppedFrames', frames.slice(1).filter((gap) => gap >= 25).length);
  } finally {
    await browser.close();
  }
}

/** Flushes the file and asks the kernel to forget its cached pages (GNU dd's `nocache`), as after a reboot. */
function dropFromCache(path: string): boolean {
  const fd = openSync(path, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  return spawnSync('dd', [`if=${path}`, 'iflag=nocache', 'count=0', 'status=none']).status === 0;
}

/** From starting a host until a first page of the list has answered; the host is then stopped. */
async function startUntilFirstList(path: string, paging: boolean): Promise<number> {
  const began = performance.now();
  const host = await startHost(path);
  try {
    await host.call('sessions:list', paging ? firstPage({}) : {});
    return performance.now() - began;
  } finally {
    host.stop();
    await host.exited;
  }
}

export async function throughHost(
  path: string,
  paging: boolean,
  figures: Figures,
  browser: boolean,
): Promise<void> {
  const copy = scratchCopy(path);
  if (dropFromCache(copy.path)) {
    const cold = await startUntilFirstList(copy.path, paging);
    figures.set('start.cold', cold);
  }
  const began = performance.now();
  const host = await startHost(copy.path);
  try {
    await hostFigures(host, began, paging, figures);
    if (browser) await browserFigures(host, figures);
  } finally {
    host.stop();
    await host.exited;
    copy.remove();
  }
}
