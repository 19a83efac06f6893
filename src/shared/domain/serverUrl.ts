import type { TextRef } from '../i18n/catalogs';

const EXAMPLE = 'https://feed.yourbrand.com';

/**
 * Which feed server addresses the app may talk to. Tokens, invite codes and customers' personal
 * data travel on this connection, so plain `http://` is allowed only to this computer (the demo
 * workspace, a local test server); everything else must be `https://`. The problem is answered
 * as a message (id and values) core and the renderer both word in the advocate's language.
 */
export function serverUrlProblem(value: string): TextRef | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { id: 'error.serverUrl.notAnAddress', values: { example: EXAMPLE } };
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return { id: 'error.serverUrl.notHttps', values: {} };
  if (isLoopback(url.hostname)) return null;
  return { id: 'error.serverUrl.plainHttp', values: { host: url.host } };
}

function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return /^127(\.\d{1,3}){3}$/.test(hostname);
}
