/**
 * Decides whether an IPC message comes from our own page. In development the renderer is served by
 * the Vite dev server (compare origins); when built it is a file on disk (compare the exact file).
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
    if (expected.protocol === 'file:') {
      return (
        actual.protocol === 'file:' && actual.host === expected.host && actual.pathname === expected.pathname
      );
    }
    return actual.origin === expected.origin;
  };
}
