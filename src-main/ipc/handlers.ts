/**
 * The handler map: one function per channel, typed by the contract, so a missing or mistyped
 * handler is a compile error. It knows nothing of Electron, which is what lets the web host serve
 * exactly the same map over HTTP.
 */
import type { Channel, ChannelOutput, ParsedInput } from '@shared/ipc/contract';
import type { AppInfo } from '@shared/app/contract';
import type { BrandService } from '../services/brands';
import type { PortableService } from '../services/portable';
import type { ReportService } from '../services/reports';
import type { SessionService } from '../services/sessions';
import type { WorkshopService } from '../services/workshops';

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export type HandlerDeps = {
  sessions: SessionService;
  workshops: WorkshopService;
  brands: BrandService;
  reports: ReportService;
  portable: PortableService;
  info: AppInfo;
};

export function createHandlers({
  sessions,
  workshops,
  brands,
  reports,
  portable,
  info,
}: HandlerDeps): Handlers {
  return {
    'app:info': () => info,
    'sessions:list': (query) => sessions.list(query),
    'sessions:get': ({ id }) => sessions.get(id),
    'sessions:clients': () => sessions.clients(),
    'sessions:create': (draft) => sessions.create(draft),
    'sessions:update': (change) => sessions.update(change),
    'sessions:duplicate': ({ id }) => sessions.duplicate(id),
    'sessions:delete': ({ id }) => sessions.remove(id),
    'workshop:get': ({ sessionId }) => workshops.get(sessionId),
    'workshop:apply': ({ sessionId, action }) => workshops.apply(sessionId, action),
    'workshop:undo': ({ sessionId }) => workshops.undo(sessionId),
    'workshop:redo': ({ sessionId }) => workshops.redo(sessionId),
    'workshop:present': ({ sessionId }) => workshops.present(sessionId),
    'brands:list': () => brands.list(),
    'brands:save': (draft) => brands.save(draft),
    'brands:delete': ({ id }) => brands.remove(id),
    'report:settings': ({ sessionId }) => reports.settings(sessionId),
    'report:configure': (choice) => reports.configure(choice),
    'report:export': ({ sessionId }) => reports.export(sessionId),
    'report:open': ({ path }) => reports.open(path),
    'portable:export': ({ sessionId }) => portable.exportFile(sessionId),
    'portable:import': ({ text }) => portable.importFile(text),
    'portable:csv': ({ sessionId }) => portable.csv(sessionId),
    'portable:adr': ({ sessionId }) => portable.adr(sessionId),
  };
}
