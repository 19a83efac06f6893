import { sql } from 'kysely';
import type { RefreshResponse } from '../../shared/protocol';
import { ApiFailure } from '../errors';
import { type StoreContext, type Trx, write } from './context';
import { hashSecret, newDeviceToken } from './secrets';

/** A device token lives this long unless refreshed; the app refreshes after half of it. */
export const TOKEN_TTL_MS = 30 * 24 * 3600_000;
/** After a refresh the old token still works this long (requests already in flight). */
export const TOKEN_OVERLAP_MS = 2 * 60_000;

/** A verified device token: who holds it and which brands it may reach. */
export interface AdvocateAuth {
  id: string;
  name: string;
  /** Brands this token was redeemed or accepted for, in which the identity is still enrolled. */
  brandIds: string[];
}

/** Issues a token for `advocateId` reaching exactly `brandIds`; only its hash is stored. */
export async function issueToken(
  trx: Trx,
  advocateId: string,
  deviceName: string,
  brandIds: string[],
  now: number,
): Promise<{ token: string; expiresAt: number }> {
  const token = newDeviceToken();
  const tokenHash = hashSecret(token);
  const expiresAt = now + TOKEN_TTL_MS;
  await trx
    .insertInto('tokens')
    .values({
      token_hash: tokenHash,
      advocate_id: advocateId,
      device_name: deviceName,
      created_at: now,
      revoked_at: null,
      expires_at: expiresAt,
      replaced_at: null,
    })
    .execute();
  for (const brandId of brandIds) await grant(trx, tokenHash, brandId);
  return { token, expiresAt };
}

export async function grant(trx: Trx, tokenHash: string, brandId: string): Promise<void> {
  await trx
    .insertInto('token_brands')
    .values({ token_hash: tokenHash, brand_id: brandId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The live token row (not revoked, not expired), or undefined. */
export async function liveToken(db: StoreContext['db'] | Trx, token: string, now: number) {
  return db
    .selectFrom('tokens')
    .innerJoin('advocates', 'advocates.id', 'tokens.advocate_id')
    .select([
      'advocates.id',
      'advocates.name',
      'tokens.token_hash',
      'tokens.device_name',
      'tokens.expires_at',
      'tokens.replaced_at',
    ])
    .where('tokens.token_hash', '=', hashSecret(token))
    .where('tokens.revoked_at', 'is', null)
    .where('tokens.expires_at', '>', now)
    .executeTakeFirst();
}

export async function advocateForToken(
  ctx: StoreContext,
  token: string,
  now: number,
): Promise<AdvocateAuth | undefined> {
  const hash = hashSecret(token);
  const cached = ctx.tokens?.get(hash, now);
  if (cached) return cached;
  const readAt = ctx.tokens?.epoch ?? 0;
  const rows = await liveTokenWithBrands(ctx.db, hash, now);
  const row = rows[0];
  if (!row) return undefined;
  const auth = {
    id: row.id,
    name: row.name,
    brandIds: rows.flatMap((r) => (r.brand_id === null ? [] : [r.brand_id])).sort(),
  };
  ctx.tokens?.set(hash, auth, row.expires_at ?? Number.MAX_SAFE_INTEGER, readAt);
  return auth;
}

/**
 * The live token (`liveToken`) and the granted brands its identity is still enrolled in (a token
 * reaches nothing else), in one statement: a row per brand, or one row with `brand_id` null when
 * it reaches none; no row when the token is not live. One round trip per uncached request.
 */
async function liveTokenWithBrands(db: StoreContext['db'], tokenHash: string, now: number) {
  const r = await sql<{
    id: string;
    name: string;
    expires_at: number | null;
    brand_id: string | null;
  }>`select advocates.id, advocates.name, tokens.expires_at, reach.brand_id
    from tokens
    inner join advocates on advocates.id = tokens.advocate_id
    left join (select token_brands.brand_id, memberships.advocate_id from token_brands
        inner join memberships on memberships.brand_id = token_brands.brand_id
        where token_brands.token_hash = ${tokenHash}) reach
      on reach.advocate_id = tokens.advocate_id
    where tokens.token_hash = ${tokenHash} and tokens.revoked_at is null
      and tokens.expires_at > ${now}`.execute(db);
  return r.rows;
}

/**
 * Exchanges a live token for a new one with the same brands. Once per token: a second refresh
 * of the same token is refused, and the old one stops working `TOKEN_OVERLAP_MS` from now.
 */
export async function refreshToken(
  ctx: StoreContext,
  token: string,
  now: number,
): Promise<RefreshResponse> {
  return write(ctx, now, async (trx, changes) => {
    const old = await liveToken(trx, token, now);
    if (!old) throw new ApiFailure('unauthorized', 'unknown, expired or revoked device token');
    changes.invalidate(old.id);
    const taken = await trx
      .updateTable('tokens')
      .set({ replaced_at: now, expires_at: Math.min(old.expires_at!, now + TOKEN_OVERLAP_MS) })
      .where('token_hash', '=', old.token_hash)
      .where('replaced_at', 'is', null)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1)
      throw new ApiFailure('unauthorized', 'this device token was already refreshed');
    const brands = await trx
      .selectFrom('token_brands')
      .select('brand_id')
      .where('token_hash', '=', old.token_hash)
      .execute();
    return issueToken(
      trx,
      old.id,
      old.device_name,
      brands.map((b) => b.brand_id),
      now,
    );
  });
}

export async function revokeToken(ctx: StoreContext, token: string, now: number): Promise<void> {
  await write(ctx, now, async (trx, changes) => {
    const revoked = await trx
      .updateTable('tokens')
      .set({ revoked_at: now })
      .where('token_hash', '=', hashSecret(token))
      .returning('advocate_id')
      .execute();
    for (const r of revoked) changes.invalidate(r.advocate_id);
  });
}

/**
 * A brand cuts an advocate's devices off from itself, and only from itself: the tokens lose
 * their grant for this brand; a token left with no brand at all is revoked outright.
 */
export async function revokeBrandAccess(
  ctx: StoreContext,
  brandId: string,
  advocateId: string,
  now: number,
): Promise<{ revoked: number }> {
  return write(ctx, now, async (trx, changes) => {
    changes.invalidate(advocateId);
    const granted = await trx
      .selectFrom('token_brands')
      .innerJoin('tokens', 'tokens.token_hash', 'token_brands.token_hash')
      .select('tokens.token_hash')
      .where('token_brands.brand_id', '=', brandId)
      .where('tokens.advocate_id', '=', advocateId)
      .where('tokens.revoked_at', 'is', null)
      .execute();
    const hashes = granted.map((g) => g.token_hash);
    if (hashes.length === 0) return { revoked: 0 };
    await trx
      .deleteFrom('token_brands')
      .where('brand_id', '=', brandId)
      .where('token_hash', 'in', hashes)
      .execute();
    const stillGranted = new Set(
      (
        await trx
          .selectFrom('token_brands')
          .select('token_hash')
          .where('token_hash', 'in', hashes)
          .execute()
      ).map((r) => r.token_hash),
    );
    const orphaned = hashes.filter((h) => !stillGranted.has(h));
    if (orphaned.length > 0)
      await trx
        .updateTable('tokens')
        .set({ revoked_at: now })
        .where('token_hash', 'in', orphaned)
        .execute();
    return { revoked: hashes.length };
  });
}
