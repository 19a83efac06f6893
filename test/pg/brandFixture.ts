import { afterAll, beforeAll } from 'vitest';
import { openStore, type Store } from '../../src/server';
import { localNotifier } from '../../src/server/notifier';
import type { StoreContext } from '../../src/server/store/context';
import { dialectFor } from '../../src/server/store/dialect';
import { TaskPush } from '../../src/shared/protocol';
import { dropFreshDbs, freshDb } from '../support/serverBackends';

export interface BrandFixture {
  brandId: string;
  adminKey: string;
  /** Device tokens and ids of the invited advocates, in order. */
  advocates: { id: string; token: string }[];
}

/** One brand (30-minute leases) with `count` redeemed advocates of tier 1. */
export async function seedBrand(store: Store, now: number, count: number): Promise<BrandFixture> {
  const { brand, adminKey } = await store.createBrand(
    { name: 'Acme Outdoor', currency: 'EUR', leaseMinutes: 30 },
    now,
  );
  const advocates: BrandFixture['advocates'] = [];
  for (let i = 0; i < count; i++) {
    const inv = await store.invite(
      brand.id,
      { email: `a${i}@example.com`, name: `Advocate ${i}`, skills: ['billing'], tier: 1 },
      now,
    );
    const red = await store.redeem(inv.inviteCode, `laptop ${i}`, now);
    advocates.push({ id: red.advocate.id, token: red.token });
  }
  return { brandId: brand.id, adminKey, advocates };
}

export const taskPush = (ref: string, i = 0) =>
  TaskPush.parse({
    externalRef: ref,
    subject: `Where is my order ${i}?`,
    channel: 'email',
    skills: ['billing'],
    complexity: (i % 5) + 1,
    customerName: `Customer ${i}`,
    messages: [
      { author: 'customer', body: `Order ${i} has not arrived.`, createdAt: 1_800_000_000_000 + i },
    ],
  });

export interface ChangeLogFixture {
  store: Store;
  /** A second connection pool writing change rows directly (`write` of store/context.ts). */
  ctx: StoreContext;
  brandId: string;
  advocateId: string;
}

/**
 * The change-log tests' writer and reader: a fresh database with one brand and one advocate,
 * the store reading it and a store context writing change rows; made before the file's tests
 * and dropped after. Read its fields inside tests (they are set in `beforeAll`).
 */
export function changeLogFixture(now: number): ChangeLogFixture {
  const fixture = {} as ChangeLogFixture;
  beforeAll(async () => {
    const db = await freshDb();
    // The writer below is another process whose change events this store never hears, so its
    // log tails (logTail.ts) re-read the log before every pull rather than within 75 ms.
    fixture.store = openStore(db, { logTails: { maxAgeMs: 0 } });
    await fixture.store.migrate(now);
    const seed = await seedBrand(fixture.store, now, 1);
    fixture.brandId = seed.brandId;
    fixture.advocateId = seed.advocates[0]!.id;
    const dialect = dialectFor(db);
    fixture.ctx = {
      db: dialect.createKysely(),
      dialect,
      notifier: localNotifier(),
      interleave: async () => {},
    };
  });
  afterAll(async () => {
    await fixture.ctx?.db.destroy();
    await fixture.store?.close();
    await dropFreshDbs();
  });
  return fixture;
}
