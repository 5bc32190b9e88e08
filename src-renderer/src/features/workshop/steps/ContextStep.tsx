import { BUILT_IN_CANDIDATES, BUILT_IN_CRITERIA, PROJECT_QUESTIONS } from '@shared/decision';
import { own } from '@shared/util/records';
import type { StepProps } from '../types';

const candidateName = (id: string) => BUILT_IN_CANDIDATES.find((c) => c.id === id)?.name ?? id;
const criterionName = (id: string) => BUILT_IN_CRITERIA.find((c) => c.id === id)?.name ?? id;

/** The project profile: a few questions whose answers adjust ratings and suggest starting weights. */
export function ContextStep({ state, result, dispatch }: StepProps) {
  const { applied, ratingChanges, suggestedWeights } = result.profile;
  const answers = state.answers as Record<string, string | undefined>;
  return (
    <div className="step-grid">
      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title" className="card__title">
          Project profile
        </h2>
        <p className="card__intro">
          Answer with the client. Each answer shifts the ratings or the starting weights for a stated reason,
          shown on the right.
        </p>
        {PROJECT_QUESTIONS.map((question) => (
          <fieldset key={question.id} className="question">
            <legend className="question__text">{question.text}</legend>
            <div className="question__options">
              {question.options.map((option) => (
                <label key={option.value} className="choice">
                  <input
                    type="radio"
                    name={question.id}
                    value={option.value}
                    checked={answers[question.id] === option.value}
                    onChange={() =>
                      dispatch({ type: 'setAnswer', question: question.id, value: option.value })
                    }
                  />
                  <span>{option.label}</span>
                </label>
              ))}
            </div>
            {answers[question.id] ? (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => dispatch({ type: 'setAnswer', question: question.id, value: null })}
              >
                Clear answer
              </button>
            ) : null}
          </fieldset>
        ))}
      </section>

      <aside className="card card--aside" aria-labelledby="effects-title">
        <h2 id="effects-title" className="card__title">
          What the answers change
        </h2>
        {applied.length === 0 ? (
          <p className="muted">
            No answers yet. Until then every criterion starts at 5 of 10 and the ratings are the defaults.
          </p>
        ) : (
          <ol className="rules">
            {applied.map((rule) => (
              <li key={rule.id} className="rule">
                <p className="rule__when">{rule.when}</p>
                <p className="rule__reason">{rule.reason}</p>
                <ul className="rule__effects">
                  {rule.effects.map((effect, i) =>
                    effect.kind === 'rating' ? (
                      <li key={i}>
                        {candidateName(effect.candidate)} on {criterionName(effect.criterion)}: rated{' '}
                        {effect.value} of 5
                      </li>
                    ) : (
                      <li key={i}>
                        Suggested weight for {criterionName(effect.criterion)}: {effect.value} of 10
                      </li>
                    ),
                  )}
                </ul>
              </li>
            ))}
          </ol>
        )}
        {ratingChanges.length > 0 ? (
          <>
            <h3 className="card__subtitle">Adjusted ratings</h3>
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col">Criterion</th>
                  <th scope="col">Default</th>
                  <th scope="col">Now</th>
                </tr>
              </thead>
              <tbody>
                {ratingChanges.map((change) => (
                  <tr key={`${change.candidate}-${change.criterion}`}>
                    <td>{candidateName(change.candidate)}</td>
                    <td>{criterionName(change.criterion)}</td>
                    <td>{change.from}</td>
                    <td>
                      <strong>{change.to}</strong> {change.to > change.from ? '▲' : '▼'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        <h3 className="card__subtitle">Suggested starting weights</h3>
        <ul className="bars" aria-label="Suggested starting weights">
          {state.criteria.map((criterion) => {
            const value = own(suggestedWeights, criterion.id) ?? 5;
            return (
              <li key={criterion.id} className="bars__row">
                <span className="bars__label">{criterion.name}</span>
                <span className="bars__track" aria-hidden="true">
                  <span className="bars__fill" style={{ width: `${value * 10}%` }} />
                </span>
                <span className="bars__value">{value} / 10</span>
              </li>
            );
          })}
        </ul>
      </aside>
    </div>
  );
}
