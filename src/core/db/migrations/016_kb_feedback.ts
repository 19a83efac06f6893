import type { Migration } from '../migrations';

/**
 * Issue 20, feedback that comes back: the advocate's "helpful / outdated" vote per KB article,
 * kept here so it works offline, and its own send queue: one row per article, so changing a
 * vote before it was sent replaces it (the server keeps one vote per advocate and article).
 * `sent_at` is set once the server recorded this vote; `refused` when it refused it (the
 * article left the advocate's brands): the vote stays, shown as not counted.
 */
export const m016KbFeedback: Migration = {
  version: 16,
  name: 'kb_feedback',
  up(db) {
    db.exec(`
      CREATE TABLE kb_votes (
        article_id TEXT PRIMARY KEY,
        vote TEXT NOT NULL CHECK (vote IN ('helpful', 'outdated')),
        voted_at INTEGER NOT NULL,
        sent_at INTEGER,
        refused INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX kb_votes_unsent ON kb_votes (voted_at) WHERE sent_at IS NULL AND refused = 0;
    `);
  },
};
