import type { SecretStore } from '../services';

/** The device token lives only in the host's secret store (safeStorage in the app). */
const TOKEN_KEY = 'device-token';

export const readDeviceToken = (secrets: SecretStore): string | null => secrets.get(TOKEN_KEY);
export const storeDeviceToken = (secrets: SecretStore, token: string): void =>
  secrets.set(TOKEN_KEY, token);
export const forgetDeviceToken = (secrets: SecretStore): void => secrets.delete(TOKEN_KEY);
