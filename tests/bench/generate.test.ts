/**
 * The bench's generator is deterministic: the same seed makes the same database, row for row
 * (ids and times come from the injected `newId` and `now`), and another seed makes another. Its
 * sessions are made through the real handler map, so whatever it stores the app accepted.
 */
import { describe, expect, it } from 'vitest';
import { callerOf, fillSessions, makeDeterminism } from '../../bench/generate';
import { dumpDatabase, useCore } from '../helpers/core';
import { useTempDir } from '../helpers/tempDir';

describe('bench generator', () => {
  const tempDir = useTempDir();
  const makeCore = useCore(tempDir);

  const generate = async (seed: number) => {
    const { clock, newId } = makeDeterminism(seed);
    const core = makeCore({ now: () => clock.now(), newId });
    await fillSessions(callerOf(core.handlers), clock, seed, 6);
    return core;
  };

  it('makes the same database from the same seed, and another from another seed', async () => {
    const first = dumpDatabase(await generate(13));
    const again = dumpDatabase(await generate(13));
    const other = dumpDatabase(await generate(14));
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('makes every session it is asked for, each with a workshop history', async () => {
    const core = await generate(13);
    const sessions = core.db.prepare('SELECT COUNT(*) FROM sessions').pluck().get();
    expect(sessions).toBe(6);
    const changes = Number(core.db.prepare('SELECT COUNT(*) FROM workshop_changes').pluck().get());
    expect(changes).toBeGreaterThan(6 * 10);
  });
});
