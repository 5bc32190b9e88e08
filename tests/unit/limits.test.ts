/**
 * Text longer than its field allows is flagged while it is typed and never cut: the counter
 * appears near the limit, past it the field says by how much, and live fields (notes, a rating's
 * reason) keep the typing on screen without sending it until it fits.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NOTES_MAX } from '@shared/workshop';
import { CharacterCount, Field, overLimitMessage } from '../../src-renderer/src/components/Field';
import { limitedChange } from '../../src-renderer/src/components/useLimitedText';

const field = (length: number) =>
  renderToStaticMarkup(
    createElement(Field, {
      label: 'Risks',
      count: { length, max: NOTES_MAX },
      error: overLimitMessage('Risks', length, NOTES_MAX),
      children: (control) => createElement('textarea', control),
    }),
  );

describe('text near and over its limit', () => {
  it('shows no counter well within the limit, a counter near it, and the overshoot past it', () => {
    expect(field(100)).not.toContain('characters');
    expect(field(4500)).toContain('4500 of 5000 characters');
    const over = field(5003);
    expect(over).toContain('field__count--over');
    expect(over).toContain('Risks can be at most 5000 characters; take out 3 characters to save it.');
    expect(over).toMatch(/aria-invalid="true"/);
    expect(over).toMatch(/aria-describedby="[^"]*-error [^"]*-count"/);
  });

  it('says one character, not one characters', () => {
    expect(overLimitMessage('The note', 501, 500)).toBe(
      'The note can be at most 500 characters; take out 1 character to save it.',
    );
    expect(overLimitMessage('The note', 500, 500)).toBeUndefined();
  });

  it('keeps typing past the limit as an unsent draft and sends it again once it fits', () => {
    const long = 'x'.repeat(NOTES_MAX + 1);
    expect(limitedChange(long, NOTES_MAX)).toEqual({ send: null, draft: long });
    expect(limitedChange(long.slice(1), NOTES_MAX)).toEqual({ send: long.slice(1), draft: null });
  });

  it('counts on its own where a field has no label of its own', () => {
    expect(renderToStaticMarkup(createElement(CharacterCount, { length: 79, max: 80 }))).toContain(
      '79 of 80 characters',
    );
    expect(renderToStaticMarkup(createElement(CharacterCount, { length: 10, max: 80 }))).toBe('');
  });
});
