/**
 * Shown instead of the app when the start-up check finds the database damaged, written by a newer
 * version or not writable, or finds it missing or empty while backups exist; and when the check of
 * every page, run in the background after opening, finds damage while the app is in use. It offers
 * the ways back, and states plainly what each one does with the file.
 */
import type { DataStatus } from '@shared/data/contract';
import { useQuery } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { BackupList, formatBackupTime, newestGoodBackup } from './BackupList';
import { ReadOnlyRecovery } from './ReadOnlyRecovery';
import { TryUpdateAgain } from './TryUpdateAgain';
import { useReplaceDatabase } from './useReplaceDatabase';
import './recovery.css';

type Recovery = Extract<DataStatus, { state: 'recovery' }>;

/** What the screen says for each problem that can be recovered from here. */
const WORDING = {
  damaged: {
    title: 'Stackwise could not open your data',
    notice: 'The database file is damaged. Nothing has been changed or deleted.',
    fresh: (keptDir: string) =>
      `Opens a new, empty database. The damaged file is moved, as it is, into ${keptDir}.`,
    kept: (keptDir: string) => `The damaged file is kept in ${keptDir}.`,
  },
  /** Found by the check after opening: the app was in use, and what was saved is in the file. */
  damagedWhileOpen: {
    title: 'Stackwise found damage in your data',
    notice:
      'Stackwise checks every page of its database after opening it, and this check found damage. ' +
      'It has stopped using the file, so nothing more is written into it. Everything saved until now ' +
      'is still in that file; nothing has been deleted.',
    fresh: (keptDir: string) =>
      `Opens a new, empty database. The damaged file, with everything saved until now, is moved, as it is, into ${keptDir}.`,
    kept: (keptDir: string) => `The damaged file, with everything saved until now, is kept in ${keptDir}.`,
  },
  missing: {
    title: 'Your database is missing, but its backups are here',
    notice:
      'There is no database file where Stackwise keeps your data, but there are backups of it. ' +
      'Restore the newest good one to carry on where the backup left off. Nothing has been changed or deleted.',
    fresh: () => 'Opens a new, empty database. Every backup stays where it is, to restore later.',
    kept: () => 'Your backups stay where they are.',
  },
  empty: {
    title: 'Your database is empty, but its backups are here',
    notice:
      'The database file is empty (0 bytes): something emptied it, perhaps a sync tool or a full disk. ' +
      'Its backups are intact: restore the newest good one. Nothing has been changed or deleted.',
    fresh: (keptDir: string) =>
      `Opens a new, empty database. Every backup stays where it is; the empty file is moved into ${keptDir}.`,
    kept: (keptDir: string) => `The empty file is moved into ${keptDir}; your backups stay where they are.`,
  },
  /** The update on the first start after an upgrade failed and was rolled back. */
  'not-updated': {
    title: 'Stackwise could not update your data to this version',
    notice:
      'Updating the database to this version stopped with an error and was undone: the file is exactly as ' +
      'it was. Nothing has been changed or deleted.',
    fresh: (keptDir: string) =>
      `Opens a new, empty database. The file that could not be updated is moved, as it is, into ${keptDir}.`,
    kept: (keptDir: string) => `The file that could not be updated is kept, as it is, in ${keptDir}.`,
  },
} as const;

export function RecoveryPage({ status }: { status: Recovery }) {
  const backups = useQuery('data:backups', {});
  const replace = useReplaceDatabase();
  const list = backups.data ?? [];
  const restorable = list.filter((b) => b.restorable);
  const pending = replace.pending;
  const newestGood = newestGoodBackup(list);

  if (status.problem === 'read-only') return <ReadOnlyRecovery status={status} />;

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

  const words =
    WORDING[status.problem === 'damaged' && status.foundAfterOpening ? 'damagedWhileOpen' : status.problem];
  const lost = status.problem === 'missing' || status.problem === 'empty';
  const notUpdated = status.problem === 'not-updated';

  return (
    <section className="page page--narrow recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title" className="page__title">
        {words.title}
      </h1>
      <p className={`notice ${lost || notUpdated ? 'notice--warning' : 'notice--error'}`}>
        {words.notice}
        <span className="recovery__detail">{status.message}</span>
      </p>
      <p>
        Database: <span className="data-paths__path">{status.databasePath}</span>
      </p>
      {notUpdated ? <TryUpdateAgain /> : null}
      {replace.error ? (
        <p role="alert" className="notice notice--error">
          {replace.error}
        </p>
      ) : null}

      <h2 className="recovery__heading">Restore a backup</h2>
      {backups.data ? null : (
        <p role="status" className="muted">
          Checking the backups…
        </p>
      )}
      {backups.data && restorable.length === 0 ? (
        <p className="muted">
          There is no sound backup to restore{status.backupDir ? ` in ${status.backupDir}` : ''}.
        </p>
      ) : (
        <>
          {lost && newestGood ? (
            <div className="recovery__primary">
              <button
                type="button"
                className="button button--primary"
                disabled={replace.busy}
                onClick={() => replace.ask(newestGood)}
              >
                Restore the newest good backup
              </button>
              <span className="muted">from {formatBackupTime(newestGood)}</span>
            </div>
          ) : null}
          <p className="muted">
            {lost ? 'Or choose another one:' : 'The newest sound backup is usually the one to choose.'}
          </p>
          <BackupList backups={list} busy={replace.busy} onRestore={replace.ask} />
        </>
      )}

      <h2 className="recovery__heading">Or start fresh</h2>
      <p className="muted">{words.fresh(status.keptDir)}</p>
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
          {words.kept(status.keptDir)}
        </p>
      </ConfirmDialog>
    </section>
  );
}
