import type { Migration } from '../migrations';

/**
 * Knowledge base: keep each article's brand-given `externalRef`, so `kb:<ref>` links written by
 * brand admins resolve locally. The FTS5 table and its triggers of 001 are unchanged.
 */
export const m002Kb: Migration = {
  version: 2,
  name: 'kb',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN external_ref TEXT;
      CREATE INDEX articles_external_ref ON articles (external_ref, brand_id);
    `);
  },
};
