/**
 * Page one quotes one gap: the confidence line’s “moving one weight by more than X percentage
 * points” is the distance between the current weight and the threshold the first condition prints,
 * both as printed, so a reader who subtracts the two gets the figure the confidence line gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAction, initialWorkshopState } from '@shared/workshop';
import { DEMO_SESSION, demoWorkshop } from '../../src-main/report/demo';
import { blocksOf, model, section } from './modelHelpers';
import type { ReportModel } from '@shared/report/model';

/** The confidence row and the first condition of a report’s page one. */
function pageOne(report: ReportModel) {
  const summary = section(report, 'summary');
  const confidence = blocksOf(summary, 'facts')[0]?.rows.find(([label]) => label === 'Confidence')?.[1] ?? '';
  const blocks = summary?.blocks ?? [];
  const at = blocks.findIndex((b) => b.kind === 'subheading' && b.text === 'What would change the answer');
  const list = blocks[at + 1];
  const condition = list?.kind === 'bullets' ? (list.items[0] ?? '') : '';
  return { confidence, condition };
}

/** "21.6%" or "4.05" in millionths of a percentage point: whole numbers, so no float noise. */
const units = (text: string) => Math.round(Number(text.replace('%', '')) * 1e6);

/** The gap a condition prints between the current weight and its nearer threshold, in millionths. */
function printedGap(condition: string): number | null {
  const one = /(?:over|under) (\d+\.\d+%) of the decision, against (\d+\.\d+%) now/.exec(condition);
  if (one) return Math.abs(units(one[1] ?? '') - units(one[2] ?? ''));
  const range = /between (\d+\.\d+%) and (\d+\.\d+%) of the decision \((\d+\.\d+%) now\)/.exec(condition);
  if (!range) return null;
  const now = units(range[3] ?? '');
  return Math.min(now - units(range[1] ?? ''), units(range[2] ?? '') - now);
}

describe('the confidence line and the conditions on page one', () => {
  it('quote the same gap in the demo', () => {
    const { confidence, condition } = pageOne(model(demoWorkshop()));
    expect(condition).toBe(
      'Node.js would overtake Django only if Performance mattered more: over 21.6% of the decision, against 17.6% now.',
    );
    expect(confidence).toBe('Low. Moving one weight by more than 4.0 percentage points changes the leader.');
  });

  it('quote the same gap whatever the weights', () => {
    const [a, b] = DEMO_SESSION.participants;
    const criteria = initialWorkshopState().criteria.map((c) => c.id);
    let compared = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), {
          minLength: criteria.length * 2,
          maxLength: criteria.length * 2,
        }),
        (values) => {
          const state = criteria.reduce(
            (s, id, k) =>
              [a, b].reduce(
                (t, person, p) =>
                  applyAction(t, {
                    type: 'setDirect',
                    participantId: person?.id ?? '',
                    criterionId: id,
                    value: values[k + p * criteria.length] ?? 0,
                  }),
                s,
              ),
            initialWorkshopState(),
          );
          const { confidence, condition } = pageOne(model(state));
          const quoted =
            /weight by (?:more than )?(\d+\.\d+) percentage points|by less than (\d+\.\d+) percentage points/.exec(
              confidence,
            );
          const gap = printedGap(condition);
          if (!quoted || gap === null) return;
          compared += 1;
          expect(units(quoted[1] ?? quoted[2] ?? ''), `${confidence}\n${condition}`).toBe(gap);
        },
      ),
      { numRuns: 150, seed: 15 },
    );
    expect(compared).toBeGreaterThan(20);
  });
});
