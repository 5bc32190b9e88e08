/**
 * The actions on the risk register and the next steps (rows.ts): add an empty row, change one
 * field of a row, move a row, remove it. A field is changed on its own, so typing in one cell is
 * one undo step however many keys it took (see `coalesceKey`).
 */
import { z } from 'zod';
import {
  ActionRowSchema,
  emptyActionRow,
  emptyRiskRow,
  LEVEL_LABELS,
  LevelSchema,
  RiskRowSchema,
  ROW_LIMITS,
  RowIdSchema,
  shortRowText,
} from './rows';
import type { ActionRow, RiskRow } from './rows';
import type { WorkshopState } from './schema';

const OffsetSchema = z.union([z.literal(-1), z.literal(1)], { error: 'A move is one place up or down.' });

/** A row's fields other than its id, each changed on its own. */
const RiskFieldSchema = RiskRowSchema.keyof().exclude(['id'], {
  error: 'Choose the risk, its likelihood, impact, mitigation or owner.',
});
const ActionFieldSchema = ActionRowSchema.keyof().exclude(['id'], {
  error: 'Choose the next step, its owner or its due date.',
});

/** The schema each field's value must meet: the row's own, with messages that name the field. */
const RISK_VALUE = RiskRowSchema.shape;
const ACTION_VALUE = ActionRowSchema.shape;

function checkValue(schema: z.ZodType<string>, value: string, ctx: z.RefinementCtx): void {
  const result = schema.safeParse(value);
  if (!result.success)
    for (const issue of result.error.issues)
      ctx.addIssue({ code: 'custom', path: ['value'], message: issue.message });
}

const Value = z.string({ error: 'The value must be text.' });

export const ROW_ACTION_SCHEMAS = [
  z.strictObject({ type: z.literal('addRisk'), id: RowIdSchema }),
  z
    .strictObject({ type: z.literal('updateRisk'), id: RowIdSchema, field: RiskFieldSchema, value: Value })
    .superRefine((action, ctx) => checkValue(RISK_VALUE[action.field], action.value, ctx)),
  z.strictObject({ type: z.literal('moveRisk'), id: RowIdSchema, offset: OffsetSchema }),
  z.strictObject({ type: z.literal('removeRisk'), id: RowIdSchema }),
  z.strictObject({ type: z.literal('addNextStep'), id: RowIdSchema }),
  z
    .strictObject({
      type: z.literal('updateNextStep'),
      id: RowIdSchema,
      field: ActionFieldSchema,
      value: Value,
    })
    .superRefine((action, ctx) => checkValue(ACTION_VALUE[action.field], action.value, ctx)),
  z.strictObject({ type: z.literal('moveNextStep'), id: RowIdSchema, offset: OffsetSchema }),
  z.strictObject({ type: z.literal('removeNextStep'), id: RowIdSchema }),
] as const;

export const RowActionSchema = z.discriminatedUnion('type', ROW_ACTION_SCHEMAS);
export type RowAction = z.infer<typeof RowActionSchema>;
export type RowActionType = RowAction['type'];

export const ROW_ACTION_TYPES: ReadonlySet<string> = new Set<RowActionType>(
  ROW_ACTION_SCHEMAS.map((schema) => schema.shape.type.value),
);

export function isRowAction(action: { type: string }): action is RowAction {
  return ROW_ACTION_TYPES.has(action.type);
}

type Fail = (message: string, field?: string) => never;

/** `rows` with `id` moved one place; unchanged at either end. */
function moved<T extends { id: string }>(rows: readonly T[], id: string, offset: -1 | 1, fail: Fail): T[] {
  const index = rows.findIndex((row) => row.id === id);
  if (index < 0) fail('That row is no longer in the table.', 'id');
  const target = index + offset;
  const next = [...rows];
  if (target < 0 || target >= rows.length) return next;
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

function updated<T extends { id: string }>(
  rows: readonly T[],
  id: string,
  change: (row: T) => T,
  fail: Fail,
): T[] {
  if (!rows.some((row) => row.id === id)) fail('That row is no longer in the table.', 'id');
  return rows.map((row) => (row.id === id ? change(row) : row));
}

function withoutRow<T extends { id: string }>(rows: readonly T[], id: string, fail: Fail): T[] {
  if (!rows.some((row) => row.id === id)) fail('That row is no longer in the table.', 'id');
  return rows.filter((row) => row.id !== id);
}

/** A value the field takes: a level for likelihood and impact, text for the rest. */
function riskValue(field: z.infer<typeof RiskFieldSchema>, value: string, fail: Fail): Partial<RiskRow> {
  if (field === 'likelihood' || field === 'impact') {
    const level = LevelSchema.safeParse(value);
    if (!level.success) return fail('Choose low, medium or high.', 'value');
    return { [field]: level.data };
  }
  return { [field]: value };
}

/** The document with a row action applied; throws through `fail` when it cannot be. */
export function reduceRows(state: WorkshopState, action: RowAction, fail: Fail): WorkshopState {
  const { riskRows, actionRows } = state.notes;
  const ids = new Set([...riskRows, ...actionRows].map((row) => row.id));
  const withRisks = (rows: RiskRow[]): WorkshopState => ({
    ...state,
    notes: { ...state.notes, riskRows: rows },
  });
  const withActions = (rows: ActionRow[]): WorkshopState => ({
    ...state,
    notes: { ...state.notes, actionRows: rows },
  });
  switch (action.type) {
    case 'addRisk':
      if (riskRows.length >= ROW_LIMITS.riskRows)
        fail(`The risk register can hold at most ${ROW_LIMITS.riskRows} risks.`);
      if (ids.has(action.id)) fail('That row already exists.', 'id');
      return withRisks([...riskRows, emptyRiskRow(action.id)]);
    case 'updateRisk':
      return withRisks(
        updated(
          riskRows,
          action.id,
          (row) => ({ ...row, ...riskValue(action.field, action.value, fail) }),
          fail,
        ),
      );
    case 'moveRisk':
      return withRisks(moved(riskRows, action.id, action.offset, fail));
    case 'removeRisk':
      return withRisks(withoutRow(riskRows, action.id, fail));
    case 'addNextStep':
      if (actionRows.length >= ROW_LIMITS.actionRows)
        fail(`The next steps can hold at most ${ROW_LIMITS.actionRows} steps.`);
      if (ids.has(action.id)) fail('That row already exists.', 'id');
      return withActions([...actionRows, emptyActionRow(action.id)]);
    case 'updateNextStep':
      return withActions(
        updated(actionRows, action.id, (row) => ({ ...row, [action.field]: action.value }), fail),
      );
    case 'moveNextStep':
      return withActions(moved(actionRows, action.id, action.offset, fail));
    case 'removeNextStep':
      return withActions(withoutRow(actionRows, action.id, fail));
  }
}

/** Typing in one cell is one undo step; a level chosen or a row added is a step of its own. */
export function rowCoalesceKey(action: RowAction): string | null {
  if (action.type === 'updateRisk' && action.field !== 'likelihood' && action.field !== 'impact')
    return `updateRisk:${action.id}:${action.field}`;
  if (action.type === 'updateNextStep' && action.field !== 'due')
    return `updateNextStep:${action.id}:${action.field}`;
  return null;
}

/** The short description (history's fallback, the undo button's tooltip). */
export function describeRowAction(action: RowAction): string {
  switch (action.type) {
    case 'addRisk':
      return 'Added a risk';
    case 'updateRisk':
      return action.field === 'likelihood' || action.field === 'impact'
        ? `Set a risk’s ${action.field} to ${LEVEL_LABELS[action.value as keyof typeof LEVEL_LABELS]?.toLocaleLowerCase() ?? action.value}`
        : `Edited a risk’s ${action.field === 'risk' ? 'description' : action.field}`;
    case 'moveRisk':
      return 'Reordered the risks';
    case 'removeRisk':
      return 'Removed a risk';
    case 'addNextStep':
      return 'Added a next step';
    case 'updateNextStep':
      return action.field === 'due'
        ? action.value === ''
          ? 'Cleared a next step’s due date'
          : `Set a next step’s due date to ${action.value}`
        : `Edited a next step’s ${action.field === 'action' ? 'description' : 'owner'}`;
    case 'moveNextStep':
      return 'Reordered the next steps';
    case 'removeNextStep':
      return 'Removed a next step';
  }
}

/** What a row's label reads of a state: its rows, when it has them (older states may not). */
export type RowNames = {
  notes?: {
    riskRows?: ReadonlyArray<Pick<RiskRow, 'id' | 'risk'>>;
    actionRows?: ReadonlyArray<Pick<ActionRow, 'id' | 'action'>>;
  };
};

/** A row's text in quotes, shortened; null when it says nothing yet. */
function quoted(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : `“${shortRowText(trimmed)}”`;
}

/** "Made Amara the owner of the risk “…”", or that the owner was cleared. */
function ownerTitle(owner: string, what: string): string {
  const name = owner.trim();
  return name === '' ? `Cleared the owner of ${what}` : `Made ${name} the owner of ${what}`;
}

/**
 * The history's title for a row action, naming the row by what it says (from the state after the
 * change, or before it when the row was removed): "Removed the risk “Team is new to Django”".
 */
export function titleRowAction(action: RowAction, before: RowNames, after: RowNames): string {
  const risk = (id: string) =>
    quoted(
      (
        after.notes?.riskRows?.find((row) => row.id === id) ??
        before.notes?.riskRows?.find((row) => row.id === id)
      )?.risk,
    );
  const step = (id: string) =>
    quoted(
      (
        after.notes?.actionRows?.find((row) => row.id === id) ??
        before.notes?.actionRows?.find((row) => row.id === id)
      )?.action,
    );
  switch (action.type) {
    case 'updateRisk': {
      const name = risk(action.id);
      if (name === null) return describeRowAction(action);
      if (action.field === 'likelihood' || action.field === 'impact')
        return `Set the ${action.field} of the risk ${name} to ${action.value}`;
      if (action.field === 'risk') return `Edited the risk ${name}`;
      if (action.field === 'owner') return ownerTitle(action.value, `the risk ${name}`);
      return `Edited the mitigation of the risk ${name}`;
    }
    case 'moveRisk': {
      const name = risk(action.id);
      return name === null
        ? describeRowAction(action)
        : `Moved the risk ${name} ${action.offset < 0 ? 'up' : 'down'}`;
    }
    case 'removeRisk': {
      const name = risk(action.id);
      return name === null ? 'Removed an empty risk' : `Removed the risk ${name}`;
    }
    case 'updateNextStep': {
      const name = step(action.id);
      if (name === null) return describeRowAction(action);
      if (action.field === 'due')
        return action.value === ''
          ? `Cleared the due date of the next step ${name}`
          : `Set the due date of the next step ${name} to ${action.value}`;
      if (action.field === 'action') return `Edited the next step ${name}`;
      return ownerTitle(action.value, `the next step ${name}`);
    }
    case 'moveNextStep': {
      const name = step(action.id);
      return name === null
        ? describeRowAction(action)
        : `Moved the next step ${name} ${action.offset < 0 ? 'up' : 'down'}`;
    }
    case 'removeNextStep': {
      const name = step(action.id);
      return name === null ? 'Removed an empty next step' : `Removed the next step ${name}`;
    }
    case 'addRisk':
    case 'addNextStep':
      return describeRowAction(action);
  }
}
