/**
 * A stand-in for a packaged Electron binary: just @electron/fuses' sentinel and a fuse wire, which
 * is all `flipFuses` and `getCurrentFuseWire` read, so the afterPack hook runs here without
 * downloading Electron.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults, in FuseV1Options order ('1' on, '0' off). */
export const ELECTRON_DEFAULT_WIRE = '10110001';

export function writeFakeElectron(file: string, wire = ELECTRON_DEFAULT_WIRE): void {
  mkdirSync(dirname(file), { recursive: true });
  const header = Buffer.from('\x7fELF fake electron executable ');
  const fuses = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire)]);
  writeFileSync(file, Buffer.concat([header, fuses, Buffer.from(' rest of the binary')]));
}

/** The fuse wire as '0'/'1' characters, read back from the file. */
export function readWire(file: string): string {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  const length = bytes[at + 1] ?? 0;
  return bytes.subarray(at + 2, at + 2 + length).toString('latin1');
}
