/**
 * The tier ladder on the server (issue 20): the brand's rungs, each advocate's history as the
 * ladder reads it, the advocate's standing, promotion suggestions and decisions. Approving a
 * move changes the tier through `applyMemberPatch`, which re-sends and purges what the new tier
 * may no longer see (the same path as an admin's tier change).
 */
import {
  type AdvocateHistory,
  type CriterionProgress,
  type LadderRung,
  ladderMove,
  ladderStanding,
  rungProgress,
} from '../../shared/domain/ladder';
import type {
  LadderResponse,
  PromotionDecisionView,
  PromotionsResponse,
  PromotionSuggestion,
  TierLadder,
} from '../../shared/trustProtocol';
import { ApiFailure } from '../errors';
import { adminAdvocateRow, applyMemberPatch } from './advocates';
import { json, parseJson, type StoreContext, type Trx, write } from './context';
import { newId } from './secrets';
import { requireMember } from './memberGuard';

type Db = StoreContext['db'];

/** A decline hides the same suggestion for this long (the evidence rarely changes sooner). */
export const DECLINE_QUIET_MS = 7 * 86_400_000;
const MAX_WINDOW = 1000;

const toRung = (r: TierLadder['rungs'][number]): LadderRung => ({
  tier: r.tier,
  minResolved: r.minResolved,
  minRatingTenths: r.minRating === undefined ? null : Math.round(r.minRating * 10),
  ratingWindow: r.ratingWindow,
  maxReopenRateBps:
    r.maxReopenRatePercent === undefined ? null : Math.round(r.maxReopenRatePercent * 100),
  certifications: r.certifications,
  minTenureDays: r.minTenureDays,
  unlocks: r.unlocks,
});

const fromRung = (r: LadderRung): TierLadder['rungs'][number] => ({
  tier: r.tier,
  minResolved: r.minResolved,
  ...(r.minRatingTenths === null ? {} : { minRating: r.minRatingTenths / 10 }),
  ratingWindow: r.ratingWindow,
  ...(r.maxReopenRateBps === null ? {} : { maxReopenRatePercent: r.maxReopenRateBps / 100 }),
  certifications: r.certifications,
  minTenureDays: r.minTenureDays,
  unlocks: r.unlocks,
});

async function rungsOf(db: Db, brandId: string): Promise<LadderRung[]> {
  const row = await db
    .selectFrom('tier_ladders')
    .select('rungs')
    .where('brand_id', '=', brandId)
    .executeTakeFirst();
  return row ? parseJson<LadderRung[]>(row.rungs) : [];
}

export async function getLadder(ctx: StoreContext, brandId: string): Promise<TierLadder> {
  return { rungs: (await rungsOf(ctx.db, brandId)).map(fromRung) };
}

export async function setLadder(
  ctx: StoreContext,
  brandId: string,
  ladder: TierLadder,
  now: number,
): Promise<TierLadder> {
  const rungs = json(ladder.rungs.map(toRung).sort((a, b) => a.tier - b.tier));
  // The same ladder again writes nothing (its time stays that of the last real change).
  if (json(await rungsOf(ctx.db, brandId)) === rungs) return getLadder(ctx, brandId);
  await ctx.db
    .insertInto('tier_ladders')
    .values({ brand_id: brandId, rungs, updated_at: now })
    .onConflict((oc) => oc.column('brand_id').doUpdateSet({ rungs, updated_at: now }))
    .execute();
  return getLadder(ctx, brandId);
}

/** Each member's history in this brand, as the ladder reads it (resolved, reopened, ratings…). */
export async function historiesOf(
  db: Db,
  brandId: string,
  advocateIds: string[],
): Promise<Map<string, AdvocateHistory>> {
  const out = new Map<string, AdvocateHistory>();
  if (advocateIds.length === 0) return out;
  const members = await db
    .selectFrom('memberships')
    .select(['advocate_id', 'joined_at'])
    .where('brand_id', '=', brandId)
    .where('advocate_id', 'in', advocateIds)
    .execute();
  for (const m of members)
    out.set(m.advocate_id, {
      joinedAt: Number(m.joined_at),
      resolvedCount: 0,
      reopenedCount: 0,
      ratings: [],
      certifications: [],
    });
  // A resolution is counted from the ledger: a case entry is written once per case.
  const resolved = await db
    .selectFrom('ledger')
    .select(['advocate_id', (eb) => eb.fn.countAll().as('n')])
    .where('brand_id', '=', brandId)
    .where('kind', '=', 'case')
    .where('outcome', '=', 'resolved')
    .where('advocate_id', 'in', advocateIds)
    .groupBy('advocate_id')
    .execute();
  for (const r of resolved) out.get(r.advocate_id)!.resolvedCount = Number(r.n);
  const reopened = await db
    .selectFrom('reopens')
    .select(['advocate_id', (eb) => eb.fn.countAll().as('n')])
    .where('brand_id', '=', brandId)
    .where('advocate_id', 'in', advocateIds)
    .groupBy('advocate_id')
    .execute();
  for (const r of reopened) {
    const h = out.get(r.advocate_id);
    if (h) h.reopenedCount = Number(r.n);
  }
  const ratings = await db
    .selectFrom('ratings')
    .select(['advocate_id', 'score'])
    .where('brand_id', '=', brandId)
    .where('advocate_id', 'in', advocateIds)
    .orderBy('rated_at', 'desc')
    .orderBy('task_id')
    .execute();
  for (const r of ratings) {
    const h = out.get(r.advocate_id);
    if (h && h.ratings.length < MAX_WINDOW) h.ratings.push(Number(r.score));
  }
  const certs = await db
    .selectFrom('certifications')
    .select(['advocate_id', 'skill'])
    .where('brand_id', '=', brandId)
    .where('advocate_id', 'in', advocateIds)
    .orderBy('skill')
    .execute();
  for (const c of certs) out.get(c.advocate_id)?.certifications.push(c.skill);
  return out;
}

/** The advocate's standing in each brand its token reaches. */
export async function ladderFor(
  ctx: StoreContext,
  advocateId: string,
  brandIds: string[],
  now: number,
): Promise<LadderResponse> {
  const members = await ctx.db
    .selectFrom('memberships')
    .select(['brand_id', 'tier'])
    .where('advocate_id', '=', advocateId)
    .orderBy('brand_id')
    .execute();
  const brands: LadderResponse['brands'] = [];
  for (const m of members.filter((x) => brandIds.includes(x.brand_id))) {
    const history = (await historiesOf(ctx.db, m.brand_id, [advocateId])).get(advocateId)!;
    const rungs = await rungsOf(ctx.db, m.brand_id);
    brands.push({
      brandId: m.brand_id,
      ...ladderStanding(rungs, history, m.tier, now),
      evaluatedAt: now,
    });
  }
  return { brands };
}

const evidenceFor = (
  rungs: LadderRung[],
  h: AdvocateHistory,
  move: { kind: string; fromTier: number; toTier: number },
  now: number,
): CriterionProgress[] => {
  // A promotion is shown with the rung it reaches; a demotion with the rung it lost.
  const tier = move.kind === 'promote' ? move.toTier : move.toTier + 1;
  const rung = rungs.find((r) => r.tier === tier);
  return rung ? rungProgress(rung, h, now) : [];
};

const decisionView = (
  r: Awaited<ReturnType<typeof recentDecisions>>[number],
): PromotionDecisionView => ({
  id: r.id,
  advocateId: r.advocate_id,
  fromTier: r.from_tier,
  toTier: r.to_tier,
  decision: r.decision,
  evidence: parseJson<CriterionProgress[]>(r.evidence),
  decidedBy: r.decided_by,
  decidedAt: Number(r.decided_at),
});

function recentDecisions(db: Db, brandId: string, limit = 100) {
  return db
    .selectFrom('promotion_decisions')
    .selectAll()
    .where('brand_id', '=', brandId)
    .orderBy('decided_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The moves the ladder suggests for the brand's members (all, or one), with the evidence. */
async function movesOf(db: Db, brandId: string, now: number, advocateId?: string) {
  const rungs = await rungsOf(db, brandId);
  if (rungs.length === 0) return [];
  let q = db
    .selectFrom('memberships')
    .innerJoin('advocates', 'advocates.id', 'memberships.advocate_id')
    .select(['memberships.advocate_id', 'memberships.tier', 'advocates.handle'])
    .where('memberships.brand_id', '=', brandId)
    .where('memberships.suspended', '=', 0);
  if (advocateId) q = q.where('memberships.advocate_id', '=', advocateId);
  const members = await q.orderBy('memberships.advocate_id').execute();
  const histories = await historiesOf(
    db,
    brandId,
    members.map((m) => m.advocate_id),
  );
  const out: PromotionSuggestion[] = [];
  for (const m of members) {
    const h = histories.get(m.advocate_id)!;
    const move = ladderMove(rungs, h, m.tier, now);
    if (!move) continue;
    out.push({
      advocateId: m.advocate_id,
      handle: m.handle,
      ...move,
      evidence: evidenceFor(rungs, h, move, now),
    });
  }
  return out;
}

/** What the admin is shown: the moves, less those declined within the quiet period. */
async function suggestionsOf(ctx: StoreContext, brandId: string, now: number) {
  const declined = await ctx.db
    .selectFrom('promotion_decisions')
    .select(['advocate_id', 'from_tier', 'to_tier'])
    .where('brand_id', '=', brandId)
    .where('decision', '=', 'declined')
    .where('decided_at', '>', now - DECLINE_QUIET_MS)
    .execute();
  const quiet = new Set(declined.map((d) => `${d.advocate_id}:${d.from_tier}:${d.to_tier}`));
  return (await movesOf(ctx.db, brandId, now)).filter(
    (m) => !quiet.has(`${m.advocateId}:${m.fromTier}:${m.toTier}`),
  );
}

export async function promotions(
  ctx: StoreContext,
  brandId: string,
  now: number,
): Promise<PromotionsResponse> {
  return {
    suggestions: await suggestionsOf(ctx, brandId, now),
    decisions: (await recentDecisions(ctx.db, brandId)).map(decisionView),
  };
}

/**
 * Approves or declines the move the ladder suggests now for this advocate. `toTier` must name
 * that move: a suggestion that changed since the admin saw it answers `conflict`, changing
 * nothing. A move declined within the quiet period is decided once: deciding it again answers
 * `conflict`, unless an approval says `reconsider` (an admin changing their mind).
 *
 * Two admins deciding at once make one decision: the transaction first takes the membership
 * row's lock (PostgreSQL; SQLite runs write transactions one at a time), so the second reads
 * what the first committed — a changed tier, or the decline — and is refused.
 */
export async function decidePromotion(
  ctx: StoreContext,
  brandId: string,
  advocateId: string,
  request: { toTier: number; reconsider?: boolean },
  decision: 'approved' | 'declined',
  decidedBy: string,
  now: number,
): Promise<PromotionDecisionView> {
  await requireMember(ctx.db, brandId, advocateId);
  const { toTier } = request;
  return write(ctx, now, async (trx, changes) => {
    await trx
      .updateTable('memberships')
      .set((eb) => ({ tier: eb.ref('tier') }))
      .where('brand_id', '=', brandId)
      .where('advocate_id', '=', advocateId)
      .execute();
    const [suggestion] = await movesOf(trx, brandId, now, advocateId);
    if (!suggestion || suggestion.toTier !== toTier)
      throw new ApiFailure(
        'conflict',
        suggestion
          ? `the ladder now suggests tier ${suggestion.toTier} for this advocate, not ${toTier}`
          : 'the ladder suggests no tier change for this advocate now',
      );
    const declined = await trx
      .selectFrom('promotion_decisions')
      .select(['decided_by', 'decided_at'])
      .where('brand_id', '=', brandId)
      .where('advocate_id', '=', advocateId)
      .where('from_tier', '=', suggestion.fromTier)
      .where('to_tier', '=', toTier)
      .where('decision', '=', 'declined')
      .where('decided_at', '>', now - DECLINE_QUIET_MS)
      .orderBy('decided_at', 'desc')
      .executeTakeFirst();
    if (declined && !(decision === 'approved' && request.reconsider))
      throw new ApiFailure(
        'conflict',
        `${declined.decided_by} declined this move at ${new Date(Number(declined.decided_at)).toISOString()}` +
          (decision === 'approved' ? '; approve with "reconsider": true to change that' : ''),
      );
    if (decision === 'approved') {
      const [before] = await adminAdvocateRow(trx, brandId, advocateId);
      await applyMemberPatch(trx, changes, brandId, before!, { tier: toTier }, now);
    }
    const row = {
      id: newId(),
      brand_id: brandId,
      advocate_id: advocateId,
      from_tier: suggestion.fromTier,
      to_tier: toTier,
      decision,
      evidence: json(suggestion.evidence),
      decided_by: decidedBy,
      decided_at: now,
    };
    await trx.insertInto('promotion_decisions').values(row).execute();
    return decisionView(row);
  });
}

/** Grants a certified skill (a passed course, or an admin) as a ladder criterion. */
export async function certify(
  ctx: StoreContext,
  brandId: string,
  advocateId: string,
  skill: string,
  now: number,
): Promise<void> {
  await certifyIn(ctx.db, brandId, advocateId, skill, now);
}

/** `certify` inside the caller's transaction (a passed course grants it with the attempt). */
export async function certifyIn(
  db: Db | Trx,
  brandId: string,
  advocateId: string,
  skill: string,
  now: number,
): Promise<void> {
  await db
    .insertInto('certifications')
    .values({ brand_id: brandId, advocate_id: advocateId, skill, granted_at: now })
    .onConflict((oc) => oc.columns(['brand_id', 'advocate_id', 'skill']).doNothing())
    .execute();
}
