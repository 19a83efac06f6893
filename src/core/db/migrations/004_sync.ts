import type { Migration } from '../migrations';

/**
 * What the sync engine and the feed need beyond 001: the advocate's memberships (skills and tier
 * per brand, for feed filters and notifications), a brand's lease length, transfer offers, the
 * outbox's undo record, and indexes for the feed's filtered, sorted pages.
 */
export const m004Sync: Migration = {
  version: 4,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE memberships (
        brand_id TEXT PRIMARY KEY,
        tier INTEGER NOT NULL,
        skills TEXT NOT NULL DEFAULT '[]',       -- JSON array
        suspended INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      ALTER TABLE brands ADD COLUMN lease_minutes INTEGER;
      ALTER TABLE tasks ADD COLUMN offer_expires_at INTEGER;
      -- JSON: what to put back when the server answers conflict/rejected (see sync/outbox.ts).
      ALTER TABLE outbox ADD COLUMN undo TEXT;
      -- Tasks already announced by a desktop notification, so a re-sync never notifies twice.
      ALTER TABLE tasks ADD COLUMN notified INTEGER NOT NULL DEFAULT 0;

      -- "Due soonest" puts tasks without an SLA last; the same expression in ORDER BY uses it.
      -- It replaces 001's tasks_feed_due: every index costs on each of a sync page's upserts.
      DROP INDEX tasks_feed_due;
      -- Only held tasks need the holder index; open ones (nearly all of a feed) skip it.
      DROP INDEX tasks_holder;
      CREATE INDEX tasks_holder_held ON tasks (holder_id, status) WHERE holder_id IS NOT NULL;
      -- "Newest" and "due soonest" walk an index that also carries the filter columns (brand,
      -- channel, complexity, payout, skills), so a filtered page rejects non-matching rows from
      -- the index alone, without reading the table row; ties of the sort key (rare for these
      -- keys) are put in rowid order by a small sort. They replace 001's narrower newest index.
      -- "Payout" keeps 001's (status, payout) index: its key has few distinct values, so it needs
      -- the rowid order of the index itself.
      DROP INDEX tasks_feed_newest;
      CREATE INDEX tasks_feed_newest_cover ON tasks
        (status, created_at DESC, brand_id, channel, complexity, payout_estimate_minor, skills);
      CREATE INDEX tasks_feed_due_last ON tasks
        (status, coalesce(sla_due_at, 9007199254740991), brand_id, channel, complexity,
         payout_estimate_minor, skills);
      CREATE INDEX tasks_feed_brand ON tasks (status, brand_id, payout_estimate_minor DESC);
      -- Selective channel + complexity combinations (see feed/feedRepo.ts): read only the matches.
      CREATE INDEX tasks_feed_kind ON tasks
        (status, channel, complexity, payout_estimate_minor DESC);
      CREATE INDEX outbox_task ON outbox (task_id);
    `);
  },
};
