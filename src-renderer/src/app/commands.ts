/**
 * User commands as data: label, shortcut, and what they do. The application menu (Electron), the
 * keyboard (web host) and buttons all run commands through here, so they can never disagree.
 * Pages that own a command while they are on screen (e.g. "delete this session") provide it with
 * `useCommand`; global commands are registered at start-up.
 */
import { useEffect } from 'react';
import type { MenuCommand } from '@shared/app/contract';

export type CommandId = MenuCommand;

export type Command = {
  id: CommandId;
  label: string;
  /** `Mod` is Ctrl, or Cmd on macOS. */
  shortcut?: string;
  perform: () => void;
};

const commands = new Map<CommandId, Command[]>();

/** Makes `command` available until the returned function is called; the newest provider wins. */
export function provideCommand(command: Command): () => void {
  const stack = commands.get(command.id) ?? [];
  commands.set(command.id, [...stack, command]);
  return () => {
    commands.set(
      command.id,
      (commands.get(command.id) ?? []).filter((c) => c !== command),
    );
  };
}

export function runCommand(id: CommandId): boolean {
  const command = commands.get(id)?.at(-1);
  if (!command) return false;
  command.perform();
  return true;
}

export function useCommand(command: Command | undefined): void {
  useEffect(() => (command ? provideCommand(command) : undefined), [command]);
}

export function matchesShortcut(shortcut: string, event: KeyboardEvent, isMac: boolean): boolean {
  const keys = shortcut.split('+');
  const key = keys.at(-1)?.toLowerCase();
  const wantsMod = keys.includes('Mod');
  const mod = isMac ? event.metaKey : event.ctrlKey;
  return event.key.toLowerCase() === key && mod === wantsMod && event.altKey === keys.includes('Alt');
}

/** Keyboard shortcuts for hosts without an application menu (the browser). */
export function installKeyboardShortcuts(target: Window): () => void {
  const isMac = /Mac/.test(target.navigator.platform);
  const onKeyDown = (event: KeyboardEvent) => {
    for (const [id, stack] of commands) {
      const command = stack.at(-1);
      if (command?.shortcut && matchesShortcut(command.shortcut, event, isMac)) {
        event.preventDefault();
        runCommand(id);
        return;
      }
    }
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
