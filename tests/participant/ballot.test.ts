/** The phone's ballot rules, its countdown and its join link, without a browser. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BallotSubmissionSchema } from '@shared/room/schema';
import type { BallotSubmission } from '@shared/room/schema';
import {
  canonical,
  draftFrom,
  judgment,
  judgmentParts,
  moved,
  pairsOf,
  readiness,
} from '../../src-renderer/participant/ballot';
import type { Criterion, Method } from '../../src-renderer/participant/ballot';
import { countdownFrom, formatRemaining, remainingMs } from '../../src-renderer/participant/clock';
import { codeFromPath } from '../../src-renderer/participant/joinCode';

const criteria: Criterion[] = [
  { id: 'security', name: 'Security', description: '' },
  { id: 'performance', name: 'Performance', description: '' },
  { id: 'ecosystem', name: 'Ecosystem', description: '' },
];

describe('the phone’s ballot', () => {
  it('sends 100 points only when they add up to 100, and says how far off they are', () => {
    const draft = draftFrom(criteria, null);
    expect(readiness('points', draft, criteria)).toEqual({
      ready: false,
      reason: 'Give out 100 more points.',
    });
    draft.points.set('security', 60).set('performance', 41);
    expect(readiness('points', draft, criteria)).toEqual({
      ready: false,
      reason: 'Take away 1 point: the total is 100.',
    });
    draft.points.set('performance', 40);
    expect(readiness('points', draft, criteria)).toEqual({
      ready: true,
      ballot: { method: 'points', points: { security: 60, performance: 40, ecosystem: 0 } },
    });
  });

  it('asks every pair once, keyed as the workshop stores it, before a pairwise ballot can go', () => {
    const pairs = pairsOf(criteria);
    expect(pairs.map((p) => p.key)).toEqual([
      'performance|security',
      'ecosystem|security',
      'ecosystem|performance',
    ]);
    // The first of each pair is the one whose judgment the stored value states.
    expect(pairs[0]?.first.id).toBe('performance');
    const draft = draftFrom(criteria, null);
    draft.pairwise.set('performance|security', judgment('second', 7));
    expect(readiness('pairwise', draft, criteria)).toEqual({ ready: false, reason: 'Answer 2 more pairs.' });
    draft.pairwise.set('ecosystem|security', 1).set('ecosystem|performance', judgment('first', 3));
    const ready = readiness('pairwise', draft, criteria);
    expect(ready.ready && ready.ballot).toEqual({
      method: 'pairwise',
      pairwise: { 'performance|security': 1 / 7, 'ecosystem|security': 1, 'ecosystem|performance': 3 },
    });
  });

  it('reads a stored judgment back as the side and strength the person chose', () => {
    expect(judgmentParts(judgment('second', 7))).toEqual({ side: 'second', strength: 7 });
    expect(judgmentParts(judgment('first', 2))).toEqual({ side: 'first', strength: 2 });
    expect(judgmentParts(1)).toEqual({ side: 'equal', strength: 1 });
    expect(judgmentParts(undefined)).toBeNull();
  });

  it('moves a criterion one place with the up and down buttons, and not past either end', () => {
    const order = ['security', 'performance', 'ecosystem'];
    expect(moved(order, 'ecosystem', -1)).toEqual(['security', 'ecosystem', 'performance']);
    expect(moved(order, 'security', 1)).toEqual(['performance', 'security', 'ecosystem']);
    expect(moved(order, 'security', -1)).toEqual(order);
    expect(moved(order, 'ecosystem', 1)).toEqual(order);
  });

  it('starts again from the stored ballot, keeping only criteria the room still has', () => {
    const stored: BallotSubmission = { method: 'rank', ranking: ['ecosystem', 'gone', 'security'] };
    expect(draftFrom(criteria, stored).ranking).toEqual(['ecosystem', 'security', 'performance']);
    const sliders = draftFrom(criteria, {
      method: 'direct',
      direct: { security: 9, performance: 2, ecosystem: 0 },
    });
    expect([...sliders.direct.entries()]).toEqual([
      ['security', 9],
      ['performance', 2],
      ['ecosystem', 0],
    ]);
  });

  it('sees the same ballot in whatever order its keys arrived', () => {
    expect(canonical({ method: 'direct', direct: { b: 1, a: 2 } })).toBe(
      canonical({ direct: { a: 2, b: 1 }, method: 'direct' }),
    );
  });

  it('only ever sends a ballot the room’s schema accepts', () => {
    const methods: Method[] = ['direct', 'points', 'rank', 'pairwise'];
    fc.assert(
      fc.property(
        fc.constantFrom(...methods),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.constantFrom(1 / 9, 1 / 5, 1, 3, 8), { minLength: 3, maxLength: 3 }),
        (method, sliders, points, judgments) => {
          const draft = draftFrom(criteria, null);
          criteria.forEach((c, i) => {
            draft.direct.set(c.id, sliders[i] ?? 0);
            draft.points.set(c.id, points[i] ?? 0);
          });
          pairsOf(criteria).forEach((p, i) => draft.pairwise.set(p.key, judgments[i] ?? 1));
          const ready = readiness(method, draft, criteria);
          if (ready.ready) expect(BallotSubmissionSchema.safeParse(ready.ballot).success).toBe(true);
          else expect(method).toBe('points');
        },
      ),
    );
  });
});

describe('the countdown', () => {
  it('counts the room’s time, whatever the phone’s clock says', () => {
    // The listener says 90 s are left; the phone's own clock plays no part.
    const countdown = countdownFrom(
      { endsAt: '2026-03-02T10:01:30.000Z', serverNow: '2026-03-02T10:00:00.000Z' },
      5_000,
    );
    expect(countdown).not.toBeNull();
    if (!countdown) return;
    expect(remainingMs(countdown, 5_000)).toBe(90_000);
    expect(remainingMs(countdown, 35_000)).toBe(60_000);
    expect(remainingMs(countdown, 500_000)).toBe(0);
  });

  it('rounds up, so 0:00 means the time is really up', () => {
    expect(formatRemaining(59_001)).toBe('1:00');
    expect(formatRemaining(9_000)).toBe('0:09');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(3_720_000)).toBe('1:02:00');
  });
});

describe('the join link', () => {
  it('reads the code from /j/<CODE>, in capitals, and nothing from any other path', () => {
    expect(codeFromPath('/j/kx7p3m')).toBe('KX7P3M');
    expect(codeFromPath('/j/KX7P3M/')).toBe('KX7P3M');
    expect(codeFromPath('/')).toBe('');
    expect(codeFromPath('/j/%E0%A4%A')).toBe('');
  });
});
