import { describe, expect, it } from 'vitest';
import { STEPS } from '@shared/workshop';
import { presenterKeyAction, stepFor } from '../../src-renderer/src/features/presenter/keys';
import type { PresenterKeyEvent } from '../../src-renderer/src/features/presenter/keys';

const key = (k: string, mods: Partial<Omit<PresenterKeyEvent, 'key'>> = {}): PresenterKeyEvent => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('the presenter’s keys', () => {
  it('move between slides with a clicker’s keys, the arrows and Space', () => {
    for (const k of ['PageDown', 'ArrowRight', 'ArrowDown', ' ', 'Enter', 'n'])
      expect(presenterKeyAction(key(k), false), k).toBe('next');
    for (const k of ['PageUp', 'ArrowLeft', 'ArrowUp', 'Backspace', 'p'])
      expect(presenterKeyAction(key(k), false), k).toBe('previous');
    expect(presenterKeyAction(key(' ', { shiftKey: true }), false)).toBe('previous');
    expect(presenterKeyAction(key('Home'), false)).toBe('first');
    expect(presenterKeyAction(key('End'), false)).toBe('last');
  });

  it('take Alt with an arrow as the console’s Next / Previous step, not the browser’s Back', () => {
    expect(presenterKeyAction(key('ArrowRight', { altKey: true }), false)).toBe('next');
    expect(presenterKeyAction(key('ArrowLeft', { altKey: true }), false)).toBe('previous');
    expect(presenterKeyAction(key('ArrowUp', { altKey: true }), false)).toBeNull();
  });

  it('blank the screen with B or "." and bring it back with B again or any other key', () => {
    for (const k of ['b', 'B', '.']) expect(presenterKeyAction(key(k), false), k).toBe('toggle-blank');
    for (const k of ['b', '.', 'PageDown', 'x', 'Escape', 'F5', 'f'])
      expect(presenterKeyAction(key(k), true), k).toBe('unblank');
    // Pressing Shift alone (on the way to another key) does not bring the slide back.
    expect(presenterKeyAction(key('Shift', { shiftKey: true }), true)).toBeNull();
  });

  it('toggle full screen with F, and keep F5 from reloading or opening another screen', () => {
    expect(presenterKeyAction(key('f'), false)).toBe('fullscreen');
    expect(presenterKeyAction(key('F', { shiftKey: true }), false)).toBe('fullscreen');
    expect(presenterKeyAction(key('F5'), false)).toBe('swallow');
    expect(presenterKeyAction(key('F5', { ctrlKey: true }), false)).toBe('swallow');
  });

  it('leave the browser’s own shortcuts (zoom, copy, dev tools) alone', () => {
    expect(presenterKeyAction(key('+', { ctrlKey: true }), false)).toBeNull();
    expect(presenterKeyAction(key('b', { ctrlKey: true }), false)).toBeNull();
    expect(presenterKeyAction(key('f', { metaKey: true }), false)).toBeNull();
    expect(presenterKeyAction(key('Escape'), false)).toBeNull();
    expect(presenterKeyAction(key('F12'), false)).toBeNull();
  });
});

describe('the step a key moves to', () => {
  it('is the next or previous step, the first or last, and nothing past either end', () => {
    expect(stepFor('next', 'context')).toBe('criteria');
    expect(stepFor('previous', 'compare')).toBe('weighting');
    expect(stepFor('first', 'compare')).toBe('context');
    expect(stepFor('last', 'criteria')).toBe('recommendation');
    expect(stepFor('next', STEPS[STEPS.length - 1] ?? 'recommendation')).toBeUndefined();
    expect(stepFor('previous', 'context')).toBeUndefined();
    expect(stepFor('first', 'context')).toBeUndefined();
    expect(stepFor('toggle-blank', 'criteria')).toBeUndefined();
  });
});
