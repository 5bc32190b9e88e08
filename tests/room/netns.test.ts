/**
 * The room across a real network boundary: two network namespaces joined by a veth pair, the app
 * in the first with its room bound to that namespace's address, a phone (an HTTP client) in the
 * second joining and voting. Needs root and iproute2 (`ip`); without them it says why and skips.
 *
 * Each side runs the project's TypeScript under plain Node through bench/run.mjs (Vite's module
 * runner), started inside its namespace with `ip netns exec`. Nothing leaves the two namespaces:
 * 10.213.7.0/30 exists only on the veth pair, which goes when the namespaces are deleted.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const HOST_ADDRESS = '10.213.7.1';
const PHONE_ADDRESS = '10.213.7.2';
const suffix = String(process.pid % 100_000);
const NS_APP = `sw-room-app-${suffix}`;
const NS_PHONE = `sw-room-phone-${suffix}`;
const VETH_APP = `swa${suffix}`;
const VETH_PHONE = `swp${suffix}`;
/** Starting Vite's runner on two busy cores takes a while; this only stops a hang. */
const START_MS = 90_000;

function whyNot(): string | null {
  if (process.platform !== 'linux') return 'network namespaces are Linux only';
  if (process.getuid?.() !== 0) return 'making network namespaces needs root';
  const ip = spawnSync('ip', ['-V'], { encoding: 'utf8' });
  if (ip.error) return `iproute2 is not installed (ip: ${ip.error.message}); apt-get install -y iproute2`;
  const probe = `sw-room-probe-${suffix}`;
  const made = spawnSync('ip', ['netns', 'add', probe], { encoding: 'utf8' });
  if (made.status !== 0)
    return `this machine does not let us make a network namespace: ${made.stderr.trim()}`;
  spawnSync('ip', ['netns', 'del', probe]);
  return null;
}

const reason = whyNot();
if (reason) console.log(`Skipping the network-namespace room test: ${reason}.`);

function ip(...args: string[]): void {
  const run = spawnSync('ip', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`ip ${args.join(' ')}: ${run.stderr.trim()}`);
}

function cleanUp(): void {
  // Deleting a namespace deletes the veth end inside it, and with it the pair.
  for (const ns of [NS_APP, NS_PHONE]) spawnSync('ip', ['netns', 'del', ns]);
}

/** The first stdout line of `child` starting with `prefix`, parsed; fails if the child exits first. */
function lineFrom(child: ChildProcessWithoutNullStreams, prefix: string, log: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(
      () => reject(new Error(`No ${prefix} line in time:\n${log.join('\n')}`)),
      START_MS,
    );
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`The process ended (${code}) before ${prefix}:\n${log.join('\n')}`));
    };
    child.once('exit', onExit);
    lines.on('line', (line) => {
      log.push(line);
      if (!line.startsWith(`${prefix} `)) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      lines.close();
      resolve(JSON.parse(line.slice(prefix.length + 1)));
    });
  });
}

function inNamespace(ns: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'ip',
      ['netns', 'exec', ns, ...args],
      { cwd: ROOT, timeout: START_MS },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

type Room = {
  port: number;
  code: string;
  url: string;
  participants: Array<{ id: string; name: string }>;
  criteria: string[];
};

describe.skipIf(reason !== null)('the room across two network namespaces', () => {
  let app: ChildProcessWithoutNullStreams | undefined;
  let folder = '';
  const appLog: string[] = [];
  let room: Room;

  beforeAll(async () => {
    cleanUp();
    ip('netns', 'add', NS_APP);
    ip('netns', 'add', NS_PHONE);
    ip('link', 'add', VETH_APP, 'type', 'veth', 'peer', 'name', VETH_PHONE);
    ip('link', 'set', VETH_APP, 'netns', NS_APP);
    ip('link', 'set', VETH_PHONE, 'netns', NS_PHONE);
    ip('-n', NS_APP, 'addr', 'add', `${HOST_ADDRESS}/30`, 'dev', VETH_APP);
    ip('-n', NS_PHONE, 'addr', 'add', `${PHONE_ADDRESS}/30`, 'dev', VETH_PHONE);
    for (const [ns, dev] of [
      [NS_APP, VETH_APP],
      [NS_PHONE, VETH_PHONE],
    ] as const) {
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      ip('-n', ns, 'link', 'set', dev, 'up');
    }
    folder = mkdtempSync(join(tmpdir(), 'stackwise-netns-'));
    app = spawn(
      'ip',
      ['netns', 'exec', NS_APP, 'node', 'bench/run.mjs', 'tests/room/netnsHost.ts', HOST_ADDRESS, folder],
      {
        cwd: ROOT,
      },
    );
    app.stderr.on('data', (chunk: Buffer) => appLog.push(chunk.toString()));
    room = (await lineFrom(app, 'ROOM', appLog)) as Room;
  }, START_MS + 10_000);

  afterAll(async () => {
    try {
      if (app && app.exitCode === null) {
        const exited = new Promise((resolve) => app?.once('exit', resolve));
        app.stdin.write('quit\n');
        const timer = setTimeout(() => app?.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    } finally {
      cleanUp();
      if (folder) rmSync(folder, { recursive: true, force: true });
    }
  }, 30_000);

  it('is bound to the namespace’s address only', async () => {
    expect(room.url).toBe(`http://${HOST_ADDRESS}:${room.port}/j/${room.code}`);
    // Inside the app's own namespace, loopback on the same port has nothing listening.
    const probe = `require('net').connect(${room.port}, '127.0.0.1').on('connect', () => { console.log('CONNECTED'); process.exit(0); }).on('error', (e) => console.log(e.code))`;
    expect((await inNamespace(NS_APP, ['node', '-e', probe])).trim()).toBe('ECONNREFUSED');
  });

  it('lets a phone in the other namespace join and vote, and the vote is stored', async () => {
    const priya = room.participants[0]!;
    const output = await inNamespace(NS_PHONE, [
      'node',
      'bench/run.mjs',
      'tests/room/netnsPhone.ts',
      `http://${HOST_ADDRESS}:${room.port}`,
      room.code,
      priya.id,
      room.criteria.join(','),
    ]);
    const line = output.split('\n').find((l) => l.startsWith('PHONE '));
    expect(line, output).toBeDefined();
    const phone = JSON.parse(line!.slice('PHONE '.length)) as Record<
      string,
      { status: number; body: unknown }
    > & {
      page: number;
      spoofed: number;
    };
    expect(phone.page).toBe(200);
    expect(phone.lookup).toMatchObject({
      status: 200,
      body: { ok: true, value: { roster: [{ name: 'Priya' }, { name: 'Marek' }] } },
    });
    expect(phone.join).toEqual({ status: 200, cookie: true });
    expect(phone.ballot).toMatchObject({ status: 200, body: { ok: true, value: { round: 1, version: 1 } } });
    expect(phone.me).toMatchObject({
      status: 200,
      body: { ok: true, value: { name: 'Priya', ballot: { version: 1 } } },
    });
    expect(phone.spoofed).toBe(421);

    const report = lineFrom(app!, 'REPORT', appLog);
    app!.stdin.write('report\n');
    expect(await report).toEqual({
      votes: { [priya.id]: 'voted' },
      counts: { joined: 1, voted: 1, voters: 2 },
    });
  });
});
