/**
 * What changed between two states of a session, as rows a person can read: the weights, the
 * ratings, the participants, the recommendation, and the rest (details, criteria, settings,
 * notes). The snapshot comparison shows every row with the changed ones marked; the history
 * timeline shows only the changed ones.
 */
import { z } from 'zod';
import { PROJECT_QUESTIONS } from '../decision';
import { formatLead, weightPercents } from '../format/figures';
import { formatScore, formatWeight } from '../report/model';
import { SessionSchema } from '../sessions/schema';
import type { Session } from '../sessions/schema';
import {
  anonymityOf,
  ANONYMITY_LABELS,
  evaluateWorkshop,
  isVoter,
  METHOD_LABELS,
  NOTE_LABELS,
  WorkshopStateSchema,
} from '../workshop';
import type { WorkshopResult, WorkshopState } from '../workshop';
import { orderLine, riskLines, stepLines } from './compareRows';
import { joinParts, TEXT_EXCERPT, textChange, TextChangeSchema, textStart } from './textChange';

export const ComparisonRowSchema = z.strictObject({
  what: z.string(),
  /** Null: not there on that side (added or removed). */
  before: z.string().nullable(),
  after: z.string().nullable(),
  changed: z.boolean(),
  /** A long text that changed: where, and the changed stretch of each side in context. */
  text: TextChangeSchema.optional(),
});
export type ComparisonRow = z.infer<typeof ComparisonRowSchema>;

export const COMPARISON_SECTIONS = ['recommendation', 'weights', 'ratings', 'participants', 'other'] as const;

export const ComparisonSchema = z.strictObject({
  recommendation: z.array(ComparisonRowSchema),
  weights: z.array(ComparisonRowSchema),
  ratings: z.array(ComparisonRowSchema),
  participants: z.array(ComparisonRowSchema),
  other: z.array(ComparisonRowSchema),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

export const SECTION_LABELS: Record<(typeof COMPARISON_SECTIONS)[number], string> = {
  recommendation: 'Recommendation',
  weights: 'Weights',
  ratings: 'Ratings',
  participants: 'Participants',
  other: 'Details, criteria and settings',
};

/** One side of a comparison: the session and its workshop at one moment. */
export const SessionStateSchema = z.strictObject({ session: SessionSchema, workshop: WorkshopStateSchema });
export type SessionState = { session: Session; workshop: WorkshopState };

const row = (what: string, before: string | null, after: string | null): ComparisonRow => ({
  what,
  before,
  after,
  changed: before !== after,
});

/** Ids of both sides, in the newer side's order, then the ones only the older side has. */
function union<T extends { id: string }>(
  a: readonly T[],
  b: readonly T[],
): Array<{ id: string; a?: T; b?: T }> {
  const byIdA = new Map(a.map((item) => [item.id, item]));
  const byIdB = new Map(b.map((item) => [item.id, item]));
  const ids = [...b.map((item) => item.id), ...a.map((item) => item.id).filter((id) => !byIdB.has(id))];
  return ids.map((id) => ({ id, a: byIdA.get(id), b: byIdB.get(id) }));
}

function evaluated(side: SessionState): WorkshopResult {
  return evaluateWorkshop(side.workshop, side.session.participants);
}

function leaderName(result: WorkshopResult): string {
  const { recommendation } = result.evaluation;
  if (recommendation.leader === null) return 'A tie';
  return result.model.candidates[recommendation.leader]?.name ?? '—';
}

/** The lead as the difference of the printed totals, as every other screen prints it. */
function lead(result: WorkshopResult): string {
  const { leader, runnerUp } = result.evaluation.recommendation;
  const { totals } = result.evaluation;
  return leader === null || runnerUp === null
    ? formatScore(0)
    : formatLead(totals[leader] ?? 0, totals[runnerUp] ?? 0);
}

function recommendationRows(a: WorkshopResult, b: WorkshopResult): ComparisonRow[] {
  const rows = [
    row('Recommended', leaderName(a), leaderName(b)),
    row('Confidence', a.evaluation.recommendation.confidence, b.evaluation.recommendation.confidence),
    row('Margin over the runner-up', lead(a), lead(b)),
  ];
  for (const { id, a: ca, b: cb } of union(a.model.candidates, b.model.candidates)) {
    const total = (result: WorkshopResult, present: unknown) => {
      const index = result.model.candidates.findIndex((c) => c.id === id);
      return present && index >= 0 ? formatScore(result.evaluation.totals[index] ?? 0) : null;
    };
    rows.push(row(`Total for ${(cb ?? ca)?.name ?? id}`, total(a, ca), total(b, cb)));
  }
  return rows;
}

function weightRows(a: WorkshopResult, b: WorkshopResult): ComparisonRow[] {
  // Each side's weights as parts of 100.0% (largest remainder), the same figures the report prints.
  const shownA = weightPercents(a.evaluation.weights);
  const shownB = weightPercents(b.evaluation.weights);
  const weight = (result: WorkshopResult, id: string) => {
    const index = result.model.criteria.findIndex((c) => c.id === id);
    return index >= 0 ? ((result === a ? shownA : shownB)[index] ?? null) : null;
  };
  return union(a.model.criteria, b.model.criteria).map(({ id, a: ca, b: cb }) =>
    row((cb ?? ca)?.name ?? id, weight(a, id), weight(b, id)),
  );
}

function ratingRows(a: WorkshopResult, b: WorkshopResult): ComparisonRow[] {
  const rating = (result: WorkshopResult, candidateId: string, criterionId: string) => {
    const x = result.model.candidates.findIndex((c) => c.id === candidateId);
    const y = result.model.criteria.findIndex((c) => c.id === criterionId);
    const cell = result.evaluation.ratings.cells[x]?.[y];
    if (!cell) return null;
    return cell.override ? `${cell.value} (overridden)` : String(cell.value);
  };
  const rows: ComparisonRow[] = [];
  for (const candidate of union(a.model.candidates, b.model.candidates)) {
    for (const criterion of union(a.model.criteria, b.model.criteria)) {
      const name = `${(candidate.b ?? candidate.a)?.name ?? candidate.id} on ${(criterion.b ?? criterion.a)?.name ?? criterion.id}`;
      rows.push(row(name, rating(a, candidate.id, criterion.id), rating(b, candidate.id, criterion.id)));
    }
  }
  return rows;
}

function participantRows(a: SessionState, b: SessionState): ComparisonRow[] {
  const describe = (side: SessionState, id: string) => {
    const person = side.session.participants.find((p) => p.id === id);
    if (!person) return null;
    return `${person.name}, ${isVoter(side.workshop, id) ? 'voter' : 'observer'}`;
  };
  return union(a.session.participants, b.session.participants).map(({ id, a: pa, b: pb }) =>
    row((pb ?? pa)?.name ?? id, describe(a, id), describe(b, id)),
  );
}

/**
 * A row of free text (a description, the notes). The texts are compared whole; a long one is
 * shown by its changed stretch in context, or by its start when it did not change, so a row stays
 * a few lines however long the notes grow. `empty` stands for a blank text.
 */
function textRow(what: string, before: string | null, after: string | null, empty = ''): ComparisonRow {
  const shown = (text: string | null) => (text === null ? null : text === '' ? empty : textStart(text));
  const change =
    before !== null && after !== null && before !== '' && after !== '' && textChange(before, after);
  if (!change || (before.length <= TEXT_EXCERPT.whole && after.length <= TEXT_EXCERPT.whole)) {
    return { what, before: shown(before), after: shown(after), changed: before !== after };
  }
  return {
    what,
    before: joinParts(change.before),
    after: joinParts(change.after),
    changed: true,
    text: change,
  };
}

function otherRows(a: SessionState, b: SessionState): ComparisonRow[] {
  const sa = a.session;
  const sb = b.session;
  const wa = a.workshop;
  const wb = b.workshop;
  const rows = [
    row('Client', sa.clientName, sb.clientName),
    row('Project', sa.projectName, sb.projectName),
    row('Facilitator', sa.facilitator, sb.facilitator),
    row('Workshop date', sa.workshopDate, sb.workshopDate),
    textRow('Description', sa.description, sb.description),
  ];
  for (const { id, a: ca, b: cb } of union(wa.criteria, wb.criteria)) {
    const describe = (c: typeof ca) => (c ? `${c.name}${c.description ? `: ${c.description}` : ''}` : null);
    rows.push(textRow(`Criterion “${(cb ?? ca)?.name ?? id}”`, describe(ca), describe(cb)));
  }
  for (const { id, a: ca, b: cb } of union(wa.candidates, wb.candidates)) {
    rows.push(row(`Stack “${(cb ?? ca)?.name ?? id}”`, ca?.name ?? null, cb?.name ?? null));
  }
  for (const question of PROJECT_QUESTIONS) {
    const answer = (state: WorkshopState) => {
      const value = state.answers[question.id];
      return value === undefined
        ? 'Not answered'
        : (question.options.find((o) => o.value === value)?.label ?? value);
    };
    rows.push(row(question.text, answer(wa), answer(wb)));
  }
  const methods = (state: WorkshopState) => {
    const round = state.rounds.at(-1);
    const used = new Set(Object.values(round?.inputs ?? {}).map((input) => METHOD_LABELS[input.method]));
    return used.size ? [...used].sort().join(', ') : 'None yet';
  };
  const notes = (field: keyof typeof NOTE_LABELS) =>
    textRow(NOTE_LABELS[field], wa.notes[field].trim(), wb.notes[field].trim(), 'Empty');
  // The rows: one per risk and step, by id, then their order when only that changed.
  const lines = (found: ReturnType<typeof riskLines>) =>
    found.map((line) => textRow(line.what, line.before, line.after));
  const order = (what: string, a: ReadonlyArray<{ id: string }>, b: ReadonlyArray<{ id: string }>) => {
    const line = orderLine(what, a, b);
    return line ? [row(line.what, line.before, line.after)] : [];
  };
  rows.push(
    row('Weighting methods in use', methods(wa), methods(wb)),
    row('Rounds', String(wa.rounds.length), String(wb.rounds.length)),
    row('Aggregation', wa.aggregation, wb.aggregation),
    row(
      'Disagreement threshold',
      formatWeight(wa.disagreementThreshold),
      formatWeight(wb.disagreementThreshold),
    ),
    row('Anonymity', ANONYMITY_LABELS[anonymityOf(wa)], ANONYMITY_LABELS[anonymityOf(wb)]),
    notes('notes'),
    notes('risks'),
    ...lines(riskLines(wa, wb)),
    ...order('Order of the risks', wa.notes.riskRows, wb.notes.riskRows),
    notes('nextSteps'),
    ...lines(stepLines(wa, wb)),
    ...order('Order of the next steps', wa.notes.actionRows, wb.notes.actionRows),
  );
  return rows;
}

/** Every row of both sides, `a` being the older one. */
export function compareStates(a: SessionState, b: SessionState): Comparison {
  const ra = evaluated(a);
  const rb = evaluated(b);
  return {
    recommendation: recommendationRows(ra, rb),
    weights: weightRows(ra, rb),
    ratings: ratingRows(ra, rb),
    participants: participantRows(a, b),
    other: otherRows(a, b),
  };
}

/** A history entry leads with what was changed and ends with what that did to the outcome. */
const HISTORY_ORDER = ['weights', 'ratings', 'participants', 'other', 'recommendation'] as const;

/** Outside a titled table, a row says which kind of value it is. */
const LINE_PREFIX: Partial<Record<(typeof COMPARISON_SECTIONS)[number], string>> = {
  weights: 'Weight of ',
  ratings: 'Rating of ',
};

/** Only what changed: the lines of a history entry. */
export function changedRows(comparison: Comparison): ComparisonRow[] {
  return HISTORY_ORDER.flatMap((section) =>
    comparison[section]
      .filter((r) => r.changed)
      .map((r) => ({ ...r, what: `${LINE_PREFIX[section] ?? ''}${r.what}` })),
  );
}
