import { brandRow } from './brands';
import type { StoreContext } from './context';
import { requireMember } from './memberGuard';

/** One advocate's figures in this brand: cases by outcome, ratings, CSAT mean, money earned. */
export async function advocateFigures(ctx: StoreContext, brandId: string, advocateId: string) {
  await requireMember(ctx.db, brandId, advocateId);
  const brand = await brandRow(ctx.db, brandId);
  const entries = await ctx.db
    .selectFrom('ledger')
    .select(['kind', 'outcome', 'amount_minor'])
    .where('brand_id', '=', brandId)
    .where('advocate_id', '=', advocateId)
    .execute();
  const ratings = await ctx.db
    .selectFrom('ratings')
    .select('score')
    .where('brand_id', '=', brandId)
    .where('advocate_id', '=', advocateId)
    .execute();
  const cases = (outcome: string) =>
    entries.filter((e) => e.kind === 'case' && e.outcome === outcome).length;
  return {
    advocateId,
    resolved: cases('resolved'),
    escalated: cases('escalated'),
    transferred: cases('transferred'),
    ratings: ratings.length,
    csatMean: ratings.length ? ratings.reduce((s, r) => s + r.score, 0) / ratings.length : null,
    earnedMinor: entries.reduce((s, e) => s + e.amount_minor, 0),
    currency: brand.currency,
  };
}
