/** One session as a row of the sessions list: a pure component, props only. */
import { memo } from 'react';
import { STATUS_LABELS } from '@shared/sessions/schema';
import type { SessionSummary } from '@shared/sessions/schema';
import { routes } from '../../app/router';
import { formatEdited, formatWorkshopDate } from './format';

export type RowActions = {
  onDuplicate: (session: SessionSummary) => void;
  onDelete: (session: SessionSummary) => void;
};

export const SessionRow = memo(function SessionRow({
  session,
  onDuplicate,
  onDelete,
}: RowActions & { session: SessionSummary }) {
  return (
    <li className="session-row">
      <a className="session-row__main" href={routes.session(session.id)}>
        <bdi className="session-row__client">{session.clientName}</bdi>
        <bdi className="session-row__project">{session.projectName}</bdi>
      </a>
      <span className={`status status--${session.status}`}>{STATUS_LABELS[session.status]}</span>
      <dl className="session-row__facts">
        <div>
          <dt>Workshop</dt>
          <dd>{formatWorkshopDate(session.workshopDate)}</dd>
        </div>
        <div>
          <dt>Facilitator</dt>
          <dd>
            <bdi>{session.facilitator}</bdi>
          </dd>
        </div>
        <div>
          <dt>People</dt>
          <dd>{session.participantCount}</dd>
        </div>
        <div>
          <dt>Leader</dt>
          <dd>{session.leader === null ? '—' : <bdi>{session.leader}</bdi>}</dd>
        </div>
        <div>
          <dt>Last report</dt>
          <dd>
            {session.lastReportAt ? (
              <time dateTime={session.lastReportAt}>{formatEdited(session.lastReportAt)}</time>
            ) : (
              'None'
            )}
          </dd>
        </div>
        <div>
          <dt>Edited</dt>
          <dd>
            <time dateTime={session.updatedAt}>{formatEdited(session.updatedAt)}</time>
          </dd>
        </div>
      </dl>
      <div className="session-row__actions">
        <button
          type="button"
          className="button button--quiet"
          aria-label={`Duplicate ${session.clientName}: ${session.projectName}`}
          onClick={() => onDuplicate(session)}
        >
          Duplicate
        </button>
        <button
          type="button"
          className="button button--quiet button--quiet-danger"
          aria-label={`Delete ${session.clientName}: ${session.projectName}`}
          onClick={() => onDelete(session)}
        >
          Delete
        </button>
      </div>
    </li>
  );
});
