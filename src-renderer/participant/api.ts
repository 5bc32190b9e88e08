/**
 * The page's only way out: `PARTICIPANT_API` on the listener that served it (same origin, so the
 * HttpOnly device cookie travels by itself). Every answer is parsed with the room's schemas before
 * the page uses it; an answer that does not parse is treated as the room being unreachable.
 */
import type { z } from 'zod';
import { resultSchema } from '@shared/ipc/result';
import {
  BallotReceiptSchema,
  JoinAnswerSchema,
  JoinInfoSchema,
  PARTICIPANT_API,
  ParticipantViewSchema,
} from '@shared/room/schema';
import type {
  BallotReceipt,
  BallotRequest,
  JoinInfo,
  JoinRequest,
  ParticipantView,
} from '@shared/room/schema';

/** A refusal the person should read, or the room not answering at all (`status` 0). */
export class RoomError extends Error {
  readonly status: number;
  readonly field: string | undefined;

  constructor(status: number, message: string, field?: string) {
    super(message);
    this.name = 'RoomError';
    this.status = status;
    this.field = field;
  }

  /** 401/403: this device's cookie is no longer one the room knows (removed, or the room closed). */
  get notInRoom(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

const UNREACHABLE = 'The room is not answering. Check that this phone is on the room’s Wi-Fi.';

async function call<T>(
  path: string,
  schema: z.ZodType<T>,
  send?: { method: 'POST' | 'PUT'; body: unknown },
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(
      path,
      send === undefined
        ? { cache: 'no-store', credentials: 'same-origin' }
        : {
            method: send.method,
            cache: 'no-store',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(send.body),
          },
    );
  } catch {
    throw new RoomError(0, UNREACHABLE);
  }
  const json: unknown = await response.json().catch(() => null);
  // Every answer is the app's one envelope; a refusal carries the sentence to show.
  const answer = resultSchema(schema).safeParse(json);
  if (answer.success) {
    const envelope = answer.data;
    if (!envelope.ok) throw new RoomError(response.status, envelope.error.message, envelope.error.field);
    if (response.ok) return envelope.value;
  }
  if (response.status === 429) throw new RoomError(429, 'Too many tries. Wait a minute, then try again.');
  if (response.ok)
    throw new RoomError(0, 'The room sent an answer this page does not understand. Reload the page.');
  throw new RoomError(response.status, UNREACHABLE);
}

export const roomApi = {
  lookup: (code: string): Promise<JoinInfo> =>
    call(PARTICIPANT_API.lookup, JoinInfoSchema, { method: 'POST', body: { code } }),
  join: (request: JoinRequest) =>
    call(PARTICIPANT_API.join, JoinAnswerSchema, { method: 'POST', body: request }),
  me: (): Promise<ParticipantView> => call(PARTICIPANT_API.me, ParticipantViewSchema),
  ballot: (request: BallotRequest): Promise<BallotReceipt> =>
    call(PARTICIPANT_API.ballot, BallotReceiptSchema, { method: 'PUT', body: request }),
};
