/**
 * Decides whether an IPC message (or a navigation) is our own page. In development the renderer is
 * served by the Vite dev server (compare origins); when built it is served from the app's own
 * scheme, `app://stackwise/index.html`, or was a file on disk (compare the exact page: scheme, host
 * and path). A custom scheme's origin is the opaque "null" to the URL parser, so origins alone
 * would match any other page of any custom scheme.
 */
export type SenderCheck = (frameUrl: string) => boolean;

export function createSenderCheck(rendererUrl: string): SenderCheck {
  const expected = new URL(rendererUrl);
  return (frameUrl) => {
    let actual: URL;
    try {
      actual = new URL(frameUrl);
    } catch {
      return false;
    }
    if (expected.protocol !== 'http:' && expected.protocol !== 'https:') {
      return (
        actual.protocol === expected.protocol &&
        actual.host === expected.host &&
        actual.pathname === expected.pathname
      );
    }
    return actual.origin === expected.origin;
  };
}
