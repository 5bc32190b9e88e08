/**
 * Where node_modules/electron keeps the Electron binary it downloaded, found without
 * `require('electron')` (which would try to download it): its `path.txt` names the executable
 * inside `dist/`. Used by `npm run dist`'s preflight (scripts/distPreflight.mjs) and by the
 * Electron test suite (tests/electron/binary.ts), which skips with a reason where it is missing.
 *
 * @param {string} electronDir node_modules/electron
 * @returns {{ binary: string | null, found: boolean }} binary: the executable `path.txt` names, or
 *   null without a `path.txt`; found: whether that executable exists
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronBinaryIn(electronDir) {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return { binary: null, found: false };
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return { binary, found: existsSync(binary) };
}
