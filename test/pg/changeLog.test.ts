/**
 * The PostgreSQL change log's ordering rule (src/server/store/changeLog.ts), provoked on purpose:
 * a writer that wrote first commits last. Without the read horizon the reader sees the later
 * transaction's row, moves its cursor past the earlier one's position and never sees it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/server';
import { localNotifier } from '../../src/server/notifier';
import { type StoreContext, write } from '../../src/server/store/context';
import { dialectFor } from '../../src/server/store/dialect';
import { dropFreshDbs, freshDb, pgTestUrl, useBackend } from '../support/serverBackends';
import { seedBrand } from './brandFixture';

useBackend('postgres');
const NOW = 1_800_000_000_000;

describe.runIf(pgTestUrl())('PostgreSQL change log', () => {
  let store: Store;
  let ctx: StoreContext;
  let brandId: string;
  let advocateId: string;

  beforeAll(async () => {
    const db = await freshDb();
    store = openStore(db);
    await store.migrate(NOW);
    const seed = await seedBrand(store, NOW, 1);
    brandId = seed.brandId;
    advocateId = seed.advocates[0]!.id;
    const dialect = dialectFor(db);
    ctx = {
      db: dialect.createKysely(),
      dialect,
      notifier: localNotifier(),
      interleave: async () => {},
    };
  });
  afterAll(async () => {
    await ctx?.db.destroy();
    await store?.close();
    await dropFreshDbs();
  });

  const head = async () => (await store.sync(advocateId, undefined, 1000)).cursor;
  const pull = async (cursor: string) => {
    const seen: number[] = [];
    for (
      let page = await store.sync(advocateId, cursor, 1000);
      ;
      page = await store.sync(advocateId, page.cursor, 1000)
    ) {
      seen.push(...page.changes.map((c) => c.seq));
      cursor = page.cursor;
      if (!page.hasMore) return { seen, cursor };
    }
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('never moves a cursor past a change whose transaction commits later', async () => {
    const start = await head();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let flushed!: () => void;
    const firstFlushed = new Promise<void>((r) => (flushed = r));

    // Writer 1 draws its seq, then stalls before COMMIT.
    const slow = write(ctx, NOW, async (_trx, changes) => {
      await changes.add(brandId, 'brand', brandId);
      await changes.flush();
      flushed();
      await gate;
    });
    await firstFlushed;
    // Writer 2 starts after it and would commit first.
    const fast = write(ctx, NOW, async (_trx, changes) => {
      await changes.add(brandId, 'brand', brandId);
    });
    await Promise.race([fast, sleep(300)]);

    const during = await pull(start);
    release();
    await Promise.all([slow, fast]);
    const after = await pull(during.cursor);

    const seen = [...during.seen, ...after.seen];
    expect(seen).toHaveLength(2);
    expect(new Set(seen).size).toBe(2);
  });

  it('never waits on a writer that rolled back', async () => {
    const start = await head();
    await expect(
      write(ctx, NOW, async (_trx, changes) => {
        await changes.add(brandId, 'brand', brandId);
        await changes.flush();
        throw new Error('aborted on purpose');
      }),
    ).rejects.toThrow('aborted on purpose');
    await write(ctx, NOW, async (_trx, changes) => {
      await changes.add(brandId, 'brand', brandId);
    });
    const { seen } = await pull(start);
    expect(seen).toHaveLength(1);
  });
});
