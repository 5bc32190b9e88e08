/**
 * Names people typed are shown isolated (`<bdi>`), so right-to-left text in one name cannot
 * reorder the punctuation and words around it ("Recommended: …", "… vs …", the list's columns).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '@shared/sessions/schema';
import { applyAction, evaluateWorkshop, initialWorkshopState } from '@shared/workshop';
import { SessionRow } from '../../src-renderer/src/features/sessions/SessionRow';
import { Legend } from '../../src-renderer/src/features/workshop/charts/Legend';
import { LiveRanking } from '../../src-renderer/src/features/workshop/LiveRanking';

const ARABIC = 'شركة النقل';
const HEBREW = 'פורטל לקוחות';

describe('names on screen', () => {
  it('are isolated in the session list', () => {
    const session: SessionSummary = {
      id: '3d9a7c1e-5b2f-4e8a-9c6d-0e1f2a3b4c5d',
      clientName: ARABIC,
      projectName: HEBREW,
      facilitator: 'דנה',
      workshopDate: '2026-03-12',
      participantCount: 2,
      status: 'recommended',
      leader: 'ريلز',
      lastReportAt: null,
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-12T16:30:00.000Z',
    };
    const html = renderToStaticMarkup(
      createElement(SessionRow, { session, onDuplicate: () => {}, onDelete: () => {} }),
    );
    for (const name of [ARABIC, HEBREW, 'דנה', 'ريلز'])
      expect(html).toMatch(new RegExp(`<bdi[^>]*>${name}</bdi>`));
  });

  it('are isolated in the live ranking and the chart legend', () => {
    const state = applyAction(initialWorkshopState(), { type: 'addCandidate', id: 'rails', name: 'ريلز' });
    const result = evaluateWorkshop(state, []);
    expect(renderToStaticMarkup(createElement(LiveRanking, { result }))).toMatch(/<bdi[^>]*>ريلز<\/bdi>/);
    expect(renderToStaticMarkup(createElement(Legend, { names: [HEBREW] }))).toContain(
      `<bdi>${HEBREW}</bdi>`,
    );
  });
});
