import type { PayoutRules } from '../../shared/domain/payout';
import { ApiFailure } from '../errors';
import { parseJson, type StoreContext } from './context';

export interface JsonChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** Leaf-by-leaf differences between two JSON values, paths dotted (`ratingBonus.5`). */
export function jsonDiff(before: unknown, after: unknown, path = ''): JsonChange[] {
  const isObj = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => jsonDiff(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path: path || '(rules)', before: before ?? null, after: after ?? null }];
}

export async function listRuleVersions(ctx: StoreContext, brandId: string) {
  const rows = await ctx.db
    .selectFrom('payout_rules')
    .select(['version', 'effective_at'])
    .where('brand_id', '=', brandId)
    .orderBy('version', 'desc')
    .execute();
  return { versions: rows.map((r) => ({ version: r.version, effectiveAt: r.effective_at })) };
}

export async function diffRuleVersions(
  ctx: StoreContext,
  brandId: string,
  from: number,
  to: number,
) {
  const rows = await ctx.db
    .selectFrom('payout_rules')
    .select(['version', 'rules'])
    .where('brand_id', '=', brandId)
    .where('version', 'in', [from, to])
    .execute();
  const rulesOf = (v: number) => {
    const r = rows.find((x) => x.version === v);
    if (!r) throw new ApiFailure('not_found', `no payout rules version ${v} in this brand`);
    return parseJson<PayoutRules>(r.rules);
  };
  return { from, to, changes: jsonDiff(rulesOf(from), rulesOf(to)) };
}
