/**
 * Spell-checking without a network request. Chromium's own checker (Windows and Linux) downloads
 * Hunspell dictionaries from Google's servers the first time a language is used, which would break
 * "works offline" and tell a third party the app is running. So:
 *   - the download address points at a local folder (`Dictionaries/` in userData, where Chromium
 *     also keeps the dictionaries it has): a dictionary placed there is used, nothing is fetched;
 *   - on macOS the operating system's checker is used (no dictionaries to fetch), on by default;
 *   - on Windows it is on by default (the system's checker where Chromium uses it);
 *   - on Linux it is off by default, since there it needs a Hunspell dictionary in that folder;
 *   - Edit > Check Spelling turns it on or off, remembered in desktop-settings.json.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Session } from 'electron';
import { readSettings, writeSettings } from './settings';

export function spellcheckByDefault(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

export type Spellcheck = {
  enabled(): boolean;
  set(enabled: boolean): void;
};

export type SpellcheckSetup = {
  session: Pick<Session, 'setSpellCheckerEnabled' | 'setSpellCheckerDictionaryDownloadURL'>;
  platform: NodeJS.Platform;
  userData: string;
  settingsPath: string;
};

export function dictionaryFolder(userData: string): string {
  return join(userData, 'Dictionaries');
}

export function installSpellcheck({
  session,
  platform,
  userData,
  settingsPath,
}: SpellcheckSetup): Spellcheck {
  // Before anything is checked, so no first download can slip out. A no-op on macOS.
  let offline = true;
  try {
    session.setSpellCheckerDictionaryDownloadURL(pathToFileURL(`${dictionaryFolder(userData)}/`).href);
  } catch (error) {
    // Never expected; but without the local address Chromium would fetch from Google, so the
    // checker stays off wherever it downloads dictionaries.
    offline = platform === 'darwin';
    console.error('Stackwise could not keep spell-checking offline; it is turned off.', error);
  }
  const allowed = (value: boolean) => value && offline;
  let enabled = allowed(readSettings(settingsPath).spellcheck ?? spellcheckByDefault(platform));
  session.setSpellCheckerEnabled(enabled);
  return {
    enabled: () => enabled,
    set(value) {
      enabled = allowed(value);
      session.setSpellCheckerEnabled(enabled);
      writeSettings(settingsPath, { ...readSettings(settingsPath), spellcheck: value });
    },
  };
}
