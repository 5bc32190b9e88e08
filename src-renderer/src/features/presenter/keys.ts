/**
 * The presenter's keys, as presentation software has them: a clicker sends Page Down / Page Up
 * (some send arrows, Space or B), B or "." blanks the screen and any key brings it back, F toggles
 * full screen. Pure, so the mapping is tested without a window.
 */
import { STEPS } from '@shared/workshop';
import type { Step } from '@shared/workshop';

export type PresenterKeyAction =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'toggle-blank'
  | 'unblank'
  | 'fullscreen'
  /** Kept from the browser and the app: F5 would reload the shared screen or open another one. */
  | 'swallow';

export type PresenterKeyEvent = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
};

const NEXT = new Set(['PageDown', 'ArrowRight', 'ArrowDown', ' ', 'Enter', 'n', 'N']);
const PREVIOUS = new Set(['PageUp', 'ArrowLeft', 'ArrowUp', 'Backspace', 'p', 'P']);
const BLANK = new Set(['b', 'B', '.']);
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Fn']);

/** What a key does on the shared screen; null for keys left to the browser (zoom, dev tools...). */
export function presenterKeyAction(event: PresenterKeyEvent, blank: boolean): PresenterKeyAction | null {
  const { key } = event;
  if (MODIFIERS.has(key)) return null;
  // While blank, any key brings the slide back and does nothing else (so the room sees where it was).
  if (blank) return 'unblank';
  if (key === 'F5') return 'swallow';
  if (event.ctrlKey || event.metaKey) return null;
  // Alt with an arrow is the console's Next / Previous step, and the browser's Back / Forward.
  if (event.altKey) return key === 'ArrowRight' ? 'next' : key === 'ArrowLeft' ? 'previous' : null;
  if (key === ' ' && event.shiftKey) return 'previous';
  if (NEXT.has(key)) return 'next';
  if (PREVIOUS.has(key)) return 'previous';
  if (key === 'Home') return 'first';
  if (key === 'End') return 'last';
  if (BLANK.has(key)) return 'toggle-blank';
  if (key === 'f' || key === 'F') return 'fullscreen';
  return null;
}

/** The step a navigation key moves to, or undefined at either end (nothing happens there). */
export function stepFor(action: PresenterKeyAction, current: Step): Step | undefined {
  const index = STEPS.indexOf(current);
  const target =
    action === 'next'
      ? STEPS[index + 1]
      : action === 'previous'
        ? STEPS[index - 1]
        : action === 'first'
          ? STEPS[0]
          : action === 'last'
            ? STEPS[STEPS.length - 1]
            : undefined;
  return target === current ? undefined : target;
}
