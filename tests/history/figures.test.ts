/**
 * The snapshot comparison prints the same figures as the report: weights that add up to exactly
 * 100.0% on each side, and a margin that is the difference of the printed totals.
 */
import { describe, expect, it } from 'vitest';
import { compareStates } from '@shared/history/compare';
import type { Session } from '@shared/sessions/schema';
import { applyAction, initialWorkshopState } from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';
import { storedSession } from '../helpers/fixtures';

const PRIYA = '6f1c1b6e-7b0a-4f43-9d47-0c1f2c8f8a11';
const session: Session = storedSession({ participants: [{ id: PRIYA, name: 'Priya' }] });
const workshop = (actions: Action[]): WorkshopState => actions.reduce(applyAction, initialWorkshopState());
const tenths = (text: string | null | undefined) => Math.round(Number((text ?? '').replace('%', '')) * 10);
const hundredths = (text: string | null | undefined) => Math.round(Number(text ?? '') * 100);

describe('the comparison’s figures', () => {
  // Seven equal weights (14.3% each when rounded one by one, 100.1%) against a vote.
  const before = { session, workshop: initialWorkshopState() };
  const after = {
    session,
    // Totals 3.625 and 3.53125: rounded on its own the margin (0.09375) prints 0.09, yet the totals
    // print 3.63 and 3.53.
    workshop: workshop([
      { type: 'setDirect', participantId: PRIYA, criterionId: 'security', value: 0 },
      { type: 'setDirect', participantId: PRIYA, criterionId: 'performance', value: 7 },
    ]),
  };
  const comparison = compareStates(before, after);

  it('prints weights that add up to exactly 100.0% on each side', () => {
    expect(comparison.weights.reduce((sum, row) => sum + tenths(row.before), 0)).toBe(1000);
    expect(comparison.weights.reduce((sum, row) => sum + tenths(row.after), 0)).toBe(1000);
  });

  it('prints a margin that is the difference of the printed totals', () => {
    const totals = comparison.recommendation.filter((row) => row.what.startsWith('Total for '));
    const margin = comparison.recommendation.find((row) => row.what === 'Margin over the runner-up');
    for (const side of ['before', 'after'] as const) {
      const printed = totals.map((row) => hundredths(row[side])).sort((a, b) => b - a);
      expect(hundredths(margin?.[side])).toBe((printed[0] ?? 0) - (printed[1] ?? 0));
    }
  });
});
