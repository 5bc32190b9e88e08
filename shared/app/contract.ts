import { z } from 'zod';
import type { ChannelSpec } from '../ipc/spec';

export const AppInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  /** Where this running instance keeps its data, shown to the user. */
  databasePath: z.string(),
  /** Which host serves this renderer. */
  host: z.enum(['electron', 'web']),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/**
 * Every user command with its keys, in one table: the renderer's keyboard handling and the Electron
 * menu both read it. `keys` use `Mod` for Ctrl (Cmd on macOS); `accelerator` marks the commands the
 * desktop menu owns (there the renderer leaves those keys to the menu).
 */
export const COMMANDS = {
  'session.new': { label: 'New Session', keys: ['Mod+Alt+N'], accelerator: 'CmdOrCtrl+N' },
  'session.find': { label: 'Find Session…', keys: ['Mod+F'], accelerator: 'CmdOrCtrl+F' },
  'session.duplicate': { label: 'Duplicate Session', keys: ['Mod+D'], accelerator: 'CmdOrCtrl+D' },
  'session.delete': { label: 'Delete Session…', keys: [] },
  'edit.undo': { label: 'Undo', keys: ['Mod+Z'], accelerator: 'CmdOrCtrl+Z' },
  'edit.redo': { label: 'Redo', keys: ['Mod+Shift+Z', 'Mod+Y'], accelerator: 'CmdOrCtrl+Shift+Z' },
  'workshop.next': { label: 'Next Step', keys: ['Alt+ArrowRight', 'PageDown'] },
  'workshop.previous': { label: 'Previous Step', keys: ['Alt+ArrowLeft', 'PageUp'] },
  'workshop.reveal': { label: 'Reveal or Hide Inputs', keys: ['Alt+R'] },
  'workshop.anonymous': { label: 'Hide or Show Names on Screen', keys: ['Alt+A'] },
  'workshop.present': { label: 'Present on the Shared Screen', keys: ['Alt+P', 'F5'] },
  'room.open': { label: 'Open the Room…', keys: [] },
  'help.shortcuts': { label: 'Keyboard Shortcuts', keys: ['?'] },
} as const satisfies Record<string, { label: string; keys: readonly string[]; accelerator?: string }>;

/** Commands the application menu can ask the renderer to run. */
export const MENU_COMMANDS = Object.keys(COMMANDS) as [
  keyof typeof COMMANDS,
  ...Array<keyof typeof COMMANDS>,
];
export const MenuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

export const appContract = {
  'app:info': { input: z.strictObject({}), output: AppInfoSchema },
} satisfies Record<string, ChannelSpec>;

export const appEvents = {
  'app:command': z.strictObject({ command: MenuCommandSchema }),
};
