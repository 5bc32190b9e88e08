/**
 * User commands: the keys and labels live in shared `COMMANDS`; what a command does is provided by
 * whichever screen owns it while that screen is open (`useCommand`); a screen's handler wins over
 * the app-wide fallback.
 * The application menu (Electron), the keyboard (both hosts) and buttons all run commands through
 * here, so they can never disagree.
 */
import { useEffect } from 'react';
import { COMMANDS } from '@shared/app/contract';
import type { MenuCommand } from '@shared/app/contract';

export type CommandId = MenuCommand;
export type CommandHandler = {
  id: CommandId;
  perform: () => void;
  /**
   * App-wide defaults set `fallback`: a screen's own handler always wins over them, whichever
   * registered first (React runs a page's effects before the app shell's).
   */
  fallback?: boolean;
};

const providers = new Map<CommandId, CommandHandler[]>();

/** Makes `handler` available until the returned function is called. */
export function provideCommand(handler: CommandHandler): () => void {
  providers.set(handler.id, [...(providers.get(handler.id) ?? []), handler]);
  return () => {
    providers.set(
      handler.id,
      (providers.get(handler.id) ?? []).filter((h) => h !== handler),
    );
  };
}

/** The newest screen handler for `id`, else the newest fallback. */
function activeHandler(id: CommandId): CommandHandler | undefined {
  const handlers = providers.get(id) ?? [];
  return handlers.filter((h) => !h.fallback).at(-1) ?? handlers.at(-1);
}

export function runCommand(id: CommandId): boolean {
  const handler = activeHandler(id);
  if (!handler) return false;
  handler.perform();
  return true;
}

export function useCommand(handler: CommandHandler | undefined): void {
  useEffect(() => (handler ? provideCommand(handler) : undefined), [handler]);
}

/** Text fields keep their own keys (arrows, Page Up, undo) unless a command needs a modifier. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type)
  );
}

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code'>;

export function matchesKeys(keys: string, event: KeyEventLike, isMac: boolean): boolean {
  const parts = keys.split('+');
  const key = parts.at(-1) ?? '';
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (mod !== parts.includes('Mod') || event.altKey !== parts.includes('Alt')) return false;
  // A printable symbol such as "?" already implies its Shift; letters and named keys state it.
  const symbol = key.length === 1 && !/[a-z0-9]/i.test(key);
  if (!symbol && event.shiftKey !== parts.includes('Shift')) return false;
  // With Alt held, macOS reports a different character ("Alt+R" gives "®"): compare the physical key too.
  const code = key.length === 1 && /[a-z]/i.test(key) ? `Key${key.toUpperCase()}` : key;
  return event.key.toLowerCase() === key.toLowerCase() || event.code === code;
}

/** Keyboard shortcuts from the command table. In Electron the menu owns the keys it declares. */
export function installKeyboardShortcuts(target: Window, host: 'electron' | 'web'): () => void {
  const isMac = /Mac/.test(target.navigator.platform);
  const onKeyDown = (event: KeyboardEvent) => {
    const inText = isEditable(event.target);
    for (const [id, command] of Object.entries(COMMANDS) as Array<
      [CommandId, (typeof COMMANDS)[CommandId]]
    >) {
      if (host === 'electron' && 'accelerator' in command) continue;
      for (const keys of command.keys) {
        if (!matchesKeys(keys, event, isMac)) continue;
        const guarded = !keys.includes('Mod') && !keys.includes('Alt');
        if (inText && (guarded || id === 'edit.undo' || id === 'edit.redo' || keys.includes('Arrow'))) return;
        if (runCommand(id)) event.preventDefault();
        return;
      }
    }
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}

/** "Mod+Shift+Z" as people read it on this machine: "Ctrl+Shift+Z" or "⌘⇧Z". */
export function formatKeys(keys: string, isMac = /Mac/.test(navigator.platform)): string {
  const names: Record<string, string> = isMac
    ? { Mod: '⌘', Alt: '⌥', Shift: '⇧', ArrowRight: '→', ArrowLeft: '←' }
    : { Mod: 'Ctrl', ArrowRight: '→', ArrowLeft: '←', PageDown: 'Page Down', PageUp: 'Page Up' };
  const parts = keys.split('+').map((part) => names[part] ?? part);
  return isMac ? parts.join('') : parts.join('+');
}
