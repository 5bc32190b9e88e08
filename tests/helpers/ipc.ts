import type { Result } from '@shared/ipc/result';
import type { InvokeEventLike, IpcMainLike } from '../../src-main/ipc/registerIpc';

export const APP_URL = 'file:///opt/Stackwise/resources/app/out/renderer/index.html';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

export const ownFrame = (url = `${APP_URL}#/sessions`) => ({ url, parent: null });

/** Stands in for Electron's ipcMain: records handlers so tests can call them with forged events. */
export class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`Second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }
  async call(channel: string, input: unknown, frame: InvokeEventLike['senderFrame'] = ownFrame()) {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return (await listener({ senderFrame: frame }, input)) as Result<unknown>;
  }
}

/** The value of a successful call, or a test failure with the error's message. */
export async function ok<T>(promise: Promise<Result<unknown>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
