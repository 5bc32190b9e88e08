import { useState } from 'react';
import { BUILT_IN_CRITERIA, MODEL_LIMITS } from '@shared/decision';
import type { WorkshopCriterion } from '@shared/workshop';
import { own } from '@shared/util/records';
import { newItemId } from '../format';
import type { StepProps } from '../types';

const builtInInfo = (id: string) => BUILT_IN_CRITERIA.find((c) => c.id === id);

function CriterionEditor({
  criterion,
  onSave,
  onCancel,
}: {
  criterion?: WorkshopCriterion;
  onSave: (name: string, description: string) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(criterion?.name ?? '');
  const [description, setDescription] = useState(criterion?.description ?? '');
  const label = criterion ? 'Save criterion' : 'Add criterion';
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) return;
        onSave(name.trim(), description.trim());
        if (!criterion) {
          setName('');
          setDescription('');
        }
      }}
    >
      <label className="inline-form__field">
        <span className="field__label">Criterion name</span>
        <input
          className="input"
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Hiring market"
        />
      </label>
      <label className="inline-form__field inline-form__field--wide">
        <span className="field__label">What it means</span>
        <input
          className="input"
          value={description}
          maxLength={500}
          onChange={(e) => setDescription(e.target.value)}
          placeholder="e.g. How easily we can hire developers for the stack in our city"
        />
      </label>
      <div className="inline-form__actions">
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={!name.trim()}>
          {label}
        </button>
      </div>
    </form>
  );
}

/** The criteria and candidates being compared; custom ones can be added, edited, reordered and removed. */
export function CriteriaStep({ state, result, dispatch }: StepProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [candidateName, setCandidateName] = useState('');
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
              dispatch({ type: 'addCandidate', id: newItemId('candidate'), name });
              setCandidateName('');
            }}
          >
            <label className="inline-form__field">
              <span className="field__label">Candidate name</span>
              <input
                className="input"
                value={candidateName}
                maxLength={80}
                placeholder="e.g. FastAPI, Ruby on Rails, Go"
                onChange={(e) => setCandidateName(e.target.value)}
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
                      <input
                        className="input"
                        aria-label={`Reason for ${label}`}
                        value={cell?.rationale ?? ''}
                        maxLength={500}
                        disabled={!cell}
                        placeholder={cell ? 'Why this rating' : 'Rate first'}
                        onChange={(e) =>
                          cell &&
                          dispatch({
                            type: 'setRating',
                            candidateId: candidate.id,
                            criterionId: criterion.id,
                            value: cell.value,
                            rationale: e.target.value,
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
