import { AppError } from '../../shared/result';
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
      if (!article)
        throw new AppError('not_found', 'This article is no longer in the knowledge base.');
      const state = writeKbVote(s.db, article.id, vote, s.now());
      void sync.syncNow();
      return state;
    },
  };
}
