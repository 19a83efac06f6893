/**
 * The in-thread snapshot load (`loadSnapshot`) and the connection settings its bulk transaction
 * changes: they hold only for that transaction, whether it commits or fails.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/core/db/open';
import { appAppliers } from '../../../src/core/handlers/changeAppliers';
import { firstOf, loadSnapshot, type SnapshotSource } from '../../../src/core/sync/snapshotLoad';
import { readSyncState } from '../../../src/core/sync/syncStateRepo';
import type { BrandSnapshot, OwnSnapshot, TaskRow } from '../../../src/shared/protocol';
import { taskTable } from '../../../src/shared/snapshotRows';
import { taskView, testPayoutRules } from '../../support/taskViews';

function source(tasks: number): SnapshotSource {
  const brand: BrandSnapshot = {
    brandId: 'b1',
    tier: 1,
    cursor: '9',
    builtAt: 0,
    brand: { id: 'b1', name: 'Acme', currency: 'EUR', leaseMinutes: 30 },
    payoutRules: [{ version: 1, rules: testPayoutRules, effectiveAt: 0 }],
    articles: [],
    macros: [],
    tasks: taskTable(Array.from({ length: tasks }, (_, i) => taskView(i))),
  };
  const own: OwnSnapshot = {
    cursor: '9',
    memberships: [{ brandId: 'b1', tier: 1, skills: [], suspended: false }],
    tasks: taskTable([]),
    ledger: [],
    ratings: [],
  };
  return { own: async () => own, brand: async () => brand };
}

const settings = (db: Db) => ({ foreignKeys: db.pragma('foreign_keys', { simple: true }) });

describe('loadSnapshot on this thread', () => {
  it('loads every task and gives the connection back with its settings', async () => {
    const db = openDatabase(':memory:');
    const before = settings(db);
    const result = await loadSnapshot(db, source(300), appAppliers, Date.now, () => {}, 50);
    expect(result).toMatchObject({ cursor: '9', tasks: 300, firstPageTasks: 50 });
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(300);
    expect(settings(db)).toEqual(before);
    expect(before.foreignKeys).toBe(1);
    db.close();
  });

  it('marks every task it loads announced (the first sync announces none), off the main thread', async () => {
    const db = openDatabase(':memory:');
    await loadSnapshot(db, source(300), appAppliers, Date.now, () => {}, 50);
    const unannounced = db.prepare('SELECT count(*) FROM tasks WHERE notified = 0').pluck();
    expect([db.prepare('SELECT count(*) FROM tasks').pluck().get(), unannounced.get()]).toEqual([
      300, 0,
    ]);
    db.close();
  });

  it("writes the bulk load's new tasks announced in their insert (no pass over the feed after it)", () => {
    const db = openDatabase(':memory:');
    const rows = taskTable(Array.from({ length: 20 }, (_, i) => taskView(i))).rows;
    db.transaction(() => appAppliers.bulkTasks(db, rows, new Set()))();
    expect(db.prepare('SELECT count(*) FROM tasks WHERE notified = 1').pluck().get()).toBe(20);
    db.close();
  });

  it('puts the settings back when the bulk transaction fails', async () => {
    const db = openDatabase(':memory:');
    const before = settings(db);
    const failing = {
      ...appAppliers,
      bulkTasks: () => {
        throw new Error('disk full');
      },
    };
    await expect(loadSnapshot(db, source(300), failing, Date.now, () => {}, 50)).rejects.toThrow(
      'disk full',
    );
    expect(settings(db)).toEqual(before);
    expect(readSyncState(db).cursor).toBeNull();
    db.close();
  });
});

describe('the first page cut from a brand snapshot (a server without the first-page read)', () => {
  it("is the first rows of the feed's default order: complexity, then newest, then snapshot order", () => {
    // Few complexities and times, so that most rows tie with others on both.
    const row = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 6 }))
      .map(([complexity, createdAt]) => {
        const r = taskTable([taskView(0)]).rows[0]!;
        r[6] = complexity;
        r[15] = createdAt;
        return r;
      });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 120 }),
        fc.integer({ min: 0, max: 130 }),
        (rows, size) => {
          rows.forEach((r, i) => (r[0] = `t${i}`));
          // The order stated plainly: a stable sort of every row.
          const sorted = [...rows].sort((a, b) => b[6] - a[6] || b[15] - a[15]);
          const expected = rows.length <= size ? rows : sorted.slice(0, size);
          expect(firstOf(rows, size).map((r: TaskRow) => r[0])).toEqual(expected.map((r) => r[0]));
        },
      ),
      { numRuns: 300 },
    );
  });
});
