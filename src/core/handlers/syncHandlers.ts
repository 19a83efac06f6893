import type { Services } from '../services';
import type { SyncController } from '../sync/controller';
import { countOutbox } from '../sync/outboxRepo';
import type { HandlerMap } from './types';

export function syncHandlers(
  s: Services,
  sync: SyncController,
): HandlerMap<'sync:current' | 'sync:now' | 'sync:pending'> {
  return {
    'sync:current': async () => sync.status(),
    'sync:now': () => sync.syncNow(),
    'sync:pending': async () => ({ actions: countOutbox(s.db) }),
  };
}
