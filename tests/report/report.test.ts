import { describe, expect, it } from 'vitest';
import { DEFAULT_BRAND } from '@shared/brands/schema';
import { formatLead, formatScore, scoreFigures, weightPercents } from '@shared/format/figures';
import { buildReport } from '@shared/report/model';
import type { ReportModel } from '@shared/report/model';
import type { Session } from '@shared/sessions/schema';
import { applyAction, evaluateWorkshop, initialWorkshopState } from '@shared/workshop';
import type { WorkshopState } from '@shared/workshop';
import { DEMO_BRAND, DEMO_SESSION, demoWorkshop } from '../../src-main/report/demo';
import { loadReportFonts } from '../../src-main/report/fonts';
import { niceScale, renderReportPdf } from '../../src-main/report/pdf';
import { FONTS_DIR } from '../helpers/fixtures';
import { pageTexts, pdfInfo, rawText, savePdf } from '../helpers/pdf';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
const fonts = loadReportFonts(FONTS_DIR);
const AT = '2026-03-13T10:00:00.000Z';

function render(session: Session, state: WorkshopState) {
  const model = buildReport({ session, state, brand: DEMO_BRAND, generatedAt: AT, appVersion: '1.2.3' });
  const pdf = renderReportPdf(model, fonts);
  const file = savePdf(tempDir(), pdf.bytes);
  return { model, pdf, file, pages: pageTexts(file) };
}

/** pdftotext wraps lines where the PDF does; compare text with all whitespace folded. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the demo report', () => {
  const state = demoWorkshop();
  const { model, pdf, file, pages } = render(DEMO_SESSION, state);
  const all = flat(pages.join(' '));
  const result = evaluateWorkshop(state, DEMO_SESSION.participants);

  it('is a valid A4 PDF with its title and author', () => {
    const info = pdfInfo(file);
    expect(info['Pages']).toBe(String(pdf.pages));
    expect(info['Page size']).toContain('595.28 x 841.89');
    expect(info['Title']).toBe('Technology recommendation: Customer portal rebuild');
    expect(info['Author']).toBe('Dana Whitfield, Harbour & Vale Consulting');
    expect(pdf.replaced).toBe(0);
  });

  it('states the recommendation and every weight and score exactly as the engine computed them', () => {
    const rec = result.evaluation.recommendation;
    expect(rec.leader).not.toBeNull();
    const leader = result.model.candidates[rec.leader ?? 0]?.name ?? '';
    expect(flat(pages[0] ?? '')).toContain(`Recommended: ${leader}, with ${rec.confidence} confidence.`);
    // Weights as parts of 100.0% and contributions as parts of each score (largest remainder).
    const weights = weightPercents(result.evaluation.weights);
    const scores = scoreFigures(result.evaluation.contributions);
    result.model.criteria.forEach((criterion, k) => {
      expect(all).toContain(`${criterion.name} ${weights[k] ?? ''}`);
    });
    for (const [c, candidate] of result.model.candidates.entries()) {
      expect(all).toContain(`${candidate.name} ${formatScore(result.evaluation.totals[c] ?? 0)}`);
      result.model.criteria.forEach((_, k) => {
        const cell = result.evaluation.ratings.cells[c]?.[k];
        const contribution = scores.contributions[c]?.[k] ?? '';
        expect(all).toContain(`${cell?.value ?? ''}${cell?.override ? '*' : ''} → ${contribution}`);
      });
    }
    expect(all).toContain(
      `${formatLead(result.evaluation.totals[rec.leader ?? 0] ?? 0, result.evaluation.totals[rec.runnerUp ?? 0] ?? 0)} points over`,
    );
  });

  it('prints names in Polish, Norwegian and Croatian spellings', () => {
    expect(all).toContain('Northwind Logistics (Łódź)');
    expect(all).toContain('Zofia Łukasiewicz (CTO)');
    expect(all).toContain('Tomasz Øverland');
    expect(all).toContain('Ana Kovačević');
  });

  it('numbers every page after the cover and repeats the header', () => {
    expect(pages[0]).not.toMatch(/Page \d+ of/);
    for (let page = 2; page <= pages.length; page++) {
      expect(pages[page - 1]).toContain(`Page ${page} of ${pages.length}`);
      expect(pages[page - 1]).toContain('Harbour & Vale Consulting');
    }
  });

  it('has every section, the override with its note, the notes and the method appendix', () => {
    for (const section of model.sections) expect(all).toContain(section.title);
    expect(all).toContain('Changed by the facilitator from 3: Northwind’s platform team');
    expect(all).toContain('Two-week spike');
    expect(all).toContain('Weights by round');
    expect(all).toContain('Random index');
    expect(all).toContain('1.2.3');
  });

  it('never ends a page with a heading', () => {
    const headings = new Set(
      model.sections.flatMap((s) => [
        s.title,
        ...s.blocks.flatMap((b) =>
          b.kind === 'subheading' || b.kind === 'barChart'
            ? [b.kind === 'subheading' ? b.text : b.title]
            : [],
        ),
      ]),
    );
    pages.forEach((text, i) => {
      const lines = text
        .split('\n')
        .map((l) => l.trim())
        .filter(
          (l) =>
            l && !/^Page \d+ of/.test(l) && !l.startsWith('Confidential') && !l.startsWith('Harbour & Vale'),
        );
      const last = lines[lines.length - 1] ?? '';
      expect(headings.has(last), `page ${i + 1} ends with the heading "${last}"`).toBe(false);
    });
  });
});

describe('right-to-left names', () => {
  it('keep their own order, and the Latin words beside them read left to right', () => {
    const session = { ...DEMO_SESSION, clientName: 'שלום Haifa Ltd', projectName: 'Portal مرحبا 2' };
    const { file } = render(session, demoWorkshop());
    const drawn = flat(
      rawText(file)
        .normalize('NFKC')
        .replace(/[\u200E\u200F\u202A-\u202E]/g, ''),
    );
    expect(drawn).toContain('שלום Haifa Ltd · Portal 2 مرحبا');
    expect(drawn).not.toContain('dtL afiaH');
  });
});

describe('an anonymous session', () => {
  it('names participants by number only', () => {
    const named = applyAction(demoWorkshop(), { type: 'setAnonymity', anonymity: 'hiddenFromRoom' });
    // (The facilitator's own notes and the owners typed into the risks and next steps may still
    // mention someone; the report itself never names them.)
    const state = { ...named, notes: { ...named.notes, riskRows: [], actionRows: [] } };
    const { pages } = render(DEMO_SESSION, state);
    const all = flat(pages.join(' '));
    for (const person of DEMO_SESSION.participants)
      expect(all.includes(person.name), person.name).toBe(false);
    expect(all).toContain('Voters Participant 1, Participant 2, Participant 3');
    expect(all).toContain('names participants by number only');
  });
});

describe('hostile and extreme text', () => {
  const people = ['Øresund Ålesund', 'Ελληνικά Αθήνα', 'Москва Петров', 'שלום כהן', '<b>Bold</b> & "quoted"'];

  function hostileSession(): { session: Session; state: WorkshopState } {
    const session: Session = {
      ...DEMO_SESSION,
      clientName: 'Łódź Øresund Ελληνικά Москва',
      projectName: '<script>alert("x")</script> 🚀 rebuild',
      description: `Control ${String.fromCharCode(1)} and bell ${String.fromCharCode(7)} characters; emoji 👨‍👩‍👧 and 😀.`,
      participants: people.map((name, i) => ({
        id: `6f1c2a4e-8b3d-4c5e-9f10-1a2b3c4d5f0${i}`,
        name,
      })),
    };
    let state = initialWorkshopState();
    for (let i = 0; i < 33; i++) {
      state = applyAction(state, {
        type: 'addCriterion',
        id: `extra-${i}`,
        name: `Extra criterion ${i + 1} ${'with a long name '.repeat(2)}`.slice(0, 80),
        description: 'مرحبا بالعالم. '.repeat(20).slice(0, 500),
      });
    }
    for (const [i, p] of session.participants.entries()) {
      state = applyAction(state, {
        type: 'setMethod',
        participantId: p.id,
        method: i % 2 ? 'points' : 'direct',
      });
      state = applyAction(state, {
        type: 'setDirect',
        participantId: p.id,
        criterionId: 'security',
        value: i + 2,
      });
    }
    // Longer than the app lets anyone type (5,000), to prove the renderer flows any length.
    let long = '';
    for (let i = 1; long.length < 20_000; i++)
      long += `Sentence ${i} of a very long note, <i>with markup</i>. `;
    long += 'The end.';
    state = {
      ...state,
      notes: { ...state.notes, notes: long, risks: 'RTL: שלום עולם, مرحبا', nextSteps: '\u202Eevil\u202C' },
    };
    return { session, state };
  }

  it('makes a valid PDF that shows what it cannot print as boxes', () => {
    const { session, state } = hostileSession();
    expect(state.notes.notes.length).toBeGreaterThanOrEqual(20_000);
    const { pdf, file, pages } = render(session, state);
    const info = pdfInfo(file);
    expect(Number(info['Pages'])).toBeGreaterThan(10);
    const all = flat(pages.join(' '));
    for (const text of [
      'Łódź Øresund Ελληνικά Москва',
      '<script>alert("x")</script> □ rebuild',
      'Control □ and bell □ characters; emoji □ and □.',
      'Москва Петров',
      '<i>with markup</i>. The end.',
    ]) {
      expect(all.includes(text), `the PDF's text includes "${text}"`).toBe(true);
    }
    // The rocket and the emoji twice (title, header, metadata subject) among what was replaced.
    expect(pdf.replaced).toBeGreaterThanOrEqual(5);
    for (let page = 2; page <= pages.length; page++)
      expect(pages[page - 1]).toContain(`Page ${page} of ${pages.length}`);
  });

  it('uses Stackwise’s own look when no brand is chosen', () => {
    const model: ReportModel = buildReport({
      session: DEMO_SESSION,
      state: demoWorkshop(),
      brand: DEFAULT_BRAND,
      generatedAt: AT,
      appVersion: '1.2.3',
    });
    const file = savePdf(tempDir(), renderReportPdf(model, fonts).bytes);
    expect(flat(pageTexts(file)[1] ?? '')).toContain('Prepared with Stackwise');
  });
});

describe('chart axes', () => {
  it('run in round steps up to at least the largest value', () => {
    expect(niceScale(5)).toEqual({ step: 1, max: 5 });
    expect(niceScale(1.1)).toEqual({ step: 0.2, max: 1.2 });
    expect(niceScale(0.37).max).toBeGreaterThanOrEqual(0.37);
    for (const top of [0.01, 0.2, 0.9, 3.3, 4.9]) {
      const { step, max } = niceScale(top);
      expect(max).toBeGreaterThanOrEqual(top);
      expect(max / step).toBeLessThanOrEqual(6);
    }
  });
});
