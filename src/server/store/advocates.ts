import type { Selectable } from 'kysely';
import type {
  AdminAdvocate,
  AdvocatePatch,
  AdvocateView,
  EnrolledBrand,
  InviteRequest,
  InviteResponse,
  MeResponse,
  RedeemResponse,
} from '../../shared/protocol';
import { ApiFailure } from '../errors';
import { type ChangeWriter, json, parseJson, type StoreContext, type Trx, write } from './context';
import type { AdvocateTable } from './schema';
import { addAllCustomerDataFor } from './customers';
import { insertIdentity } from './handles';
import { hashInviteCode, hashSecret, newId, newInviteCode } from './secrets';
import {
  type AdvocateAuth,
  advocateForToken,
  grant,
  issueToken,
  revokeBrandAccess,
} from './tokens';
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
  await addAllCustomerDataFor(trx, changes, brandId, advocateId);
}

/**
 * An invite is a membership *offer* of this brand. The person it names is this brand's member
 * with that address if there is one, else a new identity that belongs to this brand alone:
 * an invite never points at an identity enrolled elsewhere, and whatever redeems it gets a token
 * for this brand only (see `redeem`, `accept`).
 */
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
    const memberId = async () =>
      (
        await trx
          .selectFrom('memberships')
          .select('advocate_id')
          .where('brand_id', '=', brandId)
          .where('email', '=', email)
          .executeTakeFirst()
      )?.advocate_id;
    let id = await memberId();
    if (!id) {
      const fresh = newId();
      await insertIdentity(trx, {
        id: fresh,
        name: req.name ?? nameFromEmail(email),
        created_at: now,
      });
      const joined = await trx
        .insertInto('memberships')
        .values({
          brand_id: brandId,
          advocate_id: fresh,
          email,
          tier: req.tier,
          skills: json(req.skills),
          languages: json(req.languages ?? []),
          suspended: 0,
          joined_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('advocate_id')
        .executeTakeFirst();
      if (joined) {
        id = fresh;
        await changes.add(brandId, 'membership', brandId, id);
      } else {
        // A concurrent invite of the same address won: offer its identity.
        await trx.deleteFrom('advocates').where('id', '=', fresh).execute();
        id = (await memberId())!;
      }
    }
    await trx
      .insertInto('invites')
      .values({
        code_hash: hashInviteCode(code),
        brand_id: brandId,
        advocate_id: id,
        expires_at: expiresAt,
        redeemed_at: null,
      })
      .execute();
    return id;
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

/** Marks the invite used; the conditional update lets exactly one of two racing uses through. */
async function takeInvite(trx: Trx, code: string, now: number) {
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
  return inv;
}

/**
 * A new device signs in with an invite: a token for the invite's identity that reaches the
 * inviting brand only, whatever else that identity may be enrolled in.
 */
export async function redeem(
  ctx: StoreContext,
  code: string,
  deviceName: string,
  now: number,
): Promise<RedeemResponse> {
  const { inv, issued } = await write(ctx, now, async (trx) => {
    const inv = await takeInvite(trx, code, now);
    const issued = await issueToken(trx, inv.advocate_id, deviceName, [inv.brand_id], now);
    return { inv, issued };
  });
  return { ...issued, ...(await meOf(ctx, inv.advocate_id, [inv.brand_id])) };
}

/**
 * A device already signed in accepts an invite: the offered membership joins the token's own
 * identity, and this token (not the identity's other devices) gains the brand. The invite's
 * identity must be one nobody ever signed in as; it is folded into the accepting one.
 */
export async function accept(
  ctx: StoreContext,
  auth: AdvocateAuth,
  token: string,
  code: string,
  now: number,
): Promise<MeResponse> {
  await write(ctx, now, async (trx, changes) => {
    const inv = await takeInvite(trx, code, now);
    const brandId = inv.brand_id;
    const offered = inv.advocate_id;
    changes.invalidate(auth.id, offered);
    if (offered !== auth.id) {
      const signedIn = await trx
        .selectFrom('tokens')
        .select('token_hash')
        .where('advocate_id', '=', offered)
        .executeTakeFirst();
      if (signedIn)
        throw new ApiFailure(
          'conflict',
          'this invite is for an advocate who already signed in on another device; redeem it there',
        );
      const already = await trx
        .selectFrom('memberships')
        .select('advocate_id')
        .where('brand_id', '=', brandId)
        .where('advocate_id', '=', auth.id)
        .executeTakeFirst();
      if (already) {
        await trx
          .deleteFrom('memberships')
          .where('brand_id', '=', brandId)
          .where('advocate_id', '=', offered)
          .execute();
      } else {
        await trx
          .updateTable('memberships')
          .set({ advocate_id: auth.id })
          .where('brand_id', '=', brandId)
          .where('advocate_id', '=', offered)
          .execute();
        await changes.add(brandId, 'membership', brandId, auth.id);
        await backfill(trx, changes, brandId, auth.id);
      }
      await trx
        .updateTable('invites')
        .set({ advocate_id: auth.id })
        .where('advocate_id', '=', offered)
        .execute();
      await trx
        .updateTable('tasks')
        .set({ offered_to: auth.id })
        .where('offered_to', '=', offered)
        .execute();
      await trx
        .updateTable('advocates')
        .set({ merged_into: auth.id })
        .where('id', '=', offered)
        .execute();
    }
    await grant(trx, hashSecret(token), brandId);
  });
  const fresh = (await advocateForToken(ctx, token, now))!;
  return meOf(ctx, auth.id, fresh.brandIds);
}

/** The identity and the brands this token reaches. */
export async function meOf(ctx: StoreContext, advocateId: string, brandIds: string[]) {
  const a = await ctx.db
    .selectFrom('advocates')
    .selectAll()
    .where('id', '=', advocateId)
    .executeTakeFirstOrThrow();
  const brands = (await enrolledBrands(ctx.db, advocateId)).filter((b) => brandIds.includes(b.id));
  return { advocate: advocateView(a), brands };
}

/** The member `advocateId` names in this brand: an identity, or one since folded into another. */
async function memberIdOf(db: StoreContext['db'], advocateId: string) {
  const a = await db
    .selectFrom('advocates')
    .select(['id', 'merged_into'])
    .where('id', '=', advocateId)
    .executeTakeFirst();
  return a?.merged_into ?? a?.id ?? advocateId;
}

export async function adminAdvocateRow(
  db: StoreContext['db'],
  brandId: string,
  advocateId?: string,
) {
  let q = db
    .selectFrom('memberships')
    .innerJoin('advocates', 'advocates.id', 'memberships.advocate_id')
    .selectAll('advocates')
    .select([
      'memberships.tier',
      'memberships.skills',
      'memberships.suspended',
      'memberships.joined_at',
      'memberships.languages',
      'memberships.email as member_email',
    ])
    .where('memberships.brand_id', '=', brandId);
  if (advocateId) q = q.where('advocates.id', '=', advocateId);
  const rows = await q.orderBy('advocates.name').execute();
  return rows.map((r): AdminAdvocate => ({
    id: r.id,
    name: r.name,
    handle: r.handle,
    email: r.member_email ?? r.email,
    tier: r.tier,
    skills: parseJson<string[]>(r.skills),
    suspended: r.suspended === 1,
    languages: parseJson<string[]>(r.languages),
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
  advocateId = await memberIdOf(ctx.db, advocateId);
  const [before] = await adminAdvocateRow(ctx.db, brandId, advocateId);
  if (!before) throw new ApiFailure('not_found', 'no such advocate in this brand');
  await write(ctx, now, (trx, changes) =>
    applyMemberPatch(trx, changes, brandId, before, patch, now),
  );
  const [after] = await adminAdvocateRow(ctx.db, brandId, advocateId);
  return after!;
}

/**
 * Writes a member's new tier, suspension, skills or languages inside the caller's transaction
 * (a promotion decision writes its own row in the same one) and purges what the change forbids.
 */
export async function applyMemberPatch(
  trx: Trx,
  changes: ChangeWriter,
  brandId: string,
  before: AdminAdvocate,
  patch: AdvocatePatch,
  now: number,
) {
  const advocateId = before.id;
  const tier = patch.tier ?? before.tier;
  const suspended = patch.suspended ?? before.suspended;
  await trx
    .updateTable('memberships')
    .set({
      tier,
      suspended: suspended ? 1 : 0,
      ...(patch.skills ? { skills: json(patch.skills) } : {}),
      ...(patch.languages ? { languages: json(patch.languages) } : {}),
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
  await addAllCustomerDataFor(trx, changes, brandId, advocateId);
}

/** Cuts this advocate's devices off from this brand only (see `revokeBrandAccess`). */
export async function revokeAdvocateTokens(
  ctx: StoreContext,
  brandId: string,
  advocateId: string,
  now: number,
) {
  advocateId = await memberIdOf(ctx.db, advocateId);
  const [member] = await adminAdvocateRow(ctx.db, brandId, advocateId);
  if (!member) throw new ApiFailure('not_found', 'no such advocate in this brand');
  return revokeBrandAccess(ctx, brandId, advocateId, now);
}

export async function membershipsOf(db: StoreContext['db'], advocateId: string) {
  return db.selectFrom('memberships').selectAll().where('advocate_id', '=', advocateId).execute();
}
