import { execFileSync } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';

/**
 * Makes a file or folder read-only for real, the way a user meets it; answers the function that
 * makes it writable again. An ordinary user is stopped by the permission bits (chmod a-w). Root
 * ignores permission bits, and the tests run as root here, so as root the file or folder is made
 * immutable instead (`chattr +i`): then no one, root included, may write it, create files in it or
 * rename it. Both are what the app meets on a read-only file, a write-protected folder or a
 * read-only mount: the kernel refuses the write (EACCES, EPERM or EROFS).
 */
export function makeReadOnly(path: string): () => void {
  const asRoot = process.getuid?.() === 0;
  const mode = statSync(path).mode & 0o777;
  if (asRoot) execFileSync('chattr', ['+i', path]);
  else chmodSync(path, mode & ~0o222);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (asRoot) execFileSync('chattr', ['-i', path]);
    else chmodSync(path, mode);
  };
}
