import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '@shared/ipc/contract';

const exposed = new Map<string, unknown>();
const ipcRenderer = {
  invoke: vi.fn((channel: string, input: unknown) => Promise.resolve({ channel, input })),
  on: vi.fn(),
  removeListener: vi.fn(),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer,
}));

type Api = {
  invoke(channel: unknown, input: unknown): Promise<unknown>;
  on(event: unknown, callback: unknown): () => void;
};

let api: Api;

beforeAll(async () => {
  await import('../../src-main/preload/index');
  api = exposed.get('api') as Api;
});

describe('preload bridge', () => {
  it('exposes only invoke and on, under one name', () => {
    expect([...exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards contract channels', async () => {
    for (const channel of CHANNELS) {
      await expect(api.invoke(channel, { a: 1 })).resolves.toEqual({ channel, input: { a: 1 } });
    }
  });

  it('refuses unknown channels before they reach the main process', async () => {
    ipcRenderer.invoke.mockClear();
    for (const channel of [
      'shell:openExternal',
      'sessions:drop',
      '',
      42,
      undefined,
      { toString: () => 'app:info' },
    ]) {
      await expect(api.invoke(channel, {})).rejects.toThrow(/Unknown channel/);
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('subscribes to contract events only, and unsubscribes', () => {
    expect(() => api.on('ipc:anything', () => undefined)).toThrow(/Unknown event/);
    expect(() => api.on('sessions:changed', 'not a function')).toThrow();
    const callback = vi.fn();
    const unsubscribe = api.on('sessions:changed', callback);
    const listener = ipcRenderer.on.mock.calls[0]?.[1] as (event: unknown, payload: unknown) => void;
    listener({ sender: 'hidden' }, { id: null });
    expect(callback).toHaveBeenCalledWith({ id: null });
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('sessions:changed', listener);
  });
});
