/**
 * The one place the workshop document changes: `applyAction(state, action)` returns a new state or
 * throws a `WorkshopRuleError` naming what is wrong. Pure, so the renderer and the main side give
 * the same answer for the same action.
 */
import { DecisionInputError, MODEL_LIMITS, PROJECT_QUESTIONS } from '../decision';
import { anonymityOf, inIdOrder, roundHasBallots } from './anonymity';
import { ballotInputs } from './ballot';
import { isVoter, workshopRoomWeights } from './evaluate';
import { mapRecord, own, recordOf, withEntry, withoutEntry } from '../util/records';
import type { IdRecord } from '../util/records';
import type { Action } from './actions';
import { currentInputs, equalPoints } from './inputs';
import { isRowAction, reduceRows } from './rowActions';
import { duplicateNameMessage, emptyRound, pairKey } from './schema';
import type { Anonymity, Ballot, ParticipantInputs, Round, WorkshopState } from './schema';

export class WorkshopRuleError extends Error {
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(message);
    this.name = 'WorkshopRuleError';
    this.field = field;
  }
}

const fail = (message: string, field?: string): never => {
  throw new WorkshopRuleError(message, field);
};

/** Refuses a name another criterion or candidate already has (case and accents aside). */
function failIfTaken(message: string | null): void {
  if (message !== null) fail(message, 'name');
}

function findCriterion(state: WorkshopState, id: string) {
  return (
    state.criteria.find((c) => c.id === id) ??
    fail('That criterion is no longer in this session.', 'criterionId')
  );
}

function findCandidate(state: WorkshopState, id: string) {
  return (
    state.candidates.find((c) => c.id === id) ??
    fail('That candidate is no longer in this session.', 'candidateId')
  );
}

/**
 * Puts `value` on one criterion and keeps the total at 100, taking the difference first from the
 * criteria nobody has set by hand, so a value the facilitator typed stays as typed (25 stays 25
 * while another slider moves). The untouched criteria share the rest in proportion. Only when they
 * cannot absorb the change (none are left, or the hand-set values alone exceed what remains) do the
 * hand-set ones scale too, in proportion, and the untouched ones drop to 0.
 *
 * Shares keep fractions: scaling by (rest) / (their total) composes exactly, so moving a slider
 * 30 -> 31 -> 32 gives the same split as 30 -> 32, however the steps were grouped. (Rounding at
 * every step would not: the largest share would lose a whole point on each step.)
 */
export function rebalancePoints(
  points: Readonly<Record<string, number>>,
  ids: readonly string[],
  target: string,
  value: number,
  /** Criteria set by hand before this move; the target is never among those that absorb it. */
  setByHand: readonly string[] = [],
): IdRecord<number> {
  const others = ids.filter((id) => id !== target);
  const kept = others.filter((id) => setByHand.includes(id));
  const free = others.filter((id) => !setByHand.includes(id));
  const keptTotal = kept.reduce((acc, id) => acc + (own(points, id) ?? 0), 0);
  const rest = 100 - value - keptTotal;
  const order = (entries: Array<readonly [string, number]>) => {
    const byId = new Map(entries);
    return ids.map((id) => [id, id === target ? value : (byId.get(id) ?? 0)] as const);
  };
  if (free.length > 0 && rest >= 0)
    return recordOf(
      order([...kept.map((id) => [id, own(points, id) ?? 0] as const), ...scaleTo(points, free, rest)]),
    );
  return recordOf(order([...scaleTo(points, kept, 100 - value), ...free.map((id) => [id, 0] as const)]));
}

/** `ids`' points scaled to add up to `total`; shared evenly when they are all 0. */
function scaleTo(
  points: Readonly<Record<string, number>>,
  ids: readonly string[],
  total: number,
): Array<readonly [string, number]> {
  const sum = ids.reduce((acc, id) => acc + (own(points, id) ?? 0), 0);
  return ids.map(
    (id) => [id, sum > 0 ? ((own(points, id) ?? 0) * total) / sum : total / ids.length] as const,
  );
}

/** The current round, changed by `change`. */
function updateRound(state: WorkshopState, change: (round: Round) => Round): WorkshopState {
  const rounds = [...state.rounds];
  const round = rounds[rounds.length - 1];
  if (!round) return state;
  rounds[rounds.length - 1] = change(round);
  return { ...state, rounds };
}

/**
 * Changes a participant's inputs in the current round. Entering a weight for someone is their vote
 * (`vote: true`): the facilitator types what the person says, so the person has acted. Switching the
 * method only changes which editor is open and records no vote.
 */
function updateInputs(
  state: WorkshopState,
  participantId: string,
  change: (inputs: ParticipantInputs) => ParticipantInputs,
  { vote }: { vote: boolean } = { vote: true },
): WorkshopState {
  const next = change(currentInputs(state, participantId));
  return updateRound(state, (round) => ({
    ...round,
    inputs: withEntry(round.inputs, participantId, next),
    votes: vote ? withEntry<Ballot>(round.votes, participantId, 'voted') : round.votes,
  }));
}

/** Removes a criterion from every input in every round, keeping each 100-point budget whole. */
function withoutCriterionInInputs(
  inputs: ParticipantInputs,
  id: string,
  remaining: readonly string[],
): ParticipantInputs {
  const direct = withoutEntry(inputs.direct, id);
  const hadPoints = Object.keys(inputs.points).length > 0;
  const points = recordOf(hadPoints ? scaleTo(inputs.points, remaining, 100) : []);
  const pairwise = recordOf(Object.entries(inputs.pairwise).filter(([key]) => !key.split('|').includes(id)));
  const pointsSet = inputs.pointsSet.filter((c) => c !== id);
  return { ...inputs, direct, points, ranking: inputs.ranking.filter((c) => c !== id), pairwise, pointsSet };
}

export function applyAction(state: WorkshopState, action: Action): WorkshopState {
  const next = reduce(state, action);
  if (next.aggregation === 'geometric' && next !== state) refuseEmptyGeometricMean(state, next);
  return next;
}

/**
 * With the geometric mean one zero gives a criterion zero, so zeros spread over every criterion
 * leave no weights at all: the engine refuses that, and so must the change that would cause it
 * (a workshop saved in that state by an earlier version still opens and can be changed).
 */
function refuseEmptyGeometricMean(before: WorkshopState, next: WorkshopState): void {
  const empty = (state: WorkshopState) => {
    const voted = Object.keys(state.rounds[state.rounds.length - 1]?.votes ?? {});
    try {
      // Only the room's weights: whether there are any is all this asks.
      workshopRoomWeights(
        state,
        voted.map((id) => ({ id, name: id })),
      );
      return null;
    } catch (error) {
      if (error instanceof DecisionInputError && error.code === 'all_zero') return error.message;
      throw error;
    }
  };
  const message = empty(next);
  if (message !== null && empty(before) === null) fail(message, 'aggregation');
}

function reduce(state: WorkshopState, action: Action): WorkshopState {
  if (isRowAction(action)) return reduceRows(state, action, fail);
  switch (action.type) {
    case 'setStep':
      return { ...state, step: action.step };

    case 'setAnswer': {
      // Question ids are the knowledge base's own, never typed by a user; answers must be options.
      const question = PROJECT_QUESTIONS.find((q) => q.id === action.question);
      if (action.value !== null && !question?.options.some((option) => option.value === action.value))
        fail(`“${action.value}” is not one of the answers to this question.`, 'value');
      const answers: Record<string, string | undefined> = { ...state.answers };
      if (action.value === null) delete answers[action.question];
      else answers[action.question] = action.value;
      return { ...state, answers };
    }

    case 'addCriterion': {
      if (state.criteria.length >= MODEL_LIMITS.criteria.max)
        fail(`A session can weigh at most ${MODEL_LIMITS.criteria.max} criteria.`);
      if (state.criteria.some((c) => c.id === action.id)) fail('That criterion already exists.', 'id');
      failIfTaken(duplicateNameMessage(state.criteria, 'criterion', action.name));
      return {
        ...state,
        criteria: [
          ...state.criteria,
          { id: action.id, name: action.name, description: action.description, builtIn: false },
        ],
      };
    }

    case 'updateCriterion': {
      const criterion = findCriterion(state, action.id);
      if (criterion.builtIn)
        fail(`“${criterion.name}” is a built-in criterion; its wording comes from the knowledge base.`);
      failIfTaken(duplicateNameMessage(state.criteria, 'criterion', action.name, action.id));
      return {
        ...state,
        criteria: state.criteria.map((c) =>
          c.id === action.id ? { ...c, name: action.name, description: action.description } : c,
        ),
      };
    }

    case 'removeCriterion': {
      const criterion = findCriterion(state, action.id);
      if (criterion.builtIn)
        fail(`“${criterion.name}” is a built-in criterion and stays; give it a low weight instead.`);
      if (state.criteria.length <= MODEL_LIMITS.criteria.min)
        fail(`Keep at least ${MODEL_LIMITS.criteria.min} criteria.`);
      const criteria = state.criteria.filter((c) => c.id !== action.id);
      const remaining = criteria.map((c) => c.id);
      return {
        ...state,
        criteria,
        ratings: mapRecord(state.ratings, (row) => withoutEntry(row, action.id)),
        overrides: state.overrides.filter((o) => o.criterionId !== action.id),
        rounds: state.rounds.map((round) => ({
          ...round,
          inputs: mapRecord(round.inputs, (inputs) => withoutCriterionInInputs(inputs, action.id, remaining)),
          anonymousBallots: mapRecord(round.anonymousBallots, (inputs) =>
            withoutCriterionInInputs(inputs, action.id, remaining),
          ),
        })),
      };
    }

    case 'moveCriterion': {
      const index = state.criteria.findIndex((c) => c.id === action.id);
      if (index < 0) fail('That criterion is no longer in this session.', 'id');
      const target = index + action.offset;
      if (target < 0 || target >= state.criteria.length) return state;
      const criteria = [...state.criteria];
      [criteria[index], criteria[target]] = [criteria[target]!, criteria[index]!];
      return { ...state, criteria };
    }

    case 'addCandidate': {
      if (state.candidates.length >= MODEL_LIMITS.candidates.max) {
        fail(`Compare at most ${MODEL_LIMITS.candidates.max} candidates.`);
      }
      if (state.candidates.some((c) => c.id === action.id)) fail('That candidate already exists.', 'id');
      failIfTaken(duplicateNameMessage(state.candidates, 'candidate', action.name));
      return {
        ...state,
        candidates: [...state.candidates, { id: action.id, name: action.name, builtIn: false }],
      };
    }

    case 'renameCandidate': {
      const candidate = findCandidate(state, action.id);
      if (candidate.builtIn) fail(`“${candidate.name}” is built in and keeps its name.`);
      failIfTaken(duplicateNameMessage(state.candidates, 'candidate', action.name, action.id));
      return {
        ...state,
        candidates: state.candidates.map((c) => (c.id === action.id ? { ...c, name: action.name } : c)),
      };
    }

    case 'removeCandidate': {
      const candidate = findCandidate(state, action.id);
      if (candidate.builtIn) fail(`“${candidate.name}” is built in and stays in the comparison.`);
      return {
        ...state,
        candidates: state.candidates.filter((c) => c.id !== action.id),
        ratings: withoutEntry(state.ratings, action.id),
        overrides: state.overrides.filter((o) => o.candidateId !== action.id),
      };
    }

    case 'setRating': {
      const candidate = findCandidate(state, action.candidateId);
      const criterion = findCriterion(state, action.criterionId);
      if (candidate.builtIn && criterion.builtIn) {
        fail(
          `${candidate.name} on ${criterion.name} comes from the knowledge base; override it with a note instead.`,
        );
      }
      return {
        ...state,
        ratings: withEntry(
          state.ratings,
          candidate.id,
          withEntry(own(state.ratings, candidate.id), criterion.id, {
            value: action.value,
            rationale: action.rationale,
          }),
        ),
      };
    }

    case 'setOverride': {
      findCandidate(state, action.candidateId);
      findCriterion(state, action.criterionId);
      const others = state.overrides.filter(
        (o) => !(o.candidateId === action.candidateId && o.criterionId === action.criterionId),
      );
      const { type: _type, ...override } = action;
      return { ...state, overrides: [...others, override] };
    }

    case 'clearOverride':
      return {
        ...state,
        overrides: state.overrides.filter(
          (o) => !(o.candidateId === action.candidateId && o.criterionId === action.criterionId),
        ),
      };

    case 'setRole':
      return { ...state, roles: withEntry(state.roles, action.participantId, action.role) };

    case 'setMethod':
      return updateInputs(state, action.participantId, (inputs) => ({ ...inputs, method: action.method }), {
        vote: false,
      });

    case 'castVote':
      // "Use the suggested weights" (or last round's): the values on screen become the vote as they are.
      return updateInputs(state, action.participantId, (inputs) => inputs);

    case 'abstain':
      return updateRound(state, (round) => ({
        ...round,
        votes: withEntry<Ballot>(round.votes, action.participantId, 'abstained'),
        includeInconsistent: withoutEntry(round.includeInconsistent, action.participantId),
      }));

    case 'clearVote':
      // Back to "not yet": this round's answers go too, so the editor offers the starting point again.
      return updateRound(state, (round) => ({
        ...round,
        inputs: withoutEntry(round.inputs, action.participantId),
        votes: withoutEntry(round.votes, action.participantId),
        includeInconsistent: withoutEntry(round.includeInconsistent, action.participantId),
      }));

    case 'includeInconsistent':
      return updateRound(state, (round) => ({
        ...round,
        includeInconsistent: action.include
          ? withEntry<true>(round.includeInconsistent, action.participantId, true)
          : withoutEntry(round.includeInconsistent, action.participantId),
      }));

    case 'setDirect':
      findCriterion(state, action.criterionId);
      return updateInputs(state, action.participantId, (inputs) => ({
        ...inputs,
        direct: withEntry(inputs.direct, action.criterionId, action.value),
      }));

    case 'setPoints': {
      findCriterion(state, action.criterionId);
      const ids = state.criteria.map((c) => c.id);
      return updateInputs(state, action.participantId, (inputs) => {
        const current = Object.keys(inputs.points).length > 0 ? inputs.points : equalPoints(ids);
        return {
          ...inputs,
          points: rebalancePoints(current, ids, action.criterionId, action.value, inputs.pointsSet),
          pointsSet: [...inputs.pointsSet.filter((id) => id !== action.criterionId), action.criterionId],
        };
      });
    }

    case 'moveRank': {
      findCriterion(state, action.criterionId);
      return updateInputs(state, action.participantId, (inputs) => {
        const ranking = [...inputs.ranking];
        const index = ranking.indexOf(action.criterionId);
        const target = index + action.offset;
        if (index < 0 || target < 0 || target >= ranking.length) return inputs;
        [ranking[index], ranking[target]] = [ranking[target]!, ranking[index]!];
        return { ...inputs, ranking };
      });
    }

    case 'setJudgment': {
      if (action.a === action.b) fail('A criterion cannot be compared with itself.', 'b');
      findCriterion(state, action.a);
      findCriterion(state, action.b);
      const { key, flipped } = pairKey(action.a, action.b);
      const changed = updateInputs(state, action.participantId, (inputs) => ({
        ...inputs,
        pairwise: withEntry(inputs.pairwise, key, flipped ? 1 / action.value : action.value),
      }));
      // "Include anyway" was said of the answers as they were; revised answers are judged afresh.
      return updateRound(changed, (round) => ({
        ...round,
        includeInconsistent: withoutEntry(round.includeInconsistent, action.participantId),
      }));
    }

    case 'submitBallot':
      return submitBallot(state, action);

    case 'setAggregation':
      return { ...state, aggregation: action.aggregation };
    case 'setThreshold':
      return { ...state, disagreementThreshold: action.threshold };
    case 'setAnonymous':
      return setAnonymity(state, action.anonymous ? 'hiddenFromRoom' : 'named');
    case 'setAnonymity':
      return setAnonymity(state, action.anonymity);
    case 'setHideUntilReveal':
      return { ...state, hideUntilReveal: action.hide };

    case 'setRevealed': {
      const rounds = [...state.rounds];
      const last = rounds[rounds.length - 1];
      if (last) rounds[rounds.length - 1] = { ...last, revealed: action.revealed };
      return { ...state, rounds };
    }

    case 'startRound': {
      if (state.rounds.length >= 5) fail('A workshop can have at most 5 rounds.');
      // Everyone starts the new round at "not yet"; the editor offers each voter's last answers
      // (read from the earlier round, see currentInputs) without counting them. Earlier rounds stay.
      // The new round runs under the level the last one had, until the facilitator changes it.
      return { ...state, rounds: [...state.rounds, emptyRound(state.rounds.length + 1, anonymityOf(state))] };
    }

    case 'setNotes':
      return { ...state, notes: { ...state.notes, [action.field]: action.text } };
  }
}

/**
 * The current round's level. Once the round has ballots it cannot move to or from "hidden from
 * everyone": ballots stored with names cannot be unlinked after the fact, nor anonymous ones named.
 */
function setAnonymity(state: WorkshopState, anonymity: Anonymity): WorkshopState {
  const from = anonymityOf(state);
  if (from === anonymity) return state;
  const crossing = from === 'hiddenFromEveryone' || anonymity === 'hiddenFromEveryone';
  if (crossing && roundHasBallots(state.rounds[state.rounds.length - 1]))
    fail(
      from === 'hiddenFromEveryone'
        ? 'This round’s ballots were stored without names and cannot be given them; start a new round to change the anonymity.'
        : 'This round already has ballots stored with names, which cannot be hidden from everyone after the fact; start a new round for that.',
      'anonymity',
    );
  return updateRound(state, (round) => ({ ...round, anonymity }));
}

/**
 * A whole ballot from a device. A participant's becomes their inputs and vote in the current
 * round; at "hidden from everyone" the ballot comes under an id of its own and is kept apart from
 * everyone's inputs, so nothing stored links it to a name.
 */
function submitBallot(
  state: WorkshopState,
  action: Extract<Action, { type: 'submitBallot' }>,
): WorkshopState {
  const level = anonymityOf(state);
  if (!('participantId' in action.voter)) {
    const { ballotId } = action.voter;
    if (level !== 'hiddenFromEveryone')
      fail('Only a round hidden from everyone takes anonymous ballots.', 'voter');
    // A participant's id would link the ballot to a name: the id must be the ballot's own.
    const known = (round: Round) =>
      own(round.inputs, ballotId) !== undefined || own(round.votes, ballotId) !== undefined;
    if (own(state.roles, ballotId) !== undefined || state.rounds.some(known))
      fail('An anonymous ballot cannot carry a participant’s reference.', 'voter.ballotId');
    const answer = ballotInputs(state, action.ballot, fail);
    const inputs: ParticipantInputs = {
      direct: {},
      points: {},
      ranking: [],
      pairwise: {},
      pointsSet: [],
      ...answer,
    };
    return updateRound(state, (round) => ({
      ...round,
      // In the order of their random ids, never of arrival: the k-th ballot is nobody's in particular.
      anonymousBallots: inIdOrder(withEntry(round.anonymousBallots, ballotId, inputs)),
      includeInconsistent: withoutEntry(round.includeInconsistent, ballotId),
    }));
  }
  const { participantId } = action.voter;
  if (level === 'hiddenFromEveryone')
    fail('This round is hidden from everyone: a ballot cannot carry a name.', 'voter');
  if (!isVoter(state, participantId))
    fail('An observer does not vote; the facilitator can make them a voter.', 'voter.participantId');
  const answer = ballotInputs(state, action.ballot, fail);
  // The ballot replaces that method's answer whole and makes it the voter's method; the other
  // methods' answers stay, as a switch of method in the console keeps them.
  const voted = updateInputs(state, participantId, (inputs) => ({ ...inputs, ...answer }));
  // "Include anyway" was said of the answers as they were; a new ballot is judged afresh.
  return updateRound(voted, (round) => ({
    ...round,
    includeInconsistent: withoutEntry(round.includeInconsistent, participantId),
  }));
}
