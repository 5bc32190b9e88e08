/**
 * A participant request the room refuses, with the HTTP status the listener answers and the
 * sentence the phone shows. Everything else a service throws is mapped from its error code.
 */
import { AppError } from '@shared/ipc/result';
import type { ErrorCode } from '@shared/ipc/result';

export class RoomRefusal extends AppError {
  readonly status: number;

  constructor(status: number, code: ErrorCode, message: string, field?: string) {
    super(code, message, field);
    this.name = 'RoomRefusal';
    this.status = status;
  }
}

/** Said whenever a phone's cookie names no device of the open room. */
export const NOT_IN_ROOM =
  'This device is not in the room: the room was closed, or the facilitator removed it. Join again with the code on the shared screen.';

export function notInRoom(): RoomRefusal {
  return new RoomRefusal(401, 'forbidden', NOT_IN_ROOM);
}

const STATUS_BY_CODE = new Map<ErrorCode, number>([
  ['invalid_input', 400],
  ['forbidden', 403],
  ['not_found', 404],
  ['conflict', 409],
  ['too_large', 413],
  ['unavailable', 503],
  ['write_failed', 503],
]);

export function statusOf(error: AppError): number {
  return error instanceof RoomRefusal ? error.status : (STATUS_BY_CODE.get(error.code) ?? 500);
}
