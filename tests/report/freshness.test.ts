import { describe, expect, it } from 'vitest';
import { DEFAULT_BRAND } from '@shared/brands/schema';
import { changedPhrase, reportChanges } from '@shared/report/freshness';
import type { ReportMaterial } from '@shared/report/freshness';
import { applyAction, initialWorkshopState } from '@shared/workshop';
import { storedSession } from '../helpers/fixtures';

const PRIYA = '5b0c1f43-7a9e-4a51-8f0e-2c1d9a6b7e10';

const material = (): ReportMaterial => ({
  session: storedSession({ participants: [{ id: PRIYA, name: 'Priya' }] }),
  workshop: initialWorkshopState(),
  brand: { ...DEFAULT_BRAND, logo: null },
});

describe('what makes the last report out of date', () => {
  it('is nothing when only the step, the session’s times or the order of keys differ', () => {
    const exported = material();
    const now = material();
    now.workshop = applyAction(now.workshop, { type: 'setStep', step: 'recommendation' });
    now.session = { ...now.session, updatedAt: '2026-05-01T10:00:00.000Z' };
    now.brand = Object.fromEntries(Object.entries(now.brand).reverse()) as ReportMaterial['brand'];
    expect(reportChanges(exported, now)).toEqual([]);
  });

  it('names each part of the report that changed, in the report’s order', () => {
    const exported = material();
    const now = material();
    now.workshop = applyAction(now.workshop, {
      type: 'setNotes',
      field: 'nextSteps',
      text: 'Spike on jobs.',
    });
    now.workshop = applyAction(now.workshop, {
      type: 'setDirect',
      participantId: PRIYA,
      criterionId: 'security',
      value: 9,
    });
    now.session = { ...now.session, projectName: 'Portal v2' };
    now.brand = { ...now.brand, footerText: 'Confidential' };
    expect(reportChanges(exported, now)).toEqual(['details', 'weights', 'nextSteps', 'brand']);
  });

  it('counts ratings, criteria, the project profile, settings and participants', () => {
    const exported = material();
    const steps = [
      { type: 'setAnswer', question: 'team', value: 'python' },
      { type: 'addCandidate', id: 'go', name: 'Go' },
      { type: 'setOverride', candidateId: 'django', criterionId: 'security', value: 2, note: 'Old.' },
      { type: 'setAggregation', aggregation: 'median' },
      { type: 'setRole', participantId: PRIYA, role: 'observer' },
    ] as const;
    const parts = steps.map((action) =>
      reportChanges(exported, { ...material(), workshop: applyAction(exported.workshop, action) }),
    );
    expect(parts).toEqual([['profile'], ['criteria'], ['ratings'], ['settings'], ['participants']]);
    const renamed = material();
    renamed.session = { ...renamed.session, participants: [{ id: PRIYA, name: 'Priya Raman' }] };
    expect(reportChanges(exported, renamed)).toEqual(['participants']);
  });

  it('counts a workshop field it does not know as a change of the workshop', () => {
    const exported = material();
    const now = material();
    Object.assign(now.workshop, { addedByALaterVersion: true });
    expect(reportChanges(exported, now)).toEqual(['workshop']);
  });

  it('is said as a list a person reads', () => {
    expect(changedPhrase(['weights'])).toBe('the weights');
    expect(changedPhrase(['weights', 'nextSteps'])).toBe('the weights and the next steps');
    expect(changedPhrase(['notes', 'risks'])).toBe('the notes from the discussion and the risks');
    expect(changedPhrase(['details', 'weights', 'brand'])).toBe(
      'the session details, the weights and the brand profile',
    );
  });
});
