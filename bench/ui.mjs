#!/usr/bin/env node
/**
 * `npm run bench` (second half): the real renderer in Debian's Chromium through the web host.
 * It moves a weight slider many times and measures, for each move, the time from the input event
 * until React has committed the new ranking and the browser has laid it out, i.e. the work that
 * must fit in one frame (16 ms) for the ranking to repaint with the slider. Prints the 95th
 * percentile for a typical workshop (7 criteria, 2 candidates, 12 participants) and the largest
 * supported one (40 criteria, 8 candidates, 40 participants). Then the re-rank repaint while forty
 * phones vote through the room (bench/ui/roomRepaint.mjs), `--rounds` seconds of ballots (3; at most
 * 4). `--only slider` or `--only room` runs one of the two.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { roomRepaint } from './ui/roomRepaint.mjs';

const root = join(import.meta.dirname, '..');
const MOVES = 60;
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== undefined && only !== 'slider' && only !== 'room') {
  console.error('Usage: node bench/ui.mjs [--only slider|room] [--rounds 1-4]');
  process.exit(2);
}
// Forty joins and forty ballots a round from one address stay within the room's 240 writes a minute.
const roundsAt = process.argv.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(process.argv[roundsAt + 1]) : 3;
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 4) {
  console.error('--rounds must be a whole number from 1 to 4.');
  process.exit(2);
}

function startHost(databasePath) {
  const child = spawn(
    process.execPath,
    [join(root, 'out/main/webhost.js'), '--db', databasePath, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`web host exited (${code}); run npm run build first`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /Open:\s+(\S+)/.exec(out);
      if (match) resolve({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
  });
}

function client(url) {
  const { origin, searchParams } = new URL(url);
  const token = searchParams.get('token');
  return async (channel, input) => {
    const response = await fetch(`${origin}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-stackwise-token': token },
      body: JSON.stringify({ channel, input }),
    });
    const envelope = await response.json();
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
    return envelope.value;
  };
}

async function scene(call, { criteria, candidates, participants }) {
  const session = await call('sessions:create', {
    clientName: 'Benchmark',
    projectName: `${criteria} criteria, ${candidates} candidates, ${participants} participants`,
    facilitator: 'Bench',
    workshopDate: '2026-01-01',
    participants: Array.from({ length: participants }, (_, i) => ({ name: `Person ${i + 1}` })),
  });
  const apply = async (action) => {
    const { revision } = await call('workshop:get', { sessionId: session.id });
    return call('workshop:apply', { sessionId: session.id, baseRevision: revision, action });
  };
  const extraCriteria = Array.from({ length: criteria - 7 }, (_, i) => `criterion-${i + 1}`);
  for (const [i, id] of extraCriteria.entries())
    await apply({ type: 'addCriterion', id, name: `Extra criterion ${i + 1}`, description: '' });
  const extraCandidates = Array.from({ length: candidates - 2 }, (_, i) => `candidate-${i + 1}`);
  for (const [i, id] of extraCandidates.entries())
    await apply({ type: 'addCandidate', id, name: `Stack ${i + 1}` });
  const { state } = await call('workshop:get', { sessionId: session.id });
  let seed = 7;
  const next = () => ((seed = (seed * 16807) % 2147483647) % 5) + 1;
  for (const candidate of state.candidates) {
    for (const criterion of state.criteria) {
      if (candidate.builtIn && criterion.builtIn) continue;
      await apply({
        type: 'setRating',
        candidateId: candidate.id,
        criterionId: criterion.id,
        value: next(),
        rationale: '',
      });
    }
  }
  // A mix of methods; every voter has entered something.
  const methods = ['direct', 'points', 'rank', 'pairwise'];
  for (const [i, person] of session.participants.entries()) {
    await apply({ type: 'setMethod', participantId: person.id, method: methods[i % 4] });
  }
  await apply({ type: 'setStep', step: 'weighting' });
  return session;
}

async function measure(page, url, session) {
  await page.goto(`${url}#/workshop/${session.id}`);
  await page.getByRole('heading', { name: 'Live ranking' }).waitFor();
  await page.evaluate(() => {
    const samples = [];
    window.__samples = samples;
    const ranking = document.querySelector('[aria-label="Live ranking"]');
    document.addEventListener(
      'input',
      (event) => {
        // From the moment this page starts handling the input (the browser's own delivery of the
        // key press is outside the page's frame budget, and reported separately).
        const start = performance.now();
        const delivered = start - event.timeStamp;
        const observer = new MutationObserver(() => {
          observer.disconnect();
          const committed = performance.now() - start;
          // Force style and layout now, so the sample includes them, not just React's work.
          ranking.getBoundingClientRect();
          void document.body.offsetHeight;
          samples.push({ work: performance.now() - start, committed, delivered });
        });
        observer.observe(ranking, { subtree: true, childList: true, characterData: true, attributes: true });
      },
      true,
    );
  });
  const slider = page.getByRole('slider', { name: 'Security', exact: true });
  await slider.focus();
  for (let i = 0; i < MOVES; i++) {
    // Five steps up, five down, from the starting 5: every press changes the weight.
    await slider.press(i % 10 < 5 ? 'ArrowRight' : 'ArrowLeft');
    await page
      .waitForFunction((n) => window.__samples.length >= n, i + 1, { timeout: 5000 })
      .catch(() => undefined);
  }
  const raw = await page.evaluate(() => window.__samples);
  const percentile = (values, q) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  };
  const work = raw.map((s) => s.work);
  const total = raw.map((s) => s.work + s.delivered);
  return {
    count: raw.length,
    median: percentile(work, 0.5),
    p95: percentile(work, 0.95),
    max: Math.max(...work),
    p95WithDelivery: percentile(total, 0.95),
    medianCommitted: percentile(
      raw.map((s) => s.committed),
      0.5,
    ),
  };
}

const began = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'stackwise-bench-'));
const host = await startHost(join(dir, 'bench.sqlite'));
const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
try {
  const call = client(host.url);
  // Figures from a busy machine are slower than a workshop would see: say how busy it was.
  console.log(`\nBrowser figures (load ${(loadavg()[0] ?? 0).toFixed(1)} on ${cpus().length} cores)`);
  if (only !== 'room')
    console.log(
      '\nLive ranking while a slider moves (input event -> new ranking committed and laid out; budget 16 ms)',
    );
  for (const size of only === 'room'
    ? []
    : [
        { criteria: 7, candidates: 2, participants: 12 },
        { criteria: 40, candidates: 8, participants: 40 },
      ]) {
    const session = await scene(call, size);
    // A fresh browser for each scene, so one scene's leftovers never slow the next.
    const browser = await launch();
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (error) => console.error(`Page error: ${error.message}`));
    const result = await measure(page, host.url, session);
    await browser.close();
    const label = `${size.criteria} criteria, ${size.candidates} candidates, ${size.participants} participants`;
    console.log(
      `  ${label.padEnd(52)} p95 ${result.p95.toFixed(1)} ms  (median ${result.median.toFixed(1)} ms, max ${result.max.toFixed(1)} ms, ` +
        `${result.count} moves; median until React committed ${result.medianCommitted.toFixed(1)} ms; ` +
        `p95 with the browser's input delivery ${result.p95WithDelivery.toFixed(1)} ms)`,
    );
  }
  if (only !== 'slider') await roomRepaint({ hostUrl: host.url, call, launch, rounds });
  console.log(`  (benchmark took ${Math.round((Date.now() - began) / 1000)} s)`);
} finally {
  host.stop();
  rmSync(dir, { recursive: true, force: true });
}
