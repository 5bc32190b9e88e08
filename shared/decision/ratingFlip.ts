/**
 * What would change the answer beyond the weights: the smallest change of ratings (whole points on
 * the 1-5 scale, overrides counted as the rating in force) that puts another candidate strictly
 * ahead of the leader, with the weights as they are.
 *
 * Why the search is exact and cheap. A change helps challenger C against leader L only through
 * C's ratings going up and L's going down (changes to anyone else leave C − L alone, and the
 * other directions only hurt), and every such one-point step on criterion k gains exactly w_k.
 * So the fewest steps for C are the largest available gains taken first (greedy on the weights),
 * and the fewest steps overall are the fewest over all challengers: O(candidates × criteria).
 */
import { RATING_SCALE } from './knowledge/source';
import { rank, sameScore, weightedSum } from './scores';
import { countWord, joinAnd } from './voters';
import { normalize } from './weights';

export type RatingStep = { candidate: number; criterion: number; from: number; to: number };

export type RatingFlip = {
  leader: number;
  /** The candidate the change puts strictly ahead of the leader. */
  challenger: number;
  /** One-point steps in all: the fewest that flip the leader. */
  steps: number;
  /** The changed ratings, one entry per cell. */
  changes: RatingStep[];
  /** Who leads after the change (more than one: a tie, none of them the old leader). */
  leadersAfter: number[];
};

/** Ratings that differ by less than this are the same whole point (float noise in a stored value). */
const WHOLE = 1e-9;

function strictlyAhead(challenger: number, leader: number): boolean {
  return challenger > leader && !sameScore(challenger, leader);
}

/** The fewest one-point steps for `challenger` to pass `leader`, largest gains first; null if none do. */
function cheapestFor(
  w: readonly number[],
  ratings: readonly (readonly number[])[],
  totals: readonly number[],
  byWeight: readonly number[],
  leader: number,
  challenger: number,
): RatingStep[] | null {
  let ahead = totals[challenger] ?? 0;
  let behind = totals[leader] ?? 0;
  const changes: RatingStep[] = [];
  for (const k of byWeight) {
    const gain = w[k] ?? 0;
    if (gain <= 0) break;
    // Raising the challenger first, then lowering the leader: both gain the same, and "one more
    // point for Node.js" reads as what would have to be true of the challenger.
    const moves: Array<{ candidate: number; step: 1 | -1 }> = [
      { candidate: challenger, step: 1 },
      { candidate: leader, step: -1 },
    ];
    for (const { candidate, step } of moves) {
      const from = ratings[candidate]?.[k] ?? 0;
      const room = Math.floor((step > 0 ? RATING_SCALE.max - from : from - RATING_SCALE.min) + WHOLE);
      for (let n = 1; n <= room; n++) {
        if (step > 0) ahead += gain;
        else behind -= gain;
        const last = changes[changes.length - 1];
        if (last && last.candidate === candidate && last.criterion === k) last.to = from + step * n;
        else changes.push({ candidate, criterion: k, from, to: from + step });
        if (strictlyAhead(ahead, behind)) return changes;
      }
    }
  }
  return null;
}

/** The weights' leader, or null when first place is tied (there is no single leader to flip). */
export function smallestRatingFlip(
  weights: readonly number[],
  ratings: readonly (readonly number[])[],
): RatingFlip | null {
  const w = normalize(weights);
  const totals = weightedSum(w, ratings);
  const ranking = rank(totals);
  if (ranking.leaders.length !== 1) return null;
  const leader = ranking.leaders[0] ?? 0;
  const byWeight = w.map((_, k) => k).sort((a, b) => (w[b] ?? 0) - (w[a] ?? 0) || a - b);
  let best: { challenger: number; changes: RatingStep[]; steps: number } | null = null;
  // Challengers in ranking order, so on equal steps the nearest rival is named.
  for (const { candidate } of ranking.order) {
    if (candidate === leader) continue;
    const changes = cheapestFor(w, ratings, totals, byWeight, leader, candidate);
    if (!changes) continue;
    const steps = changes.reduce((sum, c) => sum + Math.abs(c.to - c.from), 0);
    if (!best || steps < best.steps) best = { challenger: candidate, changes, steps };
  }
  if (!best) return null;
  const after = rank(weightedSum(w, applyRatingSteps(ratings, best.changes)));
  return { leader, ...best, leadersAfter: after.leaders };
}

/** The ratings with the changes made (a copy). */
export function applyRatingSteps(
  ratings: readonly (readonly number[])[],
  changes: readonly RatingStep[],
): number[][] {
  const next = ratings.map((row) => [...row]);
  for (const change of changes) {
    const row = next[change.candidate];
    if (row) row[change.criterion] = change.to;
  }
  return next;
}

/**
 * "One more point for Node.js on Security (4 to 5) and one fewer for Django on Learning curve
 * (5 to 4) would put Node.js ahead of Django."
 */
export function describeRatingFlip(
  flip: RatingFlip | null,
  names: { criteria: readonly string[]; candidates: readonly string[] },
): string {
  const candidate = (c: number) => names.candidates[c] ?? `Candidate ${c + 1}`;
  if (!flip) return 'No change of ratings on the 1 to 5 scale would change the leader.';
  const parts = flip.changes.map((change, i) => {
    const size = Math.abs(change.to - change.from);
    const more = change.to > change.from;
    const amount =
      i === 0
        ? `${countWord(size)} ${more ? 'more' : 'fewer'} ${size === 1 ? 'point' : 'points'}`
        : `${countWord(size)} ${more ? 'more' : 'fewer'}`;
    return `${amount} for ${candidate(change.candidate)} on ${names.criteria[change.criterion] ?? `Criterion ${change.criterion + 1}`} (${change.from} to ${change.to})`;
  });
  const sentence = joinAnd(parts);
  const head = `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`;
  const leader = candidate(flip.leader);
  const challenger = candidate(flip.challenger);
  const others = flip.leadersAfter.filter((c) => c !== flip.challenger);
  const then =
    others.length === 0
      ? ''
      : flip.leadersAfter.includes(flip.challenger)
        ? ` (tied first with ${joinAnd(others.map(candidate))})`
        : ` (${joinAnd(others.map(candidate))} would then lead)`;
  return `${head} would put ${challenger} ahead of ${leader}${then}.`;
}
