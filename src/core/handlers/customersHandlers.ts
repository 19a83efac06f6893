import { answerOffer, listOffers } from '../customers/offers';
import { readTimeline } from '../customers/timeline';
import { readPrefs, writePref } from '../notifications/notificationsRepo';
import { readSession } from '../repos/sessionRepo';
import type { Services } from '../services';
import type { SyncController } from '../sync/controller';
import type { HandlerMap } from './types';
import { refusal } from '../i18n/refusal';

export function customersHandlers(
  s: Services,
  sync: SyncController,
): HandlerMap<
  | 'customers:timeline'
  | 'offers:list'
  | 'offers:answer'
  | 'notifications:prefs'
  | 'notifications:setPref'
> {
  const me = () => {
    const row = readSession(s.db);
    if (!row) throw refusal('not_signed_in', 'error.code.not_signed_in');
    return row.advocateId;
  };
  return {
    'customers:timeline': async ({ taskId, limit }) => readTimeline(s.db, taskId, limit),
    'offers:list': async () => listOffers(s.db, me(), sync.serverNow()),
    'offers:answer': async ({ taskId, answer }) => {
      const advocateId = me();
      // Offers expire by the server's clock: a fast laptop clock must not refuse a live one.
      answerOffer(s.db, taskId, advocateId, answer, sync.serverNow());
      void sync.syncNow();
      return listOffers(s.db, advocateId, sync.serverNow());
    },
    'notifications:prefs': async () => readPrefs(s.db),
    'notifications:setPref': async ({ brandId, type, enabled }) => {
      writePref(s.db, brandId, type, enabled);
      return readPrefs(s.db);
    },
  };
}
