/**
 * The transport-independent core of every call: check the channel, parse the unknown input with
 * the contract, run the handler, check its answer, and wrap everything in the result envelope.
 * Electron IPC (registerIpc.ts) and the web host (web/server.ts) both go through here.
 *
 * A write the disk refused (full, read-only, failing, locked) answers `write_failed` with what
 * happened; any other failure is `internal`. Either way the handler's transaction was rolled back.
 */
import { contract, isChannel } from '@shared/ipc/contract';
import type { Channel } from '@shared/ipc/contract';
import { AppError, errorFromZod } from '@shared/ipc/result';
import type { Result } from '@shared/ipc/result';
import { describeWriteFailure } from '../db/writeFailure';
import type { Handlers } from './handlers';

export type ErrorLog = (message: string, error: unknown) => void;

export const logToConsole: ErrorLog = (message, error) => console.error(message, error);

export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  input: unknown,
  log: ErrorLog = logToConsole,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail(new AppError('unknown_channel', `There is no channel called ${describe(channel)}.`));
  }
  const spec = contract[channel];
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) return fail(errorFromZod(parsed.error));

  try {
    // The mapped `Handlers` type already ties each handler to its channel's schemas; this is the
    // one place where the channel is only known at run time.
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      log(`Handler for ${channel} answered outside its contract`, checked.error);
      return fail(internalError(channel));
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    if (error instanceof AppError) return fail(error);
    const writeFailure = describeWriteFailure(error);
    if (writeFailure) {
      log(`Handler for ${channel} could not write`, error);
      return fail(new AppError('write_failed', writeFailure));
    }
    log(`Handler for ${channel} failed`, error);
    return fail(internalError(channel));
  }
}

function fail(error: AppError): Result<never> {
  return { ok: false, error: error.toData() };
}

function internalError(channel: Channel): AppError {
  return new AppError('internal', `Something went wrong in ${channel}. Nothing was changed.`);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : `a value of type ${typeof value}`;
}
