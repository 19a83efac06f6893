import type { Migration } from '../migrations';

/**
 * Knowledge-base search that understands people: each article gets a detected `language`, and
 * the FTS5 index holds analyzed terms (segmented, folded, stemmed in that language; see
 * kb/analyze.ts) instead of raw text. The analysis is JavaScript, so kb/apply.ts writes the
 * index (a contentless table that can delete by rowid); only deletes stay a trigger, so every
 * writer that deletes articles keeps the index current. Articles already here are analyzed by
 * kb/apply.ts `analyzePendingArticles` (their `language` is NULL until then), which the KB
 * calls before its first search: this folder may not import the KB. `kb_vocab` lists every word the articles
 * use once, with its index term, for spelling correction.
 */
export const m008KbSearch: Migration = {
  version: 8,
  name: 'kb_search',
  up(db) {
    db.exec(`
      DROP TRIGGER articles_ai;
      DROP TRIGGER articles_ad;
      DROP TRIGGER articles_au;
      DROP TABLE articles_fts;
      ALTER TABLE articles ADD COLUMN language TEXT;   -- NULL: not analyzed yet
      CREATE INDEX articles_unanalyzed ON articles (doc_id) WHERE language IS NULL;
      CREATE VIRTUAL TABLE articles_terms USING fts5 (
        title, body, tags,
        content = '', contentless_delete = 1,
        tokenize = 'ascii', prefix = '2 3'
      );
      CREATE TRIGGER articles_terms_ad AFTER DELETE ON articles BEGIN
        DELETE FROM articles_terms WHERE rowid = old.doc_id;
      END;
      CREATE TABLE kb_vocab (
        word TEXT PRIMARY KEY,                   -- folded, as written in some article
        term TEXT NOT NULL,                      -- its index term
        tail TEXT NOT NULL                       -- the word without its first letter
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX kb_vocab_tail ON kb_vocab (tail);
    `);
  },
};
