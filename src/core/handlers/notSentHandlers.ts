import type { Services } from '../services';
import type { SyncController } from '../sync/controller';
import { unparkAll } from '../sync/outboxRepo';
import { deleteUnsent } from '../sync/unsentRepo';
import { clearDraft } from '../tickets/draftsRepo';
import { readNotSent } from '../tickets/notSent';
import type { HandlerMap } from './types';

export function notSentHandlers(
  s: Services,
  sync: SyncController,
): HandlerMap<'unsent:list' | 'unsent:dismiss' | 'unsent:discardDraft' | 'unsent:retry'> {
  return {
    'unsent:list': async () => readNotSent(s.db),
    'unsent:dismiss': async ({ id }) => {
      deleteUnsent(s.db, id);
      return readNotSent(s.db);
    },
    'unsent:discardDraft': async ({ taskId, kind }) => {
      clearDraft(s.db, taskId, kind);
      return readNotSent(s.db);
    },
    'unsent:retry': async () => {
      if (unparkAll(s.db) > 0) await sync.syncNow();
      return readNotSent(s.db);
    },
  };
}
