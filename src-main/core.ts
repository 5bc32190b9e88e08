/**
 * Builds everything behind the contract (database, services, handlers, events) without Electron.
 * The Electron main process and the web host both start from here, so they serve the same app.
 */
import { randomUUID } from 'node:crypto';
import type { AppInfo } from '@shared/app/contract';
import { createDataStore } from './dataStore';
import type { DataStore } from './dataStore';
import type { CheckWorkerOptions } from './db/checkRunner';
import type { Db } from './db/connection';
import { createHandlers } from './ipc/handlers';
import type { Handlers, Workspace } from './ipc/handlers';
import { keptDirFor } from './paths';
import { createRoomService } from './room/service';
import { createAnonymousVoters } from './room/voters';
import type { RoomService } from './room/service';
import { createBrandService } from './services/brands';
import { createEventBus } from './services/eventBus';
import { createHistoryService } from './services/history';
import { createPortableService } from './services/portable';
import { createReportService } from './services/reports';
import type { ReportServiceDeps } from './services/reports';
import type { EventBus } from './services/eventBus';
import { createSessionService } from './services/sessions';
import { createSnapshotService } from './services/snapshots';
import { createWorkshopService } from './services/workshops';

export type CoreOptions = {
  databasePath: string;
  host: AppInfo['host'];
  version: string;
  nativeBinding?: string | undefined;
  /** The built check worker (`checkWorker.js` beside the entry): whole-file checks off the main thread. */
  checkWorker?: CheckWorkerOptions | undefined;
  /** An older database of at least this many bytes is updated in the check worker (see dataStore). */
  updateInWorkerFrom?: number | undefined;
  /** Tests only: the worker's update waits until a file exists at this path. */
  updateGate?: string | undefined;
  now?: () => Date;
  newId?: () => string;
  /** Shows the presenter view on the shared screen; hosts without windows leave it out. */
  openPresenter?: (sessionId: string) => boolean;
  /** Where the report's fonts are (resources/fonts). */
  fontsDir: string;
  /** The desktop's save dialog and viewer; the web host leaves them out and offers a download. */
  saveReport?: ReportServiceDeps['saveFile'];
  openReport?: ReportServiceDeps['openFile'];
  /** Where rotating backups go (on start and every 30 minutes); none when left out. */
  backupDir?: string | undefined;
  /**
   * The built renderer, where the participant page is (`out/renderer`). Each entry passes it: the
   * core is bundled into a shared chunk, so a path worked out here would point at the wrong
   * folder. Without it the room opens but its page answers that it is not part of this build.
   */
  rendererDir?: string | undefined;
};

export type Core = {
  /** The open database; throws while the recovery screen shows. */
  readonly db: Db;
  handlers: Handlers;
  events: EventBus;
  info: AppInfo;
  data: DataStore<Workspace>;
  /** Settles when the backup on start is done (or skipped, or failed and reported). */
  backupsReady: Promise<void>;
  /** The room participants vote in from their own devices; `close` closes it too. */
  room: RoomService;
  close(): void;
};

/**
 * Never throws for a damaged or too-new database: the core then starts in recovery, and
 * `data:status` tells the renderer to show the recovery screen.
 */
export function createCore(options: CoreOptions): Core {
  const events = createEventBus();
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const open = (db: Db): Workspace => ({
    sessions: createSessionService({ db, events, now, newId }),
    workshops: createWorkshopService({
      db,
      events,
      now,
      openPresenter: options.openPresenter ?? (() => false),
    }),
    brands: createBrandService({ db, events, now, newId }),
    reports: createReportService({
      db,
      events,
      now,
      version: options.version,
      fontsDir: options.fontsDir,
      newId,
      saveFile: options.saveReport,
      openFile: options.openReport,
    }),
    portable: createPortableService({ db, events, now, version: options.version }),
    history: createHistoryService({ db }),
    snapshots: createSnapshotService({ db, events, now, newId }),
    anonymousVoters: createAnonymousVoters(db),
  });
  const data = createDataStore({
    databasePath: options.databasePath,
    backupDir: options.backupDir,
    keptDir: keptDirFor(options.databasePath),
    nativeBinding: options.nativeBinding,
    checkWorker: options.checkWorker,
    updateInWorkerFrom: options.updateInWorkerFrom,
    updateGate: options.updateGate,
    now,
    events,
    open,
    onBackupError: (error) => console.error(`Stackwise backup failed: ${String(error)}`),
    onCheckUnfinished: (message) => console.error(`Stackwise could not check its database: ${message}`),
  });
  const room = createRoomService({
    workspace: () => data.workspace(),
    events,
    now,
    rendererDir: options.rendererDir,
    log: (message, error) => console.error(message, error),
  });
  const info: AppInfo = {
    name: 'Stackwise',
    version: options.version,
    databasePath: options.databasePath,
    host: options.host,
  };
  return {
    get db() {
      return data.database();
    },
    events,
    info,
    data,
    backupsReady: data.backupsReady(),
    room,
    handlers: createHandlers({ workspace: () => data.workspace(), data, info, room }),
    // The room first: no ballot may arrive for a database that is closing.
    close: () => {
      void room.closeAll();
      data.close();
    },
  };
}
