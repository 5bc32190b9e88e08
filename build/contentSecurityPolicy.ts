/**
 * Injects the Content Security Policy into the built index.html. Build only: the dev server's React
 * Refresh preamble is an inline script that the strict policy would (rightly) block.
 * `frame-ancestors` is dropped here because browsers ignore it in a <meta> tag; the web host sends
 * it as a header.
 */
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../shared/security/contentSecurityPolicy';

const metaPolicy = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'stackwise:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
