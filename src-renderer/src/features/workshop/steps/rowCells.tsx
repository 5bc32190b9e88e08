/**
 * The cells the risk register and the next steps share: a text cell saved as it is typed (within
 * its limit, as the notes are), the move and remove buttons of a row, and the focus that follows a
 * row being added or removed, so the tables work from the keyboard alone.
 */
import { useCallback, useEffect, useId, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useLimitedText } from '../../../components/useLimitedText';

/** The id of one cell's control: the table, the row and the field. */
export const cellId = (table: string, rowId: string, field: string) => `${table}-${rowId}-${field}`;

/**
 * Focus that waits for the render: after "Add a risk" the new row's first cell exists only once
 * the document has the row, so the wish is kept until then.
 */
export function usePendingFocus(): (elementId: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === null) return;
    const element = document.getElementById(pending.current);
    if (element) {
      element.focus();
      pending.current = null;
    }
  });
  return useCallback((elementId: string) => {
    pending.current = elementId;
    const element = document.getElementById(elementId);
    if (element) {
      element.focus();
      pending.current = null;
    }
  }, []);
}

type TextCellProps = {
  id: string;
  /** What a screen reader hears, and what a message names: "Mitigation of risk 2". */
  label: string;
  stored: string;
  max: number;
  placeholder: string;
  save: (text: string) => void;
  /** Enter in the cell: the table moves on (next row, or a new one). */
  onEnter?: (() => void) | undefined;
};

/** One text cell, saved while it fits its limit; past it, marked and kept on screen unsent. */
export function TextCell({ id, label, stored, max, placeholder, save, onEnter }: TextCellProps) {
  const text = useLimitedText(stored, max, label, save);
  const errorId = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || !onEnter) return;
    event.preventDefault();
    onEnter();
  };
  return (
    <>
      <input
        id={id}
        className="input row-table__input"
        aria-label={label}
        aria-invalid={Boolean(text.error)}
        aria-describedby={text.error ? errorId : undefined}
        placeholder={placeholder}
        value={text.value}
        onChange={(event) => text.onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {text.error ? (
        <p className="field__error row-table__error" id={errorId} role="alert">
          {text.error}
        </p>
      ) : null}
    </>
  );
}

type RowButtonsProps = {
  /** "risk 2", "next step 1": what the buttons act on, for screen readers. */
  name: string;
  index: number;
  count: number;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
};

/** Up, down and remove; each says which row it acts on. */
export function RowButtons({ name, index, count, onMove, onRemove }: RowButtonsProps) {
  return (
    <div className="row-table__buttons">
      <button
        type="button"
        className="button button--quiet button--small"
        aria-label={`Move ${name} up`}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-label={`Move ${name} down`}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="button button--quiet button--quiet-danger button--small"
        aria-label={`Remove ${name}`}
        onClick={onRemove}
      >
        Remove
      </button>
    </div>
  );
}

/** Where focus goes when a row is removed: the row that takes its place, the one before, or Add. */
export function focusAfterRemoval<T extends { id: string }>(
  rows: readonly T[],
  index: number,
): T | undefined {
  return rows[index + 1] ?? rows[index - 1];
}
