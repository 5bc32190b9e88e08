/**
 * The handler map: one function per channel, typed by the contract, so a missing or mistyped
 * handler is a compile error. It knows nothing of Electron, which is what lets the web host serve
 * exactly the same map over HTTP.
 */
import type { Channel, ChannelOutput, ParsedInput } from '@shared/ipc/contract';
import type { AppInfo } from '@shared/app/contract';
import type { DataStore } from '../dataStore';
import type { RoomService } from '../room/service';
import type { BrandService } from '../services/brands';
import type { HistoryService } from '../services/history';
import type { PortableService } from '../services/portable';
import type { ReportService } from '../services/reports';
import type { SessionService } from '../services/sessions';
import type { SnapshotService } from '../services/snapshots';
import type { WorkshopService } from '../services/workshops';
import type { AnonymousVoters } from '../room/voters';

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** The services that run on an open database. */
export type Workspace = {
  sessions: SessionService;
  workshops: WorkshopService;
  brands: BrandService;
  reports: ReportService;
  portable: PortableService;
  history: HistoryService;
  snapshots: SnapshotService;
  /** Who has cast an anonymous ballot in a round (never which): one ballot per person. */
  anonymousVoters: AnonymousVoters;
};

export type HandlerDeps = {
  /** The services, or an `unavailable` error while the database is being recovered. */
  workspace: () => Workspace;
  data: DataStore<Workspace>;
  info: AppInfo;
  /** The room: lives as long as the core, across database reopens. */
  room: RoomService;
};

export function createHandlers({ workspace: ws, data, info, room }: HandlerDeps): Handlers {
  return {
    'app:info': () => info,
    'data:status': () => data.status(),
    'data:backups': () => data.backups(),
    'data:backup': () => data.backUpNow(),
    'data:restore': ({ fileName }) => data.restore(fileName),
    'data:recreate': () => data.startFresh(),
    'data:reopen': () => data.reopen(),
    'sessions:list': (query) => ws().sessions.list(query),
    'sessions:get': ({ id }) => ws().sessions.get(id),
    'sessions:clients': () => ws().sessions.clients(),
    'sessions:create': (draft) => ws().sessions.create(draft),
    'sessions:update': (change) => ws().sessions.update(change),
    'sessions:duplicate': ({ id }) => ws().sessions.duplicate(id),
    'sessions:delete': ({ id }) => {
      const removed = ws().sessions.remove(id);
      room.sessionGone(id);
      return removed;
    },
    'workshop:get': ({ sessionId }) => ws().workshops.get(sessionId),
    'workshop:apply': ({ sessionId, baseRevision, action }) =>
      ws().workshops.apply(sessionId, baseRevision, action),
    'workshop:undo': ({ sessionId, baseRevision }) => ws().workshops.undo(sessionId, baseRevision),
    'workshop:redo': ({ sessionId, baseRevision }) => ws().workshops.redo(sessionId, baseRevision),
    'workshop:present': ({ sessionId }) => ws().workshops.present(sessionId),
    'brands:list': () => ws().brands.list(),
    'brands:save': (draft) => ws().brands.save(draft),
    'brands:delete': ({ id }) => ws().brands.remove(id),
    'report:settings': ({ sessionId }) => ws().reports.settings(sessionId),
    'report:configure': (choice) => ws().reports.configure(choice),
    'report:export': ({ sessionId, status }) => ws().reports.export(sessionId, status),
    'report:check': ({ sessionId }) => ws().reports.check(sessionId),
    'report:open': ({ path }) => ws().reports.open(path),
    'portable:export': ({ sessionId }) => ws().portable.exportFile(sessionId),
    'portable:import': ({ text }) => ws().portable.importFile(text),
    'portable:csv': ({ sessionId }) => ws().portable.csv(sessionId),
    'portable:adr': ({ sessionId }) => ws().portable.adr(sessionId),
    'history:list': ({ sessionId, offset, limit }) => ws().history.list(sessionId, offset, limit),
    'history:entry': ({ sessionId, entryId }) => ws().history.entry(sessionId, entryId),
    'snapshots:list': ({ sessionId }) => ws().snapshots.list(sessionId),
    'snapshots:create': ({ sessionId, name }) => ws().snapshots.create(sessionId, name),
    'snapshots:compare': ({ sessionId, from, to }) => ws().snapshots.compare(sessionId, from, to),
    'snapshots:restore': ({ sessionId, snapshotId }) => ws().snapshots.restore(sessionId, snapshotId),
    'snapshots:report': ({ sessionId, snapshotId }) => ws().reports.exportSnapshot(sessionId, snapshotId),
    'room:interfaces': () => room.interfaces(),
    'room:status': ({ sessionId }) => room.status(sessionId),
    'room:open': (input) => room.open(input),
    'room:configure': (input) => room.configure(input),
    'room:device': (input) => room.device(input),
    'room:round': (input) => room.round(input),
    'room:timer': (input) => room.timer(input),
    'room:check': ({ sessionId }) => room.check(sessionId),
    'room:close': ({ sessionId }) => room.close(sessionId),
  };
}
