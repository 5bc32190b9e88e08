/**
 * The decision in two everyday formats: the scores and weights as CSV for a spreadsheet, and a
 * Markdown architecture decision record in the MADR layout for the client's repository.
 */
import { formatDate, formatScore, formatWeight, reportHeadline } from '../report/model';
import type { Session } from '../sessions/schema';
import { evaluateWorkshop } from '../workshop';
import type { WorkshopState } from '../workshop';

/** One CSV field: quoted when it holds a separator, a quote or a line break. */
function field(value: string | number): string {
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet: make it plain text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function decisionCsv(session: Session, state: WorkshopState): string {
  const { model, evaluation } = evaluateWorkshop(state, session.participants);
  const header = [
    'Criterion',
    'Weight',
    ...model.candidates.flatMap((c) => [`${c.name} rating`, `${c.name} contribution`]),
  ];
  const rows = model.criteria.map((criterion, k) => [
    criterion.name,
    (evaluation.weights[k] ?? 0).toFixed(4),
    ...model.candidates.flatMap((_, c) => [
      String(evaluation.ratings.matrix[c]?.[k] ?? ''),
      (evaluation.contributions[c]?.[k] ?? 0).toFixed(4),
    ]),
  ]);
  const total = [
    'Score',
    '1.0000',
    ...model.candidates.flatMap((_, c) => ['', (evaluation.totals[c] ?? 0).toFixed(4)]),
  ];
  return [header, ...rows, total].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

export function decisionRecord(session: Session, state: WorkshopState): string {
  const result = evaluateWorkshop(state, session.participants);
  const { model, evaluation } = result;
  const rec = evaluation.recommendation;
  const leader = rec.leader === null ? null : model.candidates[rec.leader]?.name;
  const byWeight = model.criteria
    .map((criterion, k) => ({ name: criterion.name, weight: evaluation.weights[k] ?? 0 }))
    .sort((a, b) => b.weight - a.weight);
  const lines = [
    `# ${leader ? `Use ${leader}` : 'Choose a back-end stack'} for ${session.projectName}`,
    '',
    `* Status: ${leader ? 'accepted' : 'proposed'}`,
    `* Deciders: ${session.facilitator} with ${session.clientName}`,
    `* Date: ${session.workshopDate}`,
    '',
    '## Context and Problem Statement',
    '',
    session.description || `${session.clientName} needs a back-end stack for ${session.projectName}.`,
    '',
    '## Decision Drivers',
    '',
    ...byWeight.map((c) => `* ${c.name} (weight ${formatWeight(c.weight)})`),
    '',
    '## Considered Options',
    '',
    ...model.candidates.map((c, i) => `* ${c.name}: score ${formatScore(evaluation.totals[i] ?? 0)} of 5`),
    '',
    '## Decision Outcome',
    '',
    `${reportHeadline(result)} Confidence is ${rec.confidence}: ${rec.confidenceReasons.join(' ')}`,
    '',
    '### Consequences',
    '',
    ...rec.topContributors.map(
      (c) =>
        `* Good, because ${model.criteria[c.criterion]?.name ?? ''} contributes ${formatScore(c.contribution)} points to the score.`,
    ),
    ...evaluation.flips.filter((f) => f.weight !== null).map((f) => `* Watch: ${f.sentence}`),
    ...(state.notes.risks.trim() ? ['', '### Risks', '', state.notes.risks.trim()] : []),
    ...(state.notes.nextSteps.trim() ? ['', '### Next Steps', '', state.notes.nextSteps.trim()] : []),
    '',
    `<!-- Made with Stackwise from the workshop of ${formatDate(session.workshopDate)}. -->`,
    '',
  ];
  return lines.join('\n');
}
