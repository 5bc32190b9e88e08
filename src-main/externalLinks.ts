/** Which links may leave the app for the system browser or mail client, and which go without asking. */
const ALLOWED_PROTOCOLS = new Set(['https:', 'mailto:']);

/**
 * Opened without a question: the official documentation of the two stacks the app compares, which
 * its own knowledge base cites. Exact host names over https on the default port; every other
 * link (a subdomain, a look-alike, a mail address) shows its full address and asks first.
 */
export const TRUSTED_LINK_HOSTS: ReadonlySet<string> = new Set([
  'docs.djangoproject.com',
  'www.djangoproject.com',
  'nodejs.org',
]);

export function isSafeExternalUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return false;
  // No credentials smuggled in the authority part, and a real host for web links.
  if (url.username || url.password) return false;
  return url.protocol === 'mailto:' || url.hostname.length > 0;
}

/** A safe link to one of `TRUSTED_LINK_HOSTS`, which opens without a confirmation. */
export function isTrustedLink(candidate: string): boolean {
  if (!isSafeExternalUrl(candidate)) return false;
  const url = new URL(candidate);
  return url.protocol === 'https:' && url.port === '' && TRUSTED_LINK_HOSTS.has(url.hostname);
}
