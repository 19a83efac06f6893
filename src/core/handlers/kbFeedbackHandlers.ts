import { refusal } from '../i18n/refusal';
import { getArticle } from '../kb/articleRepo';
import { readKbVote, writeKbVote } from '../kb/feedbackRepo';
import type { Services } from '../services';
import type { SyncController } from '../sync/controller';
import type { HandlerMap } from './types';

/** Issue 20: "helpful / outdated" on KB articles, recorded here and sent by sync. */
export function kbFeedbackHandlers(
  s: Services,
  sync: SyncController,
): HandlerMap<'kb:vote' | 'kb:setVote'> {
  return {
    'kb:vote': async ({ articleId }) => readKbVote(s.db, articleId),
    'kb:setVote': async ({ articleId, vote }) => {
      const article = getArticle(s.db, articleId);
      if (!article) throw refusal('not_found', 'error.kb.articleGone');
      const state = writeKbVote(s.db, article.id, vote, s.now());
      void sync.syncNow();
      return state;
    },
  };
}
