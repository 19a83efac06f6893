import { SUPERSEDED } from '../kb/searchRunner';
import { ticketLanguageFirst } from '../kb/suggestions';
import { searchRunnerOf } from './kbRunner';
import { MacroMatcher } from '../nba/macroMatch';
import { recordAccepted, recordDismissed } from '../nba/nbaRepo';
import { nextBestAction } from '../nba/panel';
import { readSession } from '../repos/sessionRepo';
import type { Services } from '../services';
import { readTicketRow } from '../tickets/ticketRepo';
import type { HandlerMap } from './types';
import { refusal } from '../i18n/refusal';

/** Issue 20's next-best action: the ticket panel and what the advocate did with it. */
export function nbaHandlers(s: Services): HandlerMap<'nba:panel' | 'nba:record'> {
  const macros = new MacroMatcher();
  const signedIn = () => {
    const me = readSession(s.db);
    if (!me) throw refusal('not_signed_in', 'error.tickets.signIn');
    return me;
  };
  return {
    'nba:panel': async ({ taskId }) =>
      nextBestAction(
        {
          db: s.db,
          macros,
          now: s.now(),
          suggest: async ({ language, ...request }) => {
            const result = await searchRunnerOf(s).run('nbaSuggest', { ...request, tag: null });
            if (result === SUPERSEDED) return null;
            return ticketLanguageFirst(s.db, result.hits, language);
          },
        },
        signedIn(),
        taskId,
      ),
    'nba:record': async ({ taskId, kind, itemId, verdict }) => {
      signedIn();
      const row = readTicketRow(s.db, taskId);
      if (!row) throw refusal('not_found', 'error.ticket.gone');
      const item = { taskId, brandId: row.brandId, kind, itemId };
      const recorded =
        verdict === 'accepted' ? recordAccepted(s.db, item, s.now()) : recordDismissed(s.db, item);
      return { recorded };
    },
  };
}
