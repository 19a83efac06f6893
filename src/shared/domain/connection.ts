import type { SyncStatus } from '../contract/events';

/**
 * Raw transport failures as Node, undici and Chromium word them (socket, DNS, TLS, fetch itself):
 * the connection is at fault, not the request, so the person is offline for our purposes.
 */
const TRANSPORT =
  /\b(?:E(?:CONNREFUSED|CONNRESET|CONNABORTED|TIMEDOUT|NOTFOUND|AI_AGAIN|HOSTUNREACH|NETUNREACH|PIPE)|UND_ERR_\w+|ERR_(?:INTERNET_DISCONNECTED|NETWORK_CHANGED|NAME_NOT_RESOLVED|CONNECTION_\w+))\b|other side closed|socket hang up|fetch failed|network ?error|not reachable|did not answer in time/i;

export const isTransportError = (text: string): boolean => TRANSPORT.test(text);

/**
 * What the sync status means for the advocate, so raw failure text is never the headline:
 * `offline` (the connection), `server` (the server answered with a problem), `stopped` (a raw
 * failure of any other kind), or null when the status already speaks plainly (online, syncing,
 * a sign-in the server refused, not connected yet).
 */
export type ConnectionTrouble = 'offline' | 'server' | 'stopped' | null;

export function connectionTrouble(status: SyncStatus): ConnectionTrouble {
  if (status.state === 'online' || status.state === 'syncing') return null;
  const reason = status.text ? status.text.values['reason'] : status.message;
  if (status.text?.id === 'sync.offline') return 'offline';
  if (typeof reason === 'string' && isTransportError(reason)) return 'offline';
  if (status.text?.id === 'sync.serverProblem') return 'server';
  return reason === undefined || reason === null ? null : 'stopped';
}
