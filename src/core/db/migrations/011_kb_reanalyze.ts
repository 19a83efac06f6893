import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrations';

/**
 * Every stored article is analyzed again, once: its `language` becomes NULL, which
 * kb/backgroundAnalysis.ts picks up page by page after the app opens (migration 008's path), so
 * the upgrade itself costs no analysis. Until an article's page is done, search finds it by its
 * old index terms. The vocabulary (words for spelling correction, with their old stems) goes and
 * fills again as pages are done. Several such migrations in one upgrade still analyze once.
 */
export function reanalyzeArticles(db: Database): void {
  db.exec(`
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
