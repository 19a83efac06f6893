import type { Migration } from '../migrations';

/**
 * The tables every feature needs. Money is integer minor units + ISO-4217 code;
 * time is UTC epoch ms.
 */
export const m001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL            -- JSON
      ) STRICT;

      CREATE TABLE session (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        server_url TEXT NOT NULL,
        advocate_id TEXT NOT NULL,
        advocate_name TEXT NOT NULL,
        advocate_handle TEXT NOT NULL,
        is_demo INTEGER NOT NULL DEFAULT 0,
        signed_in_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE brands (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        currency TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE tasks (
        id TEXT PRIMARY KEY,
        brand_id TEXT NOT NULL,
        external_ref TEXT NOT NULL,
        subject TEXT NOT NULL,
        channel TEXT NOT NULL,
        skills TEXT NOT NULL DEFAULT '[]',       -- JSON array of skill names
        complexity INTEGER NOT NULL,
        min_tier INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL,                    -- open|claimed|resolved|escalated|transferred|abandoned
        holder_id TEXT,
        lease_expires_at INTEGER,
        offered_to TEXT,
        customer_name TEXT,
        sla_due_at INTEGER,
        payout_estimate_minor INTEGER,
        currency TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        local_state TEXT                         -- optimistic state awaiting the server, e.g. pending_claim
      ) STRICT;
      CREATE INDEX tasks_feed_payout ON tasks (status, payout_estimate_minor DESC);
      CREATE INDEX tasks_feed_due ON tasks (status, sla_due_at);
      CREATE INDEX tasks_feed_newest ON tasks (status, created_at DESC);
      CREATE INDEX tasks_holder ON tasks (holder_id, status);

      CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
        author_kind TEXT NOT NULL,               -- customer|advocate|agent|chatbot|system
        author_name TEXT NOT NULL,
        visibility TEXT NOT NULL,                -- public|internal
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        pending INTEGER NOT NULL DEFAULT 0       -- 1 while its outbox row waits
      ) STRICT;
      CREATE INDEX messages_task ON messages (task_id, created_at);

      CREATE TABLE articles (
        doc_id INTEGER PRIMARY KEY,              -- integer key for the FTS index
        id TEXT NOT NULL UNIQUE,
        brand_id TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]',         -- JSON array
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, body, tags,
        content = 'articles', content_rowid = 'doc_id',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
      );
      CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, body, tags)
        VALUES (new.doc_id, new.title, new.body, new.tags);
      END;
      CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body, tags)
        VALUES ('delete', old.doc_id, old.title, old.body, old.tags);
      END;
      CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body, tags)
        VALUES ('delete', old.doc_id, old.title, old.body, old.tags);
        INSERT INTO articles_fts (rowid, title, body, tags)
        VALUES (new.doc_id, new.title, new.body, new.tags);
      END;

      CREATE TABLE macros (
        id TEXT PRIMARY KEY,
        brand_id TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE payout_rules (
        brand_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        rules TEXT NOT NULL,                     -- JSON, see shared/domain
        effective_from INTEGER NOT NULL,
        PRIMARY KEY (brand_id, version)
      ) STRICT;

      CREATE TABLE ledger_entries (
        id TEXT PRIMARY KEY,
        task_id TEXT NOT NULL,
        brand_id TEXT NOT NULL,
        kind TEXT NOT NULL,                      -- payout|rating_bonus|tip|adjustment|clawback
        amount_minor INTEGER NOT NULL,
        currency TEXT NOT NULL,
        status TEXT NOT NULL,                    -- estimated|pending|confirmed|paid
        rule_version INTEGER,
        breakdown TEXT,                          -- JSON lines of the computation
        occurred_at INTEGER NOT NULL,
        source TEXT NOT NULL                     -- local|server
      ) STRICT;
      CREATE INDEX ledger_task ON ledger_entries (task_id);
      CREATE INDEX ledger_time ON ledger_entries (occurred_at);

      CREATE TABLE ratings (
        task_id TEXT PRIMARY KEY,
        brand_id TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment TEXT,
        rated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,   -- send order
        idempotency_key TEXT NOT NULL UNIQUE,
        task_id TEXT,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,                   -- JSON
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      ) STRICT;

      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        cursor TEXT,
        last_synced_at INTEGER,
        last_error TEXT
      ) STRICT;
      INSERT INTO sync_state (id) VALUES (1);
    `);
  },
};
