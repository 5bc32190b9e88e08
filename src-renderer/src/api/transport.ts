/**
 * How the renderer reaches the main-side services: through the preload bridge in Electron, or
 * over HTTP in the web host. Both carry the same contract; nothing above this file knows which.
 */
import type { Channel, EventName } from '@shared/ipc/contract';
import { WEB_HOST } from '@shared/ipc/webHost';
import { followEventStream } from './eventStream';
import type { StreamMessage } from './eventStream';
import { adoptLinkToken, webHostToken } from './webToken';

export type Transport = {
  kind: 'electron' | 'web';
  invoke(channel: Channel, input: unknown): Promise<unknown>;
  on(event: EventName, callback: (payload: unknown) => void): () => void;
};

type Bridge = {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, callback: (payload: unknown) => void): () => void;
};

function findBridge(): Bridge | undefined {
  const candidate: unknown = Reflect.get(window, 'api');
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const invoke: unknown = Reflect.get(candidate, 'invoke');
  const on: unknown = Reflect.get(candidate, 'on');
  return typeof invoke === 'function' && typeof on === 'function' ? (candidate as Bridge) : undefined;
}

function electronTransport(bridge: Bridge): Transport {
  return {
    kind: 'electron',
    invoke: (channel, input) => bridge.invoke(channel, input),
    on: (event, callback) => bridge.on(event, callback),
  };
}

/** The web host: calls over fetch, events over a fetch stream, both carrying the token header. */
function webTransport(): Transport {
  const storage = originStorage();
  adoptLinkToken(window.location, window.history, storage);
  const credential = (): Record<string, string> => {
    const token = webHostToken(storage);
    return token === null ? {} : { [WEB_HOST.tokenHeader]: token };
  };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let following = false;

  const deliver = ({ event, data }: StreamMessage) => {
    const subscribers = listeners.get(event);
    if (!subscribers) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const listener of subscribers) listener(payload);
  };

  return {
    kind: 'web',
    async invoke(channel, input) {
      const response = await fetch(WEB_HOST.invokePath, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...credential() },
        body: JSON.stringify({ channel, input }),
        credentials: 'omit',
      });
      return response.json() as Promise<unknown>;
    },
    on(event, callback) {
      if (!following) {
        following = true;
        followEventStream(WEB_HOST.eventsPath, credential, deliver);
      }
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(callback);
      return () => set.delete(callback);
    },
  };
}

/** This origin's localStorage, or nothing where the browser forbids it. */
function originStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function detectTransport(): Transport {
  const bridge = findBridge();
  return bridge ? electronTransport(bridge) : webTransport();
}
