/**
 * Apps from before issue 16 validate every change they pull and refuse a page with a kind they
 * do not know. The server sends `customer`, `customer_event` and `customer_case` (and the brand
 * snapshot's customer parts) only to an app that declares the `customers` capability in the
 * `Gigdesk-Capabilities` header. Runs on SQLite here and on PostgreSQL in test/pg/server.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CAPABILITIES_HEADER,
  KINDS_OF_CAPABILITY,
  parseCapabilities,
} from '../../../src/shared/capabilities';
import { BrandSnapshot, Change } from '../../../src/shared/protocol';
import { allReadable } from '../../support/allReadable';
import { key, T0, task, type TestServer, testServer } from './helpers';

const customerKinds: readonly string[] = KINDS_OF_CAPABILITY.customers;

/** The sync answer as an app from before issue 16 validated it: no customer kinds. */
const OldSyncResponse = z.object({
  changes: z.array(
    z.discriminatedUnion(
      'kind',
      Change.options.filter((o) => !customerKinds.includes(o.shape.kind.value)) as unknown as [
        (typeof Change.options)[number],
      ],
    ),
  ),
  cursor: z.string(),
  hasMore: z.boolean(),
});

let s: TestServer;
let tier2: { id: string; token: string };

beforeAll(async () => {
  s = await testServer();
  const admin = (path: string, body: unknown) => s.call('POST', path, { token: s.adminKey, body });
  tier2 = await s.advocate({ tier: 2 });
  await admin('/v1/admin/customers', [
    {
      customerRef: 'crm-1',
      fields: [
        { name: 'plan', label: 'Plan', value: 'Gold', minTier: 0 },
        { name: 'ltv', label: 'Spend', value: 'EUR 1,240.00', minTier: 3 },
      ],
    },
  ]);
  await admin('/v1/admin/customer-events', [
    {
      externalRef: 'o-1',
      customerRef: 'crm-1',
      kind: 'order',
      occurredAt: T0 - 86_400_000,
      summary: 'Tent',
      amountMinor: 24_900,
      currency: 'EUR',
    },
  ]);
  // An earlier case of the customer: resolved by tier2, so the log has a `customer_case` row.
  await s.pushTasks([task(1, { customerRef: 'crm-1' })]);
  const me = await pull(tier2.token, 'customers');
  const taskId = me.changes.find((c: { kind: string }) => c.kind === 'task').task.id;
  await s.pushTasks([task(2, { customerRef: 'crm-1' })]);
  for (const type of ['claim', 'resolve']) {
    const r = await s.call('POST', '/v1/actions', {
      token: tier2.token,
      body: { actions: [{ key: key(), type, taskId }] },
    });
    expect(r.body.results[0].status).toBe('applied');
  }
});
afterAll(() => s.close());

async function pull(token: string, caps?: string, cursor?: string) {
  await allReadable(s.db);
  const r = await s.call('GET', `/v1/sync?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, {
    token,
    headers: caps === undefined ? {} : { [CAPABILITIES_HEADER]: caps },
  });
  expect(r.status).toBe(200);
  return r.body;
}

const kinds = (body: { changes: { kind: string }[] }) => new Set(body.changes.map((c) => c.kind));

describe('the customers capability on /v1/sync', () => {
  it('an app that does not declare it never receives a customer kind, and can read every page', async () => {
    const old = await s.advocate({ tier: 2 });
    for (const caps of [undefined, '', 'something-newer', 'customer']) {
      const body = await pull(old.token, caps);
      for (const kind of customerKinds) expect(kinds(body)).not.toContain(kind);
      expect(kinds(body)).toContain('task');
      expect(OldSyncResponse.safeParse(body).success).toBe(true);
      // Its cursor moved past the withheld rows: nothing is left to pull.
      expect((await pull(old.token, caps, body.cursor)).changes).toEqual([]);
    }
  });

  it('an app that declares it receives customers, events and earlier cases', async () => {
    for (const caps of ['customers', 'Customers, something-newer', ' something-newer ,customers']) {
      const body = await pull(tier2.token, caps);
      for (const kind of customerKinds) expect(kinds(body)).toContain(kind);
      expect(OldSyncResponse.safeParse(body).success).toBe(false);
    }
  });

  it('withholds a change pushed later too, from the old app only', async () => {
    const old = await s.advocate({ tier: 2 });
    const oldAt = (await pull(old.token)).cursor;
    const newAt = (await pull(tier2.token, 'customers')).cursor;
    await s.call('POST', '/v1/admin/customers', {
      token: s.adminKey,
      body: [{ customerRef: 'crm-2', fields: [{ name: 'plan', value: 'Free', minTier: 0 }] }],
    });
    expect((await pull(old.token, undefined, oldAt)).changes).toEqual([]);
    const fresh = await pull(tier2.token, 'customers', newAt);
    expect(fresh.changes.map((c: { kind: string }) => c.kind)).toEqual(['customer']);
  });

  it('parses the header leniently: case, spaces, repeats and unknown names', () => {
    expect([...parseCapabilities(' CUSTOMERS , x')]).toEqual(['customers']);
    expect([...parseCapabilities(['x', 'customers'])]).toEqual(['customers']);
    expect([...parseCapabilities(undefined)]).toEqual([]);
    expect([...parseCapabilities('customers-v2')]).toEqual([]);
  });
});

describe('the customers capability on the brand snapshot', () => {
  const snapshot = (token: string, caps?: string) =>
    s.call('GET', `/v1/snapshot/brands/${s.brandId}`, {
      token,
      headers: caps === undefined ? {} : { [CAPABILITIES_HEADER]: caps },
    });

  it('has no customer parts for an old app, and every part at the tier for a new one', async () => {
    const old = await snapshot(tier2.token);
    expect(old.status).toBe(200);
    expect(old.body).not.toHaveProperty('customers');
    expect(old.body).not.toHaveProperty('customerEvents');
    expect(old.body).not.toHaveProperty('customerCases');

    const fresh = await snapshot(tier2.token, 'customers');
    const body = BrandSnapshot.parse(fresh.body);
    expect(fresh.headers.get('vary')).toContain(CAPABILITIES_HEADER);
    expect(fresh.headers.get('etag')).not.toBe(old.headers.get('etag'));
    const crm1 = body.customers!.find((c) => c.fields.some((f) => f.value === 'Gold'))!;
    // Tier 2 sees the plan; the spend is visible from tier 3, so only its label arrives.
    expect(crm1.fields).toContainEqual({
      name: 'ltv',
      label: 'Spend',
      value: null,
      visibleFromTier: 3,
    });
    expect(JSON.stringify(fresh.body)).not.toContain('1,240');
    expect(body.customerEvents).toEqual([
      expect.objectContaining({ customerId: crm1.id, summary: 'Tent', amountMinor: 24_900 }),
    ]);
    expect(body.customerCases).toEqual([
      expect.objectContaining({ customerId: crm1.id, outcome: 'resolved', visibleFromTier: null }),
    ]);
  });

  it('renders the snapshot parts as /v1/sync renders the changes', async () => {
    const { changes } = await pull(tier2.token, 'customers');
    const latest = new Map<string, unknown>();
    for (const c of changes) {
      if (c.kind === 'customer') latest.set(`c:${c.customer.id}`, c.customer);
      if (c.kind === 'customer_event') latest.set(`e:${c.event.id}`, c.event);
      if (c.kind === 'customer_case') latest.set(`k:${c.case.taskId}`, c.case);
    }
    const body = BrandSnapshot.parse((await snapshot(tier2.token, 'customers')).body);
    const fromSnapshot = new Map<string, unknown>([
      ...body.customers!.map((c) => [`c:${c.id}`, c] as const),
      ...body.customerEvents!.map((e) => [`e:${e.id}`, e] as const),
      ...body.customerCases!.map((k) => [`k:${k.taskId}`, k] as const),
    ]);
    expect(fromSnapshot).toEqual(latest);
  });
});
