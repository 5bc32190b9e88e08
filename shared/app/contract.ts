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

/** Commands the application menu can ask the renderer to run. */
export const MENU_COMMANDS = ['session.new', 'session.find', 'session.duplicate', 'session.delete'] as const;
export const MenuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

export const appContract = {
  'app:info': { input: z.strictObject({}), output: AppInfoSchema },
} satisfies Record<string, ChannelSpec>;

export const appEvents = {
  'app:command': z.strictObject({ command: MenuCommandSchema }),
};
