/** The join code the page was opened with: the QR code's link is `/j/<CODE>`. */
import { JOIN_CODE_LENGTH, PARTICIPANT_API } from '@shared/room/schema';

/** The code in `/j/<CODE>`, upper-cased as the person would type it, or '' on any other path. */
export function codeFromPath(pathname: string): string {
  if (!pathname.startsWith(PARTICIPANT_API.joinLink)) return '';
  let rest: string;
  try {
    rest = decodeURIComponent(pathname.slice(PARTICIPANT_API.joinLink.length));
  } catch {
    return '';
  }
  return normalizeTyped(rest.replace(/\/+$/, ''));
}

/** What the code field keeps of what was typed: letters and digits, upper case, at most six. */
export function normalizeTyped(value: string): string {
  return value
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, JOIN_CODE_LENGTH);
}
