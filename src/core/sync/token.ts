import type { SecretStore } from '../services';
import { FeedClient, HttpError } from './client';

/** The device token lives only in the host's secret store (safeStorage in the app). */
const TOKEN_KEY = 'device-token';
/** When the server said the token expires (epoch ms), kept beside it. */
const EXPIRES_KEY = 'device-token-expires-at';

/** A token is exchanged for a fresh one once it has less than this left (the server gives 30 days). */
export const REFRESH_MARGIN_MS = 7 * 24 * 3600_000;

export const readDeviceToken = (secrets: SecretStore): string | null => secrets.get(TOKEN_KEY);

export function storeDeviceToken(secrets: SecretStore, token: string, expiresAt: number): void {
  secrets.set(TOKEN_KEY, token);
  secrets.set(EXPIRES_KEY, String(expiresAt));
}

export function forgetDeviceToken(secrets: SecretStore): void {
  secrets.delete(TOKEN_KEY);
  secrets.delete(EXPIRES_KEY);
}

function readExpiry(secrets: SecretStore): number | null {
  const v = Number(secrets.get(EXPIRES_KEY));
  return Number.isFinite(v) && v > 0 ? v : null;
}

/**
 * The token every request of the sync client sends: the stored one, exchanged first for a fresh
 * one (stored before use) when it nears expiry or its expiry is unknown (a token from an older
 * app). One exchange at a time; a failed one is left for the next request to retry, and the
 * old token keeps working meanwhile.
 */
export function freshDeviceToken(
  secrets: SecretStore,
  baseUrl: string,
  now: () => number,
): () => Promise<string | null> {
  let refreshing: Promise<void> | null = null;
  const refresh = async (token: string) => {
    try {
      const next = await new FeedClient({ baseUrl, token, timeoutMs: 15_000 }).refresh();
      // Only if nobody signed out or in meanwhile.
      if (readDeviceToken(secrets) === token) storeDeviceToken(secrets, next.token, next.expiresAt);
    } catch (error) {
      if (!(error instanceof HttpError)) return; // offline: try again with the next request
      // Refused (already exchanged, revoked): the request itself will say so.
    }
  };
  return async () => {
    const token = readDeviceToken(secrets);
    if (!token) return null;
    const expiresAt = readExpiry(secrets);
    if (expiresAt === null || now() >= expiresAt - REFRESH_MARGIN_MS) {
      refreshing ??= refresh(token).finally(() => {
        refreshing = null;
      });
      await refreshing;
    }
    return readDeviceToken(secrets);
  };
}
