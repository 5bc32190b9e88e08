/** Lookups every service needs, with the one message a user sees when the thing has gone. */
import { AppError } from '@shared/ipc/result';
import type { Session } from '@shared/sessions/schema';
import { inputsHidden } from '@shared/workshop';
import type { WorkshopState } from '@shared/workshop';
import type { Db } from '../db/connection';
import { getSession, sessionExists } from '../db/sessions/queries';

export const SESSION_GONE = 'That session no longer exists. It may have been deleted.';

/** The session, or a `not_found` error naming `field` (the input that carried the id). */
export function sessionOrThrow(db: Db, id: string, field = 'sessionId'): Session {
  const session = getSession(db, id);
  if (!session) throw new AppError('not_found', SESSION_GONE, field);
  return session;
}

/** Like `sessionOrThrow`, without reading the session. */
export function requireSession(db: Db, id: string, field = 'sessionId'): void {
  if (!sessionExists(db, id)) throw new AppError('not_found', SESSION_GONE, field);
}

/**
 * While the room's inputs are hidden until the reveal, nothing made from them leaves the console:
 * a report, a spreadsheet, a decision record or a comparison would show what the screens hide.
 */
export function refuseWhileHidden(state: WorkshopState | null | undefined, what: string): void {
  if (state && inputsHidden(state)) {
    throw new AppError(
      'invalid_input',
      `The room’s inputs are hidden until the results are revealed, and ${what} would show them. Reveal the results first.`,
    );
  }
}
