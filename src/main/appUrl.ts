/** The app's own origin in production: files served by the `app://` protocol handler. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://gigdesk`;

/**
 * True for the app's own pages: `app://gigdesk/...`, or the dev server's origin in `npm start`.
 * Compares parsed origins, never string prefixes (`app://gigdesk.evil` must not pass).
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'gigdesk') return true;
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/** Only http(s) links leave the app, and only to the system browser. */
export function externalUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}
