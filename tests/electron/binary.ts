/**
 * Finds the Electron binary without triggering its download: `require('electron')` would try to
 * fetch it from GitHub, which is unreachable on CI machines here.
 */
import { join } from 'node:path';
import { electronBinaryIn } from '../../scripts/electronBinary.mjs';

const electronDir = join(import.meta.dirname, '..', '..', 'node_modules', 'electron');

export function findElectronBinary(): { path: string } | { missing: string } {
  const { binary, found } = electronBinaryIn(electronDir);
  if (binary === null) {
    return {
      missing:
        'no Electron binary is installed (node_modules/electron/path.txt is absent; Electron downloads it from ' +
        'GitHub on first use, e.g. `npx install-electron`, which this machine cannot reach)',
    };
  }
  return found ? { path: binary } : { missing: `the Electron binary ${binary} does not exist` };
}
