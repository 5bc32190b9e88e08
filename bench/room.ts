/**
 * `npm run bench` (room figures): forty participants voting from their own phones.
 *
 *   node bench/run.mjs bench/room.ts [--phones 40] [--rounds 5]
 *
 * The app (a real core on a fresh database, synchronous=FULL) opens the room on 127.0.0.1; the
 * phones run in a process of their own (bench/room/phones.ts), each with its own connections.
 * Figures: the acknowledgement time of a ballot (sent to answered, after its transaction
 * committed) while all forty phones send one within a second and every phone fetches its view
 * again on each nudge, as the page does: median, 99th percentile and worst over `rounds` seconds;
 * and the app's memory per connected phone: its heap and buffers before and after forty event
 * streams are open, divided by forty. The machine's load is printed with the figures, which on a
 * busy machine are slower than a room would see. The bench reports; it never fails.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_ROOM_SETTINGS } from '@shared/room/schema';
import type { RoomStatus } from '@shared/room/contract';
import { createCore } from '../src-main/core';
import { dispatch } from '../src-main/ipc/dispatch';
import type { Channel, ChannelInput, ChannelOutput } from '@shared/ipc/contract';
import { FONTS_DIR, ROOT } from './generate';
import { percentile } from './scale/measure';

/** Waits for the phones' process longer than any step takes, only to stop a hang. */
const STEP_TIMEOUT_MS = 120_000;

function flag(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number above 0.`);
  return value;
}

/** A full collection, so the memory figures are of what is live. */
function collect(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

/**
 * The app's live memory: its JavaScript heap and the buffers outside it (sockets' and streams').
 * The resident size is shown beside it but not divided: the engine hands pages back to the
 * system at its own pace, so its difference over forty streams is mostly noise.
 */
function memory(): { heap: number; live: number; rss: number } {
  collect();
  const { heapUsed, external, rss } = process.memoryUsage();
  return { heap: heapUsed, live: heapUsed + external, rss };
}

export async function main(argv: string[]): Promise<void> {
  const count = Math.min(flag(argv, 'phones', 40), 60);
  const rounds = Math.min(flag(argv, 'rounds', 5), 20);
  const dir = mkdtempSync(join(tmpdir(), 'stackwise-room-bench-'));
  // The listener's rate limits run on the app's clock; each round is a minute later, as if the
  // room took a minute to vote, so forty phones behind one address stay within them.
  let skew = 0;
  const core = createCore({
    databasePath: join(dir, 'stackwise.sqlite'),
    host: 'web',
    version: '0.0.0-bench',
    fontsDir: FONTS_DIR,
    rendererDir: join(ROOT, 'out', 'renderer'),
    now: () => new Date(Date.now() + skew),
  });
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await dispatch(core.handlers, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as ChannelOutput<C>;
  };
  const phones = spawn(process.execPath, [join(ROOT, 'bench', 'run.mjs'), 'bench/room/phones.ts'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const answers = createInterface({ input: phones.stdout })[Symbol.asyncIterator]();
  const ask = async (command: Record<string, unknown>): Promise<Record<string, unknown>> => {
    phones.stdin.write(`${JSON.stringify(command)}\n`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`The phones did not finish "${String(command['do'])}".`)),
        STEP_TIMEOUT_MS,
      );
    });
    // Lines that are not ours (the runner's warnings) are skipped; at most a few hundred.
    try {
      for (let skipped = 0; skipped < 500; skipped++) {
        const next = await Promise.race([answers.next(), timeout]);
        if (next.done) throw new Error('The phones stopped.');
        const line = String(next.value);
        if (line.startsWith('{')) return JSON.parse(line) as Record<string, unknown>;
      }
      throw new Error('The phones said too much that was not an answer.');
    } finally {
      clearTimeout(timer);
    }
  };

  try {
    const session = await call('sessions:create', {
      clientName: 'Bench',
      projectName: 'Room of forty',
      facilitator: 'Bench',
      workshopDate: '2026-03-12',
      participants: Array.from({ length: count }, (_, i) => ({ name: `Participant ${i + 1}` })),
    });
    const room = await call('room:open', {
      sessionId: session.id,
      address: '127.0.0.1',
      port: 0,
      settings: DEFAULT_ROOM_SETTINGS,
    });
    if (!room.open) throw new Error('The room did not open.');
    const { state } = await call('workshop:get', { sessionId: session.id });
    await ask({
      do: 'join',
      origin: room.shortUrl,
      code: room.code,
      participants: session.participants.map((p) => p.id),
      criteria: state.criteria.map((c) => c.id),
    });
    const before = memory();
    await ask({ do: 'follow' });
    const connected = (status: RoomStatus) =>
      status.open ? status.devices.filter((d) => d.connected).length : 0;
    if (connected(await call('room:status', { sessionId: session.id })) !== count)
      throw new Error('Not every phone is following the room.');
    const after = memory();

    const samples: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      skew += 61_000;
      const answer = await ask({ do: 'vote', round, spreadMs: 1000 });
      samples.push(...(answer['ms'] as number[]));
    }
    const final = await call('room:status', { sessionId: session.id });
    const voted = final.open ? final.counts.voted : 0;

    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const kb = (v: number) => `${(v / 1024).toFixed(1)} KB`;
    const p99 = percentile(samples, 0.99);
    const rows: Array<[string, string, string]> = [
      [
        `ballots acknowledged (${count} phones x ${rounds} s)`,
        String(samples.length),
        `${voted} of ${count} voted`,
      ],
      ['ballot acknowledgement, median', ms(percentile(samples, 0.5)), ''],
      ['ballot acknowledgement, p99', ms(p99), `goal <= 250 ms: ${p99 <= 250 ? 'PASS' : 'MISS'}`],
      ['ballot acknowledgement, worst', ms(Math.max(...samples)), ''],
      [
        'app heap per connected phone',
        kb((after.heap - before.heap) / count),
        `${kb(before.heap)} -> ${kb(after.heap)}`,
      ],
      [
        'app heap + buffers per connected phone',
        kb((after.live - before.live) / count),
        `resident ${kb(before.rss)} -> ${kb(after.rss)}`,
      ],
    ];
    // Figures from a busy machine are slower than the room would see: say how busy it was.
    const load = loadavg()[0] ?? 0;
    console.log(
      `\nRoom: ${count} participants voting from their own phones (load ${load.toFixed(1)} on ${cpus().length} cores)\n`,
    );
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, value, note] of rows)
      console.log(`  ${label.padEnd(width)}  ${value.padStart(10)}  ${note}`);
    console.log('');
  } finally {
    phones.stdin.write(`${JSON.stringify({ do: 'quit' })}\n`);
    await core.room.closeAll();
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
