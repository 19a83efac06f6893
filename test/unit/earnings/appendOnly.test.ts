import { afterEach, describe, expect, it } from 'vitest';
import { LEDGER_TABLES } from '../../../src/core/db/migrations/006_append_only_ledger';
import { addStatusEvent, insertEntry, supersede } from '../../../src/core/earnings/ledgerRepo';
import { wipeLocalData } from '../../../src/core/session/localData';
import { type TempDb, tempDb } from './support';

const entry = (id: string, source: 'local' | 'server') => ({
  id,
  taskId: 'task-1',
  brandId: 'brand-a',
  kind: 'payout' as const,
  amountMinor: 350,
  currency: 'EUR',
  status: source === 'local' ? ('estimated' as const) : ('pending' as const),
  ruleVersion: 1,
  lines: [],
  occurredAt: 1_000,
  source,
  outcome: 'resolved',
});

function fill(t: TempDb) {
  insertEntry(t.db, entry('est-1', 'local'));
  insertEntry(t.db, entry('srv-1', 'server'));
  addStatusEvent(t.db, 'srv-1', 'pending', 2_000);
  supersede(t.db, 'est-1', 'srv-1', 2_000);
}

const count = (t: TempDb, table: string) =>
  t.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

describe('the app’s earnings ledger is append-only in the database', () => {
  let t: TempDb;
  afterEach(() => t.close());

  it.each(LEDGER_TABLES)('refuses UPDATE and DELETE on %s', (table) => {
    t = tempDb();
    fill(t);
    const before = count(t, table);
    expect(before).toBeGreaterThan(0);
    const column = table === 'ledger_entries' ? 'amount_minor' : 'observed_at';
    expect(() => t.db.prepare(`UPDATE ${table} SET ${column} = 0`).run()).toThrow(/append-only/);
    expect(() => t.db.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/);
    expect(count(t, table)).toBe(before);
  });

  it('wiping the account’s local data empties the ledger and keeps it guarded', () => {
    t = tempDb();
    fill(t);
    wipeLocalData(t.db);
    for (const table of LEDGER_TABLES) expect(count(t, table)).toBe(0);
    fill(t);
    for (const table of LEDGER_TABLES)
      expect(() => t.db.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/);
  });
});
