import { describe, expect, it } from 'vitest';
import { singleFlight } from '../../src-renderer/src/features/workshop/singleFlight';

/** A run that waits until the test lets it finish, counting how often it started. */
function controlledRun() {
  const finishers: Array<(error?: Error) => void> = [];
  const run = () =>
    new Promise<void>((resolve, reject) => {
      finishers.push((error) => (error ? reject(error) : resolve()));
    });
  return {
    run,
    started: () => finishers.length,
    finish: (error?: Error) => finishers[finishers.length - 1]?.(error),
  };
}

/** Lets the awaiting loop take its next step. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('reading the workshop once per burst of changes', () => {
  it('collapses every ask made while a read is in flight into one more read after it', async () => {
    const reads = controlledRun();
    const ask = singleFlight(reads.run);
    const first = ask();
    // Forty ballots announced while the first read is on its way.
    for (let i = 0; i < 40; i++) void ask();
    expect(reads.started()).toBe(1);
    reads.finish();
    await settle();
    // One more read, which sees every change announced before it started.
    expect(reads.started()).toBe(2);
    reads.finish();
    await first;
    expect(reads.started()).toBe(2);
  });

  it('starts a read at once when none is in flight, and again for an ask after it ended', async () => {
    const reads = controlledRun();
    const ask = singleFlight(reads.run);
    const first = ask();
    reads.finish();
    await first;
    expect(reads.started()).toBe(1);
    const second = ask();
    expect(reads.started()).toBe(2);
    reads.finish();
    await second;
  });

  it('lets a failed read end the burst, and the next ask read afresh', async () => {
    const reads = controlledRun();
    const ask = singleFlight(reads.run);
    const first = ask();
    void ask();
    reads.finish(new Error('unreachable'));
    await expect(first).rejects.toThrow('unreachable');
    expect(reads.started()).toBe(1);
    const next = ask();
    expect(reads.started()).toBe(2);
    reads.finish();
    await next;
  });
});
