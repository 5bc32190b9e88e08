/**
 * The decision engine: pure functions, no I/O, shared by the UI, the report and the tests.
 * Invalid input throws `DecisionInputError`; nothing here ever returns NaN.
 */
export { DecisionInputError } from './errors';
export type { DecisionErrorCode } from './errors';

// Weights from each method, normalized to sum to 1.
export {
  normalize,
  rankOrderCentroid,
  directWeights,
  pointsWeights,
  rankWeights,
  withWeight,
} from './weights';
export { DIRECT_MIN, DIRECT_MAX, POINTS_TOTAL } from './weights';

// Pairwise comparison (AHP): eigenvector weights, consistency, the judgment to revisit.
export { ahp, mostInconsistentJudgment, nearestSaatyValue, pairwiseMatrix, randomIndex } from './ahp';
export { RANDOM_INDEX, CONSISTENCY_LIMIT, SAATY_SCALE } from './ahp';
export type { AhpResult, Judgment } from './ahp';

// Group weights and disagreement.
export { aggregateWeights, aggregatePairwise, groupWeights, inputWeights, disagreement } from './aggregate';
export { DEFAULT_DISAGREEMENT_THRESHOLD } from './aggregate';
export type { AggregationMethod, ParticipantInput, CriterionDisagreement } from './aggregate';

// Scores, ranking (ties reported as ties), sensitivity and the recommendation.
export { weightedSum, contributions, rank, sameScore } from './scores';
export type { Ranking, RankedCandidate } from './scores';
export { flipPoints, flipPointDetails, describeFlip } from './sensitivity';
export type { Crossing, FlipPoint } from './sensitivity';
export { recommend, formatRelativeMargin, CONFIDENCE_RULE, CONFIDENCE_THRESHOLDS } from './recommend';
export type { Confidence, Reason, Recommendation } from './recommend';

// Beyond the room's weights: each voter's own answer, and the smallest change of ratings that flips the leader.
export { ownAnswers, describeOwnAnswers, answerPhrase, countWord, joinAnd } from './voters';
export type { OwnAnswerGroup, OwnAnswerNames } from './voters';
export { smallestRatingFlip, applyRatingSteps, describeRatingFlip } from './ratingFlip';
export type { RatingFlip, RatingStep } from './ratingFlip';

// The model: built-in knowledge, custom candidates and criteria, overrides, one-pass evaluation.
export {
  builtInModel,
  validateModel,
  resolveRatings,
  applyProjectProfile,
  evaluate,
  roomWeights,
  MODEL_LIMITS,
} from './model';
export type {
  Candidate,
  Criterion,
  DecisionModel,
  Evaluation,
  EvaluateOptions,
  PairwiseCheck,
  ProfileOutcome,
  RatingCell,
  RatingChange,
  RatingOverride,
  ResolvedCell,
  ResolvedRatings,
} from './model';

// Knowledge base from the comparison article.
export { BUILT_IN_CRITERIA } from './knowledge/criteria';
export type { CriterionInfo } from './knowledge/criteria';
export { BUILT_IN_CANDIDATES, DJANGO, NODE } from './knowledge/candidates';
export type { CandidateProfile, RatingEntry } from './knowledge/candidates';
export { PROJECT_QUESTIONS, PROFILE_RULES, BASE_SUGGESTED_WEIGHT } from './knowledge/projectProfile';
export type {
  ProjectAnswers,
  ProfileRule,
  Question,
  QuestionId,
  RuleEffect,
} from './knowledge/projectProfile';
export {
  ARTICLE_SOURCE,
  citedSources,
  citeSources,
  KNOWLEDGE_PROVENANCE,
  KNOWLEDGE_REVIEWED,
  RATING_SCALE,
  SOURCE_IDS,
  SOURCE_LABEL,
  SOURCES,
  sourceOf,
} from './knowledge/source';
export type { Source, SourceId } from './knowledge/source';
