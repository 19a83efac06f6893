import type { KbSearchResult } from '../../shared/contract/kb';
import { getArticle } from '../kb/articleRepo';
import { SUPERSEDED } from '../kb/searchRunner';
import { ticketLanguageFirst } from '../kb/suggestions';
import { searchRunnerOf } from './kbRunner';
import type { Services } from '../services';
import type { HandlerMap } from './types';
import { refusal } from '../i18n/refusal';

const dropped = (): KbSearchResult => ({ superseded: true, hits: [], mode: 'none', tookMs: 0 });

/** KB reads. Searches run on the search worker (see kb/searchRunner.ts); one article is a row read. */
export function kbHandlers(
  s: Services,
): HandlerMap<'kb:search' | 'kb:suggest' | 'kb:article' | 'kb:overview'> {
  const search = () => searchRunnerOf(s);
  return {
    'kb:search': async (request) => {
      const result = await search().run('search', request);
      return result === SUPERSEDED ? dropped() : { superseded: false, ...result };
    },
    'kb:suggest': async ({ language, ...request }) => {
      const result = await search().run('suggest', request);
      if (result === SUPERSEDED) return dropped();
      const hits = ticketLanguageFirst(s.db, result.hits, language);
      return { superseded: false, ...result, hits };
    },
    'kb:article': async ({ id }) => {
      const row = getArticle(s.db, id);
      if (!row) throw refusal('not_found', 'error.article.gone');
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
      if (result === SUPERSEDED) throw refusal('unavailable', 'error.kb.superseded');
      return result;
    },
  };
}
