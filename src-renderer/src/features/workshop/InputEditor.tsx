import { memo, useCallback, useMemo } from 'react';
import {
  ahp,
  CONSISTENCY_LIMIT,
  mostInconsistentJudgment,
  nearestSaatyValue,
  SAATY_SCALE,
} from '@shared/decision';
import {
  currentInputs,
  METHOD_LABELS,
  MethodSchema,
  pairKey,
  shownPoints,
  toEngineInput,
} from '@shared/workshop';
import type { Action, Method, ParticipantInputs, WorkshopState } from '@shared/workshop';
import { own } from '@shared/util/records';

type EditorProps = {
  state: WorkshopState;
  participantId: string;
  name: string;
  dispatch: (action: Action) => void;
};

/** One voter's weights, entered by the method they prefer; switching method keeps every entry. */
export function InputEditor({ state, participantId, name, dispatch }: EditorProps) {
  const inputs = currentInputs(state, participantId);
  return (
    <section className="card" aria-labelledby="input-title">
      <h2 id="input-title" className="card__title">
        Weights from {name}
      </h2>
      <fieldset className="segmented" aria-label="Weighting method">
        {MethodSchema.options.map((method: Method) => (
          <label key={method} className="segmented__option">
            <input
              type="radio"
              name="method"
              value={method}
              checked={inputs.method === method}
              onChange={() => dispatch({ type: 'setMethod', participantId, method })}
            />
            <span>{METHOD_LABELS[method]}</span>
          </label>
        ))}
      </fieldset>
      {inputs.method === 'direct' ? <DirectEditor {...{ state, inputs, participantId, dispatch }} /> : null}
      {inputs.method === 'points' ? <PointsEditor {...{ state, inputs, participantId, dispatch }} /> : null}
      {inputs.method === 'rank' ? <RankEditor {...{ state, inputs, participantId, dispatch }} /> : null}
      {inputs.method === 'pairwise' ? (
        <PairwiseEditor {...{ state, inputs, participantId, dispatch }} />
      ) : null}
    </section>
  );
}

type MethodProps = {
  state: WorkshopState;
  inputs: ParticipantInputs;
  participantId: string;
  dispatch: (action: Action) => void;
};

type SliderRowProps = {
  id: string;
  criterionId: string;
  label: string;
  value: number;
  max: number;
  onChange: (criterionId: string, value: number) => void;
};

/**
 * One criterion's slider. Memoised: while one slider moves, the other rows do not re-render,
 * which keeps a 40-criterion editor inside the frame budget.
 */
const SliderRow = memo(function SliderRow({ id, criterionId, label, value, max, onChange }: SliderRowProps) {
  return (
    <div className="slider">
      <label htmlFor={id} className="slider__label">
        {label}
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={max}
        step={1}
        value={value}
        onChange={(e) => onChange(criterionId, Number(e.target.value))}
      />
      <output htmlFor={id} className="slider__value">
        {value}
      </output>
    </div>
  );
});

function DirectEditor({ state, inputs, participantId, dispatch }: MethodProps) {
  const onChange = useCallback(
    (criterionId: string, value: number) =>
      dispatch({ type: 'setDirect', participantId, criterionId, value }),
    [dispatch, participantId],
  );
  return (
    <div className="sliders">
      <p className="card__intro">How important is each criterion, from 0 (not at all) to 10 (decisive)?</p>
      {state.criteria.map((criterion) => (
        <SliderRow
          key={criterion.id}
          id={`direct-${criterion.id}`}
          criterionId={criterion.id}
          label={criterion.name}
          value={own(inputs.direct, criterion.id) ?? 0}
          max={10}
          onChange={onChange}
        />
      ))}
    </div>
  );
}

function PointsEditor({ state, inputs, participantId, dispatch }: MethodProps) {
  const shown = shownPoints(
    inputs.points,
    state.criteria.map((c) => c.id),
  );
  const total = state.criteria.reduce((sum, c) => sum + (own(shown, c.id) ?? 0), 0);
  const onChange = useCallback(
    (criterionId: string, value: number) =>
      dispatch({ type: 'setPoints', participantId, criterionId, value }),
    [dispatch, participantId],
  );
  return (
    <div className="sliders">
      <p className="card__intro">
        Share 100 points. Moving one criterion takes points from the others in proportion, so the total stays
        at <strong>{total}</strong> / 100.
      </p>
      {state.criteria.map((criterion) => (
        <SliderRow
          key={criterion.id}
          id={`points-${criterion.id}`}
          criterionId={criterion.id}
          label={criterion.name}
          value={own(shown, criterion.id) ?? 0}
          max={100}
          onChange={onChange}
        />
      ))}
    </div>
  );
}

function RankEditor({ state, inputs, participantId, dispatch }: MethodProps) {
  const byId = new Map(state.criteria.map((c) => [c.id, c]));
  return (
    <div>
      <p className="card__intro">
        Order the criteria, most important first. Weights follow the rank-order centroid.
      </p>
      <ol className="rank-list">
        {inputs.ranking.map((id, index) => {
          const name = byId.get(id)?.name ?? id;
          return (
            <li key={id} className="rank-list__item">
              <span className="rank-list__place">{index + 1}</span>
              <span className="rank-list__name">{name}</span>
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={`Move ${name} up`}
                disabled={index === 0}
                onClick={() => dispatch({ type: 'moveRank', participantId, criterionId: id, offset: -1 })}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={`Move ${name} down`}
                disabled={index === inputs.ranking.length - 1}
                onClick={() => dispatch({ type: 'moveRank', participantId, criterionId: id, offset: 1 })}
              >
                ↓
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** "Security 5× more important", or "Equal importance": short enough to read in a select. */
function judgmentLabel(value: number, a: string, b: string): string {
  if (Math.abs(value - 1) < 1e-9) return 'Equal importance';
  const [winner, times] = value > 1 ? [a, Math.round(value)] : [b, Math.round(1 / value)];
  return `${winner} ${times}× more important`;
}

function PairwiseEditor({ state, inputs, participantId, dispatch }: MethodProps) {
  const ids = state.criteria.map((c) => c.id);
  const matrix = useMemo(() => {
    const input = toEngineInput(inputs, ids);
    return input.method === 'pairwise' ? input.matrix : [];
  }, [inputs, ids]);
  const { cr } = ahp(matrix);
  const revisit = cr > CONSISTENCY_LIMIT ? mostInconsistentJudgment(matrix) : null;
  const pairs = state.criteria.flatMap((a, i) =>
    state.criteria.slice(i + 1).map((b, j) => ({ a, b, i, j: i + 1 + j })),
  );
  const options = [...SAATY_SCALE].reverse();

  return (
    <div>
      <p className="card__intro">
        For each pair, which matters more, and how much? Saaty’s scale runs from equal (1) to extreme (9).
      </p>
      <p className={cr > CONSISTENCY_LIMIT ? 'consistency consistency--bad' : 'consistency'} role="status">
        Consistency ratio <strong>{cr.toFixed(2)}</strong>{' '}
        {cr > CONSISTENCY_LIMIT
          ? `— above ${CONSISTENCY_LIMIT.toFixed(2)}: some judgments contradict each other.`
          : `— fine (${CONSISTENCY_LIMIT.toFixed(2)} or less).`}
      </p>
      {revisit ? (
        <p className="revisit" role="alert">
          Revisit <strong>{state.criteria[revisit.row]?.name}</strong> versus{' '}
          <strong>{state.criteria[revisit.column]?.name}</strong>: the other answers suggest “
          {judgmentLabel(
            revisit.suggested,
            state.criteria[revisit.row]?.name ?? '',
            state.criteria[revisit.column]?.name ?? '',
          )}
          ”.
        </p>
      ) : null}
      <ul className="pairs">
        {pairs.map(({ a, b, i, j }) => {
          const { key, flipped } = pairKey(a.id, b.id);
          const stored = own(inputs.pairwise, key) ?? 1;
          // Snap, so 1 / (1/7) never misses the option 7 by a rounding error.
          const value = nearestSaatyValue(flipped ? 1 / stored : stored);
          const flagged = revisit?.row === i && revisit.column === j;
          return (
            <li key={key} className={flagged ? 'pair pair--flagged' : 'pair'}>
              <label className="pair__label" htmlFor={`pair-${key}`}>
                <bdi>{a.name}</bdi> vs <bdi>{b.name}</bdi>
                {flagged ? <span className="badge badge--warning">Revisit</span> : null}
              </label>
              <select
                id={`pair-${key}`}
                className="input select"
                value={String(value)}
                onChange={(e) =>
                  dispatch({
                    type: 'setJudgment',
                    participantId,
                    a: a.id,
                    b: b.id,
                    value: Number(e.target.value),
                  })
                }
              >
                {options.map((option) => (
                  <option key={option} value={String(option)}>
                    {judgmentLabel(option, a.name, b.name)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
