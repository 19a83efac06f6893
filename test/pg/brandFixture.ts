import { TaskPush } from '../../src/shared/protocol';
import type { Store } from '../../src/server';

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
