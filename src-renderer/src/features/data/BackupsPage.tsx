/**
 * Backups: what Stackwise has kept, a backup on demand, and restoring one (the data it replaces is
 * moved aside first, never deleted).
 */
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { mutate, useQuery } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { BackupList, formatBackupTime } from './BackupList';
import { useReplaceDatabase } from './useReplaceDatabase';

export function BackupsPage() {
  const status = useQuery('data:status', {});
  const backups = useQuery('data:backups', {});
  const replace = useReplaceDatabase();
  const [message, setMessage] = useState<string>();
  const [backingUp, setBackingUp] = useState(false);

  const backUpNow = async () => {
    setBackingUp(true);
    try {
      const made = await mutate('data:backup', {});
      setMessage(`Backed up at ${formatBackupTime(made)}.`);
    } catch (caught) {
      setMessage(caught instanceof ApiError ? caught.message : 'The backup could not be made.');
    } finally {
      setBackingUp(false);
    }
  };

  const where = status.data;
  const list = backups.data ?? [];
  const pending = replace.pending === 'fresh' ? undefined : replace.pending;

  return (
    <section className="page page--narrow" aria-labelledby="backups-title">
      <header className="page__header">
        <div className="page__heading">
          <h1 id="backups-title" className="page__title">
            Backups
          </h1>
          <p className="page__subtitle">
            Stackwise copies its database when it starts and every 30 minutes while it runs, and checks each
            copy. It keeps the newest ten, then one a day for two weeks and one a week for about two months; a
            copy of a database that suddenly lost most of its sessions never takes the place of a good one.
          </p>
        </div>
        <div className="page__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={backingUp || where?.backupDir === null}
            onClick={() => void backUpNow()}
          >
            {backingUp ? 'Backing up…' : 'Back up now'}
          </button>
        </div>
      </header>

      <p role="status" className="muted">
        {message}
      </p>
      {replace.error ? (
        <p role="alert" className="notice notice--error">
          {replace.error}
        </p>
      ) : null}

      {where ? (
        <dl className="data-paths card">
          <dt>Database</dt>
          <dd className="data-paths__path">{where.databasePath}</dd>
          <dt>Backups</dt>
          <dd className="data-paths__path">{where.backupDir ?? 'This host keeps no backups.'}</dd>
          <dt>Kept aside</dt>
          <dd className="data-paths__path">{where.keptDir}</dd>
          {where.state === 'ready' ? (
            <>
              <dt>Checked</dt>
              <dd>
                {where.check.state === 'checking'
                  ? 'Checking every page of the database in the background; Stackwise can be used meanwhile.'
                  : where.check.message}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}

      {backups.error ? <p className="notice notice--error">{backups.error.message}</p> : null}
      {backups.data || backups.error ? null : (
        // Each backup's integrity check runs in the check worker, once per backup.
        <p role="status" className="muted">
          Checking the backups…
        </p>
      )}
      {backups.data && list.length === 0 ? (
        <div className="empty">
          <h2 className="empty__title">No backups yet</h2>
          <p>The first one is made the next time Stackwise starts, or now with “Back up now”.</p>
        </div>
      ) : (
        <BackupList backups={list} busy={replace.busy} onRestore={replace.ask} />
      )}

      <ConfirmDialog
        open={pending !== undefined}
        title="Restore this backup?"
        confirmLabel={replace.busy ? 'Restoring…' : 'Restore the backup'}
        busy={replace.busy}
        onConfirm={() => void replace.confirm()}
        onCancel={replace.cancel}
      >
        <p>
          Every session goes back to how it was on {pending ? formatBackupTime(pending) : ''}. Changes made
          since then are not lost: the database you use now is moved, whole, into the “kept” folder beside it,
          where it can be restored from by hand.
        </p>
      </ConfirmDialog>
    </section>
  );
}
