/**
 * Migration 5 orders the PostgreSQL change log by (xid, seq). Rows written before it read xid 0,
 * so a cursor issued before it (a bare seq) continues exactly where it stopped.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/server';
import { migrations } from '../../src/server/store/migrations';
import { rawQuery } from '../support/rawDb';
import { dropFreshDbs, freshDb, pgTestUrl, useBackend } from '../support/serverBackends';
import { seedBrand, taskPush } from './brandFixture';

useBackend('postgres');
const NOW = 1_800_000_000_000;
// Dropping every schema the suite made takes minutes on a loaded machine.
afterAll(dropFreshDbs, 600_000);

describe.runIf(pgTestUrl())('the change log before and after migration 5', () => {
  it('keeps rows written before it at xid 0 and gives new rows their transaction id', async () => {
    const db = await freshDb();
    const store = openStore(db);
    const later = migrations.splice(4);
    try {
      await store.migrate(NOW);
    } finally {
      migrations.push(...later);
    }
    await rawQuery(
      db,
      `insert into changes (brand_id, kind, entity_id, created_at) values ('b', 'brand', 'b', 1)`,
    );
    await store.migrate(NOW);
    await rawQuery(
      db,
      `insert into changes (brand_id, kind, entity_id, created_at) values ('b', 'brand', 'b', 2)`,
    );
    const rows = await rawQuery(db, `select xid::text as xid from changes order by seq`);
    expect(rows[0]!.xid).toBe('0');
    expect(BigInt(String(rows[1]!.xid))).toBeGreaterThan(0n);
    await store.close();
  });

  it('continues an old numeric cursor after the rows it had seen, then into new rows', async () => {
    const db = await freshDb();
    const store = openStore(db);
    await store.migrate(NOW);
    const seed = await seedBrand(store, NOW, 1);
    const me = seed.advocates[0]!.id;
    await store.upsertTasks(seed.brandId, [taskPush('old-1', 1), taskPush('old-2', 2)], NOW);
    // What migration 5 found in a live database: these rows were written before it.
    await rawQuery(db, `update changes set xid = '0'`);
    const old = await store.sync(me, undefined, 1000);
    const seqs = old.changes.map((c) => c.seq);
    const oldCursor = String(seqs[seqs.length - 2]); // a cursor an app held before the upgrade
    expect(oldCursor).toMatch(/^\d+$/);

    await store.upsertTasks(seed.brandId, [taskPush('new-1', 3)], NOW);
    const next = await store.sync(me, oldCursor, 1000);
    const subjects = next.changes.map((c) => (c.kind === 'task' ? c.task.externalRef : c.kind));
    expect(subjects).toEqual(['old-2', 'new-1']);
    expect(next.cursor).toMatch(/^\d+\.\d+$/);
    // and the new cursor continues from there: nothing again, nothing skipped
    await store.upsertTasks(seed.brandId, [taskPush('new-2', 4)], NOW);
    const last = await store.sync(me, next.cursor, 1000);
    expect(last.changes.map((c) => (c.kind === 'task' ? c.task.externalRef : c.kind))).toEqual([
      'new-2',
    ]);
    await store.close();
  });
});
