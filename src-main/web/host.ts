/**
 * `npm run web`: the Stackwise web host under plain Node (no Electron).
 *
 *   node out/main/webhost.js [--db PATH] [--port N]
 *
 * Prints the secret link to open and the database it uses. Port 0 picks any free port.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { version } from '../../package.json';
import { createCore } from '../core';
import { backupDirFor, defaultDataDir, fontsDirFrom, readFlag, resolveDatabasePath } from '../paths';
import { startWebHost } from './server';

const DEFAULT_PORT = 5178;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const databasePath = resolveDatabasePath(argv, process.env, defaultDataDir());
  const updateGate = process.env['STACKWISE_TEST_UPDATE_GATE'];
  const portFlag = readFlag(argv, 'port') ?? process.env['STACKWISE_PORT'];
  const port = portFlag === undefined ? DEFAULT_PORT : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${portFlag}".`);
  }

  const core = createCore({
    databasePath,
    host: 'web',
    version,
    fontsDir: fontsDirFrom(import.meta.dirname),
    backupDir: backupDirFor(databasePath),
    checkWorker: { path: join(import.meta.dirname, 'checkWorker.js') },
    // The participant page the room serves; named here because core is bundled into a chunk folder.
    rendererDir: join(import.meta.dirname, '../renderer'),
    // End-to-end tests only: update an older database in the worker whatever its size, and hold
    // the update until the test makes this file, so the update screen can be seen.
    ...(updateGate ? { updateInWorkerFrom: 0, updateGate } : {}),
  });
  const hostOptions = {
    handlers: core.handlers,
    events: core.events,
    rendererDir: join(import.meta.dirname, '../renderer'),
    token: randomBytes(24).toString('base64url'),
  };
  const host = await startWebHost({ ...hostOptions, port }).catch((error: unknown) => {
    // The default port is a convenience: if it is taken, take any free one instead.
    if (portFlag === undefined && isAddressInUse(error)) return startWebHost({ ...hostOptions, port: 0 });
    throw error;
  });

  console.log('Stackwise web host is running.');
  console.log(`  Open:     ${host.url}`);
  console.log(`  Database: ${databasePath}`);
  console.log(`  Backups:  ${backupDirFor(databasePath)}`);
  const status = core.data.status();
  if (status.state === 'recovery')
    console.log(`  The database could not be opened; the page offers recovery. ${status.message}`);
  if (status.state === 'updating')
    console.log('  Updating the database to this version; the page shows how far it has got.');
  console.log('  Press Ctrl+C to stop.');

  const stop = () => {
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Stackwise web host could not start: ${message}`);
  process.exit(1);
});
