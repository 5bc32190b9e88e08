import { describe, expect, it, vi } from 'vitest';
import { matchesKeys, provideCommand, runCommand } from '../../src-renderer/src/app/commands';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
  code = '',
) => ({
  key: k,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('command handlers', () => {
  it('let a screen’s handler win over the app-wide fallback, whichever registered first', () => {
    const screen = vi.fn();
    const fallback = vi.fn();
    const removeScreen = provideCommand({ id: 'edit.undo', perform: screen });
    const removeFallback = provideCommand({ id: 'edit.undo', perform: fallback, fallback: true });
    runCommand('edit.undo');
    expect(screen).toHaveBeenCalledOnce();
    expect(fallback).not.toHaveBeenCalled();
    removeScreen();
    runCommand('edit.undo');
    expect(fallback).toHaveBeenCalledOnce();
    removeFallback();
    expect(runCommand('edit.undo')).toBe(false);
  });
});

describe('key matching', () => {
  it.each([
    ['Mod+Z', key('z', { ctrlKey: true }), false, true],
    ['Mod+Z', key('z', { ctrlKey: true, shiftKey: true }), false, false],
    ['Mod+Shift+Z', key('Z', { ctrlKey: true, shiftKey: true }), false, true],
    ['Mod+Z', key('z', { metaKey: true }), true, true],
    ['Mod+Z', key('z', { ctrlKey: true }), true, false],
    ['Alt+ArrowRight', key('ArrowRight', { altKey: true }), false, true],
    ['PageDown', key('PageDown'), false, true],
    ['?', key('?', { shiftKey: true }), false, true],
    ['Alt+R', key('®', { altKey: true }, 'KeyR'), true, true],
    ['Alt+R', key('r'), false, false],
  ])('%s against %j (mac: %s) -> %s', (keys, event, isMac, expected) => {
    expect(matchesKeys(keys, event, isMac)).toBe(expected);
  });
});
