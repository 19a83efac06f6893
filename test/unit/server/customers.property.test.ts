/**
 * Properties of customer data (issue 16), through the real routes (`fastify.inject`) and store:
 *
 * - Tiers: for generated customers (fields), events and earlier cases, each with a random minimum
 *   tier, and advocates of every tier, no value above an advocate's tier reaches it in any sync
 *   answer, while every value at or below it does; personal data in what tier 0 sees is redacted.
 * - Tenancy: nothing of brand A's customers, events or cases reaches brand B's advocates, and
 *   brand B's admin cannot attach events to brand A's customers (the same `customerRef` in B is
 *   B's own customer).
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app';
import { CAPABILITIES_HEADER, capabilitiesHeaderValue } from '../../../src/shared/capabilities';
import { openStore, type Store } from '../../../src/server/store';
import { allReadable } from '../../support/allReadable';
import { freshDb } from '../../support/serverBackends';
import { T0, task } from './helpers';

interface Item {
  minTier: number;
  personal: boolean;
}
const item = fc.record({ minTier: fc.nat(3), personal: fc.boolean() });
const world = fc.record({
  fields: fc.array(item, { minLength: 1, maxLength: 5 }),
  events: fc.array(item, { maxLength: 5 }),
  cases: fc.array(fc.nat(3), { maxLength: 3 }),
  ref: fc.constantFrom('crm-1', 'crm-2'),
});

type World = { fields: Item[]; events: Item[]; cases: number[]; ref: string };

let db: string;
let store: Store;
let app: FastifyInstance;
let run = 0;

beforeAll(async () => {
  db = await freshDb();
  store = openStore(db, { leaseClock: 'process' });
  await store.migrate(T0);
  app = (await buildApp(store, { now: () => T0, rateLimitMax: 1_000_000 })).app;
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const call = async (method: 'GET' | 'POST', url: string, token: string, body?: unknown) => {
  const res = await app.inject({
    method,
    url,
    // As the current app: it reads the customer kinds (capabilities.test.ts: older apps do not).
    headers: { authorization: `Bearer ${token}`, [CAPABILITIES_HEADER]: capabilitiesHeaderValue() },
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
};

/** A marker that names its owner and tier; with an e-mail address when `personal`. */
const marker = (owner: string, what: string, i: number, it: Item) =>
  `${owner}${what}${i}T${it.minTier}Q${it.personal ? ` ${owner.toLowerCase()}${what}${i}@example.com` : ''}`;

/** Pushes a brand's customer world; answers every value pushed with its minimum tier. */
async function pushWorld(brandId: string, adminKey: string, owner: string, w: World) {
  const values: { text: string; minTier: number; personal: boolean }[] = [];
  const fields = w.fields.map((f, i) => {
    const value = marker(owner, 'F', i, f);
    values.push({ text: value.split(' ')[0]!, minTier: f.minTier, personal: f.personal });
    return { name: `f${i}`, value, minTier: f.minTier };
  });
  expect(
    (await call('POST', '/v1/admin/customers', adminKey, [{ customerRef: w.ref, fields }])).status,
  ).toBe(200);
  if (w.events.length > 0) {
    const events = w.events.map((e, i) => {
      const summary = marker(owner, 'E', i, e);
      values.push({ text: summary.split(' ')[0]!, minTier: e.minTier, personal: e.personal });
      return {
        externalRef: `${owner}-e${i}`,
        customerRef: w.ref,
        kind: 'order',
        occurredAt: T0 - i,
        summary,
        amountMinor: 100 + i,
        currency: 'EUR',
        minTier: e.minTier,
      };
    });
    expect((await call('POST', '/v1/admin/customer-events', adminKey, events)).status).toBe(200);
  }
  // Earlier cases: resolved by a tier-3 member; the subject carries the case's minimum tier.
  if (w.cases.length > 0) {
    const pushed = w.cases.map((minTier, i) =>
      task(i, {
        externalRef: `${owner}-c${i}`,
        subject: `${owner}S${i}T${minTier}Q`,
        minTier,
        skills: [],
        customerRef: w.ref,
      }),
    );
    values.push(
      ...w.cases.map((minTier, i) => ({
        text: `${owner}S${i}T${minTier}Q`,
        minTier,
        personal: false,
      })),
    );
    expect((await call('POST', '/v1/admin/tasks', adminKey, pushed)).status).toBe(200);
    const worker = await store.invite(
      brandId,
      { email: `worker-${owner}-${run}@example.com`, skills: [], tier: 3 },
      T0,
    );
    const { token } = await store.redeem(worker.inviteCode, 'w', T0);
    const page = await store.sync(worker.advocateId, undefined, 1000, [brandId]);
    let k = 0;
    for (const c of page.changes) {
      if (c.kind !== 'task') continue;
      const actions = ['claim', 'resolve'].map((type) => ({
        key: `k-${run}-${owner}-${k++}-${type}`,
        type,
        taskId: c.task.id,
      }));
      expect((await call('POST', '/v1/actions', token, { actions })).status).toBe(200);
    }
  }
  return values;
}

async function advocateAt(brandId: string, tier: number, label: string) {
  const inv = await store.invite(
    brandId,
    { email: `${label}-${run}-${tier}@example.com`, skills: [], tier },
    T0,
  );
  const { token } = await store.redeem(inv.inviteCode, 'd', T0);
  return token;
}

async function syncText(token: string): Promise<string> {
  await allReadable(db);
  const r = await call('GET', '/v1/sync?limit=1000', token);
  expect(r.status).toBe(200);
  return JSON.stringify(r.body);
}

describe('customer data properties', () => {
  it('no field, event or case above an advocate tier reaches it; the rest does', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        run++;
        const { brand, adminKey } = await store.createBrand(
          { name: `Tiers ${run}`, currency: 'EUR' },
          T0,
        );
        const values = await pushWorld(brand.id, adminKey, 'A', w);
        for (const tier of [0, 1, 2, 3]) {
          const seen = await syncText(await advocateAt(brand.id, tier, 'tier'));
          for (const v of values) {
            if (v.minTier > tier) expect(seen).not.toContain(v.text);
            else expect(seen).toContain(v.text);
          }
          // Tier 0: whatever it is shown carries no personal data.
          if (tier === 0) expect(seen).not.toMatch(/@example\.com/);
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it("nothing of brand A's customers reaches brand B's advocates or admin routes", async () => {
    await fc.assert(
      fc.asyncProperty(world, world, async (wa, wb) => {
        run++;
        const a = await store.createBrand({ name: `A ${run}`, currency: 'EUR' }, T0);
        const b = await store.createBrand({ name: `B ${run}`, currency: 'EUR' }, T0);
        const aValues = await pushWorld(a.brand.id, a.adminKey, 'A', wa);
        await pushWorld(b.brand.id, b.adminKey, 'B', wb);
        for (const tier of [0, 3]) {
          const seen = await syncText(await advocateAt(b.brand.id, tier, 'b'));
          for (const v of aValues) expect(seen).not.toContain(v.text);
        }
        // B's admin naming A's customer reaches B's own customer of that ref, or none.
        const other = wa.ref === 'crm-1' ? 'crm-2' : 'crm-1';
        const refs = new Set<string>([wb.ref]);
        for (const ref of [wa.ref, other]) {
          const r = await call('POST', '/v1/admin/customer-events', b.adminKey, [
            {
              externalRef: `probe-${run}-${ref}`,
              customerRef: ref,
              kind: 'contact',
              occurredAt: T0,
              summary: `probe ${run}`,
            },
          ]);
          expect(r.status).toBe(refs.has(ref) ? 200 : 400);
        }
        const aAdvocate = await advocateAt(a.brand.id, 3, 'a');
        expect(await syncText(aAdvocate)).not.toContain(`probe ${run}`);
        const reopens = await call('GET', '/v1/admin/reopens', b.adminKey);
        expect(reopens.body).toEqual({ total: 0, byAdvocate: [] });
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
