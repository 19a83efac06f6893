import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { task, type TestServer, testServer } from './helpers';

describe('sync cursor under concurrent writers', () => {
  let s: TestServer;
  beforeAll(async () => {
    // Yield between reading a page and answering it, as a networked database would.
    s = await testServer({ storeOptions: { interleave: () => yieldToLoop() } });
  });
  afterAll(() => s.close());

  it('a reader paging while 4 writers push ends with exactly the committed changes', async () => {
    const reader = await s.advocate();
    const writers = 4;
    const batches = 25;
    let done = false;
    const writing = (async () => {
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let b = 0; b < batches; b++) {
            const items = [0, 1, 2].map((i) => task(w * 10_000 + b * 10 + i));
            const r = await s.pushTasks(items);
            expect(r.status).toBe(200);
          }
        }),
      );
      done = true;
    })();

    const seen: number[] = [];
    let cursor: string | undefined;
    // Keep paging with small pages while the writers run, then drain.
    for (;;) {
      const r = await s.call('GET', `/v1/sync?limit=7${cursor ? `&cursor=${cursor}` : ''}`, {
        token: reader.token,
      });
      expect(r.status).toBe(200);
      for (const c of r.body.changes) seen.push(c.seq);
      cursor = r.body.cursor;
      if (done && !r.body.hasMore) {
        const last = await s.call('GET', `/v1/sync?limit=500&cursor=${cursor}`, {
          token: reader.token,
        });
        for (const c of last.body.changes) seen.push(c.seq);
        if (!last.body.hasMore && last.body.changes.length === 0) break;
        cursor = last.body.cursor;
      }
    }
    await writing;

    const committed = (await s.store.sync(reader.id, undefined, 1000)).changes.map((c) => c.seq);
    expect(committed.length).toBe(3 + writers * batches * 3); // brand + rules + membership + tasks
    expect(new Set(seen).size).toBe(seen.length); // nothing twice
    expect([...seen].sort((a, b) => a - b)).toEqual([...committed].sort((a, b) => a - b)); // nothing skipped
    // One total order: paging while writers ran saw the log in the order a later full read
    // sees it (seq order on SQLite; (xid, seq) order on PostgreSQL, see changeLog.ts).
    expect(seen).toEqual(committed);
  });
});
