/**
 * A phone's ballot while it is being filled in, and the complete `BallotSubmission` it becomes.
 * Pure, so the rules a person meets on the phone (points add up to 100, every pair answered) are
 * tested without a browser; the listener checks the same rules again before anything is stored.
 */
import { DIRECT_MAX, DIRECT_MIN, POINTS_TOTAL, SAATY_SCALE } from '@shared/decision';
import type { BallotSubmission, ParticipantView } from '@shared/room/schema';
import { recordOf } from '@shared/util/records';
import { pairKey } from '@shared/workshop/schema';

export type Criterion = ParticipantView['criteria'][number];
export type Method = BallotSubmission['method'];
export { DIRECT_MAX, DIRECT_MIN, POINTS_TOTAL };

/** A pair as the phone asks it: `value` is how much more `first` matters than `second`. */
export type Pair = { key: string; first: Criterion; second: Criterion };

export type Draft = {
  direct: Map<string, number>;
  points: Map<string, number>;
  /** Criterion ids, most important first. */
  ranking: string[];
  pairwise: Map<string, number>;
  /** Pairs where the person said which side matters more but not yet how much. */
  leaning: Map<string, 'first' | 'second'>;
};

export const DIRECT_START = 5;

/** The phone's starting ballot: the stored one where there is one, otherwise a neutral start. */
export function draftFrom(criteria: readonly Criterion[], stored: BallotSubmission | null): Draft {
  const ids = criteria.map((c) => c.id);
  const draft: Draft = {
    direct: new Map(ids.map((id) => [id, DIRECT_START])),
    points: new Map(ids.map((id) => [id, 0])),
    ranking: [...ids],
    pairwise: new Map(),
    leaning: new Map(),
  };
  if (!stored) return draft;
  const known = new Set(ids);
  const storedEntries = (record: Record<string, number>) =>
    Object.entries(record).filter(([id]) => known.has(id));
  switch (stored.method) {
    case 'direct':
      for (const [id, value] of storedEntries(stored.direct)) draft.direct.set(id, value);
      break;
    case 'points':
      for (const [id, value] of storedEntries(stored.points)) draft.points.set(id, value);
      break;
    case 'rank': {
      const ranked = stored.ranking.filter((id) => known.has(id));
      draft.ranking = [...ranked, ...ids.filter((id) => !ranked.includes(id))];
      break;
    }
    case 'pairwise': {
      const keys = new Set(pairsOf(criteria).map((p) => p.key));
      for (const [key, value] of Object.entries(stored.pairwise))
        if (keys.has(key)) draft.pairwise.set(key, value);
      break;
    }
  }
  return draft;
}

/** Every pair once, in the order the criteria are listed, keyed as the workshop stores them. */
export function pairsOf(criteria: readonly Criterion[]): Pair[] {
  return criteria.flatMap((a, i) =>
    criteria.slice(i + 1).map((b) => {
      const { key, flipped } = pairKey(a.id, b.id);
      return flipped ? { key, first: b, second: a } : { key, first: a, second: b };
    }),
  );
}

export function pointsGiven(draft: Draft): number {
  let sum = 0;
  for (const value of draft.points.values()) sum += value;
  return sum;
}

/** A typed or stepped amount of points, kept to a whole number the ballot may hold. */
export function clampPoints(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(POINTS_TOTAL, Math.max(0, Math.round(value)));
}

/** Moves a criterion one place up (-1) or down (+1) in the ranking; a move past either end does nothing. */
export function moved(ranking: readonly string[], id: string, by: -1 | 1): string[] {
  const from = ranking.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ranking.length) return [...ranking];
  const next = [...ranking];
  next[from] = ranking[to] ?? id;
  next[to] = id;
  return next;
}

/** Saaty's words for the odd strengths; the even ones lie between their neighbours. */
const STRENGTH_WORDS = new Map<number, string>([
  [3, 'Moderately'],
  [5, 'Strongly'],
  [7, 'Very strongly'],
  [9, 'Extremely'],
]);

/** Saaty's strengths above "equal", as the phone offers them: 2 to 9, the odd ones named. */
export const STRENGTHS: ReadonlyArray<{ value: number; word: string }> = SAATY_SCALE.filter((v) => v > 1).map(
  (value) => ({ value, word: STRENGTH_WORDS.get(value) ?? '' }),
);

/** Who the stored judgment favours and by how much, for showing a stored pairwise answer again. */
export function judgmentParts(
  value: number | undefined,
): { side: 'first' | 'second' | 'equal'; strength: number } | null {
  if (value === undefined) return null;
  if (Math.abs(value - 1) < 1e-9) return { side: 'equal', strength: 1 };
  return value > 1
    ? { side: 'first', strength: Math.round(value) }
    : { side: 'second', strength: Math.round(1 / value) };
}

/** The judgment for "`side` matters more, by `strength`" on the scale the workshop stores. */
export function judgment(side: 'first' | 'second', strength: number): number {
  return side === 'first' ? strength : 1 / strength;
}

export type Readiness = { ready: true; ballot: BallotSubmission } | { ready: false; reason: string };

/** The ballot to send for `method`, or why it cannot be sent yet (in the person's words). */
export function readiness(method: Method, draft: Draft, criteria: readonly Criterion[]): Readiness {
  const ids = criteria.map((c) => c.id);
  switch (method) {
    case 'direct':
      return {
        ready: true,
        ballot: { method, direct: recordOf(ids.map((id) => [id, draft.direct.get(id) ?? DIRECT_START])) },
      };
    case 'points': {
      const left = POINTS_TOTAL - pointsGiven(draft);
      if (left > 0)
        return { ready: false, reason: `Give out ${left} more ${left === 1 ? 'point' : 'points'}.` };
      if (left < 0)
        return {
          ready: false,
          reason: `Take away ${-left} ${left === -1 ? 'point' : 'points'}: the total is ${POINTS_TOTAL}.`,
        };
      return {
        ready: true,
        ballot: { method, points: recordOf(ids.map((id) => [id, draft.points.get(id) ?? 0])) },
      };
    }
    case 'rank':
      return { ready: true, ballot: { method, ranking: [...draft.ranking] } };
    case 'pairwise': {
      const pairs = pairsOf(criteria);
      const open = pairs.filter((p) => !draft.pairwise.has(p.key)).length;
      if (open > 0) return { ready: false, reason: `Answer ${open} more ${open === 1 ? 'pair' : 'pairs'}.` };
      return {
        ready: true,
        ballot: { method, pairwise: recordOf(pairs.map((p) => [p.key, draft.pairwise.get(p.key) ?? 1])) },
      };
    }
  }
}

/** JSON with every object's keys sorted, so two ballots compare equal whatever order they were built in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
