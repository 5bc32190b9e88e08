/**
 * Ids that name a property every plain object inherits (`constructor`, `__proto__`, `toString`,
 * ...) must behave like any other id. Each property runs the same workshop twice, once with such
 * ids and once with harmless ids sorted the same way (so pairwise keys keep their orientation),
 * and expects the same answer from the reducer, the engine, the history comparison and the report.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BRAND } from '@shared/brands/schema';
import { DecisionInputError, evaluate } from '@shared/decision';
import type { DecisionModel, RatingCell } from '@shared/decision';
import { compareStates } from '@shared/history/compare';
import { buildReport } from '@shared/report/model';
import type { Session } from '@shared/sessions/schema';
import { applyAction, evaluateWorkshop, initialWorkshopState, WorkshopRuleError } from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';

/** Names of properties on Object.prototype and Function.prototype, plus lower-case ones the id rule allows. */
const HOSTILE = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'tostring',
  'valueof',
  'hasownproperty',
  'name',
  'length',
  'prototype',
  'call',
] as const;
const SORTED = [...HOSTILE].sort();
/** The harmless twin of each hostile id, in the same sort order. */
const SAFE = new Map(SORTED.map((id, i) => [id, `safe-${String(i).padStart(2, '0')}`]));
const safe = (id: string) => SAFE.get(id as (typeof HOSTILE)[number]) ?? id;

const BUILT_IN_CRITERIA = initialWorkshopState().criteria.map((c) => c.id);
const BUILT_IN_CANDIDATES = initialWorkshopState().candidates.map((c) => c.id);

type Plan = {
  criteria: string[];
  candidates: string[];
  people: string[];
  steps: Array<(ids: (id: string) => string) => Action>;
};

const pick = <T>(items: readonly T[]) => fc.nat({ max: 1000 }).map((n) => items[n % items.length] as T);

const planArb: fc.Arbitrary<Plan> = fc
  .record({
    criteria: fc.uniqueArray(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 3 }),
    candidates: fc.uniqueArray(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 3 }),
    people: fc.uniqueArray(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 3 }),
  })
  .chain(({ criteria, candidates, people }) => {
    const allCriteria = [...BUILT_IN_CRITERIA, ...criteria];
    const allCandidates = [...BUILT_IN_CANDIDATES, ...candidates];
    const criterion = pick(allCriteria);
    const candidate = pick(allCandidates);
    const person = pick(people);
    const rating = fc.integer({ min: 1, max: 5 });
    type Step = Plan['steps'][number];
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.tuple(candidate, criterion, rating).map(([c, k, value]): Step => (ids) => ({
        type: 'setRating',
        candidateId: ids(c),
        criterionId: ids(k),
        value,
        rationale: 'Seen in practice',
      })),
      fc.tuple(candidate, criterion, rating).map(([c, k, value]): Step => (ids) => ({
        type: 'setOverride',
        candidateId: ids(c),
        criterionId: ids(k),
        value,
        note: 'The room knows better',
      })),
      fc.tuple(person, criterion, fc.integer({ min: 0, max: 10 })).map(([p, k, value]): Step => (ids) => ({
        type: 'setDirect',
        participantId: ids(p),
        criterionId: ids(k),
        value,
      })),
      fc.tuple(person, criterion, fc.integer({ min: 0, max: 100 })).map(([p, k, value]): Step => (ids) => ({
        type: 'setPoints',
        participantId: ids(p),
        criterionId: ids(k),
        value,
      })),
      fc
        .tuple(person, criterion, fc.constantFrom(-1 as const, 1 as const))
        .map(([p, k, offset]): Step => (ids) => ({
          type: 'moveRank',
          participantId: ids(p),
          criterionId: ids(k),
          offset,
        })),
      fc
        .tuple(person, criterion, criterion, fc.constantFrom(3, 5, 1 / 3, 7))
        .map(([p, a, b, value]): Step => (ids) => ({
          type: 'setJudgment',
          participantId: ids(p),
          a: ids(a),
          b: ids(b),
          value,
        })),
      fc
        .tuple(
          person,
          fc.constantFrom('direct' as const, 'points' as const, 'rank' as const, 'pairwise' as const),
        )
        .map(([p, method]): Step => (ids) => ({ type: 'setMethod', participantId: ids(p), method })),
      fc
        .tuple(person, fc.constantFrom('voter' as const, 'observer' as const))
        .map(([p, role]): Step => (ids) => ({ type: 'setRole', participantId: ids(p), role })),
      criterion.map((k): Step => (ids) => ({ type: 'removeCriterion', id: ids(k) })),
      candidate.map((c): Step => (ids) => ({ type: 'removeCandidate', id: ids(c) })),
      candidate.map((c): Step => (ids) => ({ type: 'renameCandidate', id: ids(c), name: `Stack ${c}` })),
      fc.constant((): Action => ({ type: 'startRound' })),
    );
    return fc.array(step, { maxLength: 25 }).map((steps) => ({ criteria, candidates, people, steps }));
  });

/** The plan's workshop with ids as given (`ids` maps each hostile id to the one to use). */
function play(plan: Plan, ids: (id: string) => string): { state: WorkshopState; refused: string[] } {
  const setup: Action[] = [
    ...plan.criteria.map((id): Action => ({
      type: 'addCriterion',
      id: ids(id),
      name: `Criterion ${id}`,
      description: id,
    })),
    ...plan.candidates.map((id): Action => ({ type: 'addCandidate', id: ids(id), name: `Stack ${id}` })),
  ];
  const refused: string[] = [];
  let state = initialWorkshopState();
  for (const action of [...setup, ...plan.steps.map((step) => step(ids))]) {
    try {
      state = applyAction(state, action);
    } catch (error) {
      if (!(error instanceof WorkshopRuleError)) throw error;
      refused.push(error.message);
    }
  }
  return { state, refused };
}

const participants = (plan: Plan, ids: (id: string) => string) =>
  plan.people.map((id) => ({ id: ids(id), name: `Person ${id}` }));

function session(plan: Plan, ids: (id: string) => string): Session {
  return {
    id: '3d9a7c1e-5b2f-4e8a-9c6d-0e1f2a3b4c5d',
    clientName: 'Northwind',
    projectName: 'Portal',
    facilitator: 'Dana',
    workshopDate: '2026-03-12',
    description: '',
    participants: participants(plan, ids),
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-12T16:30:00.000Z',
  };
}

const same = (id: string) => id;
const RUNS = { numRuns: 150, seed: 11 };

describe('ids that name inherited properties', () => {
  it('the reducer and the engine treat them like any other id', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const hostile = play(plan, same);
        const harmless = play(plan, safe);
        expect(hostile.refused).toEqual(harmless.refused);
        const a = evaluateWorkshop(hostile.state, participants(plan, same));
        const b = evaluateWorkshop(harmless.state, participants(plan, safe));
        expect(a.evaluation).toEqual(b.evaluation);
        expect(a.unrated.length).toBe(b.unrated.length);
        expect(a.setAside.map((s) => s.reason)).toEqual(b.setAside.map((s) => s.reason));
        for (const total of a.evaluation.totals) expect(Number.isFinite(total)).toBe(true);
      }),
      RUNS,
    );
  });

  it('the history comparison and the report read the same as with harmless ids', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const before = { session: session(plan, same), workshop: initialWorkshopState() };
        const hostile = { session: session(plan, same), workshop: play(plan, same).state };
        const harmless = { session: session(plan, safe), workshop: play(plan, safe).state };
        const initial = { session: session(plan, safe), workshop: initialWorkshopState() };
        expect(compareStates(before, hostile)).toEqual(compareStates(initial, harmless));
        const report = (side: typeof hostile) =>
          buildReport({
            session: side.session,
            state: side.workshop,
            brand: { ...DEFAULT_BRAND },
            generatedAt: '2026-03-13T10:00:00.000Z',
            appVersion: 'test',
          });
        expect(report(hostile)).toEqual(report(harmless));
      }),
      { ...RUNS, numRuns: 60 },
    );
  });

  it('the engine says a cell is unrated instead of reading an inherited property', () => {
    const cell: RatingCell = { value: 3, rationale: 'r', source: 's' };
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...HOSTILE), { minLength: 2, maxLength: 3 }),
        fc.uniqueArray(fc.constantFrom(...HOSTILE), { minLength: 3, maxLength: 4 }),
        fc.nat(),
        (candidates, criteria, hole) => {
          const missing = hole % (candidates.length * criteria.length);
          // Ratings as JSON.parse builds them: plain objects, whose prototype answers `constructor`.
          const ratings = JSON.parse(
            JSON.stringify(
              Object.fromEntries(
                candidates.map((c, i) => [
                  c,
                  Object.fromEntries(
                    criteria.flatMap((k, j) => (i * criteria.length + j === missing ? [] : [[k, cell]])),
                  ),
                ]),
              ),
            ),
          ) as DecisionModel['ratings'];
          const model: DecisionModel = {
            candidates: candidates.map((id) => ({ id, name: id })),
            criteria: criteria.map((id) => ({ id, name: id })),
            ratings,
          };
          const run = () =>
            evaluate({
              model,
              inputs: [{ method: 'direct', scores: criteria.map(() => 5) }],
              aggregation: 'mean',
            });
          expect(run).toThrow(DecisionInputError);
          expect(run).toThrow(/There is no rating for/);
        },
      ),
      RUNS,
    );
  });
});
