import type { Migration } from '../migrations';

/**
 * Practice cases of a course (issue 20, item 2): the advocate's own answer to each case, kept as
 * a draft so nothing written is lost. A sandbox: never sent to the server or to any customer.
 */
export const m018PracticeDrafts: Migration = {
  version: 18,
  name: 'practice_drafts',
  up(db) {
    db.exec(`
      CREATE TABLE practice_drafts (
        brand_id TEXT NOT NULL,
        skill TEXT NOT NULL,
        case_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (brand_id, skill, case_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
