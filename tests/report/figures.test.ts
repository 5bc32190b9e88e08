/**
 * The demo report's text, read back from the PDF, says what the room did and its figures agree:
 * the first reason is the criterion of largest advantage, the printed weights add up to the printed
 * total, each stack's printed contributions to its printed score, the printed lead is the
 * difference of the printed scores; and a session nobody voted in claims nothing from votes.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '@shared/report/model';
import type { Session } from '@shared/sessions/schema';
import { evaluateWorkshop, initialWorkshopState } from '@shared/workshop';
import type { WorkshopState } from '@shared/workshop';
import { DEMO_BRAND, DEMO_SESSION, demoWorkshop } from '../../src-main/report/demo';
import { loadReportFonts } from '../../src-main/report/fonts';
import { renderReportPdf } from '../../src-main/report/pdf';
import { FONTS_DIR } from '../helpers/fixtures';
import { pageTexts, savePdf } from '../helpers/pdf';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
const fonts = loadReportFonts(FONTS_DIR);

/** The PDF's text, whitespace folded (pdftotext wraps where the PDF does). */
function pdfText(session: Session, state: WorkshopState): string {
  const model = buildReport({
    session,
    state,
    brand: DEMO_BRAND,
    generatedAt: '2026-03-13T10:00:00.000Z',
    appVersion: '1.2.3',
  });
  const file = savePdf(tempDir(), renderReportPdf(model, fonts).bytes);
  return pageTexts(file).join(' ').replace(/\s+/g, ' ');
}

/** "3.76" -> 376: printed figures compared in whole units of their last digit. */
const units = (text: string) => Math.round(Number(text) * 100);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the demo report’s figures', () => {
  const state = demoWorkshop();
  const text = pdfText(DEMO_SESSION, state);
  const result = evaluateWorkshop(state, DEMO_SESSION.participants);
  const { model, evaluation } = result;
  const rec = evaluation.recommendation;
  const name = (c: number | null) => (c === null ? '' : (model.candidates[c]?.name ?? ''));

  it('gives as the first reason the criterion of largest advantage over the runner-up', () => {
    expect(rec.leader).not.toBeNull();
    const advantage = model.criteria.map(
      (_, k) =>
        (evaluation.contributions[rec.leader ?? 0]?.[k] ?? 0) -
        (evaluation.contributions[rec.runnerUp ?? 0]?.[k] ?? 0),
    );
    const largest = advantage.indexOf(Math.max(...advantage));
    expect(advantage[largest]).toBeGreaterThan(0);
    expect(text).toContain(`Why ${name(rec.leader)} 1. ${model.criteria[largest]?.name ?? ''}:`);
    // Every reason listed for the leader is a criterion where it out-scores the runner-up.
    const why = /Why [^ ]+ (.*?) What choosing /.exec(text)?.[1] ?? '';
    for (const [k, criterion] of model.criteria.entries()) {
      if (why.includes(`${criterion.name}:`)) expect(advantage[k]).toBeGreaterThan(0);
    }
  });

  it('prints weights that add up to the printed total, and contributions that add up to each score', () => {
    const candidates = model.candidates.length;
    const cell = String.raw`(\d)\*? → (\d+\.\d\d)`;
    const sums = new Array<number>(candidates).fill(0);
    let weights = 0;
    for (const criterion of model.criteria) {
      const row = new RegExp(
        `${escape(criterion.name)} (\\d+\\.\\d)% ${Array(candidates).fill(cell).join(' ')}`,
      ).exec(text);
      expect(row, criterion.name).not.toBeNull();
      weights += Math.round(Number(row?.[1]) * 10);
      for (let c = 0; c < candidates; c++) sums[c] = (sums[c] ?? 0) + units(row?.[3 + 2 * c] ?? '');
    }
    const total = new RegExp(
      `Score (\\d+\\.\\d)% ${Array(candidates).fill('(\\d\\.\\d\\d)').join(' ')}`,
    ).exec(text);
    expect(total).not.toBeNull();
    expect(weights).toBe(Math.round(Number(total?.[1]) * 10));
    expect(total?.[1]).toBe('100.0');
    for (let c = 0; c < candidates; c++) expect(sums[c]).toBe(units(total?.[2 + c] ?? ''));
  });

  it('prints a lead that is the difference of the printed scores', () => {
    const scores = new Map(
      [...(/Scores, out of 5 (.*?) Lead /.exec(text)?.[1] ?? '').matchAll(/(\S+) (\d\.\d\d)/g)].map((m) => [
        m[1] ?? '',
        units(m[2] ?? ''),
      ]),
    );
    const lead = /Lead (\d+\.\d\d) points over (\S+)/.exec(text);
    expect(lead?.[2]).toBe(name(rec.runnerUp));
    expect(units(lead?.[1] ?? '')).toBe(
      (scores.get(name(rec.leader)) ?? 0) - (scores.get(name(rec.runnerUp)) ?? 0),
    );
  });

  it('says who voted, each voter’s own answer and what would change the result', () => {
    expect(text).toContain(
      `How the room voted ${result.ballots.voted} of ${result.voters.length} voters voted in round ${result.ballots.round}`,
    );
    expect(text).toMatch(/voters’ own weights pick/);
    expect(text).toMatch(/What would change the answer • \S+ would overtake \S+ only if/);
    expect(text).toMatch(/\S+ would move ahead of \S+ if it were rated \d instead of \d on /);
  });
});

describe('a session nobody has voted in', () => {
  const state = initialWorkshopState();
  const text = pdfText(DEMO_SESSION, state);

  it('says no one has weighed in and labels the weights as not voted', () => {
    expect(evaluateWorkshop(state, DEMO_SESSION.participants).ballots.voted).toBe(0);
    expect(text).toContain('No one has weighed in yet');
    expect(text).toMatch(/equal weights, not voted|the weights the project profile suggests, not voted/);
    expect(text).toContain(`0 of ${DEMO_SESSION.participants.length} voters voted`);
  });

  it('claims no confidence and no agreement from votes', () => {
    expect(text).not.toMatch(/Recommended: /);
    expect(text).not.toMatch(/with (high|medium|low) confidence/);
    expect(text).not.toContain('Voters counted');
    expect(text).not.toContain('The room agrees on every criterion');
    expect(text).not.toMatch(/Confidence (High|Medium|Low)/);
  });
});
