import type { Backup } from '@shared/data/contract';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type BackupListProps = {
  backups: readonly Backup[];
  onRestore: (backup: Backup) => void;
  busy: boolean;
};

/** Backups newest first, each restorable one with its own button; the newest sound one is marked. */
export function BackupList({ backups, onRestore, busy }: BackupListProps) {
  const newestSound = backups.find((b) => b.restorable);
  return (
    <ol className="plain-list backup-list" aria-label="Backups, newest first">
      {backups.map((backup) => (
        <li key={backup.fileName} className="backup-list__item">
          <div className="backup-list__what">
            <span className="backup-list__when">{when.format(new Date(backup.at))}</span>
            {backup === newestSound ? <span className="badge badge--info">Newest sound backup</span> : null}
            <span className="muted backup-list__detail">
              {formatBytes(backup.bytes)} · {backup.fileName}
            </span>
            {backup.restorable ? null : <span className="backup-list__problem">{backup.problem}</span>}
          </div>
          <button
            type="button"
            className="button"
            disabled={!backup.restorable || busy}
            onClick={() => onRestore(backup)}
            aria-label={`Restore the backup from ${when.format(new Date(backup.at))}`}
          >
            Restore…
          </button>
        </li>
      ))}
    </ol>
  );
}

export const formatBackupTime = (backup: Backup) => when.format(new Date(backup.at));
