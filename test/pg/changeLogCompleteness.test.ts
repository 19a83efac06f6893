/**
 * Cursor completeness on PostgreSQL under writers that stay open for a while after their first
 * write (so transactions that started earlier often commit later): a reader paging all along
 * ends with every committed change exactly once, in the order a full read gives afterwards.
 */
import { describe, expect, it } from 'vitest';
import { write } from '../../src/server/store/context';
import { pgTestUrl, useBackend } from '../support/serverBackends';
import { changeLogFixture } from './brandFixture';

useBackend('postgres');
const NOW = 1_800_000_000_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(pgTestUrl())('PostgreSQL change log under slow concurrent writers', () => {
  const f = changeLogFixture(NOW);

  it('a reader paging while 6 writers commit out of order sees each change once, none skipped', async () => {
    const writers = 6;
    const perWriter = 15;
    const before = (await f.store.sync(f.advocateId, undefined, 1000)).changes.length;
    let done = false;
    const writing = Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) {
          await write(f.ctx, NOW, async (_trx, changes) => {
            await changes.add(f.brandId, 'brand', f.brandId);
            await changes.flush(); // the row and its xid exist from here on
            await sleep(((w * 7 + i * 13) % 6) * 4); // commit 0–20 ms later
          });
        }
      }),
    ).then(() => (done = true));

    const seen: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await f.store.sync(f.advocateId, cursor, 3);
      seen.push(...page.changes.map((c) => c.seq));
      cursor = page.cursor;
      if (done && !page.hasMore) {
        const rest = await f.store.sync(f.advocateId, cursor, 1000);
        seen.push(...rest.changes.map((c) => c.seq));
        break;
      }
      if (!page.hasMore) await sleep(2);
    }
    await writing;

    const all = (await f.store.sync(f.advocateId, undefined, 1000)).changes.map((c) => c.seq);
    expect(all.length).toBe(before + writers * perWriter);
    // The reader started from the beginning: it saw every row, once, in the log's one order.
    expect(seen).toEqual(all);
  });
});
