/**
 * Tasks and messages get ids in creation order (UUID version 7), so that an app's initial sync,
 * which writes a brand's tasks and their messages in creation order, appends to its primary-key
 * indexes instead of writing each entry into a random place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../support/rawDb';
import { T0, task, type TestServer, testServer } from './helpers';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ids of tasks and messages', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(() => s.close());

  it('increase in the order the rows were created, within a push and across pushes', async () => {
    const two = (n: number) =>
      task(n, {
        createdAt: T0 + n,
        messages: [
          { author: 'customer', body: `First ${n}`, createdAt: T0 + n },
          { author: 'customer', body: `Second ${n}`, createdAt: T0 + n },
        ],
      });
    const first = Array.from({ length: 40 }, (_, i) => two(i));
    const second = Array.from({ length: 40 }, (_, i) => two(40 + i));
    expect((await s.pushTasks(first)).status).toBe(200);
    expect((await s.pushTasks(second)).status).toBe(200);

    const tasks = await rawQuery(s.db, 'select id, created_at from tasks');
    const inCreationOrder = tasks
      .sort((a, b) => Number(a.created_at) - Number(b.created_at))
      .map((t) => String(t.id));
    expect(inCreationOrder).toHaveLength(80);
    for (const id of inCreationOrder) expect(id).toMatch(V7);
    expect([...inCreationOrder].sort()).toEqual(inCreationOrder);

    const messages = await rawQuery(
      s.db,
      'select m.id, t.created_at, m.ord from messages m join tasks t on t.id = m.task_id',
    );
    const messagesInOrder = messages
      .sort((a, b) => Number(a.created_at) - Number(b.created_at) || Number(a.ord) - Number(b.ord))
      .map((m) => String(m.id));
    expect(messagesInOrder).toHaveLength(160);
    expect([...messagesInOrder].sort()).toEqual(messagesInOrder);
  });
});
