import { useMemo, useState } from 'react';
import { RATING_SCALE } from '@shared/decision';
import type { ResolvedCell } from '@shared/decision';
import { ContributionChart } from '../charts/ContributionChart';
import { RadarChart } from '../charts/RadarChart';
import { scoreFigures, weightPercents, weightTotal } from '@shared/format/figures';
import { namesHidden } from '@shared/workshop';
import { OverrideDialog } from '../OverrideDialog';
import { HiddenResults, RoomVerdict } from '../RoomStatus';
import type { StepProps } from '../types';
import { OwnAnswers, RatingFlip, Reasons } from '../VerdictDetails';

/** The candidates side by side, criterion by criterion, with charts and the points where the lead flips. */
export function CompareStep(props: StepProps) {
  // While inputs are hidden, who has voted stands in for the whole step: no figure is rendered.
  if (props.view.hidden)
    return <HiddenResults view={props.view} nameOf={props.nameOf} dispatch={props.dispatch} />;
  return <CompareResults {...props} result={props.view.result} />;
}

function CompareResults({ state, result, dispatch, nameOf }: StepProps) {
  const [target, setTarget] = useState<{ c: number; k: number }>();
  const { evaluation, model } = result;
  // Weights add up to the printed 100.0%, and each column's contributions to its printed total.
  const shown = useMemo(
    () => ({
      weights: weightPercents(evaluation.weights),
      total: weightTotal(evaluation.weights),
      scores: scoreFigures(evaluation.contributions),
    }),
    [evaluation.weights, evaluation.contributions],
  );
  const criteria = model.criteria.map((c) => c.name);
  const candidates = model.candidates.map((c) => c.name);
  const showRationale = candidates.length <= 3;
  const cellOf = (c: number, k: number) => evaluation.ratings.cells[c]?.[k] as ResolvedCell;
  const dialogTarget = target
    ? {
        candidate: candidates[target.c] ?? '',
        criterion: criteria[target.k] ?? '',
        cell: cellOf(target.c, target.k),
      }
    : undefined;
  const ids = target
    ? { candidateId: model.candidates[target.c]?.id ?? '', criterionId: model.criteria[target.k]?.id ?? '' }
    : undefined;

  return (
    <div className="stack">
      <RoomVerdict result={result} />

      <section className="card" aria-labelledby="side-by-side-title">
        <h2 id="side-by-side-title" className="card__title">
          Side by side
        </h2>
        <div className="table-scroll">
          <table className="table compare">
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col" className="num">
                  Weight
                </th>
                {candidates.map((name) => (
                  <th key={name} scope="col">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {criteria.map((criterion, k) => (
                <tr key={`${criterion}-${k}`}>
                  <th scope="row">{criterion}</th>
                  <td className="num">{shown.weights[k]}</td>
                  {candidates.map((candidate, c) => {
                    const cell = cellOf(c, k);
                    const overridden = cell.override !== null;
                    return (
                      <td
                        key={candidate}
                        className={overridden ? 'compare__cell compare__cell--override' : 'compare__cell'}
                      >
                        <div className="compare__line">
                          <span className="compare__rating" aria-label={`Rating ${cell.value} of 5`}>
                            {cell.value}
                            <span className="compare__of">/5</span>
                          </span>
                          <span className="compare__contribution" title="Weighted contribution">
                            +{shown.scores.contributions[c]?.[k]}
                          </span>
                          <button
                            type="button"
                            className="button button--quiet button--small"
                            onClick={() => setTarget({ c, k })}
                            aria-label={`Override ${candidate} on ${criterion}`}
                          >
                            {overridden ? 'Edit override' : 'Override'}
                          </button>
                        </div>
                        {overridden ? (
                          <p className="compare__override">
                            Overridden from {cell.original}: {cell.override?.note}
                          </p>
                        ) : null}
                        {showRationale ? <p className="compare__rationale">{cell.rationale}</p> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className="num">{shown.total}</td>
                {candidates.map((name, c) => (
                  <td key={name} className="compare__total">
                    {shown.scores.totals[c]}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <div className="chart-grid">
        <section className="card">
          <ContributionChart
            title="Weighted contribution by criterion"
            criteria={criteria}
            candidates={candidates}
            contributions={evaluation.contributions}
            labels={shown.scores.contributions}
            max={RATING_SCALE.max}
          />
        </section>
        <section className="card">
          <RadarChart
            title="Ratings (1–5)"
            criteria={criteria}
            candidates={candidates}
            ratings={evaluation.ratings.matrix}
            min={RATING_SCALE.min}
            max={RATING_SCALE.max}
          />
        </section>
      </div>

      <section className="card" aria-labelledby="reasons-title">
        <h2 id="reasons-title" className="card__title">
          Where each is stronger
        </h2>
        <Reasons result={result} />
        <OwnAnswers result={result} anonymous={namesHidden(state)} nameOf={nameOf} />
      </section>

      <section className="card" aria-labelledby="flips-title">
        <h2 id="flips-title" className="card__title">
          What would change the result
        </h2>
        <ul className="flips">
          {evaluation.flips.map((flip) => (
            <li key={flip.criterion} className={flip.weight === null ? 'flip flip--stable' : 'flip'}>
              {flip.sentence}
            </li>
          ))}
        </ul>
        <RatingFlip result={result} />
      </section>

      <OverrideDialog
        target={dialogTarget}
        onClose={() => setTarget(undefined)}
        onRestore={() => {
          if (ids) dispatch({ type: 'clearOverride', ...ids });
          setTarget(undefined);
        }}
        onSave={(value, note) => {
          if (ids) dispatch({ type: 'setOverride', ...ids, value, note });
          setTarget(undefined);
        }}
      />
      <p className="muted">
        Ratings run from 1 to 5; a criterion’s contribution is its weight times the rating. Weights are from
        round {state.rounds[state.rounds.length - 1]?.number}, combined by the{' '}
        {state.aggregation === 'geometric' ? 'geometric mean' : state.aggregation}.
      </p>
    </div>
  );
}
