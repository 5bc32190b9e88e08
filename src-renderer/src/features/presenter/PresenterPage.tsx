import { useCallback, useMemo, useState } from 'react';
import type { CSSProperties } from 'react';
import { PROJECT_QUESTIONS, RATING_SCALE } from '@shared/decision';
import type { ProfileOutcome } from '@shared/decision';
import { scoreFigures, weightPercents } from '@shared/format/figures';
import { buildModel, hiddenView, namesHidden, presentableView, STEP_LABELS, STEPS } from '@shared/workshop';
import type { HiddenView, Step, WorkshopParticipant, WorkshopResult, WorkshopState } from '@shared/workshop';
import { PresenterRoom, PresenterRoomStrip } from '../room';
import { useSession } from '../sessions/hooks';
import { ContributionChart } from '../workshop/charts/ContributionChart';
import { LiveRanking } from '../workshop/LiveRanking';
import { useWorkshop } from '../workshop/useWorkshop';
import { OwnAnswers, RatingFlip, Reasons } from '../workshop/VerdictDetails';
import { useNameOf } from '../workshop/WorkshopPage';
import {
  BallotList,
  ballotSentence,
  InconsistentNotices,
  RoomVerdict,
  suggestionLabel,
} from '../workshop/RoomStatus';
import {
  BlankScreen,
  BrandMark,
  brandStyle,
  PresenterControls,
  useFullscreen,
  usePresenterBrand,
  usePresenterKeys,
} from './PresenterChrome';
import { PresenterNextSteps } from './PresenterNextSteps';
import { barFractions, contributionRows, heaviest } from './scale';
import './presenter.css';
import './presenterParts.css';

/**
 * The shared screen: the current step in large type, no editing controls. It follows the
 * facilitator's console live (every change arrives as an event) and honours anonymous mode and
 * hide-until-reveal. A clicker (or the keyboard) in this window moves the workshop's step for
 * everyone; B blanks the screen, F makes it full screen. Type is sized from the viewport, so it
 * is the same share of the wall on any projector.
 */
export function PresenterPage({ sessionId }: { sessionId: string }) {
  const session = useSession(sessionId);
  const { state, dispatch } = useWorkshop(sessionId);
  const brand = usePresenterBrand(sessionId);
  const fullscreen = useFullscreen();
  const [blank, setBlank] = useState(false);
  const moveTo = useCallback((step: Step) => dispatch({ type: 'setStep', step }), [dispatch]);
  usePresenterKeys({
    step: state?.step,
    moveTo,
    blank,
    setBlank,
    toggleFullscreen: fullscreen.toggle,
  });
  const participants = useMemo(() => session.data?.participants ?? [], [session.data]);
  // Everything below renders from this: while inputs are hidden it holds who has voted, nothing more.
  const view = useMemo(
    () => (state ? presentableView(state, participants) : undefined),
    [state, participants],
  );
  const nameOf = useNameOf(session.data, state);
  const revealMoment = useRevealMoment(view?.hidden);

  if (!state || !view || !session.data) {
    return (
      <main className="presenter presenter--loading">
        {session.error ? session.error.message : 'Connecting to the workshop…'}
      </main>
    );
  }
  const index = STEPS.indexOf(state.step);
  const hidden = view.hidden ? view : null;
  const result = view.hidden ? null : view.result;
  const withResults =
    state.step === 'weighting' || state.step === 'compare' || state.step === 'recommendation';

  return (
    <main
      className={[
        'presenter',
        blank ? 'presenter--blank' : '',
        fullscreen.active ? 'presenter--fullscreen' : '',
      ].join(' ')}
      aria-labelledby="presenter-title"
      style={brandStyle(brand)}
    >
      <header className="presenter__header">
        <BrandMark brand={brand} />
        <p className="presenter__client">
          <bdi>{session.data.clientName}</bdi> · <bdi>{session.data.projectName}</bdi>
        </p>
        <ol className="presenter__steps" aria-label="Workshop steps">
          {STEPS.map((step, i) => (
            <li
              key={step}
              className={i === index ? 'presenter__step presenter__step--current' : 'presenter__step'}
              aria-current={i === index ? 'step' : undefined}
            >
              {i + 1}. {STEP_LABELS[step]}
            </li>
          ))}
        </ol>
      </header>
      <h1 id="presenter-title" className="presenter__title">
        {STEP_LABELS[state.step]}
      </h1>
      {revealMoment.shown ? (
        <p className="presenter__revealed" role="status" onAnimationEnd={revealMoment.done}>
          Results revealed
        </p>
      ) : null}
      {withResults && result?.usingSuggestedWeights ? (
        <p className="presenter__no-votes" role="status">
          {result.ballots.voted === 0 ? 'No one has weighed in yet' : 'No vote counts yet'}: built-in ratings
          with {suggestionLabel(result)}, not the room’s. No confidence is claimed.
        </p>
      ) : null}
      <div className="presenter__body">
        {state.step === 'context' ? (
          <ContextView state={state} profile={result?.profile ?? buildModel(state).profile} />
        ) : null}
        {state.step === 'criteria' ? <CriteriaView state={state} /> : null}
        {state.step === 'weighting' ? (
          result ? (
            <WeightingView state={state} result={result} nameOf={nameOf} />
          ) : (
            <HiddenPanel view={hidden ?? hiddenView(state, participants)} nameOf={nameOf} />
          )
        ) : null}
        {state.step === 'compare' ? (
          result ? (
            <CompareView result={result} />
          ) : (
            <HiddenPanel view={hidden ?? hiddenView(state, participants)} nameOf={nameOf} />
          )
        ) : null}
        {state.step === 'recommendation' ? (
          result ? (
            <RecommendationView state={state} result={result} nameOf={nameOf} participants={participants} />
          ) : (
            <HiddenPanel view={hidden ?? hiddenView(state, participants)} nameOf={nameOf} />
          )
        ) : null}
      </div>
      {/* The bottom strip: the brand's footer and the controls; the room's join strip joins them. */}
      <footer className="presenter__footer">
        <p className="presenter__footer-text">{brand.footerText}</p>
        <PresenterRoomStrip sessionId={sessionId} />
        <PresenterControls
          fullscreen={fullscreen.active}
          onFullscreen={fullscreen.toggle}
          onBlank={() => setBlank(true)}
        />
      </footer>
      <PresenterRoom sessionId={sessionId} />
      {blank ? <BlankScreen onReturn={() => setBlank(false)} /> : null}
    </main>
  );
}

type ViewProps = { state: WorkshopState; result: WorkshopResult };

/** Weight rows one slide holds in type read from the back of the room. */
const WEIGHT_ROWS = 10;

/**
 * "Results revealed", shown to the room for a moment when the facilitator reveals. Derived while
 * rendering (not in an effect), so the first frame with results already carries it.
 */
function useRevealMoment(hidden: boolean | undefined) {
  const [seen, setSeen] = useState(hidden);
  const [shown, setShown] = useState(false);
  if (hidden !== seen) {
    setSeen(hidden);
    setShown(seen === true && hidden === false);
  }
  return { shown, done: () => setShown(false) };
}

/** While inputs are hidden: who has voted, and nothing of what. */
function HiddenPanel({ view, nameOf }: { view: HiddenView; nameOf: (id: string) => string }) {
  return (
    <section className="presenter__hidden" aria-label="Results hidden">
      <p className="presenter__hidden-title">Results are hidden until the facilitator reveals them</p>
      <p>{ballotSentence(view.ballots, view.round)}.</p>
      <BallotList voters={view.voters} nameOf={nameOf} />
    </section>
  );
}

function ContextView({ state, profile }: { state: WorkshopState; profile: ProfileOutcome }) {
  const answers = state.answers as Record<string, string | undefined>;
  return (
    <div className="presenter__columns">
      <section>
        <h2 className="presenter__heading">About the project</h2>
        <dl className="presenter__answers">
          {PROJECT_QUESTIONS.map((q) => (
            <div key={q.id}>
              <dt>{q.text}</dt>
              <dd>{q.options.find((o) => o.value === answers[q.id])?.label ?? 'Not answered yet'}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section>
        <h2 className="presenter__heading">What that means</h2>
        {profile.applied.length === 0 ? (
          <p className="presenter__muted">Answers will shift ratings and starting weights here.</p>
        ) : (
          <ul className="presenter__list">
            {profile.applied.map((rule) => (
              <li key={rule.id}>
                <strong>{rule.when}.</strong> {rule.reason}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function CriteriaView({ state }: { state: WorkshopState }) {
  return (
    <ol
      className="presenter__criteria"
      style={{ '--rows': Math.ceil(state.criteria.length / 2) } as CSSProperties}
    >
      {state.criteria.map((c) => (
        <li key={c.id}>
          <strong>
            <bdi>{c.name}</bdi>
          </strong>
          <span>{c.description}</span>
        </li>
      ))}
    </ol>
  );
}

function WeightingView({ state, result, nameOf }: ViewProps & { nameOf: (id: string) => string }) {
  const round = state.rounds[state.rounds.length - 1];
  const ballots = hiddenView(state, result.voters).voters;
  // Whole percentages that add up to exactly 100% (largest remainder).
  const shownWeights = weightPercents(result.evaluation.weights, 0);
  const bars = barFractions(result.evaluation.weights);
  const { shown, rest } = heaviest(result.evaluation.weights, WEIGHT_ROWS);
  return (
    <div className="presenter__columns">
      <section>
        <h2 className="presenter__heading">
          Round {round?.number}: {ballotSentence(result.ballots)}
        </h2>
        <InconsistentNotices result={result} nameOf={nameOf} named={!namesHidden(state)} />
        <ul className="presenter__weights" aria-label="Weights by criterion">
          {shown.map((k) => {
            const c = state.criteria[k];
            if (!c) return null;
            const flagged = result.evaluation.spread[k]?.flagged ?? false;
            return (
              <li key={c.id}>
                <span className="presenter__weight-label">
                  <bdi>{c.name}</bdi>
                  {flagged ? <span className="presenter__flag"> · the room disagrees</span> : null}
                </span>
                <span className="presenter__weight-track">
                  <span style={{ width: `${(bars[k] ?? 0) * 100}%` }} />
                </span>
                <span className="presenter__weight-value">{shownWeights[k]}</span>
              </li>
            );
          })}
        </ul>
        {rest.count > 0 ? (
          <p className="presenter__more">
            {rest.count} more criteria carry {weightPercents([1 - rest.weight, rest.weight], 0)[1]} of the
            weight between them; the console lists them all.
          </p>
        ) : null}
      </section>
      <section>
        <h2 className="presenter__heading">Ranking</h2>
        <LiveRanking result={result} large />
        <BallotList voters={ballots} nameOf={nameOf} align="start" />
      </section>
    </div>
  );
}

function CompareView({ result }: { result: WorkshopResult }) {
  const { evaluation, model } = result;
  // The bars' labels add up to each stack's printed score, as on the console.
  const labels = useMemo(
    () => scoreFigures(evaluation.contributions).contributions,
    [evaluation.contributions],
  );
  // As many rows as stay legible from the back; the heaviest criteria when not all fit.
  const { shown, rest } = heaviest(evaluation.weights, contributionRows(model.candidates.length));
  const pick = <T,>(row: readonly T[] | undefined, empty: T) => shown.map((k) => row?.[k] ?? empty);
  return (
    <>
      <RoomVerdict result={result} large notice={false} />
      <div className="presenter__columns">
        <ContributionChart
          title={
            rest.count > 0
              ? `The ${shown.length} heaviest of ${shown.length + rest.count} criteria`
              : 'Contribution by criterion'
          }
          criteria={pick(
            model.criteria.map((c) => c.name),
            '',
          )}
          candidates={model.candidates.map((c) => c.name)}
          contributions={evaluation.contributions.map((row) => pick(row, 0))}
          labels={labels.map((row) => pick(row, ''))}
          max={RATING_SCALE.max}
          size="large"
        />
        <section>
          <h2 className="presenter__heading">What would change the result</h2>
          <ul className="presenter__list">
            {evaluation.flips
              .filter((f) => f.weight !== null)
              .slice(0, 3)
              .map((f) => (
                <li key={f.criterion}>{f.sentence}</li>
              ))}
            {evaluation.flips.every((f) => f.weight === null) ? (
              <li>No single weight change alters the leader.</li>
            ) : null}
          </ul>
          <RatingFlip result={result} />
        </section>
      </div>
    </>
  );
}

function RecommendationView({
  state,
  result,
  nameOf,
  participants,
}: ViewProps & { nameOf: (participantId: string) => string; participants: readonly WorkshopParticipant[] }) {
  return (
    <>
      <RoomVerdict result={result} large notice={false} />
      <div className="presenter__columns">
        <section>
          <Reasons result={result} limit={4} variant="presenter" />
        </section>
        <section>
          <h2 className="presenter__heading">Next steps</h2>
          <PresenterNextSteps state={state} participants={participants} nameOf={nameOf} />
          <h2 className="presenter__heading presenter__heading--later">Ranking</h2>
          <LiveRanking result={result} large />
          <OwnAnswers result={result} anonymous={namesHidden(state)} nameOf={nameOf} />
        </section>
      </div>
    </>
  );
}
