/**
 * Nothing acknowledged is ever lost: a stream of edits against the real web host, killed with
 * SIGKILL after a random number of acknowledged edits with the next one in flight, 20 times over
 * the same database. Every edit the host answered must be there afterwards, and SQLite's
 * integrity check must pass.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { mulberry32 } from '../helpers/random';
import { callHost, expect, launchWebHost, test } from './fixtures';
import { applyOnHost } from './helpers';

type Session = { id: string };

/** A stuck step fails with its name instead of using up the whole test's time. */
function within<T>(promise: Promise<T>, what: string, ms = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Seeded, so the kill points are the same on every run. */
const random = mulberry32(20261201);

test('every acknowledged edit survives 20 kills at random moments', async ({}, testInfo) => {
  // About 15 s alone; much longer when the rest of the suite shares the two cores.
  test.setTimeout(480_000);
  const databasePath = join(testInfo.outputPath('data'), 'stackwise.sqlite');
  const acknowledged: string[] = [];
  const notes: string[] = [];
  let first: Session | undefined;

  for (let round = 1; round <= 20; round++) {
    const host = await within(launchWebHost(databasePath), `starting the host for round ${round}`);
    first ??= await callHost<Session>(host, 'sessions:create', {
      clientName: 'Durability',
      projectName: 'Notes written while the power fails',
      facilitator: 'Test',
      workshopDate: '2026-01-01',
    });
    const sessionId = first.id;
    let running = true;
    // Kill after a random number of acknowledged edits (seeded, so a failure can be replayed),
    // with the next edit already in flight: a count the app answered, not a guess of time.
    const killAfter = acknowledged.length + notes.length + 1 + Math.floor(random() * 12);
    let reached: () => void = () => undefined;
    const enoughEdits = new Promise<void>((resolve) => (reached = resolve));
    const stream = (async () => {
      for (let i = 0; running; i++) {
        try {
          if (i % 2 === 0) {
            const made = await callHost<Session>(host, 'sessions:create', {
              clientName: `Round ${round} client ${i}`,
              projectName: 'Edit stream',
              facilitator: 'Test',
              workshopDate: '2026-01-01',
            });
            acknowledged.push(made.id);
          } else {
            const text = `round ${round}, edit ${i}`;
            await applyOnHost(host, sessionId, { type: 'setNotes', field: 'notes', text });
            notes.push(text);
          }
          if (acknowledged.length + notes.length >= killAfter) reached();
        } catch {
          return; // the host died mid-request: this edit was never acknowledged
        }
      }
    })();
    await within(enoughEdits, `${killAfter} acknowledged edits in round ${round}`);
    await within(host.kill(), `killing the host in round ${round}`);
    running = false;
    await within(stream, `the edit stream of round ${round} after the kill`);
  }

  expect(acknowledged.length).toBeGreaterThan(20);
  const db = new Database(databasePath, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const ids = new Set(db.prepare('SELECT id FROM sessions').pluck().all());
    const missing = acknowledged.filter((id) => !ids.has(id));
    expect(missing, 'acknowledged sessions missing after the kills').toEqual([]);
    // The note is the last acknowledged one, or a later one whose answer the kill cut off.
    const stored = JSON.stringify(
      db.prepare('SELECT state FROM workshops WHERE session_id = ?').pluck().get(first?.id),
    );
    const order = (text: string) => {
      const [, round = '0', edit = '0'] = /round (\d+), edit (\d+)/.exec(text) ?? [];
      return Number(round) * 1e6 + Number(edit);
    };
    const lastAcknowledged = notes.at(-1);
    expect(lastAcknowledged).toBeDefined();
    expect(order(stored)).toBeGreaterThanOrEqual(order(lastAcknowledged ?? ''));
  } finally {
    db.close();
  }
});
