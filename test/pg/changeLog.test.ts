/**
 * The PostgreSQL change log's ordering rule (src/server/store/changeLog.ts), provoked on purpose:
 * a writer that wrote first commits last. Without the read horizon the reader sees the later
 * transaction's row, moves its cursor past the earlier one's position and never sees it.
 */
import { describe, expect, it } from 'vitest';
import { write } from '../../src/server/store/context';
import { pgTestUrl, useBackend } from '../support/serverBackends';
import { changeLogFixture } from './brandFixture';

useBackend('postgres');
const NOW = 1_800_000_000_000;

describe.runIf(pgTestUrl())('PostgreSQL change log', () => {
  const f = changeLogFixture(NOW);

  const head = async () => (await f.store.sync(f.advocateId, undefined, 1000)).cursor;
  const pull = async (cursor: string) => {
    const seen: number[] = [];
    for (
      let page = await f.store.sync(f.advocateId, cursor, 1000);
      ;
      page = await f.store.sync(f.advocateId, page.cursor, 1000)
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
    const slow = write(f.ctx, NOW, async (_trx, changes) => {
      await changes.add(f.brandId, 'brand', f.brandId);
      await changes.flush();
      flushed();
      await gate;
    });
    await firstFlushed;
    // Writer 2 starts after it and would commit first.
    const fast = write(f.ctx, NOW, async (_trx, changes) => {
      await changes.add(f.brandId, 'brand', f.brandId);
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
      write(f.ctx, NOW, async (_trx, changes) => {
        await changes.add(f.brandId, 'brand', f.brandId);
        await changes.flush();
        throw new Error('aborted on purpose');
      }),
    ).rejects.toThrow('aborted on purpose');
    await write(f.ctx, NOW, async (_trx, changes) => {
      await changes.add(f.brandId, 'brand', f.brandId);
    });
    const { seen } = await pull(start);
    expect(seen).toHaveLength(1);
  });
});
