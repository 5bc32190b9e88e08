/**
 * Every channel, fuzzed through the two ways in that production uses: the Electron IPC
 * registration (with a forged but valid sender) and the web host over HTTP. Inputs come from the
 * contract's own schemas with hostile values swapped in (tests/fuzz/generate.ts), from a fixed
 * seed, so a failure names the call that can be replayed.
 *
 * For every call: the answer is the envelope; no call ends in an internal error; a refused call
 * writes nothing (SQLite's change counter on the app's own connection is unchanged, and every
 * 25th refused call also compares a full dump of the database before and after).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract } from '@shared/ipc/contract';
import type { Channel } from '@shared/ipc/contract';
import { resultSchema } from '@shared/ipc/result';
import type { Result } from '@shared/ipc/result';
import type { Core } from '../../src-main/core';
import { startWebHost } from '../../src-main/web/server';
import { dumpDatabase, useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { useTempDir } from '../helpers/tempDir';
import { generate, nestedText, PROTOTYPE_KEYS, randomUuid, seededRandom } from './generate';
import type { Pools, Random } from './generate';

const SEED = 20261201;
const IPC_CALLS = 10_000;
const WEB_CALLS = 2_500;
const TOKEN = 'fuzz-token-0123456789abcdefghijklmnop';

/** Channels that render a whole PDF are slow; they get fewer calls, never none. */
const WEIGHTS = new Map<Channel, number>([
  ['report:export', 0.25],
  ['snapshots:report', 0.25],
  ['data:backup', 0.25],
]);

const Envelope = resultSchema(z.unknown());
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const tempDir = useTempDir();
const makeIpcCore = useIpcCore(tempDir);

type Call = (channel: string, input: unknown) => Promise<unknown>;

/** A database worth fuzzing: sessions with people, a workshop moved on, a brand, a snapshot. */
async function buildScene(call: Call, random: Random): Promise<Pools> {
  const pools: Pools = {
    uuids: [randomUuid(random), randomUuid(random)],
    sessionIds: [],
    participantIds: [],
    itemIds: ['security', 'performance', 'django', 'node', 'fastapi', ...PROTOTYPE_KEYS],
    words: ['Priya', 'Marek', 'Northwind', 'Customer portal', 'Łódź', 'Νίκος', 'A note about risks.'],
    revisions: new Map(),
  };
  const ok = async (channel: string, input: unknown) => {
    const answer = await call(channel, input);
    const parsed = Envelope.safeParse(answer);
    if (!parsed.success) throw new Error(`scene: ${channel}: ${JSON.stringify(answer).slice(0, 300)}`);
    const envelope = parsed.data;
    if (!envelope.ok) throw new Error(`scene: ${channel}: ${envelope.error.message}`);
    harvest(envelope.value, pools);
    return envelope.value as Record<string, unknown>;
  };
  for (let i = 0; i < 3; i++) {
    const session = await ok('sessions:create', draft({ clientName: `Scene client ${i}` }));
    const sessionId = String(session['id']);
    const workshop = await ok('workshop:get', { sessionId });
    await ok('workshop:apply', {
      sessionId,
      baseRevision: workshop['revision'],
      action: { type: 'setAnswer', question: 'workload', value: 'io-realtime' },
    });
    await ok('snapshots:create', { sessionId, name: `Scene snapshot ${i}` });
    // Its entries' ids ("change-3", "event-2") join the pools, so history:entry reaches real ones.
    await ok('history:list', { sessionId });
  }
  await ok('brands:save', {
    name: 'Scene brand',
    companyName: 'Harbour & Vale',
    primaryColor: '#1F4E79',
    accentColor: '#C9733A',
    contactLine: '',
    footerText: '',
    disclaimer: '',
    logo: null,
  }).catch(() => undefined); // the brand form's fields may differ; the fuzzer covers brands:save anyway
  return pools;
}

/** Ids from a successful answer join the pools, so later calls reach what exists. */
function harvest(value: unknown, pools: Pools, key = ''): void {
  if (isRecord(value)) {
    const { id, sessionId, revision, clientName } = value;
    if (typeof sessionId === 'string' && typeof revision === 'number') {
      pools.revisions.set(`workshop:${sessionId}`, revision);
    }
    if (typeof id === 'string' && typeof clientName === 'string') {
      remember(pools.sessionIds, id);
      if (typeof revision === 'number') pools.revisions.set(`session:${id}`, revision);
    }
    if (key === 'participants' && typeof id === 'string') remember(pools.participantIds, id);
  }
  if (typeof value === 'string') {
    if (UUID.test(value)) remember(pools.uuids, value);
    else if (key === 'id' && value.length <= 60) remember(pools.itemIds, value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 20)) harvest(item, pools, key);
    return;
  }
  if (isRecord(value)) {
    for (const [name, item] of Object.entries(value)) harvest(item, pools, name);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function remember(pool: string[], value: string): void {
  if (pool.includes(value)) return;
  if (pool.length < 150) pool.push(value);
  else pool[value.length % pool.length] = value;
}

function pickChannel(random: Random): Channel {
  const total = CHANNELS.reduce((sum, channel) => sum + (WEIGHTS.get(channel) ?? 1), 0);
  let point = random.next() * total;
  for (const channel of CHANNELS) {
    point -= WEIGHTS.get(channel) ?? 1;
    if (point <= 0) return channel;
  }
  return CHANNELS[CHANNELS.length - 1] as Channel;
}

const changeCount = (core: Core) => core.db.prepare('SELECT total_changes()').pluck().get() as number;

type FuzzRun = { calls: number; refused: number; byChannel: Map<string, number>; failures: string[] };

async function fuzz(core: Core, call: Call, options: { calls: number; seed: number; json: boolean }) {
  const random = seededRandom(options.seed);
  const pools = await buildScene(call, random);
  const run: FuzzRun = { calls: 0, refused: 0, byChannel: new Map(), failures: [] };
  const fail = (index: number, channel: string, input: unknown, problem: string) => {
    if (run.failures.length < 15) {
      const shown = JSON.stringify(input)?.slice(0, 240) ?? String(input);
      run.failures.push(`#${index} ${channel} ${shown}: ${problem}`);
    }
  };
  for (let index = 0; index < options.calls; index++) {
    const channel = pickChannel(random);
    const input = generate(contract[channel].input, {
      random,
      pools,
      mutation: 0.04,
      structuredClone: !options.json,
    });
    const fullCheck = index % 25 === 0;
    const dumpBefore = fullCheck ? dumpDatabase(core) : '';
    const changesBefore = changeCount(core);
    const answer = await call(channel, input);
    run.calls++;
    run.byChannel.set(channel, (run.byChannel.get(channel) ?? 0) + 1);
    const envelope = Envelope.safeParse(answer);
    if (!envelope.success) {
      fail(index, channel, input, `answered outside the envelope: ${JSON.stringify(answer)?.slice(0, 200)}`);
      continue;
    }
    if (envelope.data.ok) {
      harvest(envelope.data.value, pools);
      continue;
    }
    run.refused++;
    const { code, message } = envelope.data.error;
    if (code === 'internal') fail(index, channel, input, `internal error: ${message}`);
    if (changeCount(core) !== changesBefore) fail(index, channel, input, `refused (${code}) but wrote rows`);
    if (fullCheck && dumpDatabase(core) !== dumpBefore)
      fail(index, channel, input, `refused (${code}) but changed the dump`);
  }
  return run;
}

function expectCoverage(run: FuzzRun, calls: number): void {
  expect(run.failures).toEqual([]);
  expect(run.calls).toBe(calls);
  for (const channel of CHANNELS) expect(run.byChannel.get(channel) ?? 0, channel).toBeGreaterThan(0);
  // Both sides of the boundary were exercised: many refusals, and many calls that went through.
  expect(run.refused).toBeGreaterThan(calls * 0.2);
  expect(run.calls - run.refused).toBeGreaterThan(calls * 0.1);
}

describe('fuzzing every channel', () => {
  it(`${IPC_CALLS} generated calls through the IPC registration`, { timeout: 600_000 }, async () => {
    const { core, ipc } = makeIpcCore();
    const call: Call = (channel, input) => ipc.call(channel, input);
    expectCoverage(await fuzz(core, call, { calls: IPC_CALLS, seed: SEED, json: false }), IPC_CALLS);
  });

  it(`${WEB_CALLS} generated calls and raw requests through the web host`, { timeout: 600_000 }, async () => {
    const { core } = makeIpcCore();
    const host = await startWebHost({
      handlers: core.handlers,
      events: core.events,
      rendererDir: tempDir(),
      token: TOKEN,
      port: 0,
      log: () => undefined,
    });
    const origin = `http://127.0.0.1:${host.port}`;
    const post = async (body: string, contentType = 'application/json') => {
      const response = await fetch(`${origin}/api/invoke`, {
        method: 'POST',
        headers: { 'content-type': contentType, 'x-stackwise-token': TOKEN, origin },
        body,
      });
      const text = await response.text();
      try {
        return { status: response.status, body: JSON.parse(text) as unknown };
      } catch {
        return { status: response.status, body: text };
      }
    };
    try {
      const call: Call = async (channel, input) => {
        const answer = await post(JSON.stringify({ channel, input }));
        if (answer.status >= 500) return { status: answer.status, body: answer.body };
        return answer.body;
      };
      expectCoverage(await fuzz(core, call, { calls: WEB_CALLS, seed: SEED + 1, json: true }), WEB_CALLS);

      // Requests no renderer would send: each answered with the envelope, none internal.
      const raw: [string, string][] = [
        ['not json at all', 'application/json'],
        ['{"channel":"sessions:list"', 'application/json'],
        ['{"channel":"sessions:list","input":{}}', 'text/plain'],
        ['{"channel":5,"input":{}}', 'application/json'],
        ['{"channel":"__proto__","input":{}}', 'application/json'],
        ['{"channel":"constructor","input":{}}', 'application/json'],
        ['[]', 'application/json'],
        ['null', 'application/json'],
        [`{"channel":"sessions:create","input":${nestedText(5000)}}`, 'application/json'],
        [
          JSON.stringify({ channel: 'portable:import', input: { text: nestedText(10_000) } }),
          'application/json',
        ],
        [
          `{"channel":"sessions:list","input":${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
          'application/json',
        ],
      ];
      const before = dumpDatabase(core);
      for (const [body, contentType] of raw) {
        const answer = await post(body, contentType);
        const envelope = Envelope.safeParse(answer.body);
        expect(envelope.success, `${body.slice(0, 60)} -> ${answer.status}`).toBe(true);
        expect(answer.status, body.slice(0, 60)).toBeLessThan(500);
        if (envelope.success) expect((envelope.data as Result<unknown>).ok, body.slice(0, 60)).toBe(false);
        if (envelope.success && !envelope.data.ok) expect(envelope.data.error.code).not.toBe('internal');
      }
      expect(dumpDatabase(core)).toBe(before);
    } finally {
      await host.close();
    }
  });
});
