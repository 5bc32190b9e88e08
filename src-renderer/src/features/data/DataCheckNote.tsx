/**
 * The status bar's word on the whole-file check that runs after the database opens: while it runs
 * the app is fully usable, so this only says that it is running, and what it found when it could
 * not finish. A sound result is said on the Backups page; damage moves to the recovery screen.
 */
import type { DataStatus } from '@shared/data/contract';

export function DataCheckNote({ status }: { status: DataStatus | undefined }) {
  if (status?.state !== 'ready' || status.check.state === 'sound') return null;
  return (
    <span role="status">
      {status.check.state === 'checking' ? 'Checking the database in the background…' : status.check.message}
    </span>
  );
}
