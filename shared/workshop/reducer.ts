/**
 * The one place the workshop document changes: `applyAction(state, action)` returns a new state or
 * throws a `WorkshopRuleError` naming what is wrong. Pure, so the renderer and the main side give
 * the same answer for the same action.
 */
import { MODEL_LIMITS, PROJECT_QUESTIONS } from '../decision';
import { mapRecord, own, recordOf, withEntry, withoutEntry } from '../util/records';
import type { IdRecord } from '../util/records';
import type { Action } from './actions';
import { currentInputs, equalPoints } from './inputs';
import { duplicateNameMessage, pairKey } from './schema';
import type { ParticipantInputs, WorkshopState } from './schema';

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
 * Puts `value` on one criterion and scales the others in proportion so the total stays 100. The
 * others keep fractions: scaling by (100 - value) / (their total) composes exactly, so moving a
 * slider 30 -> 31 -> 32 gives the same split as 30 -> 32, however the steps were grouped. (Rounding
 * at every step would not: the largest share would lose a whole point on each step.)
 */
export function rebalancePoints(
  points: Readonly<Record<string, number>>,
  ids: readonly string[],
  target: string,
  value: number,
): IdRecord<number> {
  const others = ids.filter((id) => id !== target);
  return recordOf([[target, value], ...scaleTo(points, others, 100 - value)]);
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

function updateInputs(
  state: WorkshopState,
  participantId: string,
  change: (inputs: ParticipantInputs) => ParticipantInputs,
): WorkshopState {
  const rounds = [...state.rounds];
  const round = rounds[rounds.length - 1];
  if (!round) return state;
  const next = change(currentInputs(state, participantId));
  rounds[rounds.length - 1] = { ...round, inputs: withEntry(round.inputs, participantId, next) };
  return { ...state, rounds };
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
  return { ...inputs, direct, points, ranking: inputs.ranking.filter((c) => c !== id), pairwise };
}

export function applyAction(state: WorkshopState, action: Action): WorkshopState {
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
      return updateInputs(state, action.participantId, (inputs) => ({ ...inputs, method: action.method }));

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
        return { ...inputs, points: rebalancePoints(current, ids, action.criterionId, action.value) };
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
      return updateInputs(state, action.participantId, (inputs) => ({
        ...inputs,
        pairwise: withEntry(inputs.pairwise, key, flipped ? 1 / action.value : action.value),
      }));
    }

    case 'setAggregation':
      return { ...state, aggregation: action.aggregation };
    case 'setThreshold':
      return { ...state, disagreementThreshold: action.threshold };
    case 'setAnonymous':
      return { ...state, anonymous: action.anonymous };
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
      const last = state.rounds[state.rounds.length - 1];
      // The new round starts from everyone's last answers; the earlier round stays for the record.
      const inputs = mapRecord(last?.inputs ?? {}, (i) => ({
        ...i,
        direct: recordOf(Object.entries(i.direct)),
        points: recordOf(Object.entries(i.points)),
        ranking: [...i.ranking],
        pairwise: recordOf(Object.entries(i.pairwise)),
      }));
      return {
        ...state,
        rounds: [...state.rounds, { number: state.rounds.length + 1, inputs, revealed: false }],
      };
    }

    case 'setNotes':
      return { ...state, notes: { ...state.notes, [action.field]: action.text } };
  }
}
