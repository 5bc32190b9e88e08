import { formatRelativeMargin } from '@shared/decision';
import { formatLead } from '@shared/format/figures';
import type { WorkshopResult } from '@shared/workshop';
import { CONFIDENCE_LABELS } from './format';

/** Who leads, by how much, and how sure the numbers are: one sentence for the room. */
export function Verdict({ result, large = false }: { result: WorkshopResult; large?: boolean }) {
  const rec = result.evaluation.recommendation;
  const names = result.model.candidates.map((c) => c.name);
  const leaderName = rec.leader === null ? null : names[rec.leader];
  const runnerUp = rec.runnerUp === null ? null : names[rec.runnerUp];
  const { totals } = result.evaluation;
  // The lead as the difference of the scores as they are printed beside it.
  const lead =
    rec.leader !== null && rec.runnerUp !== null
      ? formatLead(totals[rec.leader] ?? 0, totals[rec.runnerUp] ?? 0)
      : null;
  return (
    <div className={`verdict verdict--${rec.confidence}${large ? ' verdict--large' : ''}`} role="status">
      <p className="verdict__headline">
        {leaderName
          ? `${leaderName} leads${runnerUp && lead ? ` ${runnerUp} by ${lead} points (${formatRelativeMargin(rec.relativeMargin)})` : ''}`
          : `${rec.ranking.leaders.map((i) => names[i]).join(' and ')} are tied`}
      </p>
      <p className="verdict__confidence">
        <span className="verdict__badge">{CONFIDENCE_LABELS[rec.confidence]}</span>{' '}
        {rec.confidenceReasons.join(' ')}
      </p>
    </div>
  );
}
