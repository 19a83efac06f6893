import { LEDGER_TABLES } from '../db/migrations/006_append_only_ledger';
import type { Db } from '../db/open';

/**
 * Everything synced from a brand server or queued for it, and the advocate's own unsent text
 * (the sign-out and sign-in flows warn about that first), children before parents; settings stay.
 * Tables of later migrations are skipped while absent.
 */
const SYNCED_TABLES = [
  'ledger_status_events',
  'ledger_supersessions',
  'earnings_cases',
  'earnings_rollup_amounts',
  'earnings_rollup_cases',
  'earnings_rollup_ratings',
  'messages',
  'tasks',
  'brands',
  'memberships',
  'articles',
  'macros',
  'payout_rules',
  'ledger_entries',
  'ratings',
  'outbox',
  'drafts',
  'unsent',
  // Issue 16: the customers' timeline and what was announced of it.
  'customer_cases',
  'customer_events',
  'customers',
  'notifications',
  'notification_prefs',
  // Issue 20: what the next-best action learned from this account's cases.
  'nba_uses',
  'nba_shown',
  'nba_counts',
  'nba_learned',
];

export function wipeLocalData(db: Db): void {
  db.transaction(() => {
    // The ledger's append-only triggers are lifted for this one transaction and put back as
    // they were: wiping the whole account's copy is not an edit of its ledger.
    const guards = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (SELECT value FROM json_each(?))",
      )
      .all(JSON.stringify(LEDGER_TABLES)) as { name: string; sql: string }[];
    for (const g of guards) db.exec(`DROP TRIGGER "${g.name}"`);
    for (const table of SYNCED_TABLES) {
      const exists = db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
        .get(table);
      if (exists) db.prepare(`DELETE FROM ${table}`).run();
    }
    for (const g of guards) db.exec(g.sql);
    db.prepare(
      'UPDATE sync_state SET cursor = NULL, last_synced_at = NULL, last_error = NULL WHERE id = 1',
    ).run();
  })();
}
