/**
 * The risk register and the next steps in a comparison: one row per risk or step, matched by its
 * id across the two sides (so an edited risk is one changed row, not one removed and one added),
 * each shown as the sentence it reads as.
 */
import { LEVEL_LABELS, shortRowText } from '../workshop';
import type { ActionRow, RiskRow, WorkshopState } from '../workshop';

export type RowLine = { id: string; what: string; before: string | null; after: string | null };

/** Ids of both sides, in the newer side's order, then the ones only the older side has. */
function matched<T extends { id: string }>(a: readonly T[], b: readonly T[]) {
  const byIdA = new Map(a.map((row) => [row.id, row]));
  const byIdB = new Map(b.map((row) => [row.id, row]));
  const ids = [...b.map((row) => row.id), ...a.map((row) => row.id).filter((id) => !byIdB.has(id))];
  return ids.map((id) => ({ id, a: byIdA.get(id), b: byIdB.get(id) }));
}

const level = (value: RiskRow['likelihood']) => LEVEL_LABELS[value].toLocaleLowerCase();

function riskText(row: RiskRow): string {
  const parts = [
    `${row.risk.trim() || 'Not yet described'} (likelihood ${level(row.likelihood)}, impact ${level(row.impact)})`,
  ];
  if (row.mitigation.trim()) parts.push(`mitigation: ${row.mitigation.trim()}`);
  if (row.owner.trim()) parts.push(`owner: ${row.owner.trim()}`);
  return parts.join('; ');
}

function stepText(row: ActionRow): string {
  const parts = [row.action.trim() || 'Not yet described'];
  if (row.owner.trim()) parts.push(`owner: ${row.owner.trim()}`);
  if (row.due) parts.push(`due ${row.due}`);
  return parts.join('; ');
}

/** Each risk of either side as a line: named by its text on the newer side. */
export function riskLines(a: WorkshopState, b: WorkshopState): RowLine[] {
  return matched(a.notes.riskRows, b.notes.riskRows).map(({ id, a: ra, b: rb }) => {
    const name = (rb ?? ra)?.risk.trim() ?? '';
    return {
      id,
      what: name ? `Risk “${shortRowText(name)}”` : 'A risk not yet described',
      before: ra ? riskText(ra) : null,
      after: rb ? riskText(rb) : null,
    };
  });
}

export function stepLines(a: WorkshopState, b: WorkshopState): RowLine[] {
  return matched(a.notes.actionRows, b.notes.actionRows).map(({ id, a: ra, b: rb }) => {
    const name = (rb ?? ra)?.action.trim() ?? '';
    return {
      id,
      what: name ? `Next step “${shortRowText(name)}”` : 'A next step not yet described',
      before: ra ? stepText(ra) : null,
      after: rb ? stepText(rb) : null,
    };
  });
}

/** The order of each side's rows, when it differs only by order (a moved row changes nothing else). */
export function orderLine(
  what: string,
  a: ReadonlyArray<{ id: string }>,
  b: ReadonlyArray<{ id: string }>,
): { what: string; before: string; after: string } | null {
  const ids = (rows: ReadonlyArray<{ id: string }>) => rows.map((row) => row.id);
  const before = ids(a);
  const after = ids(b);
  if (before.length !== after.length || before.every((id, i) => id === after[i])) return null;
  const common = new Set(before);
  if (!after.every((id) => common.has(id))) return null;
  const position = new Map(before.map((id, i) => [id, i + 1]));
  return {
    what,
    before: before.map((_, i) => String(i + 1)).join(', '),
    after: after.map((id) => String(position.get(id))).join(', '),
  };
}
