import { formatScore } from '@shared/format/figures';
import type { WorkshopResult } from '@shared/workshop';
import { RATING_SCALE } from '@shared/decision';

/** The candidates by score, repainted on every change; ties are shown as ties. */
export function LiveRanking({ result, large = false }: { result: WorkshopResult; large?: boolean }) {
  const { ranking } = result.evaluation.recommendation;
  const names = result.model.candidates.map((c) => c.name);
  return (
    <ol className={large ? 'ranking ranking--large' : 'ranking'} aria-label="Live ranking">
      {ranking.order.map((entry) => {
        const tied = ranking.order.filter((other) => other.rank === entry.rank).length > 1;
        return (
          <li key={entry.candidate} className="ranking__row">
            <span className="ranking__rank">{tied ? `=${entry.rank}` : entry.rank}</span>
            <bdi className="ranking__name">{names[entry.candidate]}</bdi>
            <span className="ranking__track" aria-hidden="true">
              <span
                className="ranking__fill"
                style={{ width: `${(entry.total / RATING_SCALE.max) * 100}%` }}
              />
            </span>
            <span className="ranking__score">{formatScore(entry.total)}</span>
          </li>
        );
      })}
    </ol>
  );
}
