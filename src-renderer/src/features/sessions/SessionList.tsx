import { memo, useEffect, useRef, useState } from 'react';
import { SESSION_PAGE_SIZE } from '@shared/sessions/schema';
import type { SessionListQuery, SessionPage, SessionSummary } from '@shared/sessions/schema';
import { useSessions } from './hooks';
import { SessionRow } from './SessionRow';
import type { RowActions } from './SessionRow';
import './SessionList.css';

/** The list's search, filters and sort; pages are added to it as the user scrolls. */
export type SessionListFilters = Required<Pick<SessionListQuery, 'search' | 'sort' | 'status' | 'client'>>;

type SessionListProps = RowActions & {
  filters: SessionListFilters;
  /** The first page, which the page has already read for its count. */
  firstPage: SessionPage;
};

const pageQuery = (filters: SessionListFilters, page: number): SessionListQuery => ({
  ...filters,
  limit: SESSION_PAGE_SIZE,
  offset: page * SESSION_PAGE_SIZE,
});

/**
 * The saved sessions as rows; each row opens its session. Only the pages scrolled to are read
 * and drawn (50 rows each), so 10,000 sessions cost what the first screens cost; the next page is
 * asked for when the end of the list comes near. Each page refreshes itself when sessions change.
 */
export const SessionList = memo(function SessionList({
  filters,
  firstPage,
  onDuplicate,
  onDelete,
}: SessionListProps) {
  const [pages, setPages] = useState(1);
  const last = useSessions(pageQuery(filters, pages - 1)).data;
  const shown = Math.min(pages * SESSION_PAGE_SIZE, firstPage.total);
  const more = last !== undefined && shown < firstPage.total;
  const sentinel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target = sentinel.current;
    if (!more || !target) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setPages((count) => count + 1);
      },
      { rootMargin: '800px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [more, pages]);

  return (
    <>
      <ul className="session-list" aria-label="Sessions">
        <PageRows sessions={firstPage.sessions} onDuplicate={onDuplicate} onDelete={onDelete} />
        {Array.from({ length: pages - 1 }, (_, index) => (
          <LaterPage
            key={index + 1}
            query={pageQuery(filters, index + 1)}
            onDuplicate={onDuplicate}
            onDelete={onDelete}
          />
        ))}
      </ul>
      {more ? (
        <div ref={sentinel} className="session-list__more">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setPages((count) => count + 1)}
          >
            Show more ({shown} of {firstPage.total} shown)
          </button>
        </div>
      ) : null}
    </>
  );
});

/** A page after the first, read when it is first shown. */
function LaterPage({ query, ...actions }: RowActions & { query: SessionListQuery }) {
  const page = useSessions(query).data;
  return page ? <PageRows sessions={page.sessions} {...actions} /> : null;
}

const PageRows = memo(function PageRows({
  sessions,
  ...actions
}: RowActions & { sessions: SessionSummary[] }) {
  return sessions.map((session) => <SessionRow key={session.id} session={session} {...actions} />);
});
