/** What each participant has entered, with sensible starting values for what they have not. */
import { applyProjectProfile, builtInModel, BASE_SUGGESTED_WEIGHT } from '../decision';
import type { ProjectAnswers } from '../decision';
import { own, recordOf } from '../util/records';
import type { IdRecord } from '../util/records';
import type { Ballot, ParticipantInputs, Round, WorkshopState } from './schema';

/** 100 points shared as evenly as whole numbers allow. */
export function equalPoints(ids: readonly string[]): IdRecord<number> {
  const base = Math.floor(100 / ids.length);
  let extra = 100 - base * ids.length;
  return recordOf(ids.map((id) => [id, base + (extra-- > 0 ? 1 : 0)]));
}

/** Shares `total` among `weights` in proportion, as whole numbers that add up exactly (largest remainder). */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = sum > 0 ? weights.map((w) => (w * total) / sum) : weights.map(() => total / weights.length);
  const floors = raw.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = raw
    .map((v, i) => ({ i, rest: v - Math.floor(v) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors;
}

/**
 * Stored points as the editor shows them: whole numbers that add up to exactly 100 (largest
 * remainder), so the voter's own whole-number choice shows as it was set.
 */
export function shownPoints(
  points: Readonly<Record<string, number>>,
  ids: readonly string[],
): IdRecord<number> {
  const whole = apportion(
    ids.map((id) => own(points, id) ?? 0),
    100,
  );
  return recordOf(ids.map((id, i) => [id, whole[i] ?? 0]));
}

/** The profile's suggested starting weight (0-10) for every criterion in the session. */
export function suggestedDirect(state: WorkshopState): IdRecord<number> {
  const suggested = applyProjectProfile(builtInModel(), state.answers as ProjectAnswers).suggestedWeights;
  return recordOf(state.criteria.map((c) => [c.id, own(suggested, c.id) ?? BASE_SUGGESTED_WEIGHT]));
}

/**
 * A participant's inputs in the current round, completed for the session's criteria: missing
 * slider values start at the profile's suggestion, points at an even split, the ranking in the
 * criteria's order, pairwise judgments at "equal".
 */
export function currentInputs(
  state: WorkshopState,
  participantId: string,
  /** `suggestedDirect(state)`, when the caller resolves many participants at once. */
  suggested: Readonly<IdRecord<number>> = suggestedDirect(state),
): ParticipantInputs {
  let stored: ParticipantInputs | undefined;
  for (let r = state.rounds.length - 1; r >= 0 && !stored; r--)
    stored = own(state.rounds[r]?.inputs, participantId);
  return completeInputs(state, stored, suggested);
}

/**
 * Stored inputs (or none) completed for the session's criteria now: a criterion added since they
 * were entered starts at the suggestion, an even share or the end of the ranking, as in the editor.
 */
export function completeInputs(
  state: WorkshopState,
  stored: ParticipantInputs | undefined,
  suggested: Readonly<IdRecord<number>> = suggestedDirect(state),
): ParticipantInputs {
  const ids = state.criteria.map((c) => c.id);
  const direct = recordOf(
    ids.map((id) => [id, own(stored?.direct, id) ?? own(suggested, id) ?? BASE_SUGGESTED_WEIGHT]),
  );
  const hasPoints = stored !== undefined && ids.some((id) => (own(stored?.points, id) ?? 0) > 0);
  const points = hasPoints ? recordOf(ids.map((id) => [id, own(stored?.points, id) ?? 0])) : equalPoints(ids);
  const known = (stored?.ranking ?? []).filter((id) => ids.includes(id));
  const ranking = [...known, ...ids.filter((id) => !known.includes(id))];
  return {
    method: stored?.method ?? 'direct',
    direct,
    points,
    ranking,
    pairwise: recordOf(Object.entries(stored?.pairwise ?? {})),
    pointsSet: hasPoints ? (stored?.pointsSet ?? []).filter((id) => ids.includes(id)) : [],
  };
}

/** Whether the participant has entered anything in the current round. */
export function hasInput(state: WorkshopState, participantId: string): boolean {
  return own(state.rounds[state.rounds.length - 1]?.inputs, participantId) !== undefined;
}

/** A voter's state in a round (the current one unless `round` is given). */
export type BallotState = Ballot | 'notYet';

export function ballotOf(state: WorkshopState, participantId: string, round?: Round): BallotState {
  return own((round ?? state.rounds[state.rounds.length - 1])?.votes, participantId) ?? 'notYet';
}

/**
 * Where the editor's values come from for a voter who has not voted in this round: their own
 * answers from this round (changed, then cleared) or an earlier one, else the profile's suggestion.
 */
export function startingPoint(state: WorkshopState, participantId: string): 'suggested' | 'earlier' {
  return state.rounds.some((round) => own(round.inputs, participantId) !== undefined)
    ? 'earlier'
    : 'suggested';
}
