/**
 * Revisiting a session months later: its snapshots (compare, restore, export as it was) and the
 * readable history of every change.
 */
import { routes } from '../../app/router';
import { useSession } from '../sessions/hooks';
import { SnapshotsPanel } from './SnapshotsPanel';
import { Timeline } from './Timeline';

export function HistoryPage({ sessionId }: { sessionId: string }) {
  const session = useSession(sessionId);

  if (session.error) {
    return (
      <section className="page page--narrow">
        <div className="empty">
          <h1 className="empty__title">{session.error.message}</h1>
          <a className="button button--primary" href={routes.sessions()}>
            Back to all sessions
          </a>
        </div>
      </section>
    );
  }

  return (
    <section className="page" aria-labelledby="history-title">
      <a className="back-link" href={routes.session(sessionId)}>
        ← {session.data ? <bdi>{session.data.clientName}</bdi> : 'The session'}
      </a>
      <header className="page__header">
        <div className="page__heading">
          <p className="page__eyebrow">
            <bdi>{session.data?.projectName}</bdi>
          </p>
          <h1 id="history-title" className="page__title">
            History and snapshots
          </h1>
        </div>
      </header>
      <SnapshotsPanel sessionId={sessionId} />
      <section className="card history-card" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="card__title">
          History
        </h2>
        <Timeline sessionId={sessionId} />
      </section>
    </section>
  );
}
