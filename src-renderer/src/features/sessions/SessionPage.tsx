import { useMemo } from 'react';
import type { SessionRecord } from '@shared/sessions/schema';
import { useCommand } from '../../app/commands';
import { navigate, routes } from '../../app/router';
import { SaveStatus } from '../../components/SaveStatus';
import { ReportPanel } from '../report';
import { DeleteSessionDialog } from './DeleteSessionDialog';
import { SessionFiles } from './SessionFiles';
import { SessionForm } from './SessionForm';
import { formatEdited, formatWorkshopDate } from './format';
import { useSession, useSessionActions } from './hooks';
import { useAutosave } from './useAutosave';

/** One session: its details, saved as they are edited. */
export function SessionPage({ id }: { id: string }) {
  const { data: session, error, loading } = useSession(id);

  if (loading) return <p className="page page--narrow loading">Opening session…</p>;
  if (error || !session) {
    return (
      <section className="page page--narrow">
        <div className="empty">
          <h1 className="empty__title">This session is not here</h1>
          <p>{error?.message ?? 'It may have been deleted.'}</p>
          <a className="button button--primary" href={routes.sessions()}>
            Back to all sessions
          </a>
        </div>
      </section>
    );
  }
  // A fresh editor per session: its local draft must never carry over to another session.
  return <SessionEditor key={session.id} session={session} />;
}

function SessionEditor({ session }: { session: SessionRecord }) {
  const { values, errors, saveState, change, flush, conflict, dismissConflict } = useAutosave(session);
  const actions = useSessionActions({ afterDelete: () => navigate(routes.sessions()) });
  const target = { id: session.id, clientName: values.clientName, projectName: values.projectName };

  const duplicateCommand = useMemo(
    () => ({
      id: 'session.duplicate' as const,
      perform: () => void flush().then(() => actions.duplicate(target)),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-register only when the session changes
    [session.id, flush],
  );
  const deleteCommand = useMemo(
    () => ({
      id: 'session.delete' as const,
      label: 'Delete session',
      perform: () => actions.requestDelete(target),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-register only when the session changes
    [session.id, values.clientName, values.projectName],
  );
  useCommand(duplicateCommand);
  useCommand(deleteCommand);

  return (
    <section className="page page--narrow" aria-labelledby="session-title">
      <a className="back-link" href={routes.sessions()}>
        ← All sessions
      </a>
      <header className="page__header">
        <div className="page__heading">
          <p className="page__eyebrow">{formatWorkshopDate(values.workshopDate || session.workshopDate)}</p>
          <h1 id="session-title" className="page__title">
            <bdi>{values.clientName || session.clientName}</bdi>
          </h1>
          <p className="page__subtitle">
            <bdi>{values.projectName || session.projectName}</bdi>
          </p>
        </div>
        <div className="page__actions">
          <SaveStatus state={saveState} />
          <a className="button button--primary" href={routes.workshop(session.id)}>
            Open workshop
          </a>
          <a className="button" href={routes.history(session.id)}>
            History and snapshots
          </a>
          <button type="button" className="button" onClick={duplicateCommand.perform}>
            Duplicate
          </button>
          <button type="button" className="button button--danger-outline" onClick={deleteCommand.perform}>
            Delete…
          </button>
        </div>
      </header>

      {conflict ? (
        <div className="notice notice--error notice--dismissable" role="alert">
          <span>{conflict}</span>
          <button type="button" className="button button--quiet button--small" onClick={dismissConflict}>
            Dismiss
          </button>
        </div>
      ) : null}

      {actions.error && !actions.toDelete ? (
        <p className="notice notice--error" role="alert">
          {actions.error}
        </p>
      ) : null}

      <div className="card">
        <SessionForm values={values} errors={errors} onChange={change} onBlur={() => void flush()} />
      </div>
      <ReportPanel sessionId={session.id} />
      <SessionFiles sessionId={session.id} />
      <p className="page__footnote">
        Created {formatEdited(session.createdAt)}. Every change is saved on this computer as you type.
      </p>

      <DeleteSessionDialog
        session={actions.toDelete}
        busy={actions.busy}
        error={actions.error}
        onConfirm={() => void actions.confirmDelete()}
        onCancel={actions.cancelDelete}
      />
    </section>
  );
}
