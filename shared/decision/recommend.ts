/** The recommendation: who leads, by how much, how sure we can be, and why. */
import type { CriterionDisagreement } from './aggregate';
import { contributions, rank } from './scores';
import type { Ranking } from './scores';
import { flipPointDetails } from './sensitivity';
import type { FlipPoint } from './sensitivity';
import { normalize } from './weights';

export type Confidence = 'high' | 'medium' | 'low';

export const CONFIDENCE_THRESHOLDS = {
  highMargin: 0.1,
  highShift: 0.15,
  lowMargin: 0.03,
  lowShift: 0.05,
} as const;

/** The rule, stated for people; the report and the UI show it word for word. */
export const CONFIDENCE_RULE =
  'High: the leader is ahead by at least 10% of its score, no single criterion’s weight would have to move by less than ' +
  '15 percentage points to change the leader, and the room agrees on every criterion. Low: the lead is under 3%, a ' +
  'move of under 5 percentage points in one weight changes the leader, or first place is tied. Medium: everything in between.';

export type Contributor = {
  criterion: number;
  /** The criterion's weighted contribution to the leader's total. */
  contribution: number;
  /** Leader's contribution minus the runner-up's on this criterion. */
  advantage: number;
};

export type Recommendation = {
  ranking: Ranking;
  /** The single leader, or null when first place is tied. */
  leader: number | null;
  runnerUp: number | null;
  margin: number;
  /** Margin as a fraction of the leader's total. */
  relativeMargin: number;
  confidence: Confidence;
  /** Why this confidence level, in plain sentences. */
  confidenceReasons: string[];
  /** The three criteria that contributed most to the leader's total. */
  topContributors: Contributor[];
  /** The flip point needing the smallest weight change, if any. */
  closestFlip: (FlipPoint & { shift: number }) | null;
  flaggedCriteria: number[];
};

export function recommend(
  weights: readonly number[],
  ratings: readonly (readonly number[])[],
  spread: readonly CriterionDisagreement[] = [],
  /** Flip points for these weights and ratings, when the caller already computed them. */
  precomputedFlips?: readonly FlipPoint[],
): Recommendation {
  const w = normalize(weights);
  const parts = contributions(w, ratings);
  const totals = parts.map((row) => row.reduce((sum, v) => sum + v, 0));
  const ranking = rank(totals);
  const tied = ranking.leaders.length > 1;
  const first = ranking.order[0];
  const second = ranking.order.find((entry) => !ranking.leaders.includes(entry.candidate)) ?? null;
  const leader = tied || !first ? null : first.candidate;
  const relativeMargin = first && first.total > 0 ? ranking.margin / first.total : 0;

  const flips = precomputedFlips ?? flipPointDetails(w, ratings);
  const closestFlip = flips.reduce<(FlipPoint & { shift: number }) | null>((closest, flip) => {
    if (flip.weight === null) return closest;
    const shift = Math.abs(flip.weight - (w[flip.criterion] ?? 0));
    return !closest || shift < closest.shift ? { ...flip, shift } : closest;
  }, null);
  const flaggedCriteria = spread.filter((d) => d.flagged).map((d) => d.criterion);

  const t = CONFIDENCE_THRESHOLDS;
  const shift = closestFlip?.shift ?? Infinity;
  const reasons: string[] = [];
  let confidence: Confidence;
  if (tied || relativeMargin < t.lowMargin || shift < t.lowShift) {
    confidence = 'low';
    if (tied) reasons.push('First place is tied.');
    else if (relativeMargin < t.lowMargin)
      reasons.push(`The lead is only ${(relativeMargin * 100).toFixed(1)}% of the leader's score.`);
    if (!tied && shift < t.lowShift)
      reasons.push(`Moving one weight by ${(shift * 100).toFixed(1)} percentage points changes the leader.`);
  } else if (relativeMargin >= t.highMargin && shift >= t.highShift && flaggedCriteria.length === 0) {
    confidence = 'high';
    reasons.push(`The lead is ${(relativeMargin * 100).toFixed(1)}% of the leader's score.`);
    reasons.push(
      closestFlip
        ? `No single weight would have to move by less than ${(shift * 100).toFixed(0)} percentage points to change the leader.`
        : 'No single weight, from 0 to 100%, changes the leader.',
    );
    reasons.push('The room agrees on every criterion.');
  } else {
    confidence = 'medium';
    reasons.push(`The lead is ${(relativeMargin * 100).toFixed(1)}% of the leader's score.`);
    if (closestFlip)
      reasons.push(`Moving one weight by ${(shift * 100).toFixed(0)} percentage points changes the leader.`);
    if (flaggedCriteria.length > 0) {
      reasons.push(
        `The room disagrees on ${flaggedCriteria.length} ${flaggedCriteria.length === 1 ? 'criterion' : 'criteria'}.`,
      );
    }
  }

  const top = first?.candidate ?? 0;
  const topContributors = (parts[top] ?? [])
    .map((contribution, criterion) => ({
      criterion,
      contribution,
      advantage: contribution - (second ? (parts[second.candidate]?.[criterion] ?? 0) : 0),
    }))
    .sort((a, b) => b.contribution - a.contribution || a.criterion - b.criterion)
    .slice(0, 3);

  return {
    ranking,
    leader,
    runnerUp: second?.candidate ?? null,
    margin: ranking.margin,
    relativeMargin,
    confidence,
    confidenceReasons: reasons,
    topContributors,
    closestFlip,
    flaggedCriteria,
  };
}
