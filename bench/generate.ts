/**
 * The bench's databases: `npm run bench:data -- --sessions 10000 [--seed 13] [--force]`.
 *
 * Every session is made through the app's own channels (`dispatch` over the real handler map, as
 * the renderer's calls arrive), mostly 7 criteria x 2 stacks x 3-12 people and one in 200 at
 * 40 x 8 x 40, each with the edit history a facilitator leaves (see data/session.ts). Ids and
 * times come from the `newId` and `now` the core is given, and chance from a seeded PRNG, so the
 * same seed gives the same content.
 *
 * Files are cached in .bench-data/ (git-ignored), named by size, seed, the schema version and
 * this generator's version, so `npm run bench` makes one only when it is missing or outdated.
 * While generating, the connection runs with `synchronous = OFF` (nothing needs to survive a
 * power cut here) so that the disk's flushes, not the app, do not set the pace.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Channel, ChannelInput, ChannelOutput } from '@shared/ipc/contract';
import { createCore } from '../src-main/core';
import { openDatabase } from '../src-main/db/connection';
import { LATEST_SCHEMA_VERSION } from '../src-main/db/migrations';
import { dispatch } from '../src-main/ipc/dispatch';
import { CLIENT_KINDS, CLIENT_STEMS, createRandom } from './data/random';
import { LARGE, runSession, TYPICAL } from './data/session';
import type { Call, Clock } from './data/session';
import { APP_FAILURES, APP_REFUSALS, AppFailure, AppRefusal } from './data/session';

/** Bump when the generated content changes, so cached files are made again. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 13;
export const ROOT = resolve(import.meta.dirname, '..');
export const DATA_DIR = join(ROOT, '.bench-data');
export const FONTS_DIR = join(ROOT, 'resources', 'fonts');

/** Years of workshops: the first session is on this day, the rest follow. */
const START = Date.parse('2021-01-04T08:00:00.000Z');
const YEARS_MS = 5 * 365 * 24 * 3600 * 1000;
/** Every 200th session (from the 18th) is the largest the app supports. */
const LARGE_EVERY = 200;
const LARGE_OFFSET = 17;

export type Generated = { path: string; sessions: number; seed: number; ms: number; cached: boolean };

export function databaseFile(sessions: number, seed: number): string {
  return join(
    DATA_DIR,
    `sessions-${sessions}-seed-${seed}-schema-${LATEST_SCHEMA_VERSION}-g${GENERATOR_VERSION}.sqlite`,
  );
}

/** The single-session database of the "within one session" figures: 40 x 8 x 40 with about 1,500 changes. */
export function largeSessionFile(seed: number): string {
  return join(
    DATA_DIR,
    `large-session-seed-${seed}-schema-${LATEST_SCHEMA_VERSION}-g${GENERATOR_VERSION}.sqlite`,
  );
}

/** A deterministic clock and id source for one generated database. */
export function makeDeterminism(seed: number): { clock: Clock; newId: () => string } {
  let at = START;
  let counter = 0;
  const prefix = (seed >>> 0).toString(16).padStart(8, '0').slice(-8);
  return {
    clock: {
      now: () => new Date(at),
      advance: (ms) => {
        at += ms;
      },
    },
    newId: () => `${prefix}-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}`,
  };
}

/** Calls the real handler map through the same dispatch the IPC and web host use; a refusal throws. */
export function callerOf(handlers: Parameters<typeof dispatch>[0]): Call {
  return async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await dispatch(handlers, channel, input, (message, error) =>
      APP_FAILURES.push(`${message}: ${String(error).split('\n')[0] ?? ''}`),
    );
    if (!result.ok && result.error.code === 'internal') throw new AppFailure(result.error.message);
    if (!result.ok && result.error.code === 'invalid_input' && channel === 'workshop:apply')
      throw new AppRefusal(result.error.message);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as ChannelOutput<C>;
  };
}

type Build = (call: Call, clock: Clock, seed: number, report: (done: number) => void) => Promise<void>;

async function build(path: string, seed: number, total: number, fill: Build): Promise<number> {
  mkdirSync(DATA_DIR, { recursive: true });
  const partial = `${path}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  const { clock, newId } = makeDeterminism(seed);
  const core = createCore({
    databasePath: partial,
    host: 'web',
    version: '0.0.0-bench',
    fontsDir: FONTS_DIR,
    now: () => clock.now(),
    newId,
  });
  const began = performance.now();
  try {
    core.db.pragma('synchronous = OFF');
    let shown = 0;
    await fill(callerOf(core.handlers), clock, seed, (done) => {
      if (process.stdout.isTTY && done - shown >= Math.max(1, total / 100)) {
        shown = done;
        const seconds = (performance.now() - began) / 1000;
        process.stdout.write(`\r  ${done} / ${total} sessions, ${seconds.toFixed(0)} s`);
      }
    });
    if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
  } finally {
    core.close();
  }
  // Older files of the same kind (another schema or generator version) are out of date.
  const kind = /^(.*-seed-\d+-)/.exec(basename(path))?.[1];
  for (const name of readdirSync(DATA_DIR))
    if (kind && name.startsWith(kind) && !name.startsWith(basename(path)))
      rmSync(join(DATA_DIR, name), { force: true });
  renameSync(partial, path);
  return performance.now() - began;
}

/**
 * A cached file of the same kind, seed and generator made at an older schema, brought up to date
 * as the app updates a user's database on its first start after an upgrade (same content, the
 * new schema's additions), instead of generating it again (21 minutes at 10,000 sessions).
 * Returns false when there is none.
 */
function migrateCached(path: string): boolean {
  const name = basename(path);
  const pattern = /^(.*-seed-\d+-schema-)(\d+)(-g\d+\.sqlite)$/.exec(name);
  if (!pattern || !existsSync(DATA_DIR)) return false;
  const [, kind, , generator] = pattern as unknown as [string, string, string, string];
  const older = readdirSync(DATA_DIR)
    .map((file) => ({ file, schema: Number(file.slice(kind.length, -generator.length)) }))
    .filter(
      ({ file, schema }) =>
        file.startsWith(kind) && file.endsWith(generator) && schema < LATEST_SCHEMA_VERSION,
    )
    .sort((a, b) => b.schema - a.schema)[0];
  if (!older) return false;
  const partial = `${path}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  copyFileSync(join(DATA_DIR, older.file), partial);
  openDatabase(partial).close();
  renameSync(partial, path);
  console.log(`  ${name}: updated from the cached schema-${older.schema} file`);
  return true;
}

/** Client names, fewer than sessions, so each client has a few workshops over the years. */
function clientsFor(sessions: number): string[] {
  const count = Math.min(CLIENT_STEMS.length * CLIENT_KINDS.length, Math.max(4, Math.ceil(sessions / 8)));
  const names: string[] = [];
  for (let i = 0; i < count; i++)
    names.push(
      `${CLIENT_STEMS[i % CLIENT_STEMS.length]} ${CLIENT_KINDS[Math.floor(i / CLIENT_STEMS.length) % CLIENT_KINDS.length]}`,
    );
  return names;
}

/** The sessions of a generated database, one after another over the years, through `call`. */
export async function fillSessions(
  call: Call,
  clock: Clock,
  seed: number,
  sessions: number,
  report: (done: number) => void = () => undefined,
): Promise<void> {
  const clients = clientsFor(sessions);
  const random = createRandom(seed);
  const spacing = YEARS_MS / sessions;
  for (let i = 0; i < sessions; i++) {
    // Sessions follow each other over the years; a long one may push the next a little later.
    const due = START + i * spacing;
    if (clock.now().getTime() < due) clock.advance(due - clock.now().getTime());
    // Some clients come back often, most now and then.
    const client = random.chance(0.3) ? random.pick(clients.slice(0, 8)) : random.pick(clients);
    const shape = i % LARGE_EVERY === LARGE_OFFSET ? LARGE : TYPICAL;
    await runSession(call, clock, random, { client, shape });
    report(i + 1);
  }
}

export async function generateSessions(sessions: number, seed: number, force = false): Promise<Generated> {
  const path = databaseFile(sessions, seed);
  if (!force && (existsSync(path) || migrateCached(path)))
    return { path, sessions, seed, ms: 0, cached: true };
  const ms = await build(path, seed, sessions, (call, clock, runSeed, report) =>
    fillSessions(call, clock, runSeed, sessions, report),
  );
  return { path, sessions, seed, ms, cached: false };
}

/** One 40 x 8 x 40 session with about `changes` changes, and one typical session beside it. */
export async function generateLargeSession(seed: number, force = false): Promise<Generated> {
  const path = largeSessionFile(seed);
  if (!force && (existsSync(path) || migrateCached(path)))
    return { path, sessions: 2, seed, ms: 0, cached: true };
  const ms = await build(path, seed, 2, async (call, clock, runSeed) => {
    const random = createRandom(runSeed + 1);
    await runSession(call, clock, random, {
      client: 'Northwind Logistics',
      shape: LARGE,
      extraChanges: 1060,
    });
    await runSession(call, clock, random, {
      client: 'Müller Retail',
      shape: { ...TYPICAL, people: 12 },
      extraChanges: 60,
    });
  });
  return { path, sessions: 2, seed, ms, cached: false };
}

function readNumber(argv: readonly string[], name: string, fallback: number): number {
  const index = argv.indexOf(`--${name}`);
  const raw = index >= 0 ? argv[index + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a whole number above 0, not "${raw}".`);
  return value;
}

const megabytes = (path: string) => `${(statSync(path).size / 1e6).toFixed(1)} MB`;

/** `npm run bench:data -- --sessions N [--seed S] [--force]`; `--large` makes the single large session. */
export async function main(argv: readonly string[]): Promise<void> {
  const seed = readNumber(argv, 'seed', DEFAULT_SEED);
  const force = argv.includes('--force');
  const made = argv.includes('--large')
    ? await generateLargeSession(seed, force)
    : await generateSessions(readNumber(argv, 'sessions', 1000), seed, force);
  if (APP_FAILURES.length > 0)
    console.log(
      `The app failed ${APP_FAILURES.length} calls (internal errors, skipped); the first: ${APP_FAILURES[0]}`,
    );
  if (APP_REFUSALS.length > 0)
    console.log(
      `The app refused ${APP_REFUSALS.length} actions with a reason (as a facilitator would, the generator went on); the first: ${APP_REFUSALS[0]}`,
    );
  console.log(
    made.cached
      ? `${made.path} is up to date (${megabytes(made.path)}); --force makes it again.`
      : `Generated ${made.sessions} sessions (seed ${seed}) in ${(made.ms / 1000).toFixed(1)} s: ${made.path} (${megabytes(made.path)})`,
  );
}
