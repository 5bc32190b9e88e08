/**
 * The decision in two everyday formats: the scores and weights as CSV for a spreadsheet, and a
 * Markdown architecture decision record in the MADR layout for the client's repository.
 */
import { formatDate, nameResolver } from '../report/model';
import { csvScores, csvWeights, verdictFacts } from '../report/verdict';
import type { Session } from '../sessions/schema';
import { markdownInline, markdownParagraphs } from './markdown';
import { nextStepItems, ownersNote, riskItems } from './rowsMarkdown';
import { ownerNames } from '../report/owners';
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
function numberCell(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  return String(value);
}

export function decisionCsv(session: Session, state: WorkshopState): string {
  const { model, evaluation } = evaluateWorkshop(state, session.participants);
  // Weights add up to exactly 1.0000 and each stack's contributions to its printed score.
  const weights = csvWeights(evaluation.weights);
  const scores = csvScores(evaluation.contributions);
  const header = [
    'Criterion',
    'Weight',
    ...model.candidates.flatMap((c) => [`${c.name} rating`, `${c.name} contribution`]),
  ].map(textCell);
  const rows = model.criteria.map((criterion, k) => [
    textCell(criterion.name),
    weights[k] ?? '',
    ...model.candidates.flatMap((_, c) => [
      numberCell(evaluation.ratings.matrix[c]?.[k]),
      scores.contributions[c]?.[k] ?? '',
    ]),
  ]);
  const total = [
    textCell('Score'),
    '1.0000',
    ...model.candidates.flatMap((_, c) => ['', scores.totals[c] ?? '']),
  ];
  return [header, ...rows, total].map((row) => row.join(',')).join('\r\n') + '\r\n';
}

export function decisionRecord(session: Session, state: WorkshopState): string {
  const result = evaluateWorkshop(state, session.participants);
  const { model, evaluation } = result;
  const rec = evaluation.recommendation;
  const names = nameResolver(session, state);
  const facts = verdictFacts(result, names);
  const owners = ownerNames(session.participants, names);
  // With no votes nothing is decided: the record proposes, and says what its figures rest on.
  const leader = facts.noVotes ? null : facts.leader;
  const byWeight = model.criteria
    .map((criterion, k) => ({
      name: criterion.name,
      weight: evaluation.weights[k] ?? 0,
      shown: facts.weights[k],
    }))
    .sort((a, b) => b.weight - a.weight);
  // Every piece of user text goes through `md` (one line) or `paragraphs` (several): it can
  // say anything but never add a heading, list, link or HTML to the record.
  const md = markdownInline;
  // The rows first, then the free text written before them; the heading only when either says something.
  const notes = (title: string, items: string[], text: string) => {
    const body = markdownParagraphs(text);
    const parts = [...(items.length > 0 ? [items.join('\n')] : []), ...(body ? [body] : [])];
    return parts.length > 0 ? ['', `### ${title}`, '', parts.join('\n\n')] : [];
  };
  const context =
    markdownParagraphs(session.description) ||
    md(`${session.clientName} needs a back-end stack for ${session.projectName}.`);
  const outcome = facts.noVotes
    ? [md(facts.headline), '', md(`Votes: ${facts.votes}`)]
    : [
        md(`${facts.headline} Confidence is ${rec.confidence}: ${rec.confidenceReasons.join(' ')}`),
        '',
        md(`Votes: ${facts.votes}`),
        ...(facts.ownAnswers ? ['', md(facts.ownAnswers)] : []),
      ];
  const consequences = facts.noVotes
    ? []
    : [
        ...facts.reasons.map(
          (r) =>
            `* Good, because ${md(`${r.favoured} scores ${r.points} points more than ${r.other} on ${r.criterion}.`)}`,
        ),
        ...facts.againstReasons.map(
          (r) =>
            `* Bad, because ${md(`${r.favoured} scores ${r.points} points more than ${r.other} on ${r.criterion}.`)}`,
        ),
        ...evaluation.flips.filter((f) => f.weight !== null).map((f) => `* Watch: ${md(f.sentence)}`),
        ...(facts.ratingFlip ? [`* Watch: ${md(facts.ratingFlip)}`] : []),
      ];
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
    ...(facts.noVotes ? [md(`Weights: ${facts.basis}, not voted.`), ''] : []),
    ...byWeight.map((c) => `* ${md(c.name)} (weight ${c.shown ?? ''})`),
    '',
    '## Considered Options',
    '',
    ...model.candidates.map((c, i) => `* ${md(c.name)}: score ${facts.scores.totals[i] ?? ''} of 5`),
    '',
    '## Decision Outcome',
    '',
    ...outcome,
    ...facts.leftOut.map((line) => `* ${md(line)}`),
    ...(consequences.length > 0 ? ['', '### Consequences', '', ...consequences] : []),
    ...notes('Risks', riskItems(state.notes, owners), state.notes.risks),
    ...notes('Next Steps', nextStepItems(state.notes, owners), state.notes.nextSteps),
    ...ownersNote(state.notes, owners),
    '',
    `<!-- Made with Stackwise from the workshop of ${md(formatDate(session.workshopDate))}. -->`,
    '',
  ];
  return lines.join('\n');
}
