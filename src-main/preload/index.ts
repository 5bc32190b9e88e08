/**
 * The only bridge between the page and the machine: `invoke` for contract channels and `on` for
 * contract events. Unknown names are refused here, before they reach the main process; inputs are
 * validated there. The raw ipcRenderer never leaves this file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { isChannel, isEventName } from '@shared/ipc/channels';

const api = {
  invoke(channel: unknown, input: unknown): Promise<unknown> {
    if (!isChannel(channel)) return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
    return ipcRenderer.invoke(channel, input);
  },
  on(event: unknown, callback: unknown): () => void {
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
    if (typeof callback !== 'function') throw new Error('on() needs a callback function.');
    const listener = (_event: IpcRendererEvent, payload: unknown) => {
      (callback as (payload: unknown) => void)(payload);
    };
    ipcRenderer.on(event, listener);
    return () => {
      ipcRenderer.removeListener(event, listener);
    };
  },
};

export type PreloadApi = typeof api;

contextBridge.exposeInMainWorld('api', api);
