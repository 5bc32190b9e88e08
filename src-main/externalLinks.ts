/** Which links may leave the app for the system browser or mail client. */
const ALLOWED_PROTOCOLS = new Set(['https:', 'mailto:']);

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
