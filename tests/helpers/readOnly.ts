import { execFileSync } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import { afterEach } from 'vitest';

/**
 * Makes files and folders read-only for real, the way a user meets it, and undoes it after each
 * test. An ordinary user is stopped by the permission bits (chmod a-w). Root ignores permission
 * bits, and the tests run as root here, so as root the file or folder is made immutable instead
 * (`chattr +i`): then no one, root included, may write it, create files in it or rename it. Both
 * are what the app meets on a read-only file, a write-protected folder or a read-only mount: the
 * kernel refuses the write (EACCES, EPERM or EROFS).
 */
export function useReadOnly(): (path: string) => () => void {
  const undo = new Set<() => void>();
  afterEach(() => {
    for (const restore of [...undo].reverse()) restore();
  });
  const asRoot = process.getuid?.() === 0;
  /** Makes `path` read-only; answers the function that makes it writable again. */
  return (path) => {
    const mode = statSync(path).mode & 0o777;
    if (asRoot) execFileSync('chattr', ['+i', path]);
    else chmodSync(path, mode & ~0o222);
    const restore = () => {
      undo.delete(restore);
      if (asRoot) execFileSync('chattr', ['-i', path]);
      else chmodSync(path, mode);
    };
    undo.add(restore);
    return restore;
  };
}
