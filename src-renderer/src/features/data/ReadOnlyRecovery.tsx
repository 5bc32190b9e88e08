/**
 * The database is there and may well be healthy, but Stackwise may not write it. Nothing is
 * offered that would move or replace it: the way out is to make it writable and check again.
 */
import { useState } from 'react';
import type { DataStatus } from '@shared/data/contract';
import { api, ApiError } from '../../api/client';
import './recovery.css';

type Recovery = Extract<DataStatus, { state: 'recovery' }>;

export function ReadOnlyRecovery({ status }: { status: Recovery }) {
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<string>();

  // When the file opens, `data:replaced` follows and every window reloads; otherwise say why not.
  const checkAgain = async () => {
    setChecking(true);
    setResult(undefined);
    try {
      const now = await api.invoke('data:reopen', {});
      if (now.state === 'recovery') setResult(`Still not writable. ${now.message}`);
    } catch (caught) {
      setResult(caught instanceof ApiError ? caught.message : 'That did not work. Nothing was changed.');
    } finally {
      setChecking(false);
    }
  };

  return (
    <section className="page page--narrow recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title" className="page__title">
        Stackwise cannot save to its database
      </h1>
      <p className="notice notice--warning">
        The database does not look damaged: Stackwise may read it but not write it, so it has not opened it,
        and it will not move or replace it. Nothing has been changed or deleted.
        <span className="recovery__detail">{status.message}</span>
      </p>
      <p>
        Database: <span className="data-paths__path">{status.databasePath}</span>
      </p>

      <h2 className="recovery__heading">What to do</h2>
      <ul className="recovery__steps">
        <li>
          Make sure your user account may change the file and the folder it is in. On Windows, open the file’s
          Properties and clear “Read-only”; on macOS or Linux, give yourself write permission (
          <code>chmod u+w</code> on the file and its folder).
        </li>
        <li>
          If the folder is synced (OneDrive, Dropbox, iCloud Drive, Google Drive), let the sync finish, keep
          the file available offline, or pause syncing while Stackwise runs.
        </li>
        <li>
          If it is on a disk that is read-only or full (a USB stick, a network share, a locked disk), free
          some space, or copy the file to a folder on this computer and start Stackwise with{' '}
          <code>--db PATH</code>.
        </li>
      </ul>
      <p>
        <button
          type="button"
          className="button button--primary"
          disabled={checking}
          onClick={() => void checkAgain()}
        >
          {checking ? 'Checking…' : 'Check again'}
        </button>
      </p>
      <p role="status" className="muted">
        {result}
      </p>
    </section>
  );
}
