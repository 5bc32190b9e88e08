/** Lookups every service needs, with the one message a user sees when the thing has gone. */
import { AppError } from '@shared/ipc/result';
import type { Session } from '@shared/sessions/schema';
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
