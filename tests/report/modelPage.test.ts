/**
 * The executive summary fits on one page of the PDF, for the demo and for a crowded workshop
 * (long criterion names, a third stack, twelve named voters with long names, rows of next steps):
 * the page that starts it also ends it, and the next section starts on the page after.
 */
import { describe, expect, it } from 'vitest';
import type { Session } from '@shared/sessions/schema';
import { applyAction, initialWorkshopState } from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';
import { DEMO_SESSION, demoWorkshop } from '../../src-main/report/demo';
import { loadReportFonts } from '../../src-main/report/fonts';
import { renderReportPdf } from '../../src-main/report/pdf';
import { FONTS_DIR } from '../helpers/fixtures';
import { pageTexts, savePdf } from '../helpers/pdf';
import { useTempDir } from '../helpers/tempDir';
import { model, rowId, withRows } from './modelHelpers';

const tempDir = useTempDir();
const fonts = loadReportFonts(FONTS_DIR);
const flat = (text: string) => text.replace(/\s+/g, ' ');

function summaryPages(session: Session, state: WorkshopState): { summary: string; next: string } {
  const file = savePdf(tempDir(), renderReportPdf(model(state, session), fonts).bytes);
  const pages = pageTexts(file).map(flat);
  const at = pages.findIndex((p) => p.includes('Executive summary'));
  return { summary: pages[at] ?? '', next: pages[at + 1] ?? '' };
}

describe('the executive summary', () => {
  it('fits on one page in the demo', () => {
    const { summary, next } = summaryPages(DEMO_SESSION, demoWorkshop());
    expect(summary).toContain('build it on Django');
    expect(summary).toContain('The decision asked of you');
    expect(summary).toContain('sign the sign-off at the end of this report.');
    expect(next).toContain('Project context');
    expect(next).not.toContain('How the room voted');
  });

  it('fits on one page in a crowded workshop', () => {
    const people = Array.from({ length: 12 }, (_, i) => ({
      id: rowId(200 + i),
      name: `Maximiliana Konstantinopoulou-Szczepańska ${i + 1}`,
    }));
    const session: Session = { ...DEMO_SESSION, participants: people };
    const actions: Action[] = [
      { type: 'setAnswer', question: 'workload', value: 'io-realtime' },
      { type: 'addCandidate', id: 'fastapi', name: 'FastAPI with a long descriptive name' },
      ...Array.from({ length: 8 }, (_, i): Action[] => [
        {
          type: 'addCriterion',
          id: `extra-${i}`,
          name: `Operational readiness and long-term maintainability, part ${i + 1}`,
          description: 'A criterion the room added.',
        },
        {
          type: 'setRating',
          candidateId: 'django',
          criterionId: `extra-${i}`,
          value: 5 - (i % 3),
          rationale: 'Room.',
        },
        {
          type: 'setRating',
          candidateId: 'nodejs',
          criterionId: `extra-${i}`,
          value: 2 + (i % 4),
          rationale: 'Room.',
        },
        {
          type: 'setRating',
          candidateId: 'fastapi',
          criterionId: `extra-${i}`,
          value: 3,
          rationale: 'Room.',
        },
      ]).flat(),
      ...people.map((p, i): Action => ({
        type: 'setDirect',
        participantId: p.id,
        criterionId: 'performance',
        value: i % 11,
      })),
    ];
    const voted = actions.reduce(applyAction, initialWorkshopState());
    const state = withRows(
      voted,
      [],
      [
        {
          id: rowId(1),
          action:
            'A first next step described at great length so that it takes two lines or more in the summary',
          owner: 'Maximiliana Konstantinopoulou-Szczepańska 1',
          due: '2027-01-31',
        },
      ],
    );
    const { summary, next } = summaryPages(session, state);
    expect(summary).toContain('How the room voted');
    expect(summary).toContain('The decision asked of you');
    expect(summary).toMatch(
      /(sign the sign-off at the end of this report|another round of weighting to break the tie)/,
    );
    expect(next).toContain('Project context');
  });
});
