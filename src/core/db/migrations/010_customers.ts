import type { Migration } from '../migrations';

/**
 * Issue 16, the customer at the centre, kept here so it works offline: customers (profile fields
 * as the advocate's tier shows them), their events and earlier cases with the brand, each row
 * replaced whole by the server's next rendering (a demotion re-sends them without the values);
 * a task's customer and language; the advocate's languages per brand; and the notifications
 * announced, so that each is announced once across restarts and offline periods.
 */
export const m010Customers: Migration = {
  version: 10,
  name: 'customers',
  up(db) {
    db.exec(`
      CREATE TABLE customers (
        id TEXT PRIMARY KEY,
        brand_id TEXT NOT NULL,
        fields TEXT NOT NULL,                    -- JSON CustomerFieldView[]
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE customer_events (
        id TEXT PRIMARY KEY,
        brand_id TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        occurred_at INTEGER NOT NULL,
        summary TEXT,                            -- NULL above the advocate's tier
        amount_minor INTEGER,
        currency TEXT,
        visible_from_tier INTEGER
      ) STRICT;
      CREATE INDEX customer_events_customer ON customer_events (customer_id, occurred_at DESC);

      CREATE TABLE customer_cases (
        task_id TEXT PRIMARY KEY,
        brand_id TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        subject TEXT,
        outcome TEXT NOT NULL,
        rating INTEGER,
        closed_at INTEGER NOT NULL,
        advocate_handle TEXT,
        visible_from_tier INTEGER
      ) STRICT;
      CREATE INDEX customer_cases_customer ON customer_cases (customer_id, closed_at DESC);

      ALTER TABLE tasks ADD COLUMN customer_id TEXT;
      ALTER TABLE tasks ADD COLUMN language TEXT;
      ALTER TABLE memberships ADD COLUMN languages TEXT NOT NULL DEFAULT '[]';

      CREATE TABLE notifications (
        key TEXT PRIMARY KEY,                    -- type:entity[:version]; announced once
        type TEXT NOT NULL,
        brand_id TEXT,
        task_id TEXT,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        announced_at INTEGER,                    -- NULL while held (quiet hours)
        silenced INTEGER NOT NULL DEFAULT 0      -- recorded but never shown (first sync, switched off)
      ) STRICT;
      CREATE INDEX notifications_held ON notifications (created_at) WHERE announced_at IS NULL;

      CREATE TABLE notification_prefs (
        brand_id TEXT NOT NULL,
        type TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        PRIMARY KEY (brand_id, type)
      ) STRICT;
    `);
  },
};
