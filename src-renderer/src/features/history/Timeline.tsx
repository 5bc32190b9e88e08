import type { HistoryEntry } from '@shared/history/contract';
import { formatMoment } from './format';

/** How many changed lines an entry shows before the rest fold away. */
const VISIBLE_LINES = 6;

const STATE_LABELS = { undone: 'Undone', discarded: 'Undone and replaced' } as const;

/** The session's history, newest first; each entry says what changed from before to after. */
export function Timeline({ entries, total }: { entries: readonly HistoryEntry[]; total: number }) {
  if (entries.length === 0) return <p className="muted">Nothing has happened to this session yet.</p>;
  return (
    <>
      <ol className="timeline" aria-label="History, newest first">
        {entries.map((entry) => (
          <li key={entry.id} className={`timeline__entry timeline__entry--${entry.kind}`}>
            <div className="timeline__head">
              <time className="timeline__time" dateTime={entry.at}>
                {formatMoment(entry.at)}
              </time>
              <span
                className={
                  entry.state === 'applied' ? 'timeline__label' : 'timeline__label timeline__label--undone'
                }
              >
                {entry.label}
              </span>
              {entry.state === 'applied' ? null : <span className="badge">{STATE_LABELS[entry.state]}</span>}
            </div>
            {entry.changes.length > 0 ? <Changes entry={entry} /> : null}
          </li>
        ))}
      </ol>
      {total > entries.length ? (
        <p className="muted">
          Showing the newest {entries.length} of {total} entries.
        </p>
      ) : null}
    </>
  );
}

function Changes({ entry }: { entry: HistoryEntry }) {
  const lines = entry.changes.map((change, i) => (
    <li key={`${change.what}-${i}`}>
      <span className="timeline__what">{change.what}:</span> {change.before ?? <em>none</em>}
      <span aria-label="became"> → </span>
      {change.after ?? <em>removed</em>}
    </li>
  ));
  if (lines.length <= VISIBLE_LINES) return <ul className="timeline__changes">{lines}</ul>;
  return (
    <>
      <ul className="timeline__changes">{lines.slice(0, VISIBLE_LINES)}</ul>
      <details className="timeline__more">
        <summary>
          {lines.length - VISIBLE_LINES} more {lines.length - VISIBLE_LINES === 1 ? 'change' : 'changes'}
        </summary>
        <ul className="timeline__changes">{lines.slice(VISIBLE_LINES)}</ul>
      </details>
    </>
  );
}
