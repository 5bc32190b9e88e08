/**
 * The check worker: a Node worker thread that runs one whole-file check (`runFileCheck`) and posts
 * its outcome, so the main side (IPC, the web host, autosaves) never waits for SQLite to read a
 * multi-gigabyte file. Built as its own entry (`out/main/checkWorker.js`, electron-vite config).
 *
 * Asked for an update instead (`MigrationRequestSchema`), it runs the pending migrations on its
 * own connection, posting progress as they go and then its outcome (`migrateFile.ts`, loaded only
 * then, so a check's worker starts small).
 *
 * The request arrives as `workerData` and is parsed like any input that crosses a boundary.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CheckRequestSchema, runFileCheck } from './fileCheck';
import type { CheckOutcome } from './fileCheck';
import { MigrationRequestSchema } from './migrationProtocol';
import type { MigrationMessage, MigrationRequest } from './migrationProtocol';

const post = (message: MigrationMessage) => parentPort?.postMessage(message);

async function migrate(request: MigrationRequest): Promise<void> {
  try {
    const { migrateFile } = await import('./migrateFile');
    const outcome = await migrateFile(request, (progress) => post({ kind: 'progress', progress }));
    post({ kind: 'done', outcome });
  } catch (error) {
    post({
      kind: 'done',
      outcome: {
        outcome: 'failed',
        problem: 'not-updated',
        detail: `The update could not run: ${String(error)}`,
      },
    });
  }
}

function check(): void {
  const request = CheckRequestSchema.safeParse(workerData);
  let outcome: CheckOutcome;
  if (!request.success) {
    outcome = { outcome: 'unfinished', detail: 'The check was asked for in a form it does not understand.' };
  } else {
    try {
      outcome = runFileCheck(request.data);
    } catch (error) {
      outcome = { outcome: 'unfinished', detail: `The check could not run: ${String(error)}` };
    }
  }
  parentPort?.postMessage(outcome);
}

const migration = MigrationRequestSchema.safeParse(workerData);
if (migration.success) void migrate(migration.data);
else check();
