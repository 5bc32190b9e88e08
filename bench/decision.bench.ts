/**
 * `npm run bench`: how long one full recompute of the decision takes at the largest supported size
 * (8 candidates, 40 criteria, 40 participants), which is what runs when a slider moves. The budget is
 * one frame, 16 ms; the engine should use a small part of it.
 */
import { bench, describe } from 'vitest';
import { evaluate } from '@shared/decision';
import type { DecisionModel, ParticipantInput } from '@shared/decision';

/** A small deterministic generator (mulberry32), so every run measures the same problem. */
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
  const next = random(42);
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
  const saaty = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9];
  const inputs: ParticipantInput[] = Array.from({ length: participants }, (_, p) => {
    switch (p % 4) {
      case 0:
        return { method: 'direct', scores: Array.from({ length: criteria }, () => int(0, 10)) };
      case 1: {
        const points = new Array<number>(criteria).fill(0);
        for (let i = 0; i < 100; i++) points[int(0, criteria - 1)]! += 1;
        return { method: 'points', points };
      }
      case 2:
        return { method: 'rank', ranks: Array.from({ length: criteria }, () => int(1, criteria)) };
      default: {
        const matrix = Array.from({ length: criteria }, () => new Array<number>(criteria).fill(1));
        for (let i = 0; i < criteria; i++)
          for (let j = i + 1; j < criteria; j++) {
            const v = saaty[int(0, saaty.length - 1)] ?? 1;
            matrix[i]![j] = v;
            matrix[j]![i] = 1 / v;
          }
        return { method: 'pairwise', matrix };
      }
    }
  });
  return { model, inputs };
}

/** A longer window than the default: on a small shared machine, short runs mostly measure noise. */
const options = { time: 3000, warmupTime: 1000 };

const largest = problem(8, 40, 40);
const workshop = problem(2, 7, 12);

describe('recompute the whole decision (budget: one frame, 16 ms)', () => {
  bench(
    '8 candidates, 40 criteria, 40 participants (all four input methods)',
    () => {
      evaluate({ ...largest, aggregation: 'mean' });
    },
    options,
  );
  bench(
    '2 candidates, 7 criteria, 12 participants (a typical workshop)',
    () => {
      evaluate({ ...workshop, aggregation: 'mean' });
    },
    options,
  );
});
