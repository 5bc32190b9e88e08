/**
 * The renderer's Content Security Policy, in one place: no inline or remote scripts, no plugins,
 * no framing, network only back to our own origin. The built page carries it as a <meta> tag and
 * the web host also sends it as a response header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
