/**
 * Stale writes. Every write names the revision its window's copy had; one based on an older
 * revision would overwrite what another window (or an earlier request replayed) stored since, so
 * it is refused inside the write's transaction and changes nothing.
 */
import { AppError } from '@shared/ipc/result';

export const CHANGED_ELSEWHERE =
  'This session was changed in another window. Your change was not saved; the page now shows the latest version.';

/** Throws `conflict` unless the write was based on the revision stored now. */
export function requireRevision(stored: number, baseRevision: number): void {
  if (stored !== baseRevision) throw new AppError('conflict', CHANGED_ELSEWHERE);
}

export function conflict(): AppError {
  return new AppError('conflict', CHANGED_ELSEWHERE);
}
