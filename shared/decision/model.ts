/**
 * The decision model as data: criteria, candidates and their ratings. Built-in knowledge is just
 * the default model; a session can add its own candidates (FastAPI, Rails, Go, ...) and criteria,
 * and override any rating with a note while the original is kept.
 */
import { aggregatePairwise, aggregateWeights, disagreement, inputWeights } from './aggregate';
import type { AggregationMethod, CriterionDisagreement, ParticipantInput } from './aggregate';
import { ahp, CONSISTENCY_LIMIT, mostInconsistentJudgment } from './ahp';
import type { AhpResult, Judgment } from './ahp';
import { DecisionInputError } from './errors';
import { BUILT_IN_CANDIDATES } from './knowledge/candidates';
import { BUILT_IN_CRITERIA } from './knowledge/criteria';
import { BASE_SUGGESTED_WEIGHT, PROFILE_RULES } from './knowledge/projectProfile';
import type { ProfileRule, ProjectAnswers } from './knowledge/projectProfile';
import { RATING_SCALE } from './knowledge/source';
import { recommend } from './recommend';
import type { Recommendation } from './recommend';
import { contributions } from './scores';
import { describeFlip, flipPointDetails } from './sensitivity';
import type { FlipPoint } from './sensitivity';
import { weightPercents } from '../format/figures';
import { hasOwnKey, mapRecord, own, recordOf } from '../util/records';

export const MODEL_LIMITS = { candidates: { min: 2, max: 8 }, criteria: { min: 3, max: 40 } } as const;

export type Criterion = { id: string; name: string };
export type Candidate = { id: string; name: string };
export type RatingCell = {
  value: number;
  rationale: string;
  source: string;
  /** Ids of the built-in sources the rationale rests on (see knowledge/source.ts); absent for the room's own ratings. */
  sources?: readonly string[];
};

export type DecisionModel = {
  criteria: Criterion[];
  candidates: Candidate[];
  /** ratings[candidateId][criterionId] */
  ratings: Record<string, Record<string, RatingCell>>;
};

export type RatingOverride = { candidateId: string; criterionId: string; value: number; note: string };

/** Django and Node.js on the seven criteria of the article, with their default ratings. */
export function builtInModel(): DecisionModel {
  return {
    criteria: BUILT_IN_CRITERIA.map(({ id, name }) => ({ id, name })),
    candidates: BUILT_IN_CANDIDATES.map(({ id, name }) => ({ id, name })),
    ratings: recordOf(
      BUILT_IN_CANDIDATES.map((candidate) => [
        candidate.id,
        mapRecord(candidate.ratings, (cell) => ({ ...cell })),
      ]),
    ),
  };
}

function assertRating(value: number, where: string): void {
  if (!Number.isFinite(value) || value < RATING_SCALE.min || value > RATING_SCALE.max) {
    throw new DecisionInputError(
      'out_of_range',
      `The rating for ${where} is ${value}; ratings run from ${RATING_SCALE.min} to ${RATING_SCALE.max}.`,
    );
  }
}

function assertUnique(items: readonly { id: string; name: string }[], what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id))
      throw new DecisionInputError('out_of_range', `Two ${what} share the id "${item.id}".`);
    seen.add(item.id);
  }
}

/** Checks the limits (2-8 candidates, 3-40 criteria), unique ids, and a valid rating in every cell. */
export function validateModel(model: DecisionModel): void {
  const { candidates, criteria } = MODEL_LIMITS;
  if (model.candidates.length < candidates.min) {
    throw new DecisionInputError('too_few', `Compare at least ${candidates.min} candidates.`);
  }
  if (model.candidates.length > candidates.max) {
    throw new DecisionInputError('too_many', `Compare at most ${candidates.max} candidates.`);
  }
  if (model.criteria.length < criteria.min)
    throw new DecisionInputError('too_few', `Use at least ${criteria.min} criteria.`);
  if (model.criteria.length > criteria.max)
    throw new DecisionInputError('too_many', `Use at most ${criteria.max} criteria.`);
  assertUnique(model.candidates, 'candidates');
  assertUnique(model.criteria, 'criteria');
  for (const candidate of model.candidates) {
    for (const criterion of model.criteria) {
      const cell = own(own(model.ratings, candidate.id), criterion.id);
      const where = `${candidate.name} on ${criterion.name}`;
      if (!cell) throw new DecisionInputError('empty', `There is no rating for ${where} yet.`);
      assertRating(cell.value, where);
    }
  }
}

export type ResolvedCell = RatingCell & {
  /** The value before any override (the default or the facilitator's own entry). */
  original: number;
  override: { value: number; note: string } | null;
};

export type ResolvedRatings = {
  /** matrix[candidate][criterion], in model order, with overrides applied. */
  matrix: number[][];
  cells: ResolvedCell[][];
};

/** Applies per-session overrides on top of the model; each cell keeps its original value. */
export function resolveRatings(
  model: DecisionModel,
  overrides: readonly RatingOverride[] = [],
): ResolvedRatings {
  validateModel(model);
  const byCell = new Map(overrides.map((o) => [`${o.candidateId}\u0000${o.criterionId}`, o]));
  for (const o of overrides) {
    const candidate = model.candidates.find((c) => c.id === o.candidateId);
    const criterion = model.criteria.find((c) => c.id === o.criterionId);
    if (!candidate || !criterion) {
      throw new DecisionInputError(
        'out_of_range',
        `An override names a candidate or criterion that is not in this session.`,
      );
    }
    assertRating(o.value, `${candidate.name} on ${criterion.name} (override)`);
  }
  const cells = model.candidates.map((candidate) =>
    model.criteria.map((criterion) => {
      const cell = own(own(model.ratings, candidate.id), criterion.id) as RatingCell;
      const override = byCell.get(`${candidate.id}\u0000${criterion.id}`);
      return {
        ...cell,
        value: override ? override.value : cell.value,
        original: cell.value,
        override: override ? { value: override.value, note: override.note } : null,
      };
    }),
  );
  return { matrix: cells.map((row) => row.map((cell) => cell.value)), cells };
}

export type RatingChange = { candidate: string; criterion: string; from: number; to: number; rule: string };

export type ProfileOutcome = {
  model: DecisionModel;
  /** Every rule whose condition holds, in order, with its reason. */
  applied: ProfileRule[];
  ratingChanges: RatingChange[];
  /** Suggested starting weight per criterion id, on the direct 0-10 scale. */
  suggestedWeights: Record<string, number>;
};

/** Runs the project-profile rules: adjusted ratings and suggested weights, each traceable to a rule. */
export function applyProjectProfile(model: DecisionModel, answers: ProjectAnswers): ProfileOutcome {
  const next: DecisionModel = {
    ...model,
    ratings: mapRecord(model.ratings, (row) => recordOf(Object.entries(row))),
  };
  const suggestedWeights = recordOf(model.criteria.map((c) => [c.id, BASE_SUGGESTED_WEIGHT]));
  const applied = PROFILE_RULES.filter((rule) => rule.applies(answers));
  const ratingChanges: RatingChange[] = [];
  for (const rule of applied) {
    for (const effect of rule.effects) {
      if (effect.kind === 'weight') {
        if (hasOwnKey(suggestedWeights, effect.criterion)) suggestedWeights[effect.criterion] = effect.value;
        continue;
      }
      const row = own(next.ratings, effect.candidate);
      const cell = own(row, effect.criterion);
      if (!row || !cell || cell.value === effect.value) continue;
      ratingChanges.push({
        candidate: effect.candidate,
        criterion: effect.criterion,
        from: cell.value,
        to: effect.value,
        rule: rule.id,
      });
      row[effect.criterion] = {
        value: effect.value,
        rationale: `${rule.when}. ${rule.reason}`,
        source: rule.source,
        sources: rule.sources,
      };
    }
  }
  return { model: next, applied, ratingChanges, suggestedWeights };
}

export type PairwiseCheck = {
  participant: number;
  cr: number;
  consistent: boolean;
  revisit: Judgment | null;
};

export type EvaluateOptions = {
  model: DecisionModel;
  overrides?: readonly RatingOverride[];
  /** One input per voting participant, criteria in model order. */
  inputs: readonly ParticipantInput[];
  aggregation: AggregationMethod;
  disagreementThreshold?: number;
  /**
   * How many voters these inputs stand for (default: one per input). 0 when the inputs are a
   * stand-in, such as the suggested weights before anyone has voted: then no confidence is claimed.
   */
  voters?: number;
};

export type Evaluation = {
  ratings: ResolvedRatings;
  /** The room's weights, summing to 1, in criterion order. */
  weights: number[];
  participantWeights: number[][];
  spread: CriterionDisagreement[];
  pairwise: PairwiseCheck[];
  contributions: number[][];
  totals: number[];
  flips: Array<FlipPoint & { sentence: string }>;
  recommendation: Recommendation;
};

/**
 * The first part of `evaluate`, with the same checks and errors: the ratings, each voter's weights
 * and the room's. On its own for a caller that only asks whether the room has weights at all
 * (with the geometric mean, a zero on every criterion from someone leaves it none): nothing
 * `evaluate` does after this can find them empty.
 */
export function roomWeights(options: EvaluateOptions): {
  ratings: ResolvedRatings;
  analyses: Array<AhpResult | null>;
  participantWeights: number[][];
  weights: number[];
} {
  const { model, inputs, aggregation } = options;
  const ratings = resolveRatings(model, options.overrides);
  if (inputs.length === 0) throw new DecisionInputError('too_few', 'No voter has given weights yet.');
  inputs.forEach((input, p) => {
    const size =
      input.method === 'direct'
        ? input.scores.length
        : input.method === 'points'
          ? input.points.length
          : input.method === 'rank'
            ? input.ranks.length
            : input.matrix.length;
    if (size !== model.criteria.length) {
      throw new DecisionInputError(
        'length_mismatch',
        `Participant ${p + 1} weighed ${size} criteria; the session has ${model.criteria.length}.`,
      );
    }
  });

  // Each pairwise matrix is analysed once; its weights serve the room's weights and its own check.
  const analyses = inputs.map((input) => (input.method === 'pairwise' ? ahp(input.matrix) : null));
  const participantWeights = inputs.map((input, p) => analyses[p]?.weights ?? inputWeights(input));
  const allPairwise = inputs.every((input) => input.method === 'pairwise');
  const weights =
    aggregation === 'geometric' && allPairwise
      ? aggregatePairwise(
          inputs
            .map((input) => (input.method === 'pairwise' ? input.matrix : []))
            .filter((m) => m.length > 0),
        ).weights
      : aggregateWeights(participantWeights, aggregation);
  return { ratings, analyses, participantWeights, weights };
}

/** Everything the live ranking, the comparison and the report need, in one pass. */
export function evaluate(options: EvaluateOptions): Evaluation {
  const { model, inputs } = options;
  const { ratings, analyses, participantWeights, weights } = roomWeights(options);
  const spread = disagreement(participantWeights, options.disagreementThreshold);
  const pairwise = inputs.flatMap((input, participant) => {
    const analysis = analyses[participant];
    if (input.method !== 'pairwise' || !analysis) return [];
    const consistent = analysis.cr <= CONSISTENCY_LIMIT;
    return [
      {
        participant,
        cr: analysis.cr,
        consistent,
        revisit: consistent ? null : mostInconsistentJudgment(input.matrix, analysis.weights),
      },
    ];
  });
  const parts = contributions(weights, ratings.matrix);
  const names = {
    criteria: model.criteria.map((c) => c.name),
    candidates: model.candidates.map((c) => c.name),
  };
  // The sentences quote each current weight as the tables print it.
  const shown = weightPercents(weights);
  const flips = flipPointDetails(weights, ratings.matrix).map((flip) => ({
    ...flip,
    sentence: describeFlip(flip, weights[flip.criterion] ?? 0, names, shown[flip.criterion]),
  }));

  return {
    ratings,
    weights,
    participantWeights,
    spread,
    pairwise,
    contributions: parts,
    totals: parts.map((row) => row.reduce((sum, v) => sum + v, 0)),
    flips,
    recommendation: recommend(weights, ratings.matrix, spread, flips, options.voters ?? inputs.length),
  };
}
