/**
 * Shown instead of the app when the start-up check finds the database damaged or written by a
 * newer version. It offers the ways back, and states plainly what each one does with the file.
 */
import type { DataStatus } from '@shared/data/contract';
import { useQuery } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { BackupList, formatBackupTime } from './BackupList';
import { useReplaceDatabase } from './useReplaceDatabase';

type Recovery = Extract<DataStatus, { state: 'recovery' }>;

export function RecoveryPage({ status }: { status: Recovery }) {
  const backups = useQuery('data:backups', {});
  const replace = useReplaceDatabase();
  const list = backups.data ?? [];
  const restorable = list.filter((b) => b.restorable);
  const pending = replace.pending;

  if (status.problem === 'too-new') {
    return (
      <section className="page page--narrow recovery" aria-labelledby="recovery-title">
        <h1 id="recovery-title" className="page__title">
          This data belongs to a newer Stackwise
        </h1>
        <p className="notice notice--warning">{status.message}</p>
        <p>
          Database: <span className="data-paths__path">{status.databasePath}</span>
        </p>
        <p className="muted">
          This version will not open, change or replace it. To keep working here instead, start Stackwise with
          another database (<code>--db PATH</code>).
        </p>
      </section>
    );
  }

  return (
    <section className="page page--narrow recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title" className="page__title">
        Stackwise could not open your data
      </h1>
      <p className="notice notice--error">
        The database file is damaged. Nothing has been changed or deleted.
        <span className="recovery__detail">{status.message}</span>
      </p>
      <p>
        Database: <span className="data-paths__path">{status.databasePath}</span>
      </p>
      {replace.error ? (
        <p role="alert" className="notice notice--error">
          {replace.error}
        </p>
      ) : null}

      <h2 className="recovery__heading">Restore a backup</h2>
      {backups.data && restorable.length === 0 ? (
        <p className="muted">
          There is no sound backup to restore{status.backupDir ? ` in ${status.backupDir}` : ''}.
        </p>
      ) : (
        <>
          <p className="muted">The newest sound backup is usually the one to choose.</p>
          <BackupList backups={list} busy={replace.busy} onRestore={replace.ask} />
        </>
      )}

      <h2 className="recovery__heading">Or start fresh</h2>
      <p className="muted">
        Opens a new, empty database. The damaged file is moved, as it is, into {status.keptDir}.
      </p>
      <button type="button" className="button" disabled={replace.busy} onClick={() => replace.ask('fresh')}>
        Start fresh…
      </button>

      <ConfirmDialog
        open={pending !== undefined}
        title={pending === 'fresh' ? 'Start with an empty database?' : 'Restore this backup?'}
        confirmLabel={pending === 'fresh' ? 'Start fresh' : 'Restore the backup'}
        busy={replace.busy}
        onConfirm={() => void replace.confirm()}
        onCancel={replace.cancel}
      >
        <p>
          {pending === 'fresh'
            ? 'No sessions will be listed until you import or create them. '
            : `Every session goes back to how it was on ${pending ? formatBackupTime(pending) : ''}. `}
          The damaged file is kept in {status.keptDir}.
        </p>
      </ConfirmDialog>
    </section>
  );
}
