/**
 * The desktop app's own preferences (not workshop data): a small JSON file in userData, read with
 * zod. A missing, unreadable or malformed file means the defaults; it is never fatal, and it is
 * written again only when the user changes a preference (to a temporary file, then renamed).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

export const SETTINGS_FILE = 'desktop-settings.json';

/** Unknown keys (from a newer version) are kept, so going back and forth loses nothing. */
export const DesktopSettingsSchema = z.looseObject({
  /** Check spelling as the user types; unset means the platform's default (spellcheck.ts). */
  spellcheck: z.boolean().optional(),
});
export type DesktopSettings = z.infer<typeof DesktopSettingsSchema>;

export function settingsPathIn(userData: string): string {
  return join(userData, SETTINGS_FILE);
}

export function readSettings(path: string, log: (message: string) => void = console.error): DesktopSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed = DesktopSettingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: the same as a file of the wrong shape.
  }
  log(`Stackwise ignored its settings file (${path}): it is not in the expected shape.`);
  return {};
}

export function writeSettings(path: string, settings: DesktopSettings): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}
