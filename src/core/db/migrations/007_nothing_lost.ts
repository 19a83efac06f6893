import type { Migration } from '../migrations';

/**
 * Nothing the advocate writes is lost: drafts outlive their task (no cascade; the task's subject
 * is copied onto its drafts as the task row goes, so an orphaned draft can still be named), the
 * "Not sent" tray keeps the text of every action the server refused, and an outbox row that kept
 * failing is parked (skipped by pushes) until the advocate retries it.
 */
export const m007NothingLost: Migration = {
  version: 7,
  name: 'nothing_lost',
  up(db) {
    db.exec(`
      CREATE TABLE drafts_kept (
        task_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('reply', 'note')),
        body TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        subject TEXT,                            -- set when the task row is deleted
        PRIMARY KEY (task_id, kind)
      ) STRICT;
      INSERT INTO drafts_kept (task_id, kind, body, updated_at)
        SELECT task_id, kind, body, updated_at FROM drafts;
      DROP TABLE drafts;
      ALTER TABLE drafts_kept RENAME TO drafts;
      CREATE TRIGGER drafts_keep_subject BEFORE DELETE ON tasks BEGIN
        UPDATE drafts SET subject = OLD.subject WHERE task_id = OLD.id;
      END;

      CREATE TABLE unsent (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        task_id TEXT,
        subject TEXT,
        type TEXT NOT NULL,                      -- the action type the text belonged to
        body TEXT NOT NULL,
        reason TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      ALTER TABLE outbox ADD COLUMN parked_at INTEGER;
    `);
  },
};
