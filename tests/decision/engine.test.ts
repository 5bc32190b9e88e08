import { describe, expect, it } from 'vitest';
import {
  aggregatePairwise,
  aggregateWeights,
  ahp,
  applyProjectProfile,
  builtInModel,
  BUILT_IN_CRITERIA,
  DecisionInputError,
  describeFlip,
  directWeights,
  disagreement,
  DJANGO,
  evaluate,
  flipPointDetails,
  flipPoints,
  groupWeights,
  mostInconsistentJudgment,
  NODE,
  normalize,
  pairwiseMatrix,
  pointsWeights,
  PROFILE_RULES,
  rankWeights,
  recommend,
  resolveRatings,
  validateModel,
  weightedSum,
  CONFIDENCE_RULE,
  citeSources,
} from '@shared/decision';
import type { DecisionModel, ParticipantInput } from '@shared/decision';

function expectDecisionError(run: () => unknown, code: string, message: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DecisionInputError);
  expect((caught as DecisionInputError).code).toBe(code);
  expect((caught as DecisionInputError).message).toMatch(message);
}

describe('invalid input throws a typed error and never yields NaN', () => {
  it.each([
    ['NaN weight', () => normalize([1, Number.NaN, 2]), 'not_finite', /position 2/],
    ['infinite weight', () => normalize([1, Infinity]), 'not_finite', /position 2/],
    ['negative weight', () => normalize([1, -1]), 'negative', /Weight 2 is negative/],
    ['all-zero weights', () => normalize([0, 0, 0]), 'all_zero', /Every weight is zero/],
    ['no weights', () => normalize([]), 'empty', /empty/],
    [
      'mismatched ratings',
      () => weightedSum([1, 1, 1], [[1, 2]]),
      'length_mismatch',
      /Candidate 1's ratings has 2 values; expected 3/,
    ],
    ['NaN rating', () => weightedSum([1, 1], [[1, Number.NaN]]), 'not_finite', /Candidate 1/],
    ['non-square matrix', () => ahp([[1, 2], [0.5]]), 'not_square', /Row 2/],
    [
      'zero judgment',
      () =>
        ahp([
          [1, 0],
          [0, 1],
        ]),
      'not_positive',
      /row 1, column 2/,
    ],
    [
      'negative judgment',
      () =>
        ahp([
          [1, -3],
          [-1 / 3, 1],
        ]),
      'not_positive',
      /judgments must be positive/,
    ],
    [
      'non-reciprocal matrix',
      () =>
        ahp([
          [1, 3],
          [3, 1],
        ]),
      'not_reciprocal',
      /reciprocals/,
    ],
    [
      'diagonal not 1',
      () =>
        ahp([
          [2, 1],
          [1, 1],
        ]),
      'not_reciprocal',
      /compared with itself/,
    ],
    [
      'NaN judgment',
      () =>
        ahp([
          [1, Number.NaN],
          [Number.NaN, 1],
        ]),
      'not_finite',
      /row 1, column 2/,
    ],
    ['points not 100', () => pointsWeights([50, 40]), 'bad_points_total', /add up to 90/],
    ['direct score 11', () => directWeights([11, 5]), 'out_of_range', /from 0 to 10/],
    ['rank 0', () => rankWeights([0, 1]), 'out_of_range', /ranks start at 1/],
  ])('%s', (_label, run, code, message) => expectDecisionError(run, code, message));
});

describe('weighting methods', () => {
  it('direct, points and rank inputs give weights that sum to 1', () => {
    expect(directWeights([10, 5, 5])).toEqual([0.5, 0.25, 0.25]);
    expect(pointsWeights([60, 30, 10])).toEqual([0.6, 0.3, 0.1]);
    const ranked = rankWeights([2, 1, 3]);
    expect(ranked[1]).toBeCloseTo(0.611, 3);
    expect(ranked[0]).toBeCloseTo(0.278, 3);
  });

  it('shares the centroid weights between criteria ranked equal', () => {
    const weights = rankWeights([1, 1, 3]);
    expect(weights[0]).toBeCloseTo((0.6111 + 0.2778) / 2, 3);
    expect(weights[0]).toBe(weights[1]);
  });
});

describe('pairwise comparison', () => {
  it('flags an inconsistent matrix and names the judgment to revisit', () => {
    // A > B (3), B > C (3), A > C should be about 9; the room said C > A instead.
    const matrix = pairwiseMatrix(4, [
      { row: 0, column: 1, value: 3 },
      { row: 1, column: 2, value: 3 },
      { row: 0, column: 2, value: 1 / 5 },
      { row: 0, column: 3, value: 5 },
      { row: 1, column: 3, value: 3 },
      { row: 2, column: 3, value: 1 },
    ]);
    const { cr } = ahp(matrix);
    expect(cr).toBeGreaterThan(0.1);
    const revisit = mostInconsistentJudgment(matrix);
    expect(revisit).toMatchObject({ row: 0, column: 2, given: 1 / 5 });
    // The other judgments imply A : C of about sqrt(3*3 * 5*1) = 6.7, so 7 on Saaty's scale.
    expect(revisit?.implied).toBeCloseTo(Math.sqrt(45), 12);
    expect(revisit?.suggested).toBe(7);

    const fixed = pairwiseMatrix(4, [
      { row: 0, column: 1, value: 3 },
      { row: 1, column: 2, value: 3 },
      { row: 0, column: 2, value: revisit?.suggested ?? 1 },
      { row: 0, column: 3, value: 5 },
      { row: 1, column: 3, value: 3 },
      { row: 2, column: 3, value: 1 },
    ]);
    expect(ahp(fixed).cr).toBeLessThan(0.1);
  });

  it('has CR 0 for two criteria and no judgment to revisit in a consistent matrix', () => {
    expect(
      ahp([
        [1, 7],
        [1 / 7, 1],
      ]).cr,
    ).toBe(0);
    expect(
      mostInconsistentJudgment([
        [1, 2, 4],
        [0.5, 1, 2],
        [0.25, 0.5, 1],
      ]),
    ).toBeNull();
  });
});

describe('group aggregation', () => {
  const room = [
    [0.5, 0.3, 0.2],
    [0.2, 0.3, 0.5],
    [0.4, 0.4, 0.2],
  ];

  it('mean, median and geometric mean, each normalized', () => {
    expect(aggregateWeights(room, 'mean').map((w) => Number(w.toFixed(4)))).toEqual([0.3667, 0.3333, 0.3]);
    expect(aggregateWeights(room, 'median')).toEqual(normalize([0.4, 0.3, 0.2]));
    const geometric = aggregateWeights(room, 'geometric');
    expect(geometric[0]).toBeCloseTo(
      Math.cbrt(0.5 * 0.2 * 0.4) / (Math.cbrt(0.04) + Math.cbrt(0.036) + Math.cbrt(0.02)),
      12,
    );
  });

  it('counts each participant equally whatever the scale of their input', () => {
    expect(
      aggregateWeights(
        [
          [10, 0],
          [0, 1],
        ],
        'mean',
      ),
    ).toEqual([0.5, 0.5]);
  });

  it('aggregates pairwise judgments element by element (AIJ) when everyone compared pairwise', () => {
    const a = [
      [1, 9],
      [1 / 9, 1],
    ];
    const b = [
      [1, 1],
      [1, 1],
    ];
    const combined = aggregatePairwise([a, b]);
    expect(combined.matrix[0]?.[1]).toBeCloseTo(3, 12);
    const inputs: ParticipantInput[] = [
      { method: 'pairwise', matrix: a },
      { method: 'pairwise', matrix: b },
    ];
    expect(groupWeights(inputs, 'geometric')).toEqual(combined.weights);
    expect(groupWeights(inputs, 'geometric')[0]).toBeCloseTo(0.75, 12);
  });

  it('measures the spread per criterion and flags it above the threshold', () => {
    const spread = disagreement(room, 0.1);
    expect(spread[0]).toMatchObject({ min: 0.2, max: 0.5, flagged: true });
    expect(spread[0]?.range).toBeCloseTo(0.3, 12);
    expect(spread[1]).toMatchObject({ flagged: false });
    expect(disagreement(room, 0.2).some((d) => d.flagged)).toBe(false);
  });
});

describe('sensitivity', () => {
  it('finds the weight where the leader changes and says it in plain words', () => {
    // Django wins on security, Node.js on the rest.
    const ratings = [
      [5, 3],
      [3, 4],
    ];
    const weights = [0.4, 0.6];
    expect(weightedSum(weights, ratings).map((t) => Number(t.toFixed(3)))).toEqual([3.8, 3.6]);
    const [security] = flipPointDetails(weights, ratings);
    // 5t + 3(1-t) = 3t + 4(1-t)  =>  t = 1/3
    expect(security?.weight).toBeCloseTo(1 / 3, 12);
    expect(security?.direction).toBe('below');
    const sentence = describeFlip(security!, 0.4, {
      criteria: ['Security', 'Performance'],
      candidates: ['Django', 'Node.js'],
    });
    // The crossing is at 33.33%: the threshold is rounded up, where the claim holds.
    expect(sentence).toBe(
      'Node.js overtakes Django only if Security carries less than 33.4% of the weight (now 40.0%).',
    );
    expect(flipPoints(weights, ratings)).toEqual([
      { criterion: 0, weight: expect.closeTo(1 / 3, 12) as number },
      { criterion: 1, weight: expect.closeTo(2 / 3, 12) as number },
    ]);
  });

  it('reports null, and says so, when no weight changes the leader', () => {
    const ratings = [
      [5, 5],
      [1, 1],
    ];
    const [flip] = flipPointDetails([0.5, 0.5], ratings);
    expect(flip?.weight).toBeNull();
    expect(
      describeFlip(flip!, 0.5, { criteria: ['Security', 'Speed'], candidates: ['Django', 'Node.js'] }),
    ).toBe('Django stays ahead whatever weight Security carries, from 0 to 100%.');
  });
});

describe('recommendation', () => {
  it('is high-confidence for a wide, robust, agreed lead and gives its reasons, largest advantage first', () => {
    const result = recommend(
      [0.5, 0.3, 0.2],
      [
        [5, 5, 4],
        [2, 2, 3],
      ],
    );
    expect(result).toMatchObject({ leader: 0, runnerUp: 1, confidence: 'high' });
    expect(result.reasons.map((c) => c.criterion)).toEqual([0, 1, 2]);
    expect(result.reasons[0]?.advantage).toBeCloseTo(1.5, 12);
    expect(result.strongerForRunnerUp).toEqual([]);
  });

  it('is low-confidence for a tie and never picks a winner silently', () => {
    const result = recommend(
      [0.5, 0.5],
      [
        [4, 2],
        [2, 4],
      ],
    );
    expect(result.leader).toBeNull();
    expect(result.ranking.leaders).toEqual([0, 1]);
    expect(result.confidence).toBe('low');
    expect(result.confidenceReasons).toContain('First place is tied.');
  });

  it('is low-confidence when a small shift in one weight changes the leader', () => {
    const result = recommend(
      [0.52, 0.48],
      [
        [5, 1],
        [1, 5],
      ],
    );
    expect(result.confidence).toBe('low');
    expect(result.closestFlip?.shift).toBeCloseTo(0.02, 12);
  });

  it('drops from high to medium when the room disagrees', () => {
    const weights = [0.5, 0.3, 0.2];
    const ratings = [
      [5, 5, 4],
      [2, 2, 3],
    ];
    const spread = disagreement([
      [0.9, 0.05, 0.05],
      [0.1, 0.45, 0.45],
    ]);
    const result = recommend(weights, ratings, spread);
    expect(result.confidence).toBe('medium');
    expect(result.flaggedCriteria.length).toBeGreaterThan(0);
  });

  it('states its rule for people', () => {
    expect(CONFIDENCE_RULE).toMatch(/High: .* Low: .* Medium: /);
  });
});

describe('knowledge base', () => {
  it('has the seven criteria of the article, each with a question, description and meaning of high', () => {
    expect(BUILT_IN_CRITERIA.map((c) => c.id)).toEqual([
      'performance',
      'scalability',
      'development-speed',
      'learning-curve',
      'ecosystem',
      'use-case-fit',
      'security',
    ]);
    for (const c of BUILT_IN_CRITERIA) {
      expect(c.question).toMatch(/\?$/);
      expect(c.description.length).toBeGreaterThan(40);
      expect(c.highMeans.length).toBeGreaterThan(10);
    }
  });

  it('rates Django and Node.js on every criterion, 1 to 5, with a rationale and the source', () => {
    for (const profile of [DJANGO, NODE]) {
      for (const criterion of BUILT_IN_CRITERIA) {
        const cell = profile.ratings[criterion.id];
        expect(cell?.value).toBeGreaterThanOrEqual(1);
        expect(cell?.value).toBeLessThanOrEqual(5);
        expect(cell?.rationale.length).toBeGreaterThan(30);
        expect(cell?.sources[0]).toBe('planeks-article');
        expect(cell?.source).toBe(citeSources(cell?.sources ?? []));
      }
    }
    expect(() => validateModel(builtInModel())).not.toThrow();
  });

  it('project answers adjust ratings and suggest weights through visible rules', () => {
    const outcome = applyProjectProfile(builtInModel(), {
      workload: 'io-realtime',
      product: 'realtime',
      compliance: 'strict',
      team: 'javascript',
    });
    expect(outcome.applied.map((r) => r.id)).toEqual([
      'io-bound-workload',
      'realtime-product',
      'javascript-team',
      'strict-compliance',
    ]);
    expect(outcome.model.ratings['nodejs']?.['performance']).toMatchObject({ value: 5 });
    expect(outcome.model.ratings['django']?.['performance']?.rationale).toBe(
      `${PROFILE_RULES[0]?.when}. ${PROFILE_RULES[0]?.reason}`,
    );
    expect(outcome.suggestedWeights['security']).toBe(9);
    expect(outcome.suggestedWeights['ecosystem']).toBe(5);
    expect(outcome.ratingChanges).toContainEqual({
      candidate: 'django',
      criterion: 'use-case-fit',
      from: 3,
      to: 2,
      rule: 'realtime-product',
    });
    // The input model is untouched.
    expect(builtInModel().ratings['nodejs']?.['performance']?.value).toBe(4);
  });

  it('answers that point to a data-heavy, compliance-bound product favour Django', () => {
    const outcome = applyProjectProfile(builtInModel(), {
      workload: 'cpu-data',
      traffic: 'steady',
      product: 'data-platform',
      team: 'python',
      compliance: 'strict',
      timeline: 'tight',
    });
    const weights = outcome.model.criteria.map((c) => outcome.suggestedWeights[c.id] ?? 0);
    const result = evaluate({
      model: outcome.model,
      // Two voters who both take the suggestion: one voter alone cannot show the room agrees.
      inputs: [
        { method: 'direct', scores: weights },
        { method: 'direct', scores: weights },
      ],
      aggregation: 'mean',
    });
    expect(result.recommendation.leader).toBe(0);
    expect(result.recommendation.confidence).toBe('high');
  });
});

describe('custom candidates, criteria and overrides', () => {
  function withFastApi(): DecisionModel {
    const model = builtInModel();
    model.candidates.push({ id: 'fastapi', name: 'FastAPI' });
    model.criteria.push({ id: 'hiring', name: 'Hiring market' });
    model.ratings['fastapi'] = Object.fromEntries(
      model.criteria.map((c) => [c.id, { value: 4, rationale: 'Facilitator estimate', source: 'Workshop' }]),
    );
    for (const id of ['django', 'nodejs']) {
      (model.ratings[id] as Record<string, unknown>)['hiring'] = {
        value: 3,
        rationale: 'Facilitator estimate',
        source: 'Workshop',
      };
    }
    return model;
  }

  it('compares candidates and criteria the session added', () => {
    const model = withFastApi();
    const result = evaluate({
      model,
      inputs: [{ method: 'rank', ranks: model.criteria.map((_, i) => i + 1) }],
      aggregation: 'mean',
    });
    expect(result.totals).toHaveLength(3);
    expect(result.weights).toHaveLength(8);
  });

  it('refuses a missing rating by naming the cell', () => {
    const model = withFastApi();
    delete model.ratings['fastapi']?.['security'];
    expectDecisionError(() => validateModel(model), 'empty', /FastAPI on Security/);
  });

  it('enforces 2-8 candidates and 3-40 criteria', () => {
    const one = builtInModel();
    one.candidates = one.candidates.slice(0, 1);
    expectDecisionError(() => validateModel(one), 'too_few', /at least 2 candidates/);
    const two = builtInModel();
    two.criteria = two.criteria.slice(0, 2);
    expectDecisionError(() => validateModel(two), 'too_few', /at least 3 criteria/);
  });

  it('keeps the original rating beside an override and its note', () => {
    const resolved = resolveRatings(builtInModel(), [
      { candidateId: 'nodejs', criterionId: 'security', value: 4, note: 'Team has a security champion' },
    ]);
    const cell = resolved.cells[1]?.[6];
    expect(cell).toMatchObject({
      value: 4,
      original: 3,
      override: { value: 4, note: 'Team has a security champion' },
    });
    expect(resolved.matrix[1]?.[6]).toBe(4);
    expectDecisionError(
      () =>
        resolveRatings(builtInModel(), [
          { candidateId: 'nodejs', criterionId: 'security', value: 9, note: '' },
        ]),
      'out_of_range',
      /Node.js on Security \(override\)/,
    );
  });
});

describe('evaluate', () => {
  it('computes the whole decision for the room in one pass', () => {
    const model = builtInModel();
    const n = model.criteria.length;
    const consistent = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (n - i) / (n - j)),
    );
    const result = evaluate({
      model,
      inputs: [
        { method: 'direct', scores: [8, 6, 9, 5, 5, 7, 10] },
        { method: 'points', points: [20, 20, 10, 10, 10, 10, 20] },
        { method: 'pairwise', matrix: consistent },
      ],
      aggregation: 'median',
    });
    expect(result.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(result.pairwise).toEqual([{ participant: 2, cr: 0, consistent: true, revisit: null }]);
    expect(result.flips).toHaveLength(n);
    for (const flip of result.flips) expect(flip.sentence).toMatch(/Django|Node\.js/);
    expect([...result.totals, ...result.weights, ...result.contributions.flat()].every(Number.isFinite)).toBe(
      true,
    );
  });

  it('refuses inputs that weigh a different number of criteria', () => {
    expectDecisionError(
      () =>
        evaluate({
          model: builtInModel(),
          inputs: [{ method: 'direct', scores: [1, 2, 3] }],
          aggregation: 'mean',
        }),
      'length_mismatch',
      /Participant 1 weighed 3 criteria; the session has 7/,
    );
  });
});
