/**
 * What the risk register and the next steps do alike, from the keyboard: Add starts an empty row
 * and focuses its first cell; Enter moves to the same cell one row down, or on the last row starts
 * a new one once that row says something; removing a row moves focus to the row taking its place
 * (or the one before, or Add when none is left).
 */
import { cellId, focusAfterRemoval, usePendingFocus } from './rowCells';

type RowTable<F extends string, T extends { id: string } & Record<F, string>> = {
  /** The table's part of each cell's id: "risk", "step". */
  table: string;
  /** The id of the table's Add button. */
  addId: string;
  rows: readonly T[];
  /** How many rows the table holds at most. */
  limit: number;
  /** The row's first field: the cell a new row focuses, whose text lets Enter start another. */
  firstField: F;
  /** Adds an empty row with this id, and removes the row with this id (the table's actions). */
  addRow: (id: string) => void;
  removeRow: (id: string) => void;
};

export function useRowTable<F extends string, T extends { id: string } & Record<F, string>>({
  table,
  addId,
  rows,
  limit,
  firstField,
  addRow,
  removeRow,
}: RowTable<F, T>) {
  const focus = usePendingFocus();
  const full = rows.length >= limit;

  const add = () => {
    if (full) return;
    const id = crypto.randomUUID();
    addRow(id);
    focus(cellId(table, id, firstField));
  };
  /** Enter in row `index`'s `field`. */
  const next = (index: number, field: string) => {
    const below = rows[index + 1];
    if (below) focus(cellId(table, below.id, field));
    else if (rows[index]?.[firstField].trim()) add();
  };
  const remove = (index: number) => {
    const row = rows[index];
    if (!row) return;
    const then = focusAfterRemoval(rows, index);
    removeRow(row.id);
    focus(then ? cellId(table, then.id, firstField) : addId);
  };

  return { full, add, next, remove };
}
