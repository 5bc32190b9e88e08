/**
 * The response headers every page of the renderer is served with, by the desktop app's app://
 * scheme (src-main/app/protocol.ts) and the loopback web host (src-main/web/server.ts) alike: the
 * Content Security Policy first, then no MIME sniffing, no referrer, no framing, and no other
 * origin sharing the window or reading the files. Names in lower case, as HTTP/2 sends them.
 */
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
});
