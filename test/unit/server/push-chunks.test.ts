import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUSH_CHUNK } from '../../../src/server/store/pushBatch';
import { rawQuery } from '../../support/rawDb';
import { T0, task, type TestServer, testServer } from './helpers';

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

describe('customer pushes commit in chunks too', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(() => s.close());

  const admin = (path: string, body: unknown) => s.call('POST', path, { token: s.adminKey, body });
  const count = async (table: string) =>
    Number((await rawQuery(s.db, `select count(*) as n from ${table}`))[0]!.n);
  const xids = async (kind: string) =>
    Number(
      (
        await rawQuery(s.db, `select count(distinct xid) as n from changes where kind = '${kind}'`)
      )[0]!.n,
    );
  const customer = (i: number) => ({
    customerRef: `crm-${i}`,
    fields: [{ name: 'plan', label: 'Plan', value: `P${i}`, minTier: 1 }],
  });
  const event = (i: number) => ({
    externalRef: `order-${i}`,
    customerRef: `crm-${i}`,
    kind: 'order',
    occurredAt: T0 - i * 60_000,
    summary: `Order ${i}`,
    amountMinor: 1000 + i,
    currency: 'EUR',
  });
  const n = PUSH_CHUNK * 2 + 1;

  it('a customer batch and an event batch rejected past the first chunk apply nothing', async () => {
    const customers = Array.from({ length: n }, (_, i) => customer(i));
    customers[PUSH_CHUNK + 3] = customer(1);
    const r = await admin('/v1/admin/customers', customers);
    expect(r.status).toBe(400);
    expect(r.body.error.issues).toEqual([
      {
        index: PUSH_CHUNK + 3,
        path: 'customerRef',
        message: 'duplicate customerRef in this batch',
      },
    ]);
    expect(await count('customers')).toBe(0);
    await admin('/v1/admin/customers', [customer(0)]);
    const events = [event(0), event(0), { ...event(0), externalRef: 'x', customerRef: 'nobody' }];
    const bad = await admin('/v1/admin/customer-events', events);
    expect(bad.body.error.issues).toEqual([
      { index: 1, path: 'externalRef', message: 'duplicate externalRef in this batch' },
      {
        index: 2,
        path: 'customerRef',
        message: 'no such customer in this brand; push the customer first',
      },
    ]);
    expect(bad.body.error.message).toBe('2 item(s) rejected; nothing was applied');
    expect(await count('customer_events')).toBe(0);
  }, 120_000);

  it(`writes ${n} customers and events ${PUSH_CHUNK} per transaction; a repeat changes nothing`, async () => {
    const customers = Array.from({ length: n }, (_, i) => customer(1000 + i));
    const events = Array.from({ length: n }, (_, i) => event(1000 + i));
    const before = await count('customers');
    expect((await admin('/v1/admin/customers', customers)).body).toEqual({
      created: n,
      updated: 0,
      unchanged: 0,
    });
    expect((await admin('/v1/admin/customer-events', events)).body).toEqual({
      created: n,
      updated: 0,
      unchanged: 0,
    });
    expect(await count('customers')).toBe(before + n);
    expect(await count('customer_events')).toBe(n);
    if (s.store.dialect === 'postgres') {
      expect(await xids('customer_event')).toBe(3);
    }
    expect((await admin('/v1/admin/customers', customers)).body.unchanged).toBe(n);
    const changed = events.map((e, i) => (i === n - 1 ? { ...e, summary: 'Order, returned' } : e));
    expect((await admin('/v1/admin/customer-events', changed)).body).toEqual({
      created: 0,
      updated: 1,
      unchanged: n - 1,
    });
  }, 120_000);
});
