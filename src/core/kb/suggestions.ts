import { inLanguageFirst } from '../../shared/domain/language';
import type { Db } from '../db/open';
import { articleLanguages } from './articleRepo';
import type { SearchHit } from './search';

/** Issue 16: suggestions in the ticket's language first, the ranking kept within each group. */
export function ticketLanguageFirst(
  db: Db,
  hits: SearchHit[],
  language: string | null | undefined,
): SearchHit[] {
  const languages = articleLanguages(
    db,
    hits.map((h) => h.id),
  );
  return inLanguageFirst(hits, (h) => languages.get(h.id), language);
}
