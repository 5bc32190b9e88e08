/**
 * The risk register and the next steps as rows, kept in the workshop document beside the free-text
 * notes (`notes.riskRows`, `notes.actionRows`). Both default to no rows, so a document saved before
 * they existed opens as it was; its free-text risks and next steps stay where they were.
 *
 * Rows are found by their own generated id (a UUID) in an array, never used as keys of a plain
 * object. Text is stored exactly as typed (it is saved while it is typed, like the notes); single
 * lines, with lengths and row counts limited so the report's tables stay readable.
 */
import { z } from 'zod';
import { hasControlCharacters } from '../sessions/schema';
import { hasBidiControls } from '../util/text';

export const ROW_LIMITS = {
  riskRows: 30,
  actionRows: 30,
  risk: 200,
  mitigation: 400,
  action: 200,
  owner: 80,
} as const;

export const RowIdSchema = z.uuid({
  error: 'That row is not one this app made (its reference is not valid).',
});

export const LEVELS = ['low', 'medium', 'high'] as const;
export const LevelSchema = z.enum(LEVELS, { error: 'Choose low, medium or high.' });
export type Level = z.infer<typeof LevelSchema>;
export const LEVEL_LABELS: Record<Level, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** The fields of a risk as the table heads them; messages name them the same way. */
export const RISK_FIELD_LABELS = {
  risk: 'Risk',
  likelihood: 'Likelihood',
  impact: 'Impact',
  mitigation: 'Mitigation',
  owner: 'Owner',
} as const;
export type RiskField = keyof typeof RISK_FIELD_LABELS;

export const ACTION_FIELD_LABELS = { action: 'Next step', owner: 'Owner', due: 'Due date' } as const;
export type ActionField = keyof typeof ACTION_FIELD_LABELS;

/** One line of text as typed (no trimming): its length, no line breaks, no direction controls. */
export function rowText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .max(max, { error: `${label} must be ${max} characters or fewer.` })
    .refine((value) => !hasControlCharacters(value), {
      error: `${label} cannot contain line breaks or control characters.`,
    })
    .refine((value) => !hasBidiControls(value), {
      error: `${label} cannot contain invisible text-direction characters.`,
    });
}

/** Whether `value` is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A due date: a calendar date (YYYY-MM-DD), or '' for none yet. */
export const DueDateSchema = z
  .string({ error: 'The due date must be a date.' })
  .refine((value) => value === '' || isCalendarDate(value), {
    error: 'The due date must be a real date, written as year-month-day (2027-01-31), or left empty.',
  });

export const RiskRowSchema = z.strictObject({
  id: RowIdSchema,
  risk: rowText(RISK_FIELD_LABELS.risk, ROW_LIMITS.risk),
  likelihood: LevelSchema,
  impact: LevelSchema,
  mitigation: rowText(RISK_FIELD_LABELS.mitigation, ROW_LIMITS.mitigation),
  owner: rowText(RISK_FIELD_LABELS.owner, ROW_LIMITS.owner),
});
export type RiskRow = z.infer<typeof RiskRowSchema>;

export const ActionRowSchema = z.strictObject({
  id: RowIdSchema,
  action: rowText(ACTION_FIELD_LABELS.action, ROW_LIMITS.action),
  owner: rowText(ACTION_FIELD_LABELS.owner, ROW_LIMITS.owner),
  due: DueDateSchema,
});
export type ActionRow = z.infer<typeof ActionRowSchema>;

/** Ids must be unique within a table: a row is edited, moved and removed by its id. */
function uniqueIds(rows: ReadonlyArray<{ id: string }>) {
  return new Set(rows.map((row) => row.id)).size === rows.length;
}

export const RiskRowsSchema = z
  .array(RiskRowSchema)
  .max(ROW_LIMITS.riskRows, { error: `The risk register can hold at most ${ROW_LIMITS.riskRows} risks.` })
  .refine(uniqueIds, { error: 'The risk register lists one of its risks twice.' });
export const ActionRowsSchema = z
  .array(ActionRowSchema)
  .max(ROW_LIMITS.actionRows, { error: `The next steps can hold at most ${ROW_LIMITS.actionRows} steps.` })
  .refine(uniqueIds, { error: 'The next steps list one of their steps twice.' });

/** A new, empty risk: the facilitator types it into the table. */
export function emptyRiskRow(id: string): RiskRow {
  return { id, risk: '', likelihood: 'medium', impact: 'medium', mitigation: '', owner: '' };
}

/** A new, empty next step. */
export function emptyActionRow(id: string): ActionRow {
  return { id, action: '', owner: '', due: '' };
}

/** The most characters of a row's text a title or a comparison quotes. */
export const ROW_NAME_MAX = 60;

/**
 * A row's text as a title or a comparison names it: at most `ROW_NAME_MAX` characters (whole
 * characters, never half of one), ending in "…" when cut.
 */
export function shortRowText(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= ROW_NAME_MAX) return text;
  return `${chars
    .slice(0, ROW_NAME_MAX - 1)
    .join('')
    .trimEnd()}…`;
}

/**
 * The rows the report prints: those whose risk (or step) says something, with every text trimmed.
 * A row added and left empty is not printed.
 */
export function printedRiskRows(rows: readonly RiskRow[]): RiskRow[] {
  return rows
    .filter((row) => row.risk.trim() !== '')
    .map((row) => ({
      ...row,
      risk: row.risk.trim(),
      mitigation: row.mitigation.trim(),
      owner: row.owner.trim(),
    }));
}

export function printedActionRows(rows: readonly ActionRow[]): ActionRow[] {
  return rows
    .filter((row) => row.action.trim() !== '')
    .map((row) => ({ ...row, action: row.action.trim(), owner: row.owner.trim() }));
}
