import { useId } from 'react';
import type { ReactNode } from 'react';
import './Field.css';

type FieldProps = {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  /** The text's length and its limit: a counter shows near the limit, and past it says so. */
  count?: { length: number; max: number } | undefined;
  /** Renders the control, wired to the label, hint and error for screen readers. */
  children: (control: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
  }) => ReactNode;
};

/** The counter appears once the text has used this share of its limit. */
const COUNT_FROM = 0.8;

/**
 * What to say when text is longer than its field allows, or undefined when it fits. Text is never
 * cut to fit: the person sees how much to take out.
 */
export function overLimitMessage(label: string, length: number, max: number): string | undefined {
  if (length <= max) return undefined;
  const over = length - max;
  return `${label} can be at most ${max} characters; take out ${over} ${over === 1 ? 'character' : 'characters'} to save it.`;
}

/** "412 of 500 characters", once the text nears its limit; past it, marked as over. */
export function CharacterCount({ id, length, max }: { id?: string; length: number; max: number }) {
  if (length < max * COUNT_FROM) return null;
  return (
    <p id={id} className={length > max ? 'field__count field__count--over' : 'field__count'}>
      {length} of {max} characters
    </p>
  );
}

/** A labelled form control with its hint and, when invalid, its error right beside it. */
export function Field({ label, error, hint, required = false, count, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  const counting = count !== undefined && count.length >= count.max * COUNT_FROM;
  const describedBy =
    [hint && !error ? hintId : '', error ? errorId : '', counting ? countId : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && !error ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {count ? <CharacterCount id={countId} length={count.length} max={count.max} /> : null}
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
