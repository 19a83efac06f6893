/**
 * Which feed server addresses the app may talk to. Tokens, invite codes and customers' personal
 * data travel on this connection, so plain `http://` is allowed only to this computer (the demo
 * workspace, a local test server); everything else must be `https://`.
 */
export function serverUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'Enter the full address, for example https://feed.yourbrand.com';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return 'The address must start with https://';
  if (isLoopback(url.hostname)) return null;
  return `Gigdesk connects only over https:// (${url.host} was given as http://). Ask your brand for its https:// address.`;
}

function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return /^127(\.\d{1,3}){3}$/.test(hostname);
}
