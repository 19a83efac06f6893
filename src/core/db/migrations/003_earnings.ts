import type { Migration } from '../migrations';

/**
 * Earnings: the ledger stays append-only. `ledger_entries` rows are never updated; a status the
 * server reports later is a new row in `ledger_status_events`, and a local estimate replaced by
 * the server's entry for the same case is a new row in `ledger_supersessions`.
 *
 * The `earnings_rollup_*` tables are derived data (per local day of `earnings_meta.time_zone`),
 * written in the same transaction as the facts and rebuilt from them when the zone changes.
 */
export const m003Earnings: Migration = {
  version: 3,
  name: 'earnings',
  up(db) {
    db.exec(`
      ALTER TABLE ledger_entries ADD COLUMN outcome TEXT;   -- resolved|escalated|transferred, for case payouts
      ALTER TABLE ratings ADD COLUMN tip_minor INTEGER;

      CREATE TABLE ledger_status_events (
        entry_id TEXT NOT NULL REFERENCES ledger_entries (id),
        status TEXT NOT NULL,                    -- estimated|pending|confirmed|paid
        rank INTEGER NOT NULL,                   -- 0..3 in that order; the highest rank is current
        observed_at INTEGER NOT NULL,
        PRIMARY KEY (entry_id, status)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE ledger_supersessions (
        entry_id TEXT PRIMARY KEY REFERENCES ledger_entries (id),
        superseded_by TEXT NOT NULL REFERENCES ledger_entries (id),
        observed_at INTEGER NOT NULL
      ) STRICT;

      -- One row per case the advocate worked: when it was claimed and resolved (for the hourly rate).
      CREATE TABLE earnings_cases (
        task_id TEXT PRIMARY KEY,
        brand_id TEXT NOT NULL,
        currency TEXT,
        claimed_at INTEGER,
        resolved_at INTEGER
      ) STRICT;
      CREATE INDEX earnings_cases_resolved ON earnings_cases (resolved_at);

      CREATE TABLE earnings_meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        time_zone TEXT NOT NULL                  -- the zone the rollups' days are in
      ) STRICT;

      CREATE TABLE earnings_rollup_amounts (
        day INTEGER NOT NULL,                    -- local day number (days since 1970-01-01)
        brand_id TEXT NOT NULL,
        currency TEXT NOT NULL,
        status TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        entries INTEGER NOT NULL,
        PRIMARY KEY (day, brand_id, currency, status)
      ) STRICT, WITHOUT ROWID;

      -- Cases by the local day they were resolved; timed_* only for cases with a known claim time.
      CREATE TABLE earnings_rollup_cases (
        day INTEGER NOT NULL,
        brand_id TEXT NOT NULL,
        currency TEXT NOT NULL,
        cases INTEGER NOT NULL,
        timed_cases INTEGER NOT NULL,
        work_ms INTEGER NOT NULL,
        timed_amount_minor INTEGER NOT NULL,
        PRIMARY KEY (day, brand_id, currency)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE earnings_rollup_ratings (
        day INTEGER NOT NULL,
        brand_id TEXT NOT NULL,
        score INTEGER NOT NULL,
        ratings INTEGER NOT NULL,
        PRIMARY KEY (day, brand_id, score)
      ) STRICT, WITHOUT ROWID;

      -- The same per calendar month (year * 12 + month - 1), all brands: the dashboard's month.
      CREATE TABLE earnings_rollup_month_amounts (
        month INTEGER NOT NULL,
        currency TEXT NOT NULL,
        status TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        entries INTEGER NOT NULL,
        PRIMARY KEY (month, currency, status)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE earnings_rollup_month_cases (
        month INTEGER NOT NULL,
        currency TEXT NOT NULL,
        cases INTEGER NOT NULL,
        timed_cases INTEGER NOT NULL,
        work_ms INTEGER NOT NULL,
        timed_amount_minor INTEGER NOT NULL,
        PRIMARY KEY (month, currency)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE earnings_rollup_month_ratings (
        month INTEGER NOT NULL,
        score INTEGER NOT NULL,
        ratings INTEGER NOT NULL,
        PRIMARY KEY (month, score)
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX ledger_brand_time ON ledger_entries (brand_id, occurred_at);
      CREATE INDEX ratings_time ON ratings (rated_at);
    `);
  },
};
