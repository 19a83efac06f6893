import type { Selectable } from 'kysely';
import type {
  AdminAdvocate,
  AdvocatePatch,
  AdvocateView,
  EnrolledBrand,
  InviteRequest,
  InviteResponse,
  RedeemResponse,
} from '../../shared/protocol';
import { ApiFailure } from '../errors';
import { type ChangeWriter, json, parseJson, type StoreContext, type Trx, write } from './context';
import type { AdvocateTable } from './schema';
import { hashInviteCode, hashSecret, newDeviceToken, newId, newInviteCode } from './secrets';
import { brandView } from './views';

export const INVITE_TTL_MS = 14 * 24 * 3600_000;

const advocateView = (a: Selectable<AdvocateTable>): AdvocateView => ({
  id: a.id,
  name: a.name,
  handle: a.handle,
});

function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  const first = local.split(/[._+-]/)[0] || local;
  return first.charAt(0).toUpperCase() + first.slice(1);
}

async function uniqueHandle(trx: Trx, base: string): Promise<string> {
  const slug =
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')
      .slice(0, 20) || 'advocate';
  for (let n = 0; ; n++) {
    const handle = n === 0 ? slug : `${slug}${n + 1}`;
    const taken = await trx
      .selectFrom('advocates')
      .select('id')
      .where('handle', '=', handle)
      .executeTakeFirst();
    if (!taken) return handle;
  }
}

/** Everything a device that already synced past this brand's history needs to catch up. */
async function backfill(trx: Trx, changes: ChangeWriter, brandId: string, advocateId: string) {
  await changes.add(brandId, 'brand', brandId, advocateId);
  const rules = await trx
    .selectFrom('payout_rules')
    .select('version')
    .where('brand_id', '=', brandId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (rules) await changes.add(brandId, 'payout_rules', String(rules.version), advocateId);
  for (const table of ['articles', 'macros'] as const) {
    const rows = await trx
      .selectFrom(table)
      .select('id')
      .where('brand_id', '=', brandId)
      .where('deleted_at', 'is', null)
      .execute();
    for (const r of rows)
      await changes.add(brandId, table === 'articles' ? 'article' : 'macro', r.id, advocateId);
  }
  await changes.addAllTasksFor(brandId, advocateId);
}

export async function invite(
  ctx: StoreContext,
  brandId: string,
  req: InviteRequest,
  now: number,
): Promise<InviteResponse> {
  const code = newInviteCode();
  const expiresAt = now + INVITE_TTL_MS;
  const email = req.email.toLowerCase();
  const advocateId = await write(ctx, now, async (trx, changes) => {
    let advocate = await trx
      .selectFrom('advocates')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirst();
    if (!advocate) {
      const name = req.name ?? nameFromEmail(email);
      advocate = {
        id: newId(),
        email,
        name,
        handle: await uniqueHandle(trx, name),
        created_at: now,
      };
      await trx.insertInto('advocates').values(advocate).execute();
    }
    const member = await trx
      .selectFrom('memberships')
      .select('tier')
      .where('brand_id', '=', brandId)
      .where('advocate_id', '=', advocate.id)
      .executeTakeFirst();
    if (!member) {
      await trx
        .insertInto('memberships')
        .values({
          brand_id: brandId,
          advocate_id: advocate.id,
          tier: req.tier,
          skills: json(req.skills),
          suspended: 0,
          joined_at: now,
        })
        .execute();
      await changes.add(brandId, 'membership', brandId, advocate.id);
      const hasDevice = await trx
        .selectFrom('tokens')
        .select('token_hash')
        .where('advocate_id', '=', advocate.id)
        .executeTakeFirst();
      if (hasDevice) await backfill(trx, changes, brandId, advocate.id);
    }
    await trx
      .insertInto('invites')
      .values({
        code_hash: hashInviteCode(code),
        brand_id: brandId,
        advocate_id: advocate.id,
        expires_at: expiresAt,
        redeemed_at: null,
      })
      .execute();
    return advocate.id;
  });
  return { advocateId, inviteCode: code, expiresAt };
}

export async function enrolledBrands(
  db: StoreContext['db'],
  advocateId: string,
): Promise<EnrolledBrand[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('brands', 'brands.id', 'memberships.brand_id')
    .selectAll('brands')
    .select(['memberships.tier', 'memberships.skills as member_skills', 'memberships.suspended'])
    .where('memberships.advocate_id', '=', advocateId)
    .orderBy('brands.name')
    .execute();
  return rows.map((r) => ({
    ...brandView(r),
    tier: r.tier,
    skills: parseJson<string[]>(r.member_skills),
    suspended: r.suspended === 1,
  }));
}

/** One-time: the conditional update lets exactly one of two racing redemptions through. */
export async function redeem(
  ctx: StoreContext,
  code: string,
  deviceName: string,
  now: number,
): Promise<RedeemResponse> {
  const token = newDeviceToken();
  const advocateId = await write(ctx, now, async (trx) => {
    const inv = await trx
      .selectFrom('invites')
      .selectAll()
      .where('code_hash', '=', hashInviteCode(code))
      .executeTakeFirst();
    if (!inv || inv.expires_at <= now)
      throw new ApiFailure('unauthorized', 'this invite code is not valid or has expired');
    const taken = await trx
      .updateTable('invites')
      .set({ redeemed_at: now })
      .where('code_hash', '=', inv.code_hash)
      .where('redeemed_at', 'is', null)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1)
      throw new ApiFailure('unauthorized', 'this invite code was already used');
    await trx
      .insertInto('tokens')
      .values({
        token_hash: hashSecret(token),
        advocate_id: inv.advocate_id,
        device_name: deviceName,
        created_at: now,
        revoked_at: null,
      })
      .execute();
    return inv.advocate_id;
  });
  const me = await meOf(ctx, advocateId);
  return { token, ...me };
}

export async function meOf(ctx: StoreContext, advocateId: string) {
  const a = await ctx.db
    .selectFrom('advocates')
    .selectAll()
    .where('id', '=', advocateId)
    .executeTakeFirstOrThrow();
  return { advocate: advocateView(a), brands: await enrolledBrands(ctx.db, advocateId) };
}

export async function advocateForToken(ctx: StoreContext, token: string) {
  return ctx.db
    .selectFrom('tokens')
    .innerJoin('advocates', 'advocates.id', 'tokens.advocate_id')
    .select(['advocates.id', 'advocates.name', 'tokens.token_hash'])
    .where('tokens.token_hash', '=', hashSecret(token))
    .where('tokens.revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function revokeToken(ctx: StoreContext, token: string, now: number): Promise<void> {
  await ctx.db
    .updateTable('tokens')
    .set({ revoked_at: now })
    .where('token_hash', '=', hashSecret(token))
    .execute();
}

async function adminAdvocateRow(db: StoreContext['db'], brandId: string, advocateId?: string) {
  let q = db
    .selectFrom('memberships')
    .innerJoin('advocates', 'advocates.id', 'memberships.advocate_id')
    .selectAll('advocates')
    .select([
      'memberships.tier',
      'memberships.skills',
      'memberships.suspended',
      'memberships.joined_at',
    ])
    .where('memberships.brand_id', '=', brandId);
  if (advocateId) q = q.where('advocates.id', '=', advocateId);
  const rows = await q.orderBy('advocates.name').execute();
  return rows.map((r): AdminAdvocate => ({
    id: r.id,
    name: r.name,
    handle: r.handle,
    email: r.email,
    tier: r.tier,
    skills: parseJson<string[]>(r.skills),
    suspended: r.suspended === 1,
    joinedAt: r.joined_at,
  }));
}

export const listAdvocates = (ctx: StoreContext, brandId: string) =>
  adminAdvocateRow(ctx.db, brandId);

/**
 * Tier, skills, suspension. A tier change or suspension re-renders every task of the brand for
 * this advocate on its next sync (now-forbidden ones arrive as revokes, redaction follows the
 * new tier) and reopens claims the advocate may no longer hold.
 */
export async function patchAdvocate(
  ctx: StoreContext,
  brandId: string,
  advocateId: string,
  patch: AdvocatePatch,
  now: number,
): Promise<AdminAdvocate> {
  const [before] = await adminAdvocateRow(ctx.db, brandId, advocateId);
  if (!before) throw new ApiFailure('not_found', 'no such advocate in this brand');
  const tier = patch.tier ?? before.tier;
  const suspended = patch.suspended ?? before.suspended;
  await write(ctx, now, async (trx, changes) => {
    await trx
      .updateTable('memberships')
      .set({
        tier,
        suspended: suspended ? 1 : 0,
        ...(patch.skills ? { skills: json(patch.skills) } : {}),
      })
      .where('brand_id', '=', brandId)
      .where('advocate_id', '=', advocateId)
      .execute();
    await changes.add(brandId, 'membership', brandId, advocateId);
    if (tier === before.tier && suspended === before.suspended) return;
    let held = trx
      .selectFrom('tasks')
      .select('id')
      .where('brand_id', '=', brandId)
      .where('status', '=', 'claimed')
      .where('holder_id', '=', advocateId);
    if (!suspended) held = held.where('min_tier', '>', tier);
    for (const t of await held.execute()) {
      await trx
        .updateTable('tasks')
        .set({ status: 'open', holder_id: null, lease_expires_at: null, updated_at: now })
        .where('id', '=', t.id)
        .execute();
      await changes.add(brandId, 'task', t.id);
    }
    await changes.addAllTasksFor(brandId, advocateId);
  });
  const [after] = await adminAdvocateRow(ctx.db, brandId, advocateId);
  return after!;
}

export async function revokeAdvocateTokens(
  ctx: StoreContext,
  brandId: string,
  advocateId: string,
  now: number,
) {
  const [member] = await adminAdvocateRow(ctx.db, brandId, advocateId);
  if (!member) throw new ApiFailure('not_found', 'no such advocate in this brand');
  const r = await ctx.db
    .updateTable('tokens')
    .set({ revoked_at: now })
    .where('advocate_id', '=', advocateId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return { revoked: Number(r.numUpdatedRows) };
}

export async function membershipsOf(db: StoreContext['db'], advocateId: string) {
  return db.selectFrom('memberships').selectAll().where('advocate_id', '=', advocateId).execute();
}
