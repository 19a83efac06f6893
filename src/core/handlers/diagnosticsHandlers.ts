import { schemaVersion } from '../db/open';
import { readStoreFacts } from '../diagnostics/diagnosticsRepo';
import { formatDiagnostics } from '../diagnostics/report';
import type { Services } from '../services';
import type { HandlerMap } from './types';

export function diagnosticsHandlers(s: Services): HandlerMap<'app:diagnostics'> {
  return {
    'app:diagnostics': async () =>
      formatDiagnostics({
        now: s.now(),
        runtime: s.runtime,
        schemaVersion: schemaVersion(s.db),
        secureStorage: s.secrets.isSecure(),
        facts: readStoreFacts(s.db),
        update: s.updates.status(),
        recentErrors: s.diagnostics.list(),
      }),
  };
}
