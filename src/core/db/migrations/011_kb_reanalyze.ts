import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrations';

/**
 * Every stored article is analyzed again, once: its index terms and the vocabulary go, and its
 * `language` becomes NULL, which kb/apply.ts `analyzePendingArticles` picks up before the first
 * search (migration 008's path). Several such migrations in one upgrade still analyze once.
 */
export function reanalyzeArticles(db: Database): void {
  db.exec(`
    INSERT INTO articles_terms (articles_terms) VALUES ('delete-all');
    DELETE FROM kb_vocab;
    UPDATE articles SET language = NULL;
  `);
}

/**
 * The KB's language detection changed (kb/analyze.ts: only function words of one language
 * count, so code samples and name lists no longer read as Spanish).
 */
export const m011KbReanalyze: Migration = {
  version: 11,
  name: 'kb_reanalyze',
  up: reanalyzeArticles,
};
