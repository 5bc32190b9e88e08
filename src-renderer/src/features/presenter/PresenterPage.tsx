import { useMemo } from 'react';
import { PROJECT_QUESTIONS, RATING_SCALE } from '@shared/decision';
import { evaluateWorkshop, STEP_LABELS, STEPS } from '@shared/workshop';
import type { WorkshopResult, WorkshopState } from '@shared/workshop';
import { own } from '@shared/util/records';
import { useSession } from '../sessions/hooks';
import { ContributionChart } from '../workshop/charts/ContributionChart';
import { pct } from '../workshop/format';
import { LiveRanking } from '../workshop/LiveRanking';
import { useWorkshop } from '../workshop/useWorkshop';
import { useNameOf } from '../workshop/WorkshopPage';
import { Verdict } from '../workshop/Verdict';

/**
 * The shared screen: the current step in large type, no editing controls. It follows the
 * facilitator's console live (every change arrives as an event) and honours anonymous mode and
 * hide-until-reveal.
 */
export function PresenterPage({ sessionId }: { sessionId: string }) {
  const session = useSession(sessionId);
  const { state } = useWorkshop(sessionId);
  const participants = useMemo(() => session.data?.participants ?? [], [session.data]);
  const result = useMemo(
    () => (state ? evaluateWorkshop(state, participants) : undefined),
    [state, participants],
  );
  const nameOf = useNameOf(session.data, state);

  if (!state || !result || !session.data) {
    return (
      <main className="presenter presenter--loading">
        {session.error ? session.error.message : 'Connecting to the workshop…'}
      </main>
    );
  }
  const index = STEPS.indexOf(state.step);

  return (
    <main className="presenter" aria-labelledby="presenter-title">
      <header className="presenter__header">
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
      {state.step === 'context' ? <ContextView state={state} result={result} /> : null}
      {state.step === 'criteria' ? <CriteriaView state={state} result={result} /> : null}
      {state.step === 'weighting' ? <WeightingView state={state} result={result} nameOf={nameOf} /> : null}
      {state.step === 'compare' ? <CompareView result={result} /> : null}
      {state.step === 'recommendation' ? <RecommendationView state={state} result={result} /> : null}
    </main>
  );
}

type ViewProps = { state: WorkshopState; result: WorkshopResult };

function ContextView({ state, result }: ViewProps) {
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
        {result.profile.applied.length === 0 ? (
          <p className="presenter__muted">Answers will shift ratings and starting weights here.</p>
        ) : (
          <ul className="presenter__list">
            {result.profile.applied.map((rule) => (
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

function CriteriaView({ state }: ViewProps) {
  return (
    <ol className="presenter__criteria">
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
  const hidden = state.hideUntilReveal && !round?.revealed;
  const voted = result.voters.filter((p) => own(round?.inputs, p.id) !== undefined);
  return (
    <div className="presenter__columns">
      <section>
        <h2 className="presenter__heading">
          Round {round?.number}: {voted.length} of {result.voters.length} have voted
        </h2>
        {hidden ? (
          <p className="presenter__hidden">Weights are hidden until everyone has voted.</p>
        ) : (
          <ul className="presenter__weights">
            {state.criteria.map((c, k) => {
              const flagged = result.evaluation.spread[k]?.flagged ?? false;
              return (
                <li key={c.id}>
                  <span className="presenter__weight-label">
                    <bdi>{c.name}</bdi>
                    {flagged ? <span className="presenter__flag"> · the room disagrees</span> : null}
                  </span>
                  <span className="presenter__weight-track">
                    <span style={{ width: `${(result.evaluation.weights[k] ?? 0) * 100}%` }} />
                  </span>
                  <span className="presenter__weight-value">{pct(result.evaluation.weights[k] ?? 0)}</span>
                </li>
              );
            })}
          </ul>
        )}
        <p className="presenter__voters">
          {result.voters.map((p) => `${nameOf(p.id)}${own(round?.inputs, p.id) ? ' ✓' : ''}`).join(' · ')}
        </p>
      </section>
      <section>
        <h2 className="presenter__heading">Ranking</h2>
        {hidden ? (
          <p className="presenter__hidden">Revealed with the weights.</p>
        ) : (
          <LiveRanking result={result} large />
        )}
      </section>
    </div>
  );
}

function CompareView({ result }: { result: WorkshopResult }) {
  const { evaluation, model } = result;
  return (
    <>
      <Verdict result={result} large />
      <div className="presenter__columns">
        <ContributionChart
          title="Weighted contribution by criterion"
          criteria={model.criteria.map((c) => c.name)}
          candidates={model.candidates.map((c) => c.name)}
          contributions={evaluation.contributions}
          max={RATING_SCALE.max}
        />
        <section>
          <h2 className="presenter__heading">What would change the result</h2>
          <ul className="presenter__list">
            {evaluation.flips
              .filter((f) => f.weight !== null)
              .slice(0, 4)
              .map((f) => (
                <li key={f.criterion}>{f.sentence}</li>
              ))}
            {evaluation.flips.every((f) => f.weight === null) ? (
              <li>No single weight change alters the leader.</li>
            ) : null}
          </ul>
        </section>
      </div>
    </>
  );
}

function RecommendationView({ state, result }: ViewProps) {
  const rec = result.evaluation.recommendation;
  const criteria = result.model.criteria.map((c) => c.name);
  return (
    <>
      <Verdict result={result} large />
      <div className="presenter__columns">
        <section>
          <h2 className="presenter__heading">The main reasons</h2>
          <ol className="presenter__list">
            {rec.topContributors.map((c) => (
              <li key={c.criterion}>
                {criteria[c.criterion]}: {c.contribution.toFixed(2)} points
              </li>
            ))}
          </ol>
        </section>
        <section>
          <h2 className="presenter__heading">Next steps</h2>
          <p className="presenter__notes">{state.notes.nextSteps || 'To be agreed.'}</p>
        </section>
      </div>
    </>
  );
}
