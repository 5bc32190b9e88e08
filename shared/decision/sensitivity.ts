/**
 * One-at-a-time sensitivity: for each criterion, move its weight from 0 to 1 while the others keep
 * their proportions, and find where another candidate takes the lead. Every total is linear in
 * that weight, so the crossing points are found exactly, not by sampling.
 */
import { DecisionInputError } from './errors';
import { rank, sameScore, weightedSum } from './scores';
import { normalize } from './weights';

/** Crossings this close to 0% or 100% are rounding noise at the edge, not a change of leader. */
const EDGE = 1e-9;

export type FlipPoint = {
  criterion: number;
  /** The weight (0-1) nearest to the current one at which another candidate takes the lead, or null. */
  weight: number | null;
  /** Who takes the lead there (null when nobody does). */
  challenger: number | null;
  /** The leader whose lead is lost. */
  leader: number;
  /** The challenger leads when this criterion's weight is below or above `weight`. */
  direction: 'below' | 'above' | null;
};

export function flipPointDetails(
  weights: readonly number[],
  ratings: readonly (readonly number[])[],
): FlipPoint[] {
  const w = normalize(weights);
  const totals = weightedSum(w, ratings);
  const leader = rank(totals).order[0]?.candidate ?? 0;
  const rowSums = ratings.map((row) => row.reduce((sum, r) => sum + r, 0));
  if (ratings.length < 2)
    throw new DecisionInputError('too_few', 'Sensitivity needs at least two candidates.');

  return w.map((current, k) => {
    const rest = 1 - current;
    // Each candidate's total as a line in t, the weight of criterion k: total(t) = t * r_k + (1 - t) * s,
    // where s is the candidate's score over the other criteria with their weights rescaled to sum to 1
    // (equal shares if k carries all the weight): s = (total - w_k * r_k) / (1 - w_k).
    const line = (c: number) => {
      const row = ratings[c] ?? [];
      const own = row[k] ?? 0;
      const others =
        rest > 0 ? ((totals[c] ?? 0) - current * own) / rest : ((rowSums[c] ?? 0) - own) / (w.length - 1);
      return { slope: own - others, intercept: others };
    };
    const lead = line(leader);
    let best: { weight: number; challenger: number; direction: 'below' | 'above'; slope: number } | null =
      null;
    for (let c = 0; c < ratings.length; c++) {
      if (c === leader) continue;
      const other = line(c);
      // The leader's advantage d(t) = a + b t; the challenger leads where d(t) < 0.
      // Differences within the ranking's tie tolerance are ties, not tiny leads; snapping them to 0
      // keeps float noise from inventing a crossing.
      const a = sameScore(lead.intercept, other.intercept) ? 0 : lead.intercept - other.intercept;
      if (sameScore(lead.slope, other.slope)) continue; // parallel lines: the order never changes
      const b = lead.slope - other.slope;
      const t = Math.min(1, Math.max(0, -a / b));
      // b < 0: the challenger gains as the weight rises, so it needs room above t; b > 0: below t.
      const direction = b < 0 ? 'above' : 'below';
      // A crossing at (or, after rounding, within a hair of) 0 or 1 only draws level at the edge.
      if (direction === 'above' ? t >= 1 - EDGE : t <= EDGE) continue;
      const candidate = { weight: t, challenger: c, direction, slope: other.slope } as const;
      if (!best || Math.abs(t - current) < Math.abs(best.weight - current) - EDGE) {
        best = candidate;
      } else if (Math.abs(t - best.weight) <= EDGE && direction === best.direction) {
        // Several overtake at the same point: name the one that is ahead just past it.
        const gainsMore = direction === 'above' ? other.slope > best.slope : other.slope < best.slope;
        if (gainsMore) best = candidate;
      }
    }
    return {
      criterion: k,
      leader,
      weight: best?.weight ?? null,
      challenger: best?.challenger ?? null,
      direction: best?.direction ?? null,
    };
  });
}

/** One entry per criterion: the flip weight (0-1) nearest to the current one, or null when none exists. */
export function flipPoints(
  weights: readonly number[],
  ratings: readonly (readonly number[])[],
): Array<{ criterion: number; weight: number | null }> {
  return flipPointDetails(weights, ratings).map(({ criterion, weight }) => ({ criterion, weight }));
}

/** Whole percent, but one decimal near the ends so 0.4% never reads as "0%". */
export function percent(fraction: number): string {
  const value = fraction * 100;
  const whole = Math.round(value);
  return whole === 0 || whole === 100 ? `${value.toFixed(1)}%` : `${whole}%`;
}

/** "Node.js overtakes Django if Security carries less than 12% of the weight." */
export function describeFlip(
  flip: FlipPoint,
  currentWeight: number,
  names: { criteria: readonly string[]; candidates: readonly string[] },
): string {
  const criterion = names.criteria[flip.criterion] ?? `Criterion ${flip.criterion + 1}`;
  const leader = names.candidates[flip.leader] ?? `Candidate ${flip.leader + 1}`;
  if (flip.weight === null || flip.challenger === null) {
    return `${leader} stays ahead whatever weight ${criterion} carries, from 0 to 100%.`;
  }
  const challenger = names.candidates[flip.challenger] ?? `Candidate ${flip.challenger + 1}`;
  const comparison = flip.direction === 'below' ? 'less' : 'more';
  return `${challenger} overtakes ${leader} if ${criterion} carries ${comparison} than ${percent(flip.weight)} of the weight (now ${percent(currentWeight)}).`;
}
