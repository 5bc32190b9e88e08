import { useId, useState } from 'react';
import type { ComparisonRow } from '@shared/history/compare';
import { HISTORY_PAGE } from '@shared/history/contract';
import type { HistoryEntry } from '@shared/history/contract';
import { invalidate, useQuery } from '../../api/queries';
import { formatMoment } from './format';
import { TextExcerpt } from './TextExcerpt';
import './timeline.css';

/** How many changed lines an entry shows before the rest fold away. */
const VISIBLE_LINES = 6;

const STATE_LABELS = { undone: 'Undone', discarded: 'Undone and replaced' } as const;

/**
 * The session's history, newest first, a page at a time; an entry opened says what changed from
 * before to after (compared when it is opened, so a page of a large workshop lists at once).
 */
export function Timeline({ sessionId }: { sessionId: string }) {
  const [pages, setPages] = useState(1);
  const first = useQuery('history:list', { sessionId, offset: 0, limit: HISTORY_PAGE.size });
  if (first.error) return <p className="notice notice--error">{first.error.message}</p>;
  if (!first.data) return <p className="muted">Loading the history…</p>;
  const { total } = first.data;
  if (total === 0) return <p className="muted">Nothing has happened to this session yet.</p>;
  const shown = Math.min(total, pages * HISTORY_PAGE.size);
  return (
    <>
      <ol className="timeline" aria-label="History, newest first">
        {Array.from({ length: pages }, (_, page) => (
          <TimelinePage key={page} sessionId={sessionId} offset={page * HISTORY_PAGE.size} />
        ))}
      </ol>
      {total > shown ? (
        <p className="timeline__footer muted">
          Showing the newest {shown} of {total} entries.{' '}
          <button type="button" className="button button--small" onClick={() => setPages((n) => n + 1)}>
            Show older entries
          </button>
        </p>
      ) : null}
    </>
  );
}

function TimelinePage({ sessionId, offset }: { sessionId: string; offset: number }) {
  const page = useQuery('history:list', { sessionId, offset, limit: HISTORY_PAGE.size });
  if (!page.data) return null;
  // Keyed by page too: while pages refetch after a change, an entry may briefly sit on two.
  return page.data.entries.map((entry) => (
    <Entry key={`${offset}:${entry.id}`} sessionId={sessionId} entry={entry} />
  ));
}

function Entry({ sessionId, entry }: { sessionId: string; entry: HistoryEntry }) {
  const [open, setOpen] = useState(false);
  const labelId = useId();
  const linesId = useId();
  return (
    <li className={`timeline__entry timeline__entry--${entry.kind}`}>
      <div className="timeline__head">
        <time className="timeline__time" dateTime={entry.at}>
          {formatMoment(entry.at)}
        </time>
        <span
          id={labelId}
          className={
            entry.state === 'applied' ? 'timeline__label' : 'timeline__label timeline__label--undone'
          }
        >
          <bdi>{entry.label}</bdi>
        </span>
        {entry.state === 'applied' ? null : <span className="badge">{STATE_LABELS[entry.state]}</span>}
        {entry.comparable ? (
          <button
            type="button"
            className="timeline__toggle"
            aria-expanded={open}
            aria-controls={linesId}
            aria-describedby={labelId}
            onClick={() => setOpen((was) => !was)}
          >
            {open ? 'Hide what changed' : 'What changed'}
          </button>
        ) : null}
      </div>
      <div id={linesId}>{open ? <EntryLines sessionId={sessionId} entryId={entry.id} /> : null}</div>
    </li>
  );
}

/** An opened entry's lines, asked for when it opens; kept on screen while they refresh. */
function EntryLines({ sessionId, entryId }: { sessionId: string; entryId: string }) {
  const lines = useQuery('history:entry', { sessionId, entryId });
  if (lines.data) {
    if (lines.data.hidden)
      return <p className="timeline__note muted">Hidden until the results are revealed.</p>;
    if (lines.data.changes.length === 0)
      return <p className="timeline__note muted">Nothing the comparison shows changed.</p>;
    return <Changes changes={lines.data.changes} />;
  }
  if (lines.error && !lines.loading) {
    return (
      <div className="timeline__note notice notice--error" role="alert">
        What changed could not be shown. {lines.error.message}{' '}
        <button type="button" className="button button--small" onClick={() => invalidate('history:entry')}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <p className="timeline__note muted" role="status">
      Loading what changed…
    </p>
  );
}

function Changes({ changes }: { changes: ComparisonRow[] }) {
  const lines = changes.map((change, i) => (
    <li key={`${change.what}-${i}`}>
      {change.text ? (
        // A long text: where it changed, then the changed stretch of each side in context.
        <>
          <span className="timeline__what">
            {change.what} ({change.text.summary.toLowerCase()}):
          </span>{' '}
          <TextExcerpt parts={change.text.before} />
          <span aria-label="became"> → </span>
          <TextExcerpt parts={change.text.after} />
        </>
      ) : (
        <>
          <span className="timeline__what">{change.what}:</span> {change.before ?? <em>none</em>}
          <span aria-label="became"> → </span>
          {change.after ?? <em>removed</em>}
        </>
      )}
    </li>
  ));
  if (lines.length <= VISIBLE_LINES) return <ul className="timeline__changes">{lines}</ul>;
  const more = lines.length - VISIBLE_LINES;
  return (
    <>
      <ul className="timeline__changes">{lines.slice(0, VISIBLE_LINES)}</ul>
      <details className="timeline__more">
        <summary>
          {more} more {more === 1 ? 'change' : 'changes'}
        </summary>
        <ul className="timeline__changes">{lines.slice(VISIBLE_LINES)}</ul>
      </details>
    </>
  );
}
