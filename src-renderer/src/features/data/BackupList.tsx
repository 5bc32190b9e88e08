import type { Backup } from '@shared/data/contract';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The backup to offer first: the newest sound one that is not much smaller than the good copies
 * before it (a copy of an emptied database is sound, but rarely what anyone wants back).
 */
export function newestGoodBackup(backups: readonly Backup[]): Backup | undefined {
  return backups.find((b) => b.restorable && !b.muchSmaller) ?? backups.find((b) => b.restorable);
}

const sessionCount = (n: number) => (n === 1 ? '1 session' : `${n} sessions`);

type BackupListProps = {
  backups: readonly Backup[];
  onRestore: (backup: Backup) => void;
  busy: boolean;
};

/** Backups newest first, each restorable one with its own button; the one to offer first is marked. */
export function BackupList({ backups, onRestore, busy }: BackupListProps) {
  const newestSound = newestGoodBackup(backups);
  return (
    <ol className="plain-list backup-list" aria-label="Backups, newest first">
      {backups.map((backup) => (
        <li key={backup.fileName} className="backup-list__item">
          <div className="backup-list__what">
            <span className="backup-list__when">{when.format(new Date(backup.at))}</span>
            {backup === newestSound ? <span className="badge badge--info">Newest sound backup</span> : null}
            <span className="muted backup-list__detail">
              {sessionCount(backup.sessions)} · {formatBytes(backup.bytes)} · {backup.fileName}
            </span>
            {backup.muchSmaller ? (
              <span className="backup-list__detail">
                Much smaller than the backups just before it: the database may have been emptied or replaced.
              </span>
            ) : null}
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
