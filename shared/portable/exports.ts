/**
 * The decision in two everyday formats: the scores and weights as CSV for a spreadsheet, and a
 * Markdown architecture decision record in the MADR layout for the client's repository.
 */
import { formatDate, formatScore, formatWeight, reportHeadline } from '../report/model';
import type { Session } from '../sessions/schema';
import { markdownInline, markdownParagraphs } from './markdown';
import { evaluateWorkshop } from '../workshop';
import type { WorkshopState } from '../workshop';

/** A cell that starts with one of these runs as a formula in a spreadsheet. */
const FORMULA_START = /(^|[,;\n\r])([ \u00a0"]*)([=+\-@\t\r])/g;

/**
 * A text cell, always quoted. A spreadsheet whose list separator is `;` (German, French) splits
 * the line on `;` and ignores the quoting, so not only the cell's start but every piece after a
 * `,`, a `;` or a line break could start a formula: each such start gets an apostrophe, which
 * spreadsheets read as "this is text".
 */
function textCell(value: string): string {
  const safe = value.replace(FORMULA_START, "$1$2'$3");
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A number the app computed, written bare so a spreadsheet reads it as a number. */
function numberCell(value: number | undefined, digits?: number): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  return digits === undefined ? String(value) : value.toFixed(digits);
}

export function decisionCsv(session: Session, state: WorkshopState): string {
  const { model, evaluation } = evaluateWorkshop(state, session.participants);
  const header = [
    'Criterion',
    'Weight',
    ...model.candidates.flatMap((c) => [`${c.name} rating`, `${c.name} contribution`]),
  ].map(textCell);
  const rows = model.criteria.map((criterion, k) => [
    textCell(criterion.name),
    numberCell(evaluation.weights[k] ?? 0, 4),
    ...model.candidates.flatMap((_, c) => [
      numberCell(evaluation.ratings.matrix[c]?.[k]),
      numberCell(evaluation.contributions[c]?.[k] ?? 0, 4),
    ]),
  ]);
  const total = [
    textCell('Score'),
    numberCell(1, 4),
    ...model.candidates.flatMap((_, c) => ['', numberCell(evaluation.totals[c] ?? 0, 4)]),
  ];
  return [header, ...rows, total].map((row) => row.join(',')).join('\r\n') + '\r\n';
}

export function decisionRecord(session: Session, state: WorkshopState): string {
  const result = evaluateWorkshop(state, session.participants);
  const { model, evaluation } = result;
  const rec = evaluation.recommendation;
  const leader = rec.leader === null ? null : model.candidates[rec.leader]?.name;
  const byWeight = model.criteria
    .map((criterion, k) => ({ name: criterion.name, weight: evaluation.weights[k] ?? 0 }))
    .sort((a, b) => b.weight - a.weight);
  // Every piece of user text goes through `md` (one line) or `paragraphs` (several): it can
  // say anything but never add a heading, list, link or HTML to the record.
  const md = markdownInline;
  const notes = (title: string, text: string) => {
    const body = markdownParagraphs(text);
    return body ? ['', `### ${title}`, '', body] : [];
  };
  const context =
    markdownParagraphs(session.description) ||
    md(`${session.clientName} needs a back-end stack for ${session.projectName}.`);
  const lines = [
    `# ${leader ? `Use ${md(leader)}` : 'Choose a back-end stack'} for ${md(session.projectName)}`,
    '',
    `* Status: ${leader ? 'accepted' : 'proposed'}`,
    `* Deciders: ${md(session.facilitator)} with ${md(session.clientName)}`,
    `* Date: ${md(session.workshopDate)}`,
    '',
    '## Context and Problem Statement',
    '',
    context,
    '',
    '## Decision Drivers',
    '',
    ...byWeight.map((c) => `* ${md(c.name)} (weight ${formatWeight(c.weight)})`),
    '',
    '## Considered Options',
    '',
    ...model.candidates.map(
      (c, i) => `* ${md(c.name)}: score ${formatScore(evaluation.totals[i] ?? 0)} of 5`,
    ),
    '',
    '## Decision Outcome',
    '',
    md(`${reportHeadline(result)} Confidence is ${rec.confidence}: ${rec.confidenceReasons.join(' ')}`),
    '',
    '### Consequences',
    '',
    ...rec.reasons.map(
      (c) =>
        `* Good, because on ${md(model.criteria[c.criterion]?.name ?? '')} it scores ${formatScore(c.advantage)} points more than the runner-up.`,
    ),
    ...evaluation.flips.filter((f) => f.weight !== null).map((f) => `* Watch: ${md(f.sentence)}`),
    ...notes('Risks', state.notes.risks),
    ...notes('Next Steps', state.notes.nextSteps),
    '',
    `<!-- Made with Stackwise from the workshop of ${md(formatDate(session.workshopDate))}. -->`,
    '',
  ];
  return lines.join('\n');
}
