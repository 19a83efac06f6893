import type { Migration } from '../migrations';

/**
 * `kb_vocab` gets a rowid, so that the writer (kb/apply.ts) can keep the words it has already
 * stored in memory and skip them: the table only grows, and only through that writer, so its
 * largest rowid tells the writer whether what it remembers still holds (a rolled-back page
 * lowers it). Probing every word of every article was most of an initial sync's time.
 * `kb_vocab_term` tells a misspelling ("noed", stemmed "no") from a word's other form
 * ("shipped", stemmed "ship", like "shipping"). `articles_language` lets a search ask which languages the articles are in: a query word is
 * looked up by its stems in those languages only.
 */
export const m009KbVocabRowid: Migration = {
  version: 9,
  name: 'kb_vocab_rowid',
  up(db) {
    db.exec(`
      CREATE TABLE kb_vocab_new (
        id INTEGER PRIMARY KEY,
        word TEXT NOT NULL UNIQUE,               -- folded, as written in some article
        term TEXT NOT NULL,                      -- its index term
        tail TEXT NOT NULL                       -- the word without its first letter
      ) STRICT;
      INSERT INTO kb_vocab_new (word, term, tail) SELECT word, term, tail FROM kb_vocab;
      DROP TABLE kb_vocab;
      ALTER TABLE kb_vocab_new RENAME TO kb_vocab;
      CREATE INDEX kb_vocab_tail ON kb_vocab (tail);
      CREATE INDEX kb_vocab_term ON kb_vocab (term);
      CREATE INDEX articles_language ON articles (language);
    `);
  },
};
