import { sql } from 'kysely';
import type { PayoutRules } from '../../shared/domain/payout';
import type { AdminBrand, BrandView, PayoutRulesResponse } from '../../shared/protocol';
import { ApiFailure } from '../errors';
import { json, parseJson, type StoreContext, type Trx, write } from './context';
import { addAdminKey } from './adminKeys';
import { fingerprint, newId } from './secrets';
import { brandView } from './views';

export const DEFAULT_LEASE_MINUTES = 30;

export interface CreateBrandInput {
  name: string;
  currency: string;
  leaseMinutes?: number;
}

export async function createBrand(ctx: StoreContext, input: CreateBrandInput, now: number) {
  if (!/^[A-Z]{3}$/.test(input.currency))
    throw new ApiFailure('invalid_input', 'currency: expected an ISO-4217 code such as EUR');
  const row = {
    id: newId(),
    name: input.name.trim(),
    currency: input.currency,
    lease_minutes: input.leaseMinutes ?? DEFAULT_LEASE_MINUTES,
    admin_key_hash: `unused:${newId()}`,
    created_at: now,
  };
  if (!row.name) throw new ApiFailure('invalid_input', 'name: must not be empty');
  const adminKey = await write(ctx, now, async (trx, changes) => {
    await trx.insertInto('brands').values(row).execute();
    await changes.add(row.id, 'brand', row.id);
    return addAdminKey(trx, row.id, now);
  });
  return { brand: brandView(row), adminKey };
}

export async function findBrandByName(ctx: StoreContext, name: string) {
  return ctx.db.selectFrom('brands').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function brandRow(db: StoreContext['db'] | Trx, brandId: string) {
  const b = await db.selectFrom('brands').selectAll().where('id', '=', brandId).executeTakeFirst();
  if (!b) throw new ApiFailure('not_found', 'no such brand');
  return b;
}

export async function currentRules(
  db: StoreContext['db'] | Trx,
  brandId: string,
): Promise<{ version: number; rules: PayoutRules; effectiveAt: number } | null> {
  const r = await db
    .selectFrom('payout_rules')
    .selectAll()
    .where('brand_id', '=', brandId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r
    ? { version: r.version, rules: parseJson<PayoutRules>(r.rules), effectiveAt: r.effective_at }
    : null;
}

export async function getAdminBrand(ctx: StoreContext, brandId: string): Promise<AdminBrand> {
  const b = await brandRow(ctx.db, brandId);
  const rules = await currentRules(ctx.db, brandId);
  return { ...brandView(b), payoutRulesVersion: rules?.version ?? 0 };
}

export async function patchBrand(
  ctx: StoreContext,
  brandId: string,
  patch: { name?: string | undefined; leaseMinutes?: number | undefined },
  now: number,
): Promise<BrandView> {
  await write(ctx, now, async (trx, changes) => {
    await trx
      .updateTable('brands')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.leaseMinutes !== undefined ? { lease_minutes: patch.leaseMinutes } : {}),
      })
      .where('id', '=', brandId)
      .execute();
    await changes.add(brandId, 'brand', brandId);
  });
  return brandView(await brandRow(ctx.db, brandId));
}

/**
 * Versioned: each change adds version n+1; earlier versions stay for the ledger's references.
 * Rules identical to the current version change nothing (no new version).
 */
export async function setPayoutRules(
  ctx: StoreContext,
  brandId: string,
  rules: PayoutRules,
  now: number,
): Promise<PayoutRulesResponse> {
  const brand = await brandRow(ctx.db, brandId);
  if (rules.currency !== brand.currency) {
    throw new ApiFailure(
      'invalid_input',
      `currency: must be the brand's currency ${brand.currency}`,
      [{ path: 'currency', message: `must be the brand's currency ${brand.currency}` }],
    );
  }
  const current = await currentRules(ctx.db, brandId);
  if (current && fingerprint(current.rules) === fingerprint(rules)) return current;
  return write(ctx, now, async (trx, changes) => {
    const row = await trx
      .selectFrom('payout_rules')
      .select(sql<number>`coalesce(max(version), 0)`.as('v'))
      .where('brand_id', '=', brandId)
      .executeTakeFirst();
    const version = (row?.v ?? 0) + 1;
    await trx
      .insertInto('payout_rules')
      .values({ brand_id: brandId, version, rules: json(rules), effective_at: now })
      .execute();
    await changes.add(brandId, 'payout_rules', String(version));
    return { version, rules, effectiveAt: now };
  });
}

export async function getPayoutRules(
  ctx: StoreContext,
  brandId: string,
): Promise<PayoutRulesResponse> {
  const r = await currentRules(ctx.db, brandId);
  return r ?? { version: 0, rules: null, effectiveAt: null };
}
