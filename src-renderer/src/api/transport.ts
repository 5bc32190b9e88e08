/**
 * How the renderer reaches the main-side services: through the preload bridge in Electron, or
 * over HTTP in the web host. Both carry the same contract; nothing above this file knows which.
 */
import type { Channel, EventName } from '@shared/ipc/contract';

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

/** The web host authenticates with an HttpOnly cookie set when its secret link was opened. */
function webTransport(): Transport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | undefined;

  function ensureSource(): EventSource {
    if (source) return source;
    source = new EventSource('/api/events');
    return source;
  }

  return {
    kind: 'web',
    async invoke(channel, input) {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel, input }),
        credentials: 'same-origin',
      });
      return response.json() as Promise<unknown>;
    },
    on(event, callback) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        const subscribers = set;
        ensureSource().addEventListener(event, (message: MessageEvent<string>) => {
          let payload: unknown;
          try {
            payload = JSON.parse(message.data);
          } catch {
            return;
          }
          for (const listener of subscribers) listener(payload);
        });
      }
      set.add(callback);
      return () => set.delete(callback);
    },
  };
}

export function detectTransport(): Transport {
  const bridge = findBridge();
  return bridge ? electronTransport(bridge) : webTransport();
}
