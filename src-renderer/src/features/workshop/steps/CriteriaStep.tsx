import { useState } from 'react';
import { BUILT_IN_CRITERIA, MODEL_LIMITS } from '@shared/decision';
import { own } from '@shared/util/records';
import { ITEM_LIMITS } from '@shared/workshop';
import { overLimitMessage } from '../../../components/Field';
import { CriterionEditor, FieldMessages, nameProblem, ReasonInput } from './CriteriaEditors';
import { newItemId } from '../format';
import type { StepProps } from '../types';

const builtInInfo = (id: string) => BUILT_IN_CRITERIA.find((c) => c.id === id);

/** The criteria and candidates being compared; custom ones can be added, edited, reordered and removed. */
export function CriteriaStep({ state, result, dispatch }: StepProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [candidateName, setCandidateName] = useState('');
  const [candidateRefused, setCandidateRefused] = useState<string>();
  const candidateError =
    overLimitMessage('Candidate name', candidateName.length, ITEM_LIMITS.name) ?? candidateRefused;
  const customCells = result.model.candidates.flatMap((candidate) =>
    state.criteria
      .filter(
        (criterion) => !(state.candidates.find((c) => c.id === candidate.id)?.builtIn && criterion.builtIn),
      )
      .map((criterion) => ({ candidate, criterion })),
  );

  return (
    <div className="stack">
      <section className="card" aria-labelledby="criteria-title">
        <h2 id="criteria-title" className="card__title">
          Criteria <span className="count">{state.criteria.length}</span>
        </h2>
        <ol className="criteria">
          {state.criteria.map((criterion, index) => {
            const info = builtInInfo(criterion.id);
            return (
              <li key={criterion.id} className="criterion">
                {editing === criterion.id ? (
                  <CriterionEditor
                    criterion={criterion}
                    criteria={state.criteria}
                    onCancel={() => setEditing(null)}
                    onSave={(name, description) => {
                      dispatch({ type: 'updateCriterion', id: criterion.id, name, description });
                      setEditing(null);
                    }}
                  />
                ) : (
                  <>
                    <div className="criterion__body">
                      <h3 className="criterion__name">
                        <bdi>{criterion.name}</bdi>
                        {criterion.builtIn ? (
                          <span className="badge">Built in</span>
                        ) : (
                          <span className="badge badge--custom">Custom</span>
                        )}
                      </h3>
                      {info ? <p className="criterion__question">{info.question}</p> : null}
                      <p className="criterion__description">
                        {criterion.description || 'No description yet.'}
                      </p>
                      {info ? <p className="criterion__high">A rating of 5 means: {info.highMeans}</p> : null}
                    </div>
                    <div className="criterion__actions">
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        aria-label={`Move ${criterion.name} up`}
                        disabled={index === 0}
                        onClick={() => dispatch({ type: 'moveCriterion', id: criterion.id, offset: -1 })}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        aria-label={`Move ${criterion.name} down`}
                        disabled={index === state.criteria.length - 1}
                        onClick={() => dispatch({ type: 'moveCriterion', id: criterion.id, offset: 1 })}
                      >
                        ↓
                      </button>
                      {criterion.builtIn ? null : (
                        <>
                          <button
                            type="button"
                            className="button button--quiet button--small"
                            onClick={() => setEditing(criterion.id)}
                          >
                            Edit<span className="visually-hidden"> {criterion.name}</span>
                          </button>
                          <button
                            type="button"
                            className="button button--quiet button--quiet-danger button--small"
                            onClick={() => dispatch({ type: 'removeCriterion', id: criterion.id })}
                            disabled={state.criteria.length <= MODEL_LIMITS.criteria.min}
                          >
                            Remove<span className="visually-hidden"> {criterion.name}</span>
                          </button>
                        </>
                      )}
                    </div>
                  </>
                )}
              </li>
            );
          })}
        </ol>
        {state.criteria.length < MODEL_LIMITS.criteria.max ? (
          <>
            <h3 className="card__subtitle">Add a criterion of the room’s own</h3>
            <CriterionEditor
              criteria={state.criteria}
              onSave={(name, description) =>
                dispatch({ type: 'addCriterion', id: newItemId('criterion'), name, description })
              }
            />
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="candidates-title">
        <h2 id="candidates-title" className="card__title">
          Candidates <span className="count">{state.candidates.length}</span>
        </h2>
        <ul className="candidates">
          {state.candidates.map((candidate) => (
            <li key={candidate.id} className="candidate-chip">
              <bdi>{candidate.name}</bdi>
              {candidate.builtIn ? (
                <span className="badge">Built in</span>
              ) : (
                <button
                  type="button"
                  className="button button--quiet button--quiet-danger button--small"
                  onClick={() => dispatch({ type: 'removeCandidate', id: candidate.id })}
                >
                  Remove<span className="visually-hidden"> {candidate.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
        {state.candidates.length < MODEL_LIMITS.candidates.max ? (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              const name = candidateName.trim();
              if (!name) return;
              const problem = nameProblem('candidate', state.candidates, candidateName);
              setCandidateRefused(problem);
              if (problem) return;
              dispatch({ type: 'addCandidate', id: newItemId('candidate'), name });
              setCandidateName('');
            }}
          >
            <label className="inline-form__field">
              <span className="field__label">Candidate name</span>
              <input
                className="input"
                value={candidateName}
                aria-invalid={candidateError ? true : undefined}
                aria-describedby={candidateError ? 'candidate-name-error' : undefined}
                placeholder="e.g. FastAPI, Ruby on Rails, Go"
                onChange={(e) => {
                  setCandidateName(e.target.value);
                  setCandidateRefused(undefined);
                }}
              />
              <FieldMessages
                id="candidate-name-error"
                error={candidateError}
                length={candidateName.length}
                max={ITEM_LIMITS.name}
              />
            </label>
            <div className="inline-form__actions">
              <button type="submit" className="button button--primary" disabled={!candidateName.trim()}>
                Add candidate
              </button>
            </div>
          </form>
        ) : null}
      </section>

      {customCells.length > 0 ? (
        <section className="card" aria-labelledby="ratings-title">
          <h2 id="ratings-title" className="card__title">
            Your ratings
          </h2>
          <p className="card__intro">
            The knowledge base rates Django and Node.js on the built-in criteria. Rate the rest here, 1 (poor
            fit) to 5 (excellent fit); unrated cells count as 3.
          </p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col">Criterion</th>
                <th scope="col">Rating</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {customCells.map(({ candidate, criterion }) => {
                const cell = own(own(state.ratings, candidate.id), criterion.id);
                const label = `${candidate.name} on ${criterion.name}`;
                return (
                  <tr key={`${candidate.id}-${criterion.id}`}>
                    <td>{candidate.name}</td>
                    <td>{criterion.name}</td>
                    <td>
                      <select
                        className="input select"
                        aria-label={`Rating for ${label}`}
                        value={cell?.value ?? ''}
                        onChange={(e) =>
                          dispatch({
                            type: 'setRating',
                            candidateId: candidate.id,
                            criterionId: criterion.id,
                            value: Number(e.target.value),
                            rationale: cell?.rationale ?? '',
                          })
                        }
                      >
                        <option value="" disabled>
                          Not rated
                        </option>
                        {[1, 2, 3, 4, 5].map((v) => (
                          <option key={v} value={v}>
                            {v}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <ReasonInput
                        id={`${candidate.id}-${criterion.id}-reason`}
                        label={label}
                        stored={cell?.rationale ?? ''}
                        disabled={!cell}
                        save={(rationale) =>
                          cell &&
                          dispatch({
                            type: 'setRating',
                            candidateId: candidate.id,
                            criterionId: criterion.id,
                            value: cell.value,
                            rationale,
                          })
                        }
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
