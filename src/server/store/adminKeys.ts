import type { AdminKeyRotateResponse } from '../../shared/protocol';
import { type StoreContext, type Trx, write } from './context';
import { hashSecret, newAdminKey } from './secrets';

export async function brandForAdminKey(ctx: StoreContext, key: string, now: number) {
  return ctx.db
    .selectFrom('admin_keys')
    .innerJoin('brands', 'brands.id', 'admin_keys.brand_id')
    .select(['brands.id', 'brands.name', 'brands.currency'])
    .where('admin_keys.key_hash', '=', hashSecret(key))
    .where((eb) =>
      eb.or([eb('admin_keys.expires_at', 'is', null), eb('admin_keys.expires_at', '>', now)]),
    )
    .executeTakeFirst();
}

/** Stores a new key's hash; its plaintext is returned once. */
export async function addAdminKey(trx: Trx, brandId: string, now: number): Promise<string> {
  const adminKey = newAdminKey();
  await trx
    .insertInto('admin_keys')
    .values({
      key_hash: hashSecret(adminKey),
      brand_id: brandId,
      created_at: now,
      expires_at: null,
    })
    .execute();
  return adminKey;
}

/**
 * A new key for this brand; every other key of this brand keeps working for `overlapMs` more
 * (never longer than it already would), so clients can switch over without an outage.
 */
export async function rotateAdminKey(
  ctx: StoreContext,
  brandId: string,
  overlapMs: number,
  now: number,
): Promise<AdminKeyRotateResponse> {
  const until = now + overlapMs;
  return write(ctx, now, async (trx) => {
    await trx
      .updateTable('admin_keys')
      .set({ expires_at: until })
      .where('brand_id', '=', brandId)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', until)]))
      .execute();
    return { adminKey: await addAdminKey(trx, brandId, now), previousKeysExpireAt: until };
  });
}
