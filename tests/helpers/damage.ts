import { readFileSync, writeFileSync } from 'node:fs';

export const DAMAGE_KINDS = ['garbage header', 'zeroed page', 'truncated', 'text file'] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];

/**
 * Damages a closed, checkpointed SQLite file in place, the ways disks and people do: a header that
 * is not SQLite's, one page of zeros, the second half missing, or a text file under the name.
 */
export function damage(file: string, kind: DamageKind): void {
  if (kind === 'text file') return writeFileSync(file, 'Meeting notes, not a database.\n');
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  if (kind === 'garbage header') bytes.write('garbage garbage!', 0, 'latin1');
  if (kind === 'zeroed page') bytes.fill(0, pageSize * 2, pageSize * 3);
  writeFileSync(file, kind === 'truncated' ? bytes.subarray(0, Math.floor(bytes.length / 2)) : bytes);
}
