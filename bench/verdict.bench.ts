/**
 * The verdict's extras, at the largest supported size (8 candidates, 40 criteria, 40 voters),
 * against one full recompute: the smallest rating change that flips the leader and each voter's
 * own answer run only on the Compare and Recommendation steps (memoized), the printed figures on
 * every repaint of those steps. None of them runs on a slider frame of the Weighting step.
 */
import { bench, describe } from 'vitest';
import { evaluate, ownAnswers, smallestRatingFlip } from '@shared/decision';
import type { DecisionModel, ParticipantInput } from '@shared/decision';
import { scoreFigures, weightPercents } from '@shared/format/figures';

/** mulberry32, so every run measures the same problem. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state |= 0;
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function problem(candidates: number, criteria: number, participants: number) {
  const next = random(7);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const model: DecisionModel = {
    criteria: Array.from({ length: criteria }, (_, k) => ({ id: `c${k}`, name: `Criterion ${k + 1}` })),
    candidates: Array.from({ length: candidates }, (_, c) => ({ id: `s${c}`, name: `Stack ${c + 1}` })),
    ratings: {},
  };
  for (const candidate of model.candidates) {
    model.ratings[candidate.id] = Object.fromEntries(
      model.criteria.map((criterion) => [criterion.id, { value: int(1, 5), rationale: '', source: '' }]),
    );
  }
  const inputs: ParticipantInput[] = Array.from({ length: participants }, () => ({
    method: 'direct',
    scores: Array.from({ length: criteria }, () => int(0, 10)),
  }));
  return { model, inputs };
}

const options = { time: 2000, warmupTime: 500 };
const largest = problem(8, 40, 40);
const evaluation = evaluate({ ...largest, aggregation: 'mean' });

describe('the verdict’s extras (8 candidates, 40 criteria, 40 voters)', () => {
  bench(
    'one full recompute, for comparison',
    () => void evaluate({ ...largest, aggregation: 'mean' }),
    options,
  );
  bench(
    'smallest rating change that flips the leader',
    () => void smallestRatingFlip(evaluation.weights, evaluation.ratings.matrix),
    options,
  );
  bench(
    'each voter’s own answer',
    () => void ownAnswers(evaluation.participantWeights, evaluation.ratings.matrix),
    options,
  );
  bench(
    'printed figures (weights, scores, contributions)',
    () => {
      weightPercents(evaluation.weights);
      scoreFigures(evaluation.contributions);
    },
    options,
  );
});
