import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTasks } from '../../../src/server/store/views';
import { ownKysely } from '../../support/ownKysely';
import { type TestServer, task, testServer } from './helpers';

describe('loading tasks for rendering', () => {
  let s: TestServer;
  beforeEach(async () => {
    s = await testServer();
  });
  afterEach(() => s.close());

  it('one statement loads each task, its messages in thread order and no escalation, as the rows are', async () => {
    const own = ownKysely(s.db);
    const kdb = own.kdb;
    let batch = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          // Per task: its messages' times, repeats included (the thread then keeps push order).
          fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }), {
            minLength: 1,
            maxLength: 5,
          }),
          async (threads) => {
            batch++;
            const pushed = threads.map((times, i) =>
              task(batch * 100 + i, {
                messages: times.map((t, j) => ({
                  author: 'customer' as const,
                  body: `Message ${j} of ${i}: "quoted", {braces}, ünïcode`,
                  createdAt: 1_800_000_000_000 + t,
                })),
              }),
            );
            expect((await s.pushTasks(pushed)).status).toBe(200);
            const rows = await kdb
              .selectFrom('tasks')
              .selectAll()
              .where(
                'external_ref',
                'in',
                pushed.map((p) => p.externalRef),
              )
              .execute();
            const ids = [...rows.map((r) => r.id), 'no-such-task'];
            const loaded = await loadTasks(kdb, own.dialect, ids);
            expect([...loaded.keys()].sort()).toEqual(rows.map((r) => r.id).sort());
            for (const row of rows) {
              const messages = await kdb
                .selectFrom('messages')
                .selectAll()
                .where('task_id', '=', row.id)
                .orderBy('created_at')
                .orderBy('ord')
                .execute();
              expect(loaded.get(row.id)).toEqual({ task: row, messages, escalation: null });
            }
          },
        ),
        { numRuns: 15 },
      );
    } finally {
      await own.close();
    }
  });
});
