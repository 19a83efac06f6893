import type { Migration } from '../migrations';

/**
 * Issue 20, next-best action: what the ticket panel suggested and what the advocate did with it,
 * and what the app learned from the outcomes that synced back. Local to this device (there is no
 * server route for it); every table is derived from the advocate's own use, so it holds no
 * customer data.
 *
 * `nba_uses`: a suggestion the advocate accepted on a case (inserted a macro, used an article).
 * `nba_shown`: what the panel put in front of the advocate on a case (an item shown and never
 *   accepted counts as ignored once the case has closed).
 * `nba_counts`: learned counts per brand and item: accepted / ignored, and of the closed cases it
 *   preceded, how many were resolved and how many were rated 4★ or better.
 * `nba_learned`: which cases' outcome and rating have been counted (each once).
 */
export const m012NextBestAction: Migration = {
  version: 12,
  name: 'next_best_action',
  up(db) {
    db.exec(`
      CREATE TABLE nba_uses (
        task_id TEXT NOT NULL,
        brand_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('macro', 'article')),
        item_id TEXT NOT NULL,
        used_at INTEGER NOT NULL,
        PRIMARY KEY (task_id, kind, item_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE nba_shown (
        task_id TEXT NOT NULL,
        brand_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('macro', 'article')),
        item_id TEXT NOT NULL,
        dismissed INTEGER NOT NULL DEFAULT 0,    -- 1: the advocate said "not useful" here
        PRIMARY KEY (task_id, kind, item_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE nba_counts (
        brand_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('macro', 'article')),
        item_id TEXT NOT NULL,
        accepted INTEGER NOT NULL DEFAULT 0,
        ignored INTEGER NOT NULL DEFAULT 0,
        closed INTEGER NOT NULL DEFAULT 0,
        resolved INTEGER NOT NULL DEFAULT 0,
        well_rated INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (brand_id, kind, item_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE nba_learned (
        task_id TEXT PRIMARY KEY,
        outcome_at INTEGER,                      -- when its closing outcome was counted
        rating_at INTEGER                        -- when its rating was counted
      ) STRICT;
    `);
  },
};
