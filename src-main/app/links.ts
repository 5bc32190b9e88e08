/**
 * Links that leave the app. Only https and mailto links go anywhere (externalLinks.ts); of those,
 * the short allowlist opens at once, and every other one first shows its full address (as the URL
 * parser normalised it, so a look-alike host shows in its punycode form) and asks.
 */
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

/** True when the link was handed to the operating system. */
export const openExternalLink: OpenLink = async (url, from) => {
  if (!isSafeExternalUrl(url)) return false;
  const href = new URL(url).href;
  if (!isTrustedLink(href)) {
    const owner = BrowserWindow.fromWebContents(from);
    const options = confirmationFor(href);
    const { response } = owner
      ? await dialog.showMessageBox(owner, options)
      : await dialog.showMessageBox(options);
    if (response !== 0) return false;
  }
  await shell.openExternal(href);
  return true;
};
