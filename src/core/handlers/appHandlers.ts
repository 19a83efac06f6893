import { schemaVersion } from '../db/open';
import { readSession } from '../repos/sessionRepo';
import type { Services } from '../services';
import { loadSettings, saveSettings } from '../settings';
import type { HandlerMap } from './types';

export function appHandlers(
  s: Services,
): HandlerMap<'app:info' | 'settings:get' | 'settings:set' | 'session:status'> {
  return {
    'app:info': async () => ({ ...s.runtime, schemaVersion: schemaVersion(s.db) }),
    'settings:get': async () => loadSettings(s.db),
    'settings:set': async (patch) => saveSettings(s.db, patch),
    'session:status': async () => {
      const session = readSession(s.db);
      if (!session) return { state: 'signed_out' };
      return {
        state: 'signed_in',
        advocate: {
          id: session.advocateId,
          name: session.advocateName,
          handle: session.advocateHandle,
        },
        serverUrl: session.serverUrl,
        isDemo: session.isDemo,
        secureStorage: s.secrets.isSecure(),
      };
    },
  };
}
