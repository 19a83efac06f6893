import { schemaVersion } from '../db/open';
import type { Services } from '../services';
import { sessionStatus } from '../session/session';
import { loadSettings, saveSettings } from '../settings';
import type { HandlerMap } from './types';

export function appHandlers(
  s: Services,
): HandlerMap<'app:info' | 'settings:get' | 'settings:set' | 'session:status'> {
  return {
    'app:info': async () => ({ ...s.runtime, schemaVersion: schemaVersion(s.db) }),
    'settings:get': async () => loadSettings(s.db),
    'settings:set': async (patch) => saveSettings(s.db, patch),
    'session:status': async () => sessionStatus(s),
  };
}
