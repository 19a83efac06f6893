import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUSH_CHUNK } from '../../../src/server/store/content';
import { rawQuery } from '../../support/rawDb';
import { task, type TestServer, testServer } from './helpers';

describe('admin pushes commit in chunks', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(() => s.close());

  const taskCount = async () =>
    Number((await rawQuery(s.db, 'select count(*) as n from tasks'))[0]!.n);

  it('a batch rejected by an item past the first chunk applies nothing', async () => {
    const items = Array.from({ length: PUSH_CHUNK * 2 + 1 }, (_, i) => task(i));
    items[PUSH_CHUNK + 7] = task(3); // the same externalRef again, in the second chunk
    const r = await s.pushTasks(items);
    expect(r.status).toBe(400);
    expect(r.body.error.issues).toEqual([
      {
        index: PUSH_CHUNK + 7,
        path: 'externalRef',
        message: 'duplicate externalRef in this batch',
      },
    ]);
    expect(await taskCount()).toBe(0);
  });

  it(`commits ${PUSH_CHUNK} items per transaction, counts each once, and a repeat changes nothing`, async () => {
    const items = Array.from({ length: PUSH_CHUNK * 2 + 1 }, (_, i) => task(10_000 + i));
    const first = await s.pushTasks(items);
    expect(first.body).toEqual({ created: items.length, updated: 0, unchanged: 0 });
    expect(await taskCount()).toBe(items.length);
    if (s.store.dialect === 'postgres') {
      const [row] = await rawQuery(
        s.db,
        `select count(distinct xid) as n from changes where kind = 'task'`,
      );
      expect(Number(row!.n)).toBe(3);
    }
    const again = await s.pushTasks(items);
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: items.length });
  });
});
