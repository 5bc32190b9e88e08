import { formatScore } from '@shared/format/figures';
import { memo, useCallback, useMemo, useState } from 'react';
import {
  ahp,
  CONSISTENCY_LIMIT,
  mostInconsistentJudgment,
  nearestSaatyValue,
  SAATY_SCALE,
} from '@shared/decision';
import {
  ballotOf,
  currentInputs,
  METHOD_LABELS,
  MethodSchema,
  pairKey,
  shownPoints,
  startingPoint,
  toEngineInput,
} from '@shared/workshop';
import type { Action, Method, ParticipantInputs, WorkshopState } from '@shared/workshop';
import { own } from '@shared/util/records';
import { BALLOT_LABELS } from './RoomStatus';

type EditorProps = {
  state: WorkshopState;
  participantId: string;
  name: string;
  /** Inputs are hidden until reveal: a vote already in stays closed unless opened on purpose. */
  hidden: boolean;
  dispatch: (action: Action) => void;
};

/**
 * One voter's weights, entered by the method they prefer; switching method keeps every entry.
 * Entering a weight is the voter's vote; so is accepting the starting values as they are.
 */
export function InputEditor({ state, participantId, name, hidden, dispatch }: EditorProps) {
  const ballot = ballotOf(state, participantId);
  // While hidden, the next person at the console must not see the last one's answers: a vote
  // already in when the voter is selected stays closed. One being entered now (the voter was at
  // "not yet" since being selected) stays open; the editor is keyed by voter, so choosing someone
  // else and coming back closes it.
  const [opened, setOpened] = useState(ballot === 'notYet');
  if (ballot === 'notYet' && !opened) setOpened(true);
  const inputs = currentInputs(state, participantId);
  if (hidden && ballot !== 'notYet' && !opened) {
    return (
      <section className="card" aria-labelledby="input-title">
        <h2 id="input-title" className="card__title">
          Weights from <bdi>{name}</bdi>
        </h2>
        <div className="hidden-inputs" role="status">
          <p className="hidden-inputs__title">
            <bdi>{name}</bdi>
            {ballot === 'voted' ? '’s vote is in' : ' has abstained'}
          </p>
          <p>It stays hidden, here too, until you reveal the results.</p>
          <button type="button" className="button button--small" onClick={() => setOpened(true)}>
            {/* One flex item: the button's gap would otherwise split "Ana’s" in two. */}
            <span>
              Change <bdi>{name}</bdi>’s vote
            </span>
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="input-title">
      <h2 id="input-title" className="card__title">
        Weights from <bdi>{name}</bdi>
      </h2>
      <VoteBar state={state} participantId={participantId} name={name} dispatch={dispatch} />
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

/** The voter's state this round and what can be done about it. */
function VoteBar({ state, participantId, name, dispatch }: Omit<EditorProps, 'hidden'>) {
  const ballot = ballotOf(state, participantId);
  const from = startingPoint(state, participantId);
  const round = state.rounds[state.rounds.length - 1]?.number ?? 1;
  return (
    <div className="vote-bar" aria-label={`Vote of ${name}`}>
      <span className="vote-bar__status" data-testid="vote-status">
        Round {round}: {BALLOT_LABELS[ballot]}
      </span>
      {ballot !== 'voted' ? (
        <button
          type="button"
          className="button button--small button--primary"
          onClick={() => dispatch({ type: 'castVote', participantId })}
        >
          {from === 'suggested' ? 'Use the suggested weights' : 'Vote with these weights'}
        </button>
      ) : null}
      {ballot !== 'abstained' ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => dispatch({ type: 'abstain', participantId })}
        >
          Abstain
        </button>
      ) : null}
      {ballot !== 'notYet' ? (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => dispatch({ type: 'clearVote', participantId })}
        >
          Clear vote
        </button>
      ) : null}
      <p className="vote-bar__hint">
        {ballot === 'voted'
          ? 'These weights count. Changing any of them changes the vote.'
          : from === 'suggested'
            ? 'The values below are a starting suggestion, not a vote. Entering a weight votes.'
            : 'The values below are this voter’s last answers, offered as a starting point; they count once the voter votes. Entering a weight votes.'}
      </p>
    </div>
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
        {/* Three decimals, so 0.104 never reads "0.10 — above 0.10". */}
        Consistency ratio <strong>{formatScore(cr, 3)}</strong>{' '}
        {cr > CONSISTENCY_LIMIT
          ? `— above ${CONSISTENCY_LIMIT.toFixed(2)}: some judgments contradict each other.`
          : `— fine (${CONSISTENCY_LIMIT.toFixed(2)} or less).`}
      </p>
      {cr > CONSISTENCY_LIMIT && ballotOf(state, participantId) === 'voted' ? (
        <IncludeAnyway state={state} participantId={participantId} dispatch={dispatch} />
      ) : null}
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

/** Inconsistent answers are left out of the room's weights until revised, or counted on purpose. */
function IncludeAnyway({ state, participantId, dispatch }: Omit<MethodProps, 'inputs'>) {
  const included = own(state.rounds[state.rounds.length - 1]?.includeInconsistent, participantId) === true;
  return (
    <p className="consistency consistency--bad">
      {included
        ? 'Counted in the room’s weights anyway, as you chose.'
        : 'Left out of the room’s weights until revised.'}{' '}
      <button
        type="button"
        className="button button--small"
        onClick={() => dispatch({ type: 'includeInconsistent', participantId, include: !included })}
      >
        {included ? 'Leave out' : 'Include anyway'}
      </button>
    </p>
  );
}
