/**
 * The handler map: one function per channel, typed by the contract, so a missing or mistyped
 * handler is a compile error. It knows nothing of Electron, which is what lets the web host serve
 * exactly the same map over HTTP.
 */
import type { Channel, ChannelOutput, ParsedInput } from '@shared/ipc/contract';
import type { AppInfo } from '@shared/app/contract';
import type { SessionService } from '../services/sessions';

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export type HandlerDeps = { sessions: SessionService; info: AppInfo };

export function createHandlers({ sessions, info }: HandlerDeps): Handlers {
  return {
    'app:info': () => info,
    'sessions:list': (query) => sessions.list(query),
    'sessions:get': ({ id }) => sessions.get(id),
    'sessions:create': (draft) => sessions.create(draft),
    'sessions:update': (change) => sessions.update(change),
    'sessions:duplicate': ({ id }) => sessions.duplicate(id),
    'sessions:delete': ({ id }) => sessions.remove(id),
  };
}
