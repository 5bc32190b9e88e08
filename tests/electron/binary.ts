/**
 * Finds the Electron binary without triggering its download: `require('electron')` would try to
 * fetch it from GitHub, which is unreachable on CI machines here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const electronDir = join(import.meta.dirname, '..', '..', 'node_modules', 'electron');

export function findElectronBinary(): { path: string } | { missing: string } {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing:
        'no Electron binary is installed (node_modules/electron/path.txt is absent; Electron downloads it from ' +
        'GitHub on first use, e.g. `npx install-electron`, which this machine cannot reach)',
    };
  }
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `the Electron binary ${binary} does not exist` };
}
