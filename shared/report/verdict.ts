/**
 * What the report and the decision record say about the verdict, worked out once: the figures as
 * printed (weights that add up to 100.0%, contributions that add up to each score, a lead that is
 * the difference of the printed scores), who voted, the reasons that argue, each voter's own
 * answer and what would change the result. With no votes it says so and claims nothing from them.
 */
import {
  CONSISTENCY_LIMIT,
  describeOwnAnswers,
  describeRatingFlip,
  formatRelativeMargin,
  joinAnd,
  ownAnswers,
  smallestRatingFlip,
} from '../decision';
import type { Reason } from '../decision';
import {
  formatLead,
  formatScore,
  largestRemainder,
  SCORE_DIGITS,
  scoreFigures,
  unitsText,
  weightPercents,
  weightTotal,
} from '../format/figures';
import type { ScoreFigures } from '../format/figures';
import type { WorkshopResult } from '../workshop';

export type VerdictNames = {
  /** A participant as this document may name them ("Participant 2" in an anonymous room). */
  of: (id: string) => string;
  anonymous: boolean;
};

export type VerdictFacts = {
  /** No vote counts: the figures use the starting weights and no confidence is claimed. */
  noVotes: boolean;
  /** "equal weights" or "the weights the project profile suggests", when `noVotes`. */
  basis: string;
  leader: string | null;
  runnerUp: string | null;
  /** The names of the candidates tied for first, when there is no single leader. */
  tied: string[];
  headline: string;
  weights: string[];
  weightTotal: string;
  scores: ScoreFigures;
  /** "0.23 points over Node.js (5.9% of Django’s score)", or null without a runner-up. */
  lead: string | null;
  votes: string;
  /** Sentences about votes left out (inconsistent pairwise answers, unusable input). */
  leftOut: string[];
  /**
   * Per criterion, the first compared stack's advantage over the second (negative where the second
   * is ahead) in hundredths of a point, rounded together so that they keep their order and add up
   * to the rounded lead; empty without a pair to compare. The reasons and the chart print these.
   */
  advantages: number[];
  reasons: ReasonFacts[];
  againstReasons: ReasonFacts[];
  ownAnswers: string | null;
  ratingFlip: string | null;
  closestFlip: string | null;
};

/** Whether the weights the result uses are all equal. */
function equalWeights(weights: readonly number[]): boolean {
  const [first = 0, ...rest] = weights;
  return rest.every((w) => Math.abs(w - first) < 1e-9);
}

/** A reason as the documents phrase it: on `criterion`, `favoured` scores `points` more than `other`. */
export type ReasonFacts = {
  criterion: string;
  /** The criterion's index in the model. */
  index: number;
  points: string;
  favoured: string;
  other: string;
};

/**
 * `units` is the criterion's advantage as `advantages` rounds it; one that rounds to nothing is
 * "less than 0.01" (its true size is under 0.01), never "0.00".
 */
function reasonFacts(
  reason: Reason,
  criteria: readonly string[],
  units: number,
  names: [favoured: string, other: string],
): ReasonFacts {
  return {
    criterion: criteria[reason.criterion] ?? '',
    index: reason.criterion,
    points: units > 0 ? unitsText(units, SCORE_DIGITS) : `less than ${unitsText(1, SCORE_DIGITS)}`,
    favoured: names[0],
    other: names[1],
  };
}

export function verdictFacts(result: WorkshopResult, names: VerdictNames): VerdictFacts {
  const { evaluation, model, ballots } = result;
  const rec = evaluation.recommendation;
  const candidates = model.candidates.map((c) => c.name);
  const criteria = model.criteria.map((c) => c.name);
  const candidate = (index: number | null) => (index === null ? null : (candidates[index] ?? null));
  const noVotes = result.usingSuggestedWeights;
  const basis = equalWeights(evaluation.weights)
    ? 'equal weights'
    : 'the weights the project profile suggests';
  const leader = candidate(rec.leader);
  const runnerUp = candidate(rec.runnerUp);
  const tied = rec.leader === null ? rec.ranking.leaders.map((c) => candidates[c] ?? '') : [];
  const scores = scoreFigures(evaluation.contributions);

  const lead =
    leader && runnerUp && rec.runnerUp !== null && rec.leader !== null
      ? `${formatLead(evaluation.totals[rec.leader] ?? 0, evaluation.totals[rec.runnerUp] ?? 0)} points over ${runnerUp} (${formatRelativeMargin(rec.relativeMargin)} of ${leader}’s score)`
      : null;

  let headline: string;
  if (noVotes) {
    const who = ballots.voted === 0 ? 'No one has weighed in yet' : 'No vote counts yet';
    headline = leader
      ? `${who}. On ${basis}, ${leader} scores highest; nothing is recommended until the room votes.`
      : `${who}. On ${basis}, ${joinAnd(tied)} are tied.`;
  } else {
    headline = leader
      ? `Recommended: ${leader}, with ${rec.confidence} confidence.`
      : `No single recommendation: ${joinAnd(tied)} are tied.`;
  }

  const voters = result.voters.length;
  const parts = [
    `${ballots.voted} of ${voters} ${voters === 1 ? 'voter' : 'voters'} voted in round ${ballots.round}`,
  ];
  if (ballots.abstained > 0) parts.push(`${ballots.abstained} abstained`);
  if (ballots.notYet > 0) parts.push(`${ballots.notYet} not yet`);
  const votes = `${parts.join(', ')}; ${result.counted.length} counted.`;
  const leftOut = [
    ...ballots.inconsistent.map(
      ({ participant, consistencyRatio, included }) =>
        `${names.of(participant.id)}’s pairwise answers contradict each other (consistency ratio ${formatScore(consistencyRatio, 3)}, above the ${formatScore(CONSISTENCY_LIMIT, 2)} limit): ${included ? 'counted, because the facilitator chose to include them' : 'left out of the room’s weights until revised or included'}.`,
    ),
    ...result.setAside.map(
      ({ participant, reason }) => `${names.of(participant.id)}’s input did not count: ${reason}`,
    ),
  ];

  const pair = rec.compared;
  const first = pair ? (candidates[pair.first] ?? '') : '';
  const second = pair ? (candidates[pair.second] ?? '') : '';
  // Rounded together (largest remainder): a larger advantage never prints smaller than a lesser one.
  const advantages = pair
    ? largestRemainder(
        criteria.map(
          (_, k) =>
            (evaluation.contributions[pair.first]?.[k] ?? 0) -
            (evaluation.contributions[pair.second]?.[k] ?? 0),
        ),
        SCORE_DIGITS,
      )
    : [];
  const counted = result.counted.length;
  const answers =
    noVotes || counted === 0
      ? null
      : describeOwnAnswers(ownAnswers(evaluation.participantWeights, evaluation.ratings.matrix), {
          candidates,
          voters: names.anonymous ? null : result.counted.map((p) => names.of(p.id)),
        });
  const flip = rec.leader === null ? null : smallestRatingFlip(evaluation.weights, evaluation.ratings.matrix);
  const closest = rec.closestFlip
    ? evaluation.flips.find((f) => f.criterion === rec.closestFlip?.criterion)
    : undefined;

  return {
    noVotes,
    basis,
    leader,
    runnerUp,
    tied,
    headline,
    weights: weightPercents(evaluation.weights),
    weightTotal: weightTotal(evaluation.weights),
    scores,
    lead,
    votes,
    leftOut,
    advantages,
    reasons: rec.reasons.map((r) => reasonFacts(r, criteria, advantages[r.criterion] ?? 0, [first, second])),
    againstReasons: rec.strongerForRunnerUp.map((r) =>
      reasonFacts(r, criteria, -(advantages[r.criterion] ?? 0), [second, first]),
    ),
    ownAnswers: answers,
    ratingFlip: flip ? describeRatingFlip(flip, { criteria, candidates }) : null,
    closestFlip: closest?.sentence ?? null,
  };
}

/** "Django 3.88 · Node.js 3.65", best first, as printed everywhere else. */
export function scoresLine(result: WorkshopResult, facts: VerdictFacts): string {
  return result.evaluation.recommendation.ranking.order
    .map(
      (entry) =>
        `${result.model.candidates[entry.candidate]?.name ?? ''} ${facts.scores.totals[entry.candidate] ?? ''}`,
    )
    .join(' · ');
}

/** Weights as fractions with four decimals that add up to exactly 1.0000, for the CSV. */
export function csvWeights(weights: readonly number[]): string[] {
  return largestRemainder(weights, 4, 10_000).map((units) => unitsText(units, 4));
}

/** Each candidate's contributions with four decimals, adding up to its score with four decimals. */
export function csvScores(contributions: readonly (readonly number[])[]): ScoreFigures {
  return scoreFigures(contributions, 4);
}
