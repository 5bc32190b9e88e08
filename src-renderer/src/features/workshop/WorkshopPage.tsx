import { useCallback, useMemo } from 'react';
import {
  ANONYMITY_LABELS,
  anonymityOf,
  anonymousBallotIds,
  anonymousBallotName,
  evaluateWorkshop,
  namesHidden,
  presentableView,
  STEP_LABELS,
  STEPS,
  toggledAnonymity,
} from '@shared/workshop';
import type { Step, WorkshopState } from '@shared/workshop';
import type { Session } from '@shared/sessions/schema';
import { api } from '../../api/client';
import { isEditable, useCommand } from '../../app/commands';
import { routes } from '../../app/router';
import { SaveStatus } from '../../components/SaveStatus';
import { RoomConsole } from '../room';
import { useSession } from '../sessions/hooks';
import { Stepper } from './Stepper';
import { CompareStep } from './steps/CompareStep';
import { ContextStep } from './steps/ContextStep';
import { CriteriaStep } from './steps/CriteriaStep';
import { RecommendationStep } from './steps/RecommendationStep';
import { WeightingStep } from './steps/WeightingStep';
import type { StepProps } from './types';
import { useWorkshop } from './useWorkshop';
import type { WorkshopHandle } from './useWorkshop';

const STEP_VIEWS: Record<Step, (props: StepProps) => React.JSX.Element> = {
  context: ContextStep,
  criteria: CriteriaStep,
  weighting: WeightingStep,
  compare: CompareStep,
  recommendation: RecommendationStep,
};

/**
 * Names as the room may see them: real names, or "Participant N" when names are hidden; a ballot
 * stored without a name is "Anonymous ballot N" at every level.
 */
export function useNameOf(session: Session | undefined, state: WorkshopState | undefined) {
  const hidden = state ? namesHidden(state) : false;
  // The labels change only when an anonymous ballot comes in, not with every edit of the state;
  // numbered in the order of their ids, never of arrival (see anonymousBallotIds).
  const ballotIds = state?.rounds.map((round) => anonymousBallotIds(round).join(',')).join(';') ?? '';
  const ballots = useMemo(
    () =>
      new Map(
        ballotIds
          .split(';')
          .flatMap((round) =>
            round === '' ? [] : round.split(',').map((id, i) => [id, anonymousBallotName(i)] as const),
          ),
      ),
    [ballotIds],
  );
  return useCallback(
    (id: string) => {
      const ballot = ballots.get(id);
      if (ballot !== undefined) return ballot;
      const index = session?.participants.findIndex((p) => p.id === id) ?? -1;
      if (hidden) return `Participant ${index + 1}`;
      return session?.participants[index]?.name ?? 'Former participant';
    },
    [session, hidden, ballots],
  );
}

/** The browser host's presenter tabs this console opened, so a second F5 brings one forward. */
const presenterTabs = new Map<string, Window>();

/**
 * Opens the presenter view: a window on the second display in Electron, a new tab in the browser
 * (one per session: pressing F5 again focuses it rather than opening another). The tab is cut
 * from this page (`opener` cleared), as `noopener` would, but this page keeps its handle.
 */
export function present(sessionId: string): void {
  if (api.kind === 'web') {
    const open = presenterTabs.get(sessionId);
    if (open && !open.closed) return open.focus();
    const tab = window.open(routes.present(sessionId), `stackwise-presenter-${sessionId}`);
    if (tab) {
      tab.opener = null;
      presenterTabs.set(sessionId, tab);
    }
    return;
  }
  void api.invoke('workshop:present', { sessionId });
}

/** The facilitator's console for one session's workshop. */
export function WorkshopPage({ sessionId }: { sessionId: string }) {
  const session = useSession(sessionId);
  const workshop = useWorkshop(sessionId);
  const { state } = workshop;
  const nameOf = useNameOf(session.data, state);
  const participants = useMemo(() => session.data?.participants ?? [], [session.data]);
  const result = useMemo(
    () => (state ? evaluateWorkshop(state, participants) : undefined),
    [state, participants],
  );
  // The result areas render from this: while inputs are hidden it holds who has voted, nothing more.
  const presentable = useMemo(
    () => (state && result ? presentableView(state, participants, result) : undefined),
    [state, participants, result],
  );
  useWorkshopCommands(sessionId, workshop);
  const { dispatch } = workshop;
  // Memoised so the toolbar's saving status and undo labels re-render only the toolbar.
  const view = useMemo(() => {
    if (!state || !result || !presentable) return null;
    const View = STEP_VIEWS[state.step];
    return (
      <View
        sessionId={sessionId}
        state={state}
        result={result}
        view={presentable}
        participants={participants}
        nameOf={nameOf}
        dispatch={dispatch}
      />
    );
  }, [sessionId, state, result, presentable, participants, nameOf, dispatch]);

  if (session.error) {
    return (
      <section className="page page--narrow">
        <div className="empty">
          <h1 className="empty__title">This session is not here</h1>
          <p>{session.error.message}</p>
          <a className="button button--primary" href={routes.sessions()}>
            Back to all sessions
          </a>
        </div>
      </section>
    );
  }
  if (!state || !result || !session.data) return <p className="page loading">Opening the workshop…</p>;

  const index = STEPS.indexOf(state.step);
  const go = (step: Step) => workshop.dispatch({ type: 'setStep', step });

  return (
    <section className="page page--wide workshop" aria-labelledby="workshop-title">
      <header className="page__header workshop__header">
        <div className="page__heading">
          <a className="back-link" href={routes.session(sessionId)}>
            ← <bdi>{session.data.clientName}</bdi>: session details
          </a>
          <h1 id="workshop-title" className="page__title">
            <bdi>{session.data.projectName}</bdi>
          </h1>
        </div>
        <div className="workshop__tools" role="toolbar" aria-label="Workshop">
          <SaveStatus state={workshop.saveState} savedLabel="Saved" />
          {namesHidden(state) ? (
            <span className="badge badge--info">{ANONYMITY_LABELS[anonymityOf(state)]}</span>
          ) : null}
          <HistoryButton label="Undo" step={workshop.snapshot?.undo} onClick={workshop.undo} />
          <HistoryButton label="Redo" step={workshop.snapshot?.redo} onClick={workshop.redo} />
          <button type="button" className="button button--small" onClick={() => present(sessionId)}>
            Present
          </button>
        </div>
      </header>

      <Stepper step={state.step} onStep={go} />

      {workshop.notice ? (
        <p className="notice notice--info" role="status">
          {workshop.notice}
        </p>
      ) : null}

      {workshop.error ? (
        <div className="notice notice--error notice--dismissable" role="alert">
          <span>{workshop.error}</span>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={workshop.dismissError}
          >
            Dismiss
          </button>
        </div>
      ) : null}

      <RoomConsole
        sessionId={sessionId}
        state={state}
        participants={participants}
        nameOf={nameOf}
        hidden={presentable?.hidden ?? false}
        dispatch={dispatch}
      />

      {view}

      <nav className="step-nav" aria-label="Step navigation">
        {index > 0 ? (
          <button type="button" className="button" onClick={() => go(STEPS[index - 1] as Step)}>
            ← {STEP_LABELS[STEPS[index - 1] as Step]}
          </button>
        ) : (
          <span />
        )}
        {index < STEPS.length - 1 ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => go(STEPS[index + 1] as Step)}
          >
            {STEP_LABELS[STEPS[index + 1] as Step]} →
          </button>
        ) : null}
      </nav>
    </section>
  );
}

/** Undo or Redo, naming the step it would take back or bring back. */
function HistoryButton({
  label,
  step,
  onClick,
}: {
  label: 'Undo' | 'Redo';
  step: { label: string } | null | undefined;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="button button--small"
      onClick={onClick}
      disabled={!step}
      title={step ? `${label}: ${step.label}` : `Nothing to ${label.toLowerCase()}`}
    >
      {label}
    </button>
  );
}

/** The workshop's keyboard and menu commands, while the console is open. */
function useWorkshopCommands(sessionId: string, workshop: WorkshopHandle) {
  const { state, dispatch, undo, redo } = workshop;
  const step = state?.step;
  const move = useCallback(
    (offset: number) => {
      if (!step) return;
      const next = STEPS[STEPS.indexOf(step) + offset];
      if (next) dispatch({ type: 'setStep', step: next });
    },
    [dispatch, step],
  );
  const revealed = state?.rounds[state.rounds.length - 1]?.revealed ?? false;
  const anonymity = state ? anonymityOf(state) : 'named';
  useCommand(useMemo(() => ({ id: 'workshop.next' as const, perform: () => move(1) }), [move]));
  useCommand(useMemo(() => ({ id: 'workshop.previous' as const, perform: () => move(-1) }), [move]));
  useCommand(
    useMemo(
      () => ({
        id: 'workshop.reveal' as const,
        perform: () => dispatch({ type: 'setRevealed', revealed: !revealed }),
      }),
      [dispatch, revealed],
    ),
  );
  useCommand(
    useMemo(
      () => ({
        id: 'workshop.anonymous' as const,
        perform: () => dispatch({ type: 'setAnonymity', anonymity: toggledAnonymity(anonymity) }),
      }),
      [dispatch, anonymity],
    ),
  );
  useCommand(
    useMemo(() => ({ id: 'workshop.present' as const, perform: () => present(sessionId) }), [sessionId]),
  );
  // In a text field, undo and redo are the field's own; elsewhere they act on the workshop.
  useCommand(useMemo(() => editCommand('edit.undo', 'undo', undo), [undo]));
  useCommand(useMemo(() => editCommand('edit.redo', 'redo', redo), [redo]));
}

function editCommand(
  id: 'edit.undo' | 'edit.redo',
  textCommand: 'undo' | 'redo',
  workshopAction: () => void,
) {
  return {
    id,
    perform: () =>
      isEditable(document.activeElement) ? document.execCommand(textCommand) : workshopAction(),
  };
}
