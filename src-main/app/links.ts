/**
 * Links that leave the app. Only https and mailto links go anywhere (externalLinks.ts); of those,
 * the short allowlist opens at once, and every other one first shows its full address (as the URL
 * parser normalised it, so a look-alike host shows in its punycode form) and asks. Any other link
 * (http, a user name in the address, …) opens nothing, and a message says so, naming it; a file
 * (dropped on the window) is named as a file, with the way to import a session file.
 */
import { fileURLToPath } from 'node:url';
import { BrowserWindow, dialog, shell } from 'electron';
import type { MessageBoxOptions, WebContents } from 'electron';
import { isSafeExternalUrl, isTrustedLink } from '../externalLinks';

export type OpenLink = (url: string, from: WebContents) => Promise<boolean>;

export function confirmationFor(href: string): MessageBoxOptions {
  const mail = href.startsWith('mailto:');
  return {
    type: 'question',
    title: 'Leave Stackwise?',
    message: mail ? 'Write an email with your mail app?' : 'Open this link in your web browser?',
    detail: mail ? `To: ${href.slice('mailto:'.length)}` : href,
    buttons: [mail ? 'Write Email' : 'Open Link', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

/** How much of a refused address the message shows (a `data:` address can be megabytes long). */
const SHOWN_CHARACTERS = 1000;

/** The address as the URL parser reads it (punycode hosts), or as written when it is not one. */
function displayed(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** The local path of a file: address (a file dropped on a window navigates to one), if it is one. */
function localPath(url: string): string | undefined {
  if (!url.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(url);
  } catch {
    return undefined;
  }
}

export function refusalFor(url: string): MessageBoxOptions {
  const path = localPath(url);
  if (path !== undefined) {
    return {
      type: 'info',
      title: 'File not opened',
      message: 'Stackwise did not open this file.',
      detail:
        `${path}\n\nTo bring in a session file, use Import session file… on the Sessions list, or open ` +
        'the file from your file manager.',
      buttons: ['OK'],
      noLink: true,
    };
  }
  const address = displayed(url);
  const count = (n: number) => n.toLocaleString('en-US');
  const shown =
    address.length > SHOWN_CHARACTERS
      ? `${address.slice(0, SHOWN_CHARACTERS)}… (the first ${count(SHOWN_CHARACTERS)} characters of ${count(address.length)})`
      : address;
  return {
    type: 'warning',
    title: 'Link not opened',
    message: 'Stackwise did not open this link.',
    detail:
      `${shown}\n\nStackwise opens only secure web addresses (https) without a user name or password ` +
      'in them, and email addresses.',
    buttons: ['OK'],
    noLink: true,
  };
}

/** True when the link was handed to the operating system. */
export const openExternalLink: OpenLink = async (url, from) => {
  const owner = BrowserWindow.fromWebContents(from);
  const show = (options: MessageBoxOptions) =>
    owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options);
  if (!isSafeExternalUrl(url)) {
    await show(refusalFor(url));
    return false;
  }
  const href = new URL(url).href;
  if (!isTrustedLink(href)) {
    const { response } = await show(confirmationFor(href));
    if (response !== 0) return false;
  }
  await shell.openExternal(href);
  return true;
};
