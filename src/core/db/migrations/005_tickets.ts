import type { Migration } from '../migrations';

/**
 * The ticket workspace: the composer's drafts (one reply and one internal note per ticket),
 * kept across restarts and dropped with their task.
 */
export const m005Tickets: Migration = {
  version: 5,
  name: 'tickets',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('reply', 'note')),
        body TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (task_id, kind)
      ) STRICT;
    `);
  },
};
