/**
 * A brand's shared snapshot reads its tasks a page at a time (store/snapshot.ts): whatever the
 * page size, its rows are those of one read of them all, in creation order then id, each with
 * its whole thread, without the tasks the tier may not see or someone holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedTasksPage } from '../../../src/server/store/snapshot';
import { ALL_CAPABILITIES, type Capabilities } from '../../../src/shared/capabilities';
import type { TaskRow } from '../../../src/shared/protocol';
import { queryPlan } from '../../support/queryPlan';
import { key, T0, task, type TestServer, testServer } from './helpers';

const TIER = 1;
/** Ids as they are, not written short: what a claim names, in the order they are read. */
const PLAIN_IDS: Capabilities = new Set(['customers']);

describe('brand snapshot pages', () => {
  let s: TestServer;

  const rowsIn = (size: number, caps: Capabilities = ALL_CAPABILITIES) =>
    s.store.snapshots.brandParts(s.brandId, TIER, false, T0, caps, async (parts) => {
      const rows: TaskRow[] = [];
      const pages: number[] = [];
      for await (const page of parts.rows(size)) {
        pages.push(page.length);
        rows.push(...page);
      }
      return { rows, pages };
    });

  beforeAll(async () => {
    s = await testServer({ snapshotCache: { warmAfterMs: null } });
    const message = (n: number, at: number) => ({
      author: 'customer' as const,
      body: `Message ${n} of this thread`,
      createdAt: at,
    });
    // Many tasks at one creation time (ordered by id), some earlier and later ones, threads of
    // several messages not in creation order, and tasks above the tier in between.
    const items = Array.from({ length: 23 }, (_, n) =>
      task(n, {
        ...(n % 4 === 0 ? { createdAt: T0 - 1_000 * (n + 1) } : {}),
        ...(n % 5 === 2 ? { minTier: TIER + 1 } : {}),
        ...(n % 3 === 0
          ? { messages: [message(2, T0 - 500), message(1, T0 - 900), message(3, T0 - 100)] }
          : {}),
      }),
    );
    expect((await s.pushTasks(items)).status).toBe(200);
    // Two tasks claimed: no longer open, so not in the shared part.
    const { token } = await s.advocate({ tier: TIER });
    const { rows } = await rowsIn(1_000, PLAIN_IDS);
    for (const row of rows.slice(3, 5)) {
      const r = await s.call('POST', '/v1/actions', {
        token,
        body: { actions: [{ key: key('pages'), type: 'claim', taskId: row[0] }] },
      });
      expect(r.body.results[0].status, JSON.stringify(r.body)).toBe('applied');
    }
  });
  afterAll(() => s.close());

  it('holds the rows of one read, in creation order then id, whatever the page size', async () => {
    const plain = await rowsIn(1_000, PLAIN_IDS);
    // 23 pushed, 5 above the tier, 2 claimed.
    expect(plain.rows).toHaveLength(16);
    const order = (r: TaskRow) => [r[15], r[0]] as const;
    const sorted = [...plain.rows].sort((a, b) => {
      const [ca, ia] = order(a);
      const [cb, ib] = order(b);
      return ca - cb || (ia < ib ? -1 : ia > ib ? 1 : 0);
    });
    expect(plain.rows).toEqual(sorted);
    const threads = plain.rows.filter((r) => r[17].length === 3);
    expect(threads.length).toBeGreaterThan(0);
    for (const r of threads)
      expect(r[17].map((m) => m[4])).toEqual([1, 2, 3].map((n) => `Message ${n} of this thread`));
    const whole = await rowsIn(1_000);
    for (const size of [1, 2, 3, 4, 7, 16, 17]) {
      const paged = await rowsIn(size);
      expect(paged.rows, `pages of ${size}`).toEqual(whole.rows);
      expect(paged.pages.every((n) => n <= size)).toBe(true);
      expect((await rowsIn(size, PLAIN_IDS)).rows, `pages of ${size}`).toEqual(plain.rows);
    }
  });

  it("reads each page on its index, in order, without a sort of the brand's tasks", async () => {
    const after = { created_at: T0, id: '00000000-0000-4000-8000-000000000000' };
    const plan = await queryPlan(s.db, (db) =>
      sharedTasksPage(db, s.brandId, TIER, 2_000, after).compile(),
    );
    expect(plan).toContain('tasks_snapshot_order');
    expect(plan).not.toMatch(/TEMP B-TREE|Sort/);
  });
});
