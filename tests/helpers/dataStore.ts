import { join } from 'node:path';
import type { Result } from '@shared/ipc/result';
import type { Session } from '@shared/sessions/schema';
import { createCore } from '../../src-main/core';
import type { Core } from '../../src-main/core';
import { dispatch } from '../../src-main/ipc/dispatch';
import { FONTS_DIR } from './fixtures';

/**
 * Cores that keep rotating backups beside their database, on a clock the test moves by hand
 * (`clock.advance(ms)`), for the start-up, backup and recovery tests.
 */
export function backedUpCores() {
  let now = Date.parse('2026-03-12T09:00:00.000Z');
  return {
    clock: { advance: (ms: number) => void (now += ms) },
    start: (dir: string): Core =>
      createCore({
        databasePath: join(dir, 'stackwise.sqlite'),
        backupDir: join(dir, 'backups'),
        host: 'web',
        version: 'test',
        fontsDir: FONTS_DIR,
        now: () => new Date(now),
      }),
  };
}

/** A call as the IPC registration makes it, without the sender check. */
export const call = (core: Core, channel: string, input: unknown = {}) =>
  dispatch(core.handlers, channel, input, () => undefined);

export async function value<T>(promise: Promise<Result<unknown>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The client names of every session, sorted: what the list would show. */
export const names = async (core: Core) =>
  (await value<{ sessions: Session[] }>(call(core, 'sessions:list', {}))).sessions
    .map((s) => s.clientName)
    .sort();
