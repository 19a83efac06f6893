/**
 * Follow-ups (issue 16): a customer who writes again on a resolved case within the brand's reopen
 * window reopens it. It is offered first, for the brand's follow-up minutes, to the advocate who
 * resolved it when they are connected (a live event stream) and outside their quiet hours and may
 * still work it; otherwise it goes to the pool, with its whole thread. A fee, when the brand set
 * one, is a new `reopen_fee` ledger entry with its arithmetic; the case entry is never edited.
 */
import { applyBasisPoints } from '../../shared/domain/money';
import type { ReopenCounts, ReopenSettings } from '../../shared/protocol';
import { type ChangeWriter, type StoreContext, type Trx, write } from './context';
import { caseChanged } from './customerCases';
import { appendEntry, casePaid } from './ledger';
import { reachable } from './presence';
import { newId } from './secrets';
import type { TaskRow } from './views';

/** A stream unrefreshed for this long no longer counts as connected (3 default heartbeats). */
export const PRESENCE_STALE_MS = 45_000;

interface FollowUp {
  /** The pushed thread's customer messages. */
  customerMessageTimes: number[];
}

/** Whether this push carries a customer message written after the case was resolved, in time. */
export function isFollowUp(
  task: Pick<TaskRow, 'status' | 'resolved_at'>,
  push: FollowUp,
  windowHours: number,
  now: number,
): boolean {
  if (task.status !== 'resolved' || task.resolved_at === null || windowHours <= 0) return false;
  if (now - task.resolved_at > windowHours * 3_600_000) return false;
  return push.customerMessageTimes.some((t) => t > task.resolved_at!);
}

/**
 * Reopens `task` (resolved; its feed thread already replaced by the push). Returns who it was
 * offered to, or null for the pool.
 */
export async function reopenForFollowUp(
  trx: Trx,
  changes: ChangeWriter,
  task: TaskRow,
  now: number,
): Promise<string | null> {
  const brand = await trx
    .selectFrom('brands')
    .select(['follow_up_offer_minutes', 'reopen_fee_bps', 'reopen_window_hours'])
    .where('id', '=', task.brand_id)
    .executeTakeFirstOrThrow();
  const resolver = task.holder_id;
  let offeredTo: string | null = null;
  if (resolver) {
    const member = await trx
      .selectFrom('memberships')
      .select(['tier', 'suspended'])
      .where('brand_id', '=', task.brand_id)
      .where('advocate_id', '=', resolver)
      .executeTakeFirst();
    const mayWork = member && !member.suspended && member.tier >= task.min_tier;
    if (mayWork && (await reachable(trx, resolver, now, PRESENCE_STALE_MS))) offeredTo = resolver;
  }
  const done = await trx
    .updateTable('tasks')
    .set({
      status: 'open',
      holder_id: null,
      lease_expires_at: null,
      offered_to: offeredTo,
      offer_expires_at: offeredTo ? now + brand.follow_up_offer_minutes * 60_000 : null,
      updated_at: now,
    })
    .where('id', '=', task.id)
    .where('status', '=', 'resolved')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) return null;
  if (resolver) {
    await trx
      .insertInto('reopens')
      .values({
        id: newId(),
        brand_id: task.brand_id,
        task_id: task.id,
        advocate_id: resolver,
        offered_to: offeredTo,
        reopened_at: now,
      })
      .execute();
    await chargeReopenFee(trx, changes, task, brand.reopen_fee_bps, brand.reopen_window_hours, now);
  }
  await changes.add(task.brand_id, 'task', task.id);
  await caseChanged(trx, changes, task.id);
  return offeredTo;
}

/** The fee as its own entry, once per case, against the case entry it is a share of. */
async function chargeReopenFee(
  trx: Trx,
  changes: ChangeWriter,
  task: TaskRow,
  bps: number,
  windowHours: number,
  now: number,
) {
  if (bps <= 0) return;
  const paid = await casePaid(trx, task.id);
  if (!paid || paid.amount_minor <= 0) return;
  const already = await trx
    .selectFrom('ledger')
    .select('id')
    .where('task_id', '=', task.id)
    .where('kind', '=', 'reopen_fee')
    .executeTakeFirst();
  if (already) return;
  const fee = applyBasisPoints(paid.amount_minor, bps);
  if (fee === 0) return;
  await appendEntry(
    trx,
    changes,
    {
      brandId: task.brand_id,
      taskId: task.id,
      advocateId: paid.advocate_id,
      kind: 'reopen_fee',
      outcome: null,
      currency: paid.currency,
      ruleVersion: paid.rule_version,
      lines: [
        {
          kind: 'reopen_fee',
          label: `Reopened by the customer within ${windowHours} h: ${bps / 100}% of the case payout ${paid.amount_minor}`,
          amountMinor: -fee,
          factorBps: bps,
        },
      ],
      amountMinor: -fee,
    },
    now,
  );
}

export async function getReopenSettings(
  ctx: StoreContext,
  brandId: string,
): Promise<ReopenSettings> {
  const b = await ctx.db
    .selectFrom('brands')
    .select(['reopen_window_hours', 'follow_up_offer_minutes', 'reopen_fee_bps'])
    .where('id', '=', brandId)
    .executeTakeFirstOrThrow();
  return {
    reopenWindowHours: b.reopen_window_hours,
    followUpOfferMinutes: b.follow_up_offer_minutes,
    reopenFeeBps: b.reopen_fee_bps,
  };
}

export async function setReopenSettings(
  ctx: StoreContext,
  brandId: string,
  s: ReopenSettings,
  now: number,
): Promise<ReopenSettings> {
  await write(ctx, now, async (trx) => {
    await trx
      .updateTable('brands')
      .set({
        reopen_window_hours: s.reopenWindowHours,
        follow_up_offer_minutes: s.followUpOfferMinutes,
        reopen_fee_bps: s.reopenFeeBps,
      })
      .where('id', '=', brandId)
      .execute();
  });
  return getReopenSettings(ctx, brandId);
}

/** Reopens per brand and per advocate who had resolved the case. */
export async function reopenCounts(ctx: StoreContext, brandId: string): Promise<ReopenCounts> {
  const rows = await ctx.db
    .selectFrom('reopens')
    .innerJoin('advocates', 'advocates.id', 'reopens.advocate_id')
    .select(['reopens.advocate_id', 'advocates.handle', (eb) => eb.fn.countAll().as('n')])
    .where('reopens.brand_id', '=', brandId)
    .groupBy(['reopens.advocate_id', 'advocates.handle'])
    .orderBy('reopens.advocate_id')
    .execute();
  const byAdvocate = rows.map((r) => ({
    advocateId: r.advocate_id,
    handle: r.handle,
    reopens: Number(r.n),
  }));
  return { total: byAdvocate.reduce((a, r) => a + r.reopens, 0), byAdvocate };
}
