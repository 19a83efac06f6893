import type { LadderPanel } from '../../shared/contract/trust';
import { brandNames, readLadderCache, writeLadderCache } from '../repos/ladderRepo';
import { readSession } from '../repos/sessionRepo';
import type { Services } from '../services';
import { FeedClient } from '../sync/client';
import { freshDeviceToken } from '../sync/token';
import type { HandlerMap } from './types';
import { refusal } from '../i18n/refusal';

/** Issue 20: the tier ladder panel. Asks the server; offline, answers the last answer kept. */
export function trustHandlers(s: Services): HandlerMap<'trust:ladder'> {
  return {
    'trust:ladder': async () => {
      const session = readSession(s.db);
      if (!session) throw refusal('not_signed_in', 'error.code.not_signed_in');
      let offline = false;
      try {
        const client = new FeedClient({
          baseUrl: session.serverUrl,
          token: freshDeviceToken(s.secrets, session.serverUrl, s.now),
          timeoutMs: 10_000,
        });
        writeLadderCache(s.db, { answer: await client.ladder(), fetchedAt: s.now() });
      } catch {
        // Offline, or refused (signed out elsewhere, a server before issue 20): the panel keeps
        // what it last knew and says how old it is.
        offline = true;
      }
      const cached = readLadderCache(s.db);
      const names = brandNames(s.db);
      const panel: LadderPanel = {
        brands: (cached?.answer.brands ?? []).map((b) => ({
          ...b,
          brandName: names.get(b.brandId) ?? b.brandId,
        })),
        fetchedAt: cached?.fetchedAt ?? null,
        offline,
      };
      return panel;
    },
  };
}
