import type { Migration } from '../migrations';

/**
 * The KB's analysis changed (kb/analyze.ts: an article's language is told by function words of
 * one language only, so code samples and name lists no longer read as Spanish), so every stored
 * article is analyzed again, once: its index terms and the vocabulary go, and its `language`
 * becomes NULL, which kb/apply.ts `analyzePendingArticles` picks up before the first search
 * (migration 008's path). Until then searches find nothing, as after 008.
 */
export const m011KbReanalyze: Migration = {
  version: 11,
  name: 'kb_reanalyze',
  up(db) {
    db.exec(`
      INSERT INTO articles_terms (articles_terms) VALUES ('delete-all');
      DELETE FROM kb_vocab;
      UPDATE articles SET language = NULL;
    `);
  },
};
