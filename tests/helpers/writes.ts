import type { Result } from '@shared/ipc/result';
import type { FakeIpcMain } from './ipc';
import { ok } from './ipc';

/**
 * Writes as one window makes them: based on the revision stored now. For tests whose subject is
 * not stale writes (tests/ipc/twoWindows.test.ts is about those).
 */
export async function applyLatest(
  ipc: FakeIpcMain,
  sessionId: string,
  action: unknown,
): Promise<Result<unknown>> {
  const { revision } = await ok<{ revision: number }>(ipc.call('workshop:get', { sessionId }));
  return ipc.call('workshop:apply', { sessionId, baseRevision: revision, action });
}

export async function stepBackLatest(
  ipc: FakeIpcMain,
  channel: 'workshop:undo' | 'workshop:redo',
  sessionId: string,
): Promise<Result<unknown>> {
  const { revision } = await ok<{ revision: number }>(ipc.call('workshop:get', { sessionId }));
  return ipc.call(channel, { sessionId, baseRevision: revision });
}

export async function updateLatest(ipc: FakeIpcMain, id: string, patch: unknown): Promise<Result<unknown>> {
  const { revision } = await ok<{ revision: number }>(ipc.call('sessions:get', { id }));
  return ipc.call('sessions:update', { id, baseRevision: revision, patch });
}
