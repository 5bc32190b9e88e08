/**
 * The risk register and the next steps in the decision record: one list item per row that says
 * something, every piece of user text escaped (`markdownInline`), so a row can never add a
 * heading, link or HTML to the record. Owners print as the report prints them (`ownerNames`): a
 * participant by number while names are hidden.
 */
import { formatDate } from '../report/model';
import { OWNERS_AS_ENTERED } from '../report/owners';
import type { OwnerNames } from '../report/owners';
import { LEVEL_LABELS, printedActionRows, printedRiskRows } from '../workshop';
import type { WorkshopState } from '../workshop';
import { markdownInline as md } from './markdown';

const level = (value: keyof typeof LEVEL_LABELS) => LEVEL_LABELS[value].toLocaleLowerCase();

export function riskItems(notes: WorkshopState['notes'], owners: OwnerNames): string[] {
  return printedRiskRows(notes.riskRows).map((row) => {
    const parts = [`${md(row.risk)} (likelihood ${level(row.likelihood)}, impact ${level(row.impact)})`];
    if (row.mitigation) parts.push(`Mitigation: ${md(row.mitigation)}`);
    if (row.owner) parts.push(`Owner: ${md(owners.of(row.owner))}`);
    return `* ${parts.join('. ')}`;
  });
}

export function nextStepItems(notes: WorkshopState['notes'], owners: OwnerNames): string[] {
  return printedActionRows(notes.actionRows).map((row) => {
    const who = [row.owner ? md(owners.of(row.owner)) : '', row.due ? `by ${formatDate(row.due)}` : '']
      .filter(Boolean)
      .join(', ');
    return `* ${md(row.action)}${who ? ` (${who})` : ''}`;
  });
}

/** The record's note that owners who are not participants print as typed, when one does; else none. */
export function ownersNote(notes: WorkshopState['notes'], owners: OwnerNames): string[] {
  const rows = [...printedRiskRows(notes.riskRows), ...printedActionRows(notes.actionRows)];
  return rows.some((row) => owners.asEntered(row.owner)) ? ['', OWNERS_AS_ENTERED] : [];
}
