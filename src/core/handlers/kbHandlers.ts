import type { KbSearchResult } from '../../shared/contract/kb';
import { AppError } from '../../shared/result';
import { inLanguageFirst } from '../../shared/domain/language';
import { articleLanguages, getArticle } from '../kb/articleRepo';
import { SUPERSEDED, SearchRunner } from '../kb/searchRunner';
import type { Services } from '../services';
import type { HandlerMap } from './types';

const dropped = (): KbSearchResult => ({ superseded: true, hits: [], mode: 'none', tookMs: 0 });

/** KB reads. Searches run on the search worker (see kb/searchRunner.ts); one article is a row read. */
export function kbHandlers(
  s: Services,
): HandlerMap<'kb:search' | 'kb:suggest' | 'kb:article' | 'kb:overview'> {
  let runner: SearchRunner | null = null;
  const search = () => (runner ??= new SearchRunner(s.db, s.kbSearchWorker));
  return {
    'kb:search': async (request) => {
      const result = await search().run('search', request);
      return result === SUPERSEDED ? dropped() : { superseded: false, ...result };
    },
    'kb:suggest': async ({ language, ...request }) => {
      const result = await search().run('suggest', request);
      if (result === SUPERSEDED) return dropped();
      // Issue 16: the ticket's language first, the ranking kept within each group.
      const languages = articleLanguages(
        s.db,
        result.hits.map((h) => h.id),
      );
      const hits = inLanguageFirst(result.hits, (h) => languages.get(h.id), language);
      return { superseded: false, ...result, hits };
    },
    'kb:article': async ({ id }) => {
      const row = getArticle(s.db, id);
      if (!row) throw new AppError('not_found', 'This article is no longer in the knowledge base.');
      return {
        id: row.id,
        brandId: row.brandId,
        title: row.title,
        bodyMarkdown: row.body,
        tags: row.tags,
        updatedAt: row.updatedAt,
      };
    },
    'kb:overview': async () => {
      const result = await search().run('overview', null);
      if (result === SUPERSEDED) throw new AppError('unavailable', 'Try again.');
      return result;
    },
  };
}
