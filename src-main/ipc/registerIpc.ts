/**
 * Registers every contract channel on Electron's `ipcMain`. It takes an `ipcMain`-shaped object
 * rather than importing Electron, so tests can drive it with a fake and forge senders.
 */
import { CHANNELS } from '@shared/ipc/contract';
import { AppError } from '@shared/ipc/result';
import type { Result } from '@shared/ipc/result';
import { dispatch, logToConsole } from './dispatch';
import type { ErrorLog } from './dispatch';
import type { Handlers } from './handlers';
import type { SenderCheck } from './senderCheck';

/** The parts of Electron's IpcMainInvokeEvent we rely on. */
export type InvokeEventLike = {
  senderFrame: { url: string; parent: unknown } | null;
};

export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
};

export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  isTrustedSender: SenderCheck,
  log: ErrorLog = logToConsole,
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, ...args): Promise<Result<unknown>> => {
      const frame = event.senderFrame;
      // Only our own top-level page may call in; never an iframe or a page navigated elsewhere.
      if (!frame || frame.parent !== null || !isTrustedSender(frame.url)) {
        log(`Refused ${channel} from an untrusted sender`, frame?.url ?? 'no frame');
        return { ok: false, error: new AppError('forbidden', 'This caller may not use Stackwise.').toData() };
      }
      return dispatch(handlers, channel, args[0], log);
    });
  }
  return () => CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}
