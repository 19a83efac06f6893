import { claimTask } from '../feed/claim';
import { loadFeedPrefs, saveFeedPrefs } from '../feed/feedPrefs';
import { countFeed, listFeedPage, listMyTasks, readFacets, readTaskDetail } from '../feed/feedRepo';
import { readSession } from '../repos/sessionRepo';
import type { Services } from '../services';
import type { SyncController } from '../sync/controller';
import type { HandlerMap } from './types';
import { refusal } from '../i18n/refusal';

export function feedHandlers(
  s: Services,
  sync: SyncController,
): HandlerMap<
  | 'feed:list'
  | 'feed:facets'
  | 'feed:prefs'
  | 'feed:setPrefs'
  | 'feed:task'
  | 'feed:claim'
  | 'tasks:mine'
> {
  const advocateId = () => {
    const session = readSession(s.db);
    if (!session) throw refusal('not_signed_in', 'error.feed.signIn');
    return session.advocateId;
  };
  return {
    'feed:list': async ({ filters, sort, offset, limit, withTotal }) => ({
      tasks: listFeedPage(s.db, filters, sort, offset, limit),
      total: withTotal ? countFeed(s.db, filters) : null,
    }),
    'feed:facets': async () => readFacets(s.db),
    'feed:prefs': async () => loadFeedPrefs(s.db),
    'feed:setPrefs': async (prefs) => saveFeedPrefs(s.db, prefs),
    'feed:task': async ({ taskId }) => {
      const task = readTaskDetail(s.db, taskId);
      if (!task) throw refusal('not_found', 'error.task.gone');
      return task;
    },
    'feed:claim': async ({ taskId }) => {
      const mine = claimTask(s.db, taskId, advocateId(), sync.serverNow());
      s.emit('feed:changed', {});
      // Sent at once when online; offline it stays a pending claim until the engine reconnects.
      void sync.syncNow();
      return mine;
    },
    'tasks:mine': async () => {
      const session = readSession(s.db);
      return session ? listMyTasks(s.db, session.advocateId) : [];
    },
  };
}
