/**
 * Events pushed from services to every connected renderer (Electron windows, web-host browsers).
 * Payloads are checked against the contract before they leave, like IPC answers.
 */
import type { EventName, EventPayload } from '@shared/ipc/contract';
import { events as eventSchemas } from '@shared/ipc/contract';

export type EventListener = (event: EventName, payload: unknown) => void;

export type EventBus = {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
};

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      const checked: unknown = eventSchemas[event].parse(payload);
      for (const listener of listeners) listener(event, checked);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
