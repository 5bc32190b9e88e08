/**
 * The one envelope every IPC and web-host answer travels in.
 *
 * A handler never throws across the boundary: it either returns `{ ok: true, value }` or a typed
 * error with a stable `code`, a message a person can read, and, for bad input, the `field` path.
 */
import { z } from 'zod';
// Installs the process-wide error map, so no message below is zod's default English.
import './messages';

export const ErrorCodeSchema = z.enum([
  'invalid_input',
  'not_found',
  'unknown_channel',
  'forbidden',
  'too_large',
  /** The database is not open (the recovery screen is showing), or the web host is at its limits. */
  'unavailable',
  /** The write was based on an older revision: the session changed elsewhere. Nothing was changed. */
  'conflict',
  /** The database could not be written (disk full, file made read-only). Nothing was changed. */
  'write_failed',
  /** The main side or the web host could not be reached; the change may not have been stored. */
  'unreachable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorSchema = z.strictObject({
  code: ErrorCodeSchema,
  message: z.string(),
  field: z.string().optional(),
});
export type AppErrorData = z.infer<typeof AppErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Parses an envelope whose value must match `value`. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: AppErrorSchema }),
  ]);
}

/** An error meant for the user; thrown by services, turned into an envelope at the boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }

  toData(): AppErrorData {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

/**
 * Turns the first zod issue into an error a person can read: the message is the schema's sentence
 * about the field, in the user's words ("Client name is required."), never the internal path,
 * which travels separately as `field` (dots between parts: `patch.participants.2.name`).
 */
export function errorFromZod(error: z.ZodError): AppError {
  const issue = error.issues[0];
  if (!issue) return new AppError('invalid_input', 'The input is not valid.');
  const path = issue.path.map(String);
  const field = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path;
  return new AppError('invalid_input', issue.message, field.join('.') || undefined);
}
