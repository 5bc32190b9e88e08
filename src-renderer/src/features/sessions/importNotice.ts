/**
 * What an import did, in words, kept for the session page it opens: the list navigates away as
 * soon as the file is in, and the session's Files card says what came in and how.
 */
import type { ImportOutcome } from '@shared/portable/contract';

const notices = new Map<string, string>();

export function describeImport(fileName: string, outcome: ImportOutcome): string {
  const { session, copy, brand } = outcome;
  const what = copy
    ? `“${fileName}” was imported as a copy, “${session.projectName}”: this session was already here, so the copy has its own name and the original is unchanged.`
    : `“${fileName}” was imported.`;
  if (!brand) return what;
  return brand.reconnected
    ? `${what} Its report uses the brand profile “${brand.profileName}”, found on this computer.`
    : `${what} Its report used the brand profile “${brand.profileName}”, which is not on this computer, so it uses the default look until you choose a profile.`;
}

export function rememberImport(sessionId: string, notice: string): void {
  notices.set(sessionId, notice);
}

/** The notice for a session imported in this window, if any; it stays for the page's life. */
export function importNoticeFor(sessionId: string): string | undefined {
  return notices.get(sessionId);
}
