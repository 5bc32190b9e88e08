/**
 * The conditions under which the answer changes, in plain words for page one: the one or two
 * weights nearest to a change of leader (rounded exactly as the sensitivity section rounds them,
 * so the two never quote different thresholds) and the smallest change of ratings that would
 * put another stack ahead.
 */
import { countWord, joinAnd, smallestRatingFlip } from '../decision';
import type { RatingFlip } from '../decision';
import { flipThresholds } from '../decision/sensitivity';
import type { WorkshopResult } from '../workshop';
import type { VerdictFacts } from './verdict';

/** How many weights, and changed ratings, page one names; the sensitivity section lists them all. */
const WEIGHTS_NAMED = 2;
const RATINGS_NAMED = 2;

export function answerConditions(result: WorkshopResult, facts: VerdictFacts): string[] {
  const { evaluation, model } = result;
  if (facts.noVotes || evaluation.recommendation.leader === null) return [];
  const criteria = model.criteria.map((c) => c.name);
  const candidates = model.candidates.map((c) => c.name);
  const name = (c: number) => candidates[c] ?? `Candidate ${c + 1}`;
  const nearest = evaluation.flips
    .filter((f) => f.weight !== null)
    .map((f) => ({ flip: f, shift: Math.abs((f.weight ?? 0) - (evaluation.weights[f.criterion] ?? 0)) }))
    .sort((a, b) => a.shift - b.shift || a.flip.criterion - b.flip.criterion)
    .slice(0, WEIGHTS_NAMED);
  const lines = nearest.map(({ flip }) => {
    const criterion = criteria[flip.criterion] ?? '';
    const leader = name(flip.leader);
    const found = flipThresholds(
      flip,
      evaluation.weights[flip.criterion] ?? 0,
      facts.weights[flip.criterion],
    );
    if (!found) return flip.sentence;
    const { low, high, now } = found;
    if (flip.below && flip.above && low && high) {
      const lower = name(flip.below.challenger);
      const upper = name(flip.above.challenger);
      const who = lower === upper ? lower : `${lower} or ${upper}`;
      return `${leader} stays ahead as long as ${criterion} counts for between ${low} and ${high} of the decision (${now} now); outside that range ${who} can overtake it.`;
    }
    if (flip.above && high) {
      return `${name(flip.above.challenger)} would overtake ${leader} only if ${criterion} mattered more: over ${high} of the decision, against ${now} now.`;
    }
    if (flip.below && low) {
      return `${name(flip.below.challenger)} would overtake ${leader} only if ${criterion} mattered less: under ${low} of the decision, against ${now} now.`;
    }
    return flip.sentence;
  });
  if (lines.length === 0) {
    lines.push(
      `No change to the weight of any one criterion, from 0 to 100%, would put another stack ahead of ${facts.leader ?? ''}.`,
    );
  }
  const flip = smallestRatingFlip(evaluation.weights, evaluation.ratings.matrix);
  lines.push(
    flip
      ? ratingCondition(flip, criteria, name)
      : 'No change of ratings on the 1 to 5 scale would put another stack ahead.',
  );
  return lines;
}

/**
 * "Node.js would move ahead of Django if it were rated 5 instead of 4 on Security." The changes
 * are the fewest whole points that do it (the challenger's ratings first, then the leader's).
 */
export function ratingCondition(
  flip: RatingFlip,
  criteria: readonly string[],
  name: (c: number) => string,
): string {
  const challenger = name(flip.challenger);
  const leader = name(flip.leader);
  if (flip.changes.length > RATINGS_NAMED) {
    const criteriaChanged = new Set(flip.changes.map((c) => c.criterion)).size;
    return `Changing ratings would take ${countWord(flip.steps)} points in all, on ${countWord(criteriaChanged)} ${criteriaChanged === 1 ? 'criterion' : 'criteria'}, to put ${challenger} ahead of ${leader}; “Sensitivity” lists them.`;
  }
  const change = (c: RatingFlip['changes'][number]) =>
    `${c.to} instead of ${c.from} on ${criteria[c.criterion] ?? `Criterion ${c.criterion + 1}`}`;
  const ups = flip.changes.filter((c) => c.candidate === flip.challenger).map(change);
  const downs = flip.changes.filter((c) => c.candidate !== flip.challenger).map(change);
  const groups = [
    ...(ups.length > 0 ? [`it were rated ${joinAnd(ups)}`] : []),
    ...(downs.length > 0 ? [`${leader} were rated ${joinAnd(downs)}`] : []),
  ];
  const others = flip.leadersAfter.filter((c) => c !== flip.challenger).map(name);
  const then =
    others.length === 0
      ? ''
      : flip.leadersAfter.includes(flip.challenger)
        ? `; it would then share first place with ${joinAnd(others)}`
        : `; ${joinAnd(others)} would then lead`;
  return `${challenger} would move ahead of ${leader} if ${groups.join(', and ')}${then}.`;
}
