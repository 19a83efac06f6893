import type { Migration } from '../migrations';

/** The earnings ledger's tables: facts, status events, supersessions. */
export const LEDGER_TABLES = ['ledger_entries', 'ledger_status_events', 'ledger_supersessions'];

/**
 * The earnings ledger is append-only in the database itself: triggers refuse UPDATE and DELETE
 * on its three tables (a later status or a replaced estimate is a new row, never an edit).
 * Signing out with "wipe local data" removes the whole account's copy, ledger included: it
 * lifts the triggers for that one transaction (session/localData.ts).
 */
export const m006AppendOnlyLedger: Migration = {
  version: 6,
  name: 'append-only ledger',
  up(db) {
    for (const table of LEDGER_TABLES) {
      for (const op of ['UPDATE', 'DELETE']) {
        db.exec(`
          CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table} is append-only: ${op} refused'); END;
        `);
      }
    }
  },
};
