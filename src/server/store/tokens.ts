import { sql } from 'kysely';
import type { RefreshResponse } from '../../shared/protocol';
import { ApiFailure } from '../errors';
import { type StoreContext, type Trx, write } from './context';
import type { MembershipRow } from './logTail';
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
  const membersReadAt = ctx.tails?.membershipEpoch ?? 0;
  const rows = await liveTokenWithMemberships(ctx.db, hash, now);
  const first = rows[0];
  if (!first) return undefined;
  const memberships: MembershipRow[] = [];
  const brandIds: string[] = [];
  for (const { _id, _name, _expires_at, _reached, ...m } of rows) {
    if (m.brand_id === null) continue;
    memberships.push(m as MembershipRow);
    if (_reached) brandIds.push(m.brand_id);
  }
  const auth = { id: first._id, name: first._name, brandIds: brandIds.sort() };
  ctx.tokens?.set(hash, auth, first._expires_at ?? Number.MAX_SAFE_INTEGER, readAt);
  // Most requests are pulls, which need them next (logTail.ts `membershipsOf`).
  ctx.tails?.keepMemberships(auth.id, memberships, membersReadAt);
  return auth;
}

/**
 * The live token (`liveToken`), its advocate, and every membership of that advocate, marked
 * `_reached` where the token was granted the brand (a token reaches nothing else), in one
 * statement: a row per membership, or one row with the membership's columns null when there is
 * none; no row when the token is not live. One round trip per uncached request, and the pull
 * behind it needs no read of its memberships.
 */
async function liveTokenWithMemberships(db: StoreContext['db'], tokenHash: string, now: number) {
  type Nullable<T> = { [K in keyof T]: T[K] | null };
  const r = await sql<
    Nullable<MembershipRow> & {
      _id: string;
      _name: string;
      _expires_at: number | null;
      _reached: boolean | number | null;
    }
  >`select advocates.id as _id, advocates.name as _name, tokens.expires_at as _expires_at,
      memberships.*, token_brands.brand_id is not null as _reached
    from tokens
    inner join advocates on advocates.id = tokens.advocate_id
    left join memberships on memberships.advocate_id = tokens.advocate_id
    left join token_brands on token_brands.token_hash = tokens.token_hash
      and token_brands.brand_id = memberships.brand_id
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
