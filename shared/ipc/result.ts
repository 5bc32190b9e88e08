/**
 * The one envelope every IPC and web-host answer travels in.
 *
 * A handler never throws across the boundary: it either returns `{ ok: true, value }` or a typed
 * error with a stable `code`, a message a person can read, and, for bad input, the `field` path.
 */
import { z } from 'zod';

export const ErrorCodeSchema = z.enum([
  'invalid_input',
  'not_found',
  'unknown_channel',
  'forbidden',
  'too_large',
  /** The database is not open (the recovery screen is showing). */
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
 * Turns the first zod issue into an error that names the field, e.g.
 * `clientName: Client name is required`. Paths are joined with dots (`patch.participants.2.name`).
 */
export function errorFromZod(error: z.ZodError): AppError {
  const issue = error.issues[0];
  if (!issue) return new AppError('invalid_input', 'The input is not valid.');
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.map(String).join('.');
    const key = issue.keys[0] ?? '';
    const field = prefix ? `${prefix}.${key}` : key;
    return new AppError('invalid_input', `${field}: this field is not allowed here.`, field);
  }
  const field = issue.path.map(String).join('.');
  return new AppError(
    'invalid_input',
    field ? `${field}: ${issue.message}` : issue.message,
    field || undefined,
  );
}
