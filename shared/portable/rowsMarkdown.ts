/**
 * The risk register and the next steps in the decision record: one list item per row that says
 * something, every piece of user text escaped (`markdownInline`), so a row can never add a
 * heading, link or HTML to the record.
 */
import { formatDate } from '../report/model';
import { LEVEL_LABELS, printedActionRows, printedRiskRows } from '../workshop';
import type { WorkshopState } from '../workshop';
import { markdownInline as md } from './markdown';

const level = (value: keyof typeof LEVEL_LABELS) => LEVEL_LABELS[value].toLocaleLowerCase();

export function riskItems(notes: WorkshopState['notes']): string[] {
  return printedRiskRows(notes.riskRows).map((row) => {
    const parts = [`${md(row.risk)} (likelihood ${level(row.likelihood)}, impact ${level(row.impact)})`];
    if (row.mitigation) parts.push(`Mitigation: ${md(row.mitigation)}`);
    if (row.owner) parts.push(`Owner: ${md(row.owner)}`);
    return `* ${parts.join('. ')}`;
  });
}

export function nextStepItems(notes: WorkshopState['notes']): string[] {
  return printedActionRows(notes.actionRows).map((row) => {
    const who = [row.owner ? md(row.owner) : '', row.due ? `by ${formatDate(row.due)}` : '']
      .filter(Boolean)
      .join(', ');
    return `* ${md(row.action)}${who ? ` (${who})` : ''}`;
  });
}
