/** The recommendation: who leads, by how much, how sure we can be, and why. */
import type { CriterionDisagreement } from './aggregate';
import { contributions, rank } from './scores';
import type { Ranking } from './scores';
import { flipPointDetails, flipThresholds } from './sensitivity';
import type { FlipPoint } from './sensitivity';
import { normalize } from './weights';
import { safeUnits, unitsText, weightPercents } from '../format/figures';

/** `none`: nobody has voted, so no confidence is claimed from votes. */
export type Confidence = 'high' | 'medium' | 'low' | 'none';

export const CONFIDENCE_THRESHOLDS = {
  highMargin: 0.1,
  highShift: 0.15,
  lowMargin: 0.03,
  lowShift: 0.05,
} as const;

/** The rule, stated for people; the report and the UI show it word for word. */
export const CONFIDENCE_RULE =
  'High: the leader is ahead by at least 10% of its score, no single criterion’s weight would have to move by less than ' +
  '15 percentage points to change the leader, at least two voters counted, and the room agrees on every criterion. ' +
  'Low: the lead is under 3%, a move of under 5 percentage points in one weight changes the leader, or first place is ' +
  'tied. Medium: everything in between. With no votes counted, no confidence is claimed.';

/** A criterion on which one of the two compared candidates out-scores the other. */
export type Reason = {
  criterion: number;
  /** The favoured candidate's weighted contribution on this criterion. */
  contribution: number;
  /** The other candidate's weighted contribution on it. */
  against: number;
  /** `contribution - against`, in weighted points: always above 0. */
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
  /**
   * The two candidates the reasons compare: the leader and the runner-up, or, when first place is
   * tied, the first two tied candidates.
   */
  compared: { first: number; second: number } | null;
  /** Every criterion on which `first` out-scores `second`, largest advantage first. */
  reasons: Reason[];
  /** Every criterion on which `second` out-scores `first`, largest advantage first. */
  strongerForRunnerUp: Reason[];
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
  /** How many voters' weights these are, when known: fewer than two cannot show agreement, none claims nothing. */
  voters?: number,
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
  // The closest flip as page one prints it: from the weight as the tables print it to the
  // threshold the conditions quote, so the confidence line and the conditions give one gap.
  const printed = closestFlip
    ? flipThresholds(closestFlip, w[closestFlip.criterion] ?? 0, weightPercents(w)[closestFlip.criterion])
    : null;

  const { confidence, reasons } = judgeConfidence({
    tied,
    relativeMargin,
    closestFlip,
    printedGap: printed?.gap ?? null,
    flaggedCriteria,
    voters,
  });

  const pair = tied
    ? { first: ranking.leaders[0] ?? 0, second: ranking.leaders[1] ?? 0 }
    : leader !== null && second
      ? { first: leader, second: second.candidate }
      : null;
  const favouring = (a: number, b: number): Reason[] =>
    (parts[a] ?? [])
      .map((contribution, criterion) => {
        const against = parts[b]?.[criterion] ?? 0;
        return { criterion, contribution, against, advantage: contribution - against };
      })
      .filter((reason) => reason.advantage > 0)
      .sort((x, y) => y.advantage - x.advantage || x.criterion - y.criterion);

  return {
    ranking,
    leader,
    runnerUp: second?.candidate ?? null,
    margin: ranking.margin,
    relativeMargin,
    confidence,
    confidenceReasons: reasons,
    compared: pair,
    reasons: pair ? favouring(pair.first, pair.second) : [],
    strongerForRunnerUp: pair ? favouring(pair.second, pair.first) : [],
    closestFlip,
    flaggedCriteria,
  };
}

/** Percentage points, one decimal, rounded toward the side where the sentence stays true. */
const points = (fraction: number, side: 'above' | 'atOrBelow') =>
  unitsText(safeUnits(fraction * 100, 1, side), 1);

/** The lead as a share of the leader's score, rounded down so it never crosses a threshold it is under. */
export function formatRelativeMargin(relativeMargin: number): string {
  return `${points(relativeMargin, 'atOrBelow')}%`;
}

function judgeConfidence(facts: {
  tied: boolean;
  relativeMargin: number;
  closestFlip: { shift: number } | null;
  /**
   * The closest flip's gap as printed (the difference of the printed current weight and
   * threshold); null when none can be printed (the crossing is at the current weight itself).
   */
  printedGap: { text: string; fraction: number } | null;
  flaggedCriteria: number[];
  voters: number | undefined;
}): { confidence: Confidence; reasons: string[] } {
  const { tied, relativeMargin, closestFlip, printedGap, flaggedCriteria, voters } = facts;
  if (voters === 0) {
    return {
      confidence: 'none',
      reasons: ['No one has voted yet, so no confidence is claimed; the figures use the starting weights.'],
    };
  }
  const t = CONFIDENCE_THRESHOLDS;
  // Judged on the gap as printed, so the rule's "under 5 percentage points" and the figure quoted
  // never disagree at the edge; the exact shift only when no gap can be printed.
  const shift = printedGap?.fraction ?? closestFlip?.shift ?? Infinity;
  const share = formatRelativeMargin(relativeMargin);
  // Up to the printed gap the leader stays ahead (the conditions' range); past it, it changes.
  // Without a printed gap: "moving by X changes the leader" needs X past the shift.
  const moving = printedGap
    ? `Moving one weight by more than ${printedGap.text} percentage points changes the leader.`
    : `Moving one weight by ${points(shift, 'above')} percentage points changes the leader.`;
  const reasons: string[] = [];
  const oneVoter = 'Only one voter counted, so whether the room agrees cannot be known yet.';
  if (tied || relativeMargin < t.lowMargin || shift < t.lowShift) {
    if (tied) reasons.push('First place is tied.');
    else if (relativeMargin < t.lowMargin) reasons.push(`The lead is only ${share} of the leader’s score.`);
    if (!tied && shift < t.lowShift) reasons.push(moving);
    if (voters === 1) reasons.push(oneVoter);
    return { confidence: 'low', reasons };
  }
  reasons.push(`The lead is ${share} of the leader’s score.`);
  const agreed = flaggedCriteria.length === 0 && (voters === undefined || voters >= 2);
  if (relativeMargin >= t.highMargin && shift >= t.highShift && agreed) {
    reasons.push(
      closestFlip
        ? `No single weight would have to move by less than ${printedGap?.text ?? points(shift, 'atOrBelow')} percentage points to change the leader.`
        : 'No single weight, from 0 to 100%, changes the leader.',
    );
    reasons.push('The room agrees on every criterion.');
    return { confidence: 'high', reasons };
  }
  if (closestFlip) reasons.push(moving);
  if (flaggedCriteria.length > 0) {
    reasons.push(
      `The room disagrees on ${flaggedCriteria.length} ${flaggedCriteria.length === 1 ? 'criterion' : 'criteria'}.`,
    );
  } else if (voters === 1) reasons.push(oneVoter);
  return { confidence: 'medium', reasons };
}
