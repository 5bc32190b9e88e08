/**
 * From the workshop document to the decision engine: the model (built-in knowledge adjusted by the
 * project profile, plus the facilitator's own candidates, criteria and ratings) and the voters'
 * inputs, then one `evaluate` call.
 */
import {
  ahp,
  applyProjectProfile,
  builtInModel,
  CONSISTENCY_LIMIT,
  DecisionInputError,
  evaluate,
  inputWeights,
  RATING_SCALE,
  roomWeights,
} from '../decision';
import type {
  DecisionModel,
  EvaluateOptions,
  Evaluation,
  ParticipantInput,
  ProfileOutcome,
  ProjectAnswers,
  RatingCell,
} from '../decision';
import { emptyRecord, own } from '../util/records';
import { anonymousBallotIds, anonymousBallotName } from './anonymity';
import { completeInputs, currentInputs, suggestedDirect } from './inputs';
import type { ParticipantInputs, WorkshopState } from './schema';

export type WorkshopParticipant = { id: string; name: string };

export type WorkshopResult = {
  profile: ProfileOutcome;
  model: DecisionModel;
  /** Cells nobody has rated yet (custom candidates or criteria); they count as the middle rating. */
  unrated: Array<{ candidateId: string; criterionId: string }>;
  voters: WorkshopParticipant[];
  /** The voters whose input counts, in the order of `evaluation.participantWeights`. */
  counted: WorkshopParticipant[];
  /** Voters whose input cannot count yet (e.g. every slider at 0), with the reason. */
  setAside: Array<{ participant: WorkshopParticipant; reason: string }>;
  /** True when no voter's input counts yet and the weights are the profile's suggestion. */
  usingSuggestedWeights: boolean;
  /** Who did what in the round: the facts every statement about the room rests on. */
  ballots: Ballots;
  evaluation: Evaluation;
};

/**
 * The round's votes. `voted` counts everyone who voted, including those whose input is set aside or
 * left out as inconsistent; `inconsistent` lists pairwise answers above the consistency limit, and
 * whether the facilitator chose to count them anyway.
 */
export type Ballots = {
  round: number;
  voted: number;
  abstained: number;
  notYet: number;
  inconsistent: Array<{ participant: WorkshopParticipant; consistencyRatio: number; included: boolean }>;
};

const UNRATED: RatingCell = {
  value: Math.round((RATING_SCALE.min + RATING_SCALE.max) / 2),
  rationale: 'Not rated yet; counted as the middle of the scale.',
  source: 'Facilitator',
};

export function buildModel(state: WorkshopState): {
  model: DecisionModel;
  profile: ProfileOutcome;
  unrated: WorkshopResult['unrated'];
} {
  const profile = applyProjectProfile(builtInModel(), state.answers as ProjectAnswers);
  const unrated: WorkshopResult['unrated'] = [];
  const ratings = emptyRecord<Record<string, RatingCell>>();
  for (const candidate of state.candidates) {
    const row = emptyRecord<RatingCell>();
    for (const criterion of state.criteria) {
      const builtIn =
        candidate.builtIn && criterion.builtIn
          ? own(own(profile.model.ratings, candidate.id), criterion.id)
          : undefined;
      const custom = own(own(state.ratings, candidate.id), criterion.id);
      if (builtIn) row[criterion.id] = builtIn;
      else if (custom)
        row[criterion.id] = { value: custom.value, rationale: custom.rationale, source: 'Facilitator' };
      else {
        row[criterion.id] = UNRATED;
        unrated.push({ candidateId: candidate.id, criterionId: criterion.id });
      }
    }
    ratings[candidate.id] = row;
  }
  return {
    model: {
      criteria: state.criteria.map(({ id, name }) => ({ id, name })),
      candidates: state.candidates.map(({ id, name }) => ({ id, name })),
      ratings,
    },
    profile,
    unrated,
  };
}

/** One participant's entries as the engine's input, criteria in session order. */
export function toEngineInput(inputs: ParticipantInputs, criterionIds: readonly string[]): ParticipantInput {
  switch (inputs.method) {
    case 'direct':
      return { method: 'direct', scores: criterionIds.map((id) => own(inputs.direct, id) ?? 0) };
    case 'points':
      return { method: 'points', points: criterionIds.map((id) => own(inputs.points, id) ?? 0) };
    case 'rank':
      return { method: 'rank', ranks: criterionIds.map((id) => inputs.ranking.indexOf(id) + 1) };
    case 'pairwise': {
      // Start from "equal" everywhere and place each stored judgment and its reciprocal.
      const index = new Map(criterionIds.map((id, i) => [id, i]));
      const matrix = criterionIds.map(() => new Array<number>(criterionIds.length).fill(1));
      for (const [key, value] of Object.entries(inputs.pairwise)) {
        const [a, b] = key.split('|');
        const i = index.get(a ?? '');
        const j = index.get(b ?? '');
        if (i === undefined || j === undefined) continue;
        (matrix[i] as number[])[j] = value;
        (matrix[j] as number[])[i] = 1 / value;
      }
      return { method: 'pairwise', matrix };
    }
  }
}

export function isVoter(state: WorkshopState, participantId: string): boolean {
  return (own(state.roles, participantId) ?? 'voter') === 'voter';
}

/** Who counts in the round and the engine's input for them: everything but the evaluation. */
function roundInputs(
  state: WorkshopState,
  participants: readonly WorkshopParticipant[],
  roundIndex: number,
): Omit<WorkshopResult, 'evaluation'> & { options: EvaluateOptions } {
  const { model, profile, unrated } = buildModel(state);
  const ids = state.criteria.map((c) => c.id);
  // An earlier round is read as the document stood then: later rounds' answers are not its own.
  const asOf =
    roundIndex === state.rounds.length - 1
      ? state
      : { ...state, rounds: state.rounds.slice(0, roundIndex + 1) };
  const round = asOf.rounds[asOf.rounds.length - 1];
  const voters = participants.filter((p) => isVoter(state, p.id));
  const setAside: WorkshopResult['setAside'] = [];
  const counted: WorkshopParticipant[] = [];
  const countedInputs: ParticipantInput[] = [];
  const ballots: Ballots = { round: round?.number ?? 1, voted: 0, abstained: 0, notYet: 0, inconsistent: [] };
  const suggested = suggestedDirect(state);
  const count = (participant: WorkshopParticipant, input: ParticipantInput) => {
    try {
      if (input.method === 'pairwise') {
        // Saaty-scale answers always make a valid matrix; contradictory ones wait until revised or
        // counted anyway.
        const { cr } = ahp(input.matrix);
        if (cr > CONSISTENCY_LIMIT) {
          const included = own(round?.includeInconsistent, participant.id) === true;
          ballots.inconsistent.push({ participant, consistencyRatio: cr, included });
          if (!included) return;
        }
      } else inputWeights(input); // finds an unusable input (every slider at 0)
      counted.push(participant);
      countedInputs.push(input);
    } catch (error) {
      if (!(error instanceof DecisionInputError)) throw error;
      setAside.push({ participant, reason: error.message });
    }
  };
  for (const participant of voters) {
    const ballot = own(round?.votes, participant.id);
    if (ballot === 'abstained') ballots.abstained++;
    if (ballot !== 'voted') {
      if (ballot === undefined) ballots.notYet++;
      continue;
    }
    ballots.voted++;
    count(participant, toEngineInput(currentInputs(asOf, participant.id, suggested), ids));
  }
  // A ballot stored without a name is one voter, counted by its own method and never named.
  // In the order of their ids (as labelled everywhere), not of arrival.
  const anonymous = anonymousBallotIds(round).flatMap((id) => {
    const stored = own(round?.anonymousBallots, id);
    return stored ? [[id, stored] as const] : [];
  });
  anonymous.forEach(([id, stored], index) => {
    ballots.voted++;
    count(
      { id, name: anonymousBallotName(index) },
      toEngineInput(completeInputs(asOf, stored, suggested), ids),
    );
  });
  // Each of them is some voter's, who still reads as "not yet": nothing links the two.
  ballots.notYet = Math.max(0, ballots.notYet - anonymous.length);
  const usingSuggestedWeights = counted.length === 0;
  const inputs = usingSuggestedWeights
    ? [{ method: 'direct' as const, scores: ids.map((id) => own(suggested, id) ?? 0) }]
    : countedInputs;
  const options: EvaluateOptions = {
    model,
    overrides: state.overrides,
    inputs,
    aggregation: state.aggregation,
    disagreementThreshold: state.disagreementThreshold,
    // The suggested weights stand in for nobody: with no votes, no confidence is claimed.
    voters: counted.length,
  };
  return { profile, model, unrated, voters, counted, setAside, usingSuggestedWeights, ballots, options };
}

/** The whole decision for the current round (or for `roundIndex`, an earlier one, for the record). */
export function evaluateWorkshop(
  state: WorkshopState,
  participants: readonly WorkshopParticipant[],
  roundIndex: number = state.rounds.length - 1,
): WorkshopResult {
  const { options, ...round } = roundInputs(state, participants, roundIndex);
  return { ...round, evaluation: evaluate(options) };
}

/**
 * The room's weights in the current round, worked out and checked as `evaluateWorkshop` does
 * (the same errors), without the rest of the decision: for asking whether there are any.
 */
export function workshopRoomWeights(
  state: WorkshopState,
  participants: readonly WorkshopParticipant[],
): number[] {
  return roomWeights(roundInputs(state, participants, state.rounds.length - 1).options).weights;
}
