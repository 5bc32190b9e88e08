/**
 * Builds everything behind the contract (database, services, handlers, events) without Electron.
 * The Electron main process and the web host both start from here, so they serve the same app.
 */
import { randomUUID } from 'node:crypto';
import type { AppInfo } from '@shared/app/contract';
import { scheduleBackups } from './db/backups';
import { openDatabase } from './db/connection';
import type { Db } from './db/connection';
import { createHandlers } from './ipc/handlers';
import type { Handlers } from './ipc/handlers';
import { createBrandService } from './services/brands';
import { createEventBus } from './services/eventBus';
import { createPortableService } from './services/portable';
import { createReportService } from './services/reports';
import type { ReportServiceDeps } from './services/reports';
import type { EventBus } from './services/eventBus';
import { createSessionService } from './services/sessions';
import { createWorkshopService } from './services/workshops';

export type CoreOptions = {
  databasePath: string;
  host: AppInfo['host'];
  version: string;
  nativeBinding?: string | undefined;
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
};

export type Core = {
  db: Db;
  handlers: Handlers;
  events: EventBus;
  info: AppInfo;
  /** Settles when the backup on start is done (or skipped, or failed and reported). */
  backupsReady: Promise<void>;
  close(): void;
};

export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.databasePath, { nativeBinding: options.nativeBinding });
  const events = createEventBus();
  const now = options.now ?? (() => new Date());
  const sessions = createSessionService({ db, events, now, newId: options.newId ?? randomUUID });
  const workshops = createWorkshopService({
    db,
    events,
    now,
    openPresenter: options.openPresenter ?? (() => false),
  });
  const newId = options.newId ?? randomUUID;
  const brands = createBrandService({ db, events, now, newId });
  const reports = createReportService({
    db,
    events,
    now,
    version: options.version,
    fontsDir: options.fontsDir,
    saveFile: options.saveReport,
    openFile: options.openReport,
  });
  const portable = createPortableService({ db, events, now, version: options.version });
  const info: AppInfo = {
    name: 'Stackwise',
    version: options.version,
    databasePath: options.databasePath,
    host: options.host,
  };
  const backups = options.backupDir
    ? scheduleBackups(db, {
        dir: options.backupDir,
        now,
        nativeBinding: options.nativeBinding,
        onError: (error) => console.error(`Stackwise backup failed: ${String(error)}`),
      })
    : { stop: () => undefined, ready: Promise.resolve() };
  return {
    db,
    events,
    info,
    backupsReady: backups.ready,
    handlers: createHandlers({ sessions, workshops, brands, reports, portable, info }),
    close: () => {
      backups.stop();
      db.close();
    },
  };
}
