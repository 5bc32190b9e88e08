import { weightPercents } from '@shared/format/figures';
import { memo, useMemo } from 'react';
import { evaluateWorkshop } from '@shared/workshop';
import type { Action, PresentableView, WorkshopResult, WorkshopState } from '@shared/workshop';
import type { Participant } from '@shared/sessions/schema';
import { AnonymityChoice } from './AnonymityChoice';
import { pct } from './format';
import { ballotSentence, BallotList, InconsistentNotices, NoVotesNotice, RevealButton } from './RoomStatus';

type RoomPanelProps = {
  /** The room's figures may lag a frame behind while a slider moves (deferred)… */
  state: WorkshopState;
  /**
   * …but its controls show the state as it is now: a checkbox or list drawn from a deferred state
   * would spring back to its old value when clicked, until the deferred render caught up.
   */
  controlState: WorkshopState;
  /** Who has voted while inputs are hidden; the decision otherwise. */
  view: PresentableView;
  participants: Participant[];
  nameOf: (id: string) => string;
  dispatch: (action: Action) => void;
};

const AGGREGATION_LABELS = { mean: 'Mean', median: 'Median', geometric: 'Geometric mean' } as const;

/** The room's weights, where people disagree, and the facilitator's controls for rounds and reveal. */
export const RoomPanel = memo(function RoomPanel({
  state,
  controlState,
  view,
  participants,
  nameOf,
  dispatch,
}: RoomPanelProps) {
  const round = state.rounds[state.rounds.length - 1];
  return (
    <section className="card" aria-labelledby="room-title">
      <div className="card__header">
        <h2 id="room-title" className="card__title">
          The room’s weights <span className="count">Round {round?.number ?? 1}</span>
        </h2>
        <p className="muted" data-testid="ballot-count">
          {ballotSentence(view.hidden ? view.ballots : view.result.ballots, round?.number ?? 1)}
        </p>
      </div>

      {view.hidden ? (
        <div className="hidden-inputs" role="status">
          <p className="hidden-inputs__title">Inputs are hidden until you reveal them</p>
          <p>So nobody anchors on anyone else. You see who has voted, not what. Reveal when everyone has.</p>
          <BallotList voters={view.voters} nameOf={nameOf} />
          <RevealButton dispatch={dispatch} />
        </div>
      ) : (
        <RoomWeights
          state={state}
          result={view.result}
          participants={participants}
          nameOf={nameOf}
          dispatch={dispatch}
        />
      )}
      <RoomControls state={controlState} dispatch={dispatch} />
    </section>
  );
});

/** The room's weights, once they may be shown. */
const RoomWeights = memo(function RoomWeights({
  state,
  result,
  participants,
  nameOf,
  dispatch,
}: {
  state: WorkshopState;
  result: WorkshopResult;
  participants: Participant[];
  nameOf: (id: string) => string;
  dispatch: (action: Action) => void;
}) {
  const { weights, spread, participantWeights } = result.evaluation;
  // Bars run a little past the largest value, so typical weights (10-25%) are not squeezed. The
  // scale moves in steps of 10 points, so a slider nudge does not redraw every dot.
  const scale = Math.ceil((Math.max(0.2, ...weights, ...participantWeights.flat()) * 1.1) / 0.1) * 0.1;
  const at = (fraction: number) => `${(fraction / scale) * 100}%`;
  const names = useMemo(() => result.counted.map((p) => nameOf(p.id)), [result.counted, nameOf]);
  const earlier = useEarlierRounds(state, participants);
  // Parts of a whole: whole percentages that add up to exactly 100% (largest remainder).
  const shown = weightPercents(weights, 0);
  const earlierShown = earlier.map((r) => weightPercents(r.weights, 0));

  return (
    <>
      <NoVotesNotice result={result} />
      {result.setAside.map(({ participant, reason }) => (
        <p key={participant.id} className="notice notice--warning">
          <bdi>{nameOf(participant.id)}</bdi>’s input does not count yet: {reason}
        </p>
      ))}
      <InconsistentNotices result={result} nameOf={nameOf} dispatch={dispatch} />
      <ul className="weights" aria-label="Weights by criterion">
        {state.criteria.map((criterion, k) => {
          const d = spread[k];
          const flagged = d?.flagged ?? false;
          return (
            <li
              key={criterion.id}
              className={flagged ? 'weights__row weights__row--flagged' : 'weights__row'}
            >
              <span className="weights__label">
                <bdi>{criterion.name}</bdi>
                {flagged ? <span className="badge badge--warning">Disagreement</span> : null}
              </span>
              <span className="weights__track">
                <span className="weights__fill" style={{ width: at(weights[k] ?? 0) }} />
                {d && participantWeights.length > 1 ? (
                  <span
                    className="weights__range"
                    title={`Range ${pct(d.min)} to ${pct(d.max)}`}
                    style={{ left: at(d.min), width: `max(2px, ${at(d.range)})` }}
                  />
                ) : null}
                {participantWeights.map((row, p) => (
                  <Dot key={p} left={at(row[k] ?? 0)} title={`${names[p] ?? ''}: ${pct(row[k] ?? 0)}`} />
                ))}
              </span>
              <span className="weights__value">
                {shown[k]}
                {d && participantWeights.length > 1 ? (
                  <span className="weights__spread">±{pct(d.stdDev)}</span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>

      {earlier.length > 0 ? (
        <details className="earlier">
          <summary>Earlier rounds, kept for the record</summary>
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                {earlier.map((r) => (
                  <th key={r.number} scope="col">
                    Round {r.number}
                  </th>
                ))}
                <th scope="col">Now</th>
              </tr>
            </thead>
            <tbody>
              {state.criteria.map((criterion, k) => (
                <tr key={criterion.id}>
                  <td>{criterion.name}</td>
                  {earlier.map((r, i) => (
                    <td key={r.number}>{earlierShown[i]?.[k]}</td>
                  ))}
                  <td>{shown[k]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </>
  );
});

/** How the room's weights are combined, and the facilitator's controls for rounds and reveal. */
function RoomControls({ state, dispatch }: { state: WorkshopState; dispatch: (action: Action) => void }) {
  const round = state.rounds[state.rounds.length - 1];
  return (
    <div className="controls">
      <label className="control">
        <span>Combine by</span>
        <select
          className="input select select--small"
          value={state.aggregation}
          onChange={(e) =>
            dispatch({
              type: 'setAggregation',
              aggregation:
                e.target.value === 'median'
                  ? 'median'
                  : e.target.value === 'geometric'
                    ? 'geometric'
                    : 'mean',
            })
          }
        >
          {Object.entries(AGGREGATION_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="control">
        <span>Flag disagreement above</span>
        <select
          className="input select select--small"
          value={String(state.disagreementThreshold)}
          onChange={(e) => dispatch({ type: 'setThreshold', threshold: Number(e.target.value) })}
        >
          {[0.05, 0.075, 0.1, 0.15, 0.2].map((t) => (
            <option key={t} value={String(t)}>
              ±{pct(t, t === 0.075 ? 1 : 0)} spread
            </option>
          ))}
        </select>
      </label>
      <AnonymityChoice state={state} dispatch={dispatch} />
      <label className="control control--toggle">
        <input
          type="checkbox"
          checked={state.hideUntilReveal}
          onChange={(e) => dispatch({ type: 'setHideUntilReveal', hide: e.target.checked })}
        />
        <span>Hide inputs until reveal</span>
      </label>
      {state.hideUntilReveal && round?.revealed ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => dispatch({ type: 'setRevealed', revealed: false })}
        >
          Hide again
        </button>
      ) : null}
      <button
        type="button"
        className="button button--small"
        disabled={state.rounds.length >= 5}
        onClick={() => dispatch({ type: 'startRound' })}
      >
        Start round {(round?.number ?? 1) + 1}
      </button>
    </div>
  );
}

/**
 * Weights of the finished rounds. They change only when something other than the current round's
 * inputs changes, so a moving slider never recomputes them.
 */
function useEarlierRounds(state: WorkshopState, participants: Participant[]) {
  const finished = state.rounds.slice(0, -1);
  const { criteria, candidates, answers, ratings, overrides, roles, aggregation, disagreementThreshold } =
    state;
  const key = finished.map((r) => r.number).join(',');
  return useMemo(
    () =>
      finished.map((r, index) => ({
        number: r.number,
        weights: evaluateWorkshop({ ...state, rounds: state.rounds.slice(0, index + 1) }, participants)
          .evaluation.weights,
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- finished rounds never change; the listed fields are all they depend on
    [
      key,
      criteria,
      candidates,
      answers,
      ratings,
      overrides,
      roles,
      aggregation,
      disagreementThreshold,
      participants,
    ],
  );
}

/** One participant's weight on one criterion. Memoised: a moving slider changes one dot a row. */
const Dot = memo(function Dot({ left, title }: { left: string; title: string }) {
  return <span className="weights__dot" title={title} style={{ left }} />;
});
