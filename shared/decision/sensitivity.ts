/**
 * One-at-a-time sensitivity: for each criterion, move its weight from 0 to 1 while the others keep
 * their proportions, and find where another candidate takes the lead. Every total is linear in
 * that weight, so the crossing points are found exactly, not by sampling.
 */
import { DecisionInputError } from './errors';
import { rank, sameScore, weightedSum } from './scores';
import { normalize } from './weights';
import { safeUnits, toUnits, unitsText, WEIGHT_DIGITS } from '../format/figures';

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
  /**
   * Both edges of the range of this weight where the leader stays ahead: the highest weight
   * below the current one where a challenger takes the lead (it leads below it), and the lowest
   * one above. With two candidates at most one of them exists.
   */
  below: Crossing | null;
  above: Crossing | null;
};

export type Crossing = { weight: number; challenger: number };

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
    type Found = Crossing & { slope: number };
    let below: Found | null = null;
    let above: Found | null = null;
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
      const found = { weight: t, challenger: c, slope: other.slope };
      // b < 0: the challenger gains as the weight rises, so it needs room above t; b > 0: below t.
      // A crossing at (or, after rounding, within a hair of) 0 or 1 only draws level at the edge.
      // On each side the crossing nearest to the current weight binds; when several overtake at
      // the same point, the one that is ahead just past it is named.
      if (b < 0) {
        if (t >= 1 - EDGE) continue;
        if (!above || t < above.weight - EDGE) above = found;
        else if (Math.abs(t - above.weight) <= EDGE && other.slope > above.slope) above = found;
      } else {
        if (t <= EDGE) continue;
        if (!below || t > below.weight + EDGE) below = found;
        else if (Math.abs(t - below.weight) <= EDGE && other.slope < below.slope) below = found;
      }
    }
    const distance = (found: Found) => Math.abs(found.weight - current);
    // The nearer side is the flip point; at the same distance, the challenger listed first.
    const nearest =
      below && above
        ? Math.abs(distance(below) - distance(above)) <= EDGE
          ? below.challenger < above.challenger
            ? below
            : above
          : distance(below) < distance(above)
            ? below
            : above
        : (below ?? above);
    const crossing = (found: Found | null) =>
      found ? { weight: found.weight, challenger: found.challenger } : null;
    return {
      criterion: k,
      leader,
      weight: nearest?.weight ?? null,
      challenger: nearest?.challenger ?? null,
      direction: nearest ? (nearest === above ? 'above' : 'below') : null,
      below: crossing(below),
      above: crossing(above),
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

/** Past this many decimals a crossing is at the current weight itself: the two are level now. */
const MAX_DIGITS = 8;

type Names = { criteria: readonly string[]; candidates: readonly string[] };

/**
 * "Node.js overtakes Django only if Security carries less than 1.4% of the weight (now 20.3%)."
 *
 * Every threshold is rounded toward the side where the sentence's claim holds, so the sentence is
 * true for every weight it covers: for a crossing at 1.37% it says "less than 1.4%", never
 * "less than 1%" (at 1.2% Django still leads). Decimals are added until the printed threshold
 * differs from the printed current weight and from 0% and 100%. `shownWeight` is the current
 * weight as the tables print it (largest remainder), so the sentence quotes the same figure.
 */
export function describeFlip(
  flip: FlipPoint,
  currentWeight: number,
  names: Names,
  shownWeight?: string,
): string {
  const criterion = names.criteria[flip.criterion] ?? `Criterion ${flip.criterion + 1}`;
  const candidate = (index: number) => names.candidates[index] ?? `Candidate ${index + 1}`;
  const leader = candidate(flip.leader);
  const { below, above } = flip;
  if (!below && !above) return `${leader} stays ahead whatever weight ${criterion} carries, from 0 to 100%.`;
  const found = flipThresholds(flip, currentWeight, shownWeight);
  if (found) {
    const { low, high, now } = found;
    if (below && above && low !== null && high !== null) {
      const lower = candidate(below.challenger);
      const upper = candidate(above.challenger);
      const who =
        lower === upper
          ? `outside that range ${lower} can overtake`
          : `below that ${lower} can overtake, above it ${upper}`;
      return `${leader} stays ahead while ${criterion} carries between ${low} and ${high} of the weight (now ${now}); ${who}.`;
    }
    if (below && low !== null) {
      return `${candidate(below.challenger)} overtakes ${leader} only if ${criterion} carries less than ${low} of the weight (now ${now}).`;
    }
    if (above && high !== null) {
      return `${candidate(above.challenger)} overtakes ${leader} only if ${criterion} carries more than ${high} of the weight (now ${now}).`;
    }
  }
  // No number of decimals separates the crossing from the current weight: they are level now.
  const nearest = flip.challenger ?? below?.challenger ?? above?.challenger ?? flip.leader;
  const nowText = shownWeight ?? `${unitsText(toUnits(currentWeight * 100, WEIGHT_DIGITS), WEIGHT_DIGITS)}%`;
  const way = flip.direction === 'above' ? 'more' : 'less';
  return `${candidate(nearest)} draws level with ${leader} at ${criterion}’s current weight (${nowText}) and goes ahead if it carries any ${way}.`;
}

/** The range of a weight where the leader stays ahead, as printed (see `flipThresholds`). */
export type FlipThresholds = {
  low: string | null;
  high: string | null;
  now: string;
  /**
   * How far the weight can move from `now` to the nearer of `low` and `high` and the leader stay
   * ahead, in percentage points with their decimals ("4.0"): the difference of the printed
   * figures, so whoever subtracts them gets this. Past it, the leader changes. Null when no
   * weight changes the leader.
   */
  gap: {
    /** "4.0" */
    text: string;
    /** The same as a fraction of the whole weight: 4.0 percentage points is 0.04. */
    fraction: number;
  } | null;
};

/**
 * The range of a criterion's weight where the leader stays ahead, as printed: `low` (the leader
 * stays ahead from just above it) and `high` (up to just below it), each rounded toward the side
 * where that claim holds, and `now`, the current weight as quoted beside them. Null when no
 * number of decimals separates a crossing from the current weight (the two are level now).
 */
export function flipThresholds(
  flip: FlipPoint,
  currentWeight: number,
  shownWeight?: string,
): FlipThresholds | null {
  const { below, above } = flip;
  // First quoting the current weight as the tables print it; if that figure sits on the wrong side
  // of a threshold (largest remainder moved it by a unit), quoting it with the threshold's decimals.
  const attempts = shownWeight === undefined ? [undefined] : [shownWeight, undefined];
  for (const quoted of attempts) {
    for (let digits = WEIGHT_DIGITS; digits <= MAX_DIGITS; digits++) {
      const shown = parseShown(quoted, digits);
      const now = shown ?? toUnits(currentWeight * 100, digits);
      const nowText = shown === null ? `${unitsText(now, digits)}%` : (quoted as string);
      const exact = currentWeight * 100 * 10 ** digits;
      const hundred = 100 * 10 ** digits;
      // The leader stays ahead from `low` upwards and up to `high`, in whole units of the last digit.
      const low = below ? safeUnits(below.weight * 100, digits, 'above') : null;
      const high = above ? safeUnits(above.weight * 100, digits, 'below') : null;
      const lowOk = low === null || (low <= exact && low < now && low > 0);
      const highOk = high === null || (high >= exact && high > now && high < hundred);
      if (!lowOk || !highOk) continue;
      const pct = (units: number | null) => (units === null ? null : `${unitsText(units, digits)}%`);
      const gaps = [...(low === null ? [] : [now - low]), ...(high === null ? [] : [high - now])];
      const gap = gaps.length > 0 ? Math.min(...gaps) : null;
      return {
        low: pct(low),
        high: pct(high),
        now: nowText,
        gap: gap === null ? null : { text: unitsText(gap, digits), fraction: gap / 10 ** digits / 100 },
      };
    }
  }
  return null;
}

/** The printed current weight ("20.3%") in units of the last digit at `digits` decimals. */
function parseShown(shownWeight: string | undefined, digits: number): number | null {
  if (shownWeight === undefined) return null;
  const value = Number(shownWeight.replace('%', ''));
  return Number.isFinite(value) ? toUnits(value, digits) : null;
}
