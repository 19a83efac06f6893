import { sql } from 'kysely';
import {
  computeCasePayout,
  type PayoutOutcome,
  type PayoutRules,
  ratingBonusMinor,
} from '../../shared/domain/payout';
import type {
  ApiIssue,
  Escalation,
  Outcome,
  RatingPush,
  RatingsResponse,
} from '../../shared/protocol';
import { ApiFailure } from '../errors';
import { type ChangeWriter, json, type StoreContext, type Trx, write } from './context';
import { brandRow, currentRules } from './brands';
import { caseChanged } from './customerCases';
import { newId } from './secrets';

export interface EntryInput {
  brandId: string;
  taskId: string;
  advocateId: string;
  kind: 'case' | 'rating_bonus' | 'tip' | 'reopen_fee';
  outcome: PayoutOutcome | null;
  currency: string;
  ruleVersion: number;
  lines: { kind: string; label: string; amountMinor: number; factorBps?: number }[];
  amountMinor: number;
}

/** Append-only: entries are inserted, never updated or deleted. */
export async function appendEntry(trx: Trx, changes: ChangeWriter, e: EntryInput, now: number) {
  const id = newId();
  await trx
    .insertInto('ledger')
    .values({
      id,
      brand_id: e.brandId,
      task_id: e.taskId,
      advocate_id: e.advocateId,
      kind: e.kind,
      outcome: e.outcome,
      amount_minor: e.amountMinor,
      currency: e.currency,
      status: 'pending',
      rule_version: e.ruleVersion,
      lines: json(e.lines),
      occurred_at: now,
    })
    .execute();
  await changes.add(e.brandId, 'ledger', id, e.advocateId);
}

type CaseTask = {
  id: string;
  brand_id: string;
  complexity: number;
  ageing_bonus_minor?: number | null;
};

/** The case entry closing `task` earns under the brand's rules (both action write paths). */
export function caseEntryOf(
  task: CaseTask,
  advocateId: string,
  outcome: PayoutOutcome,
  rules: { version: number; rules: PayoutRules },
): EntryInput {
  const pay = computeCasePayout(rules.rules, rules.version, {
    complexity: task.complexity,
    outcome,
    ageingBonusMinor: task.ageing_bonus_minor,
  });
  return {
    brandId: task.brand_id,
    taskId: task.id,
    advocateId,
    kind: 'case',
    outcome,
    currency: pay.currency,
    ruleVersion: rules.version,
    lines: pay.lines,
    amountMinor: pay.totalMinor,
  };
}

/** The case entry for a resolve / escalate, from the brand's current rules. */
export async function writeCaseEntry(
  trx: Trx,
  changes: ChangeWriter,
  task: CaseTask,
  advocateId: string,
  outcome: PayoutOutcome,
  now: number,
): Promise<void> {
  const rules = await currentRules(trx, task.brand_id);
  // A brand without payout rules pays nothing yet; the outcome still counts.
  if (!rules) return;
  // A case pays once: closing it again after the customer reopened it pays nothing more.
  if (await casePaid(trx, task.id)) return;
  await appendEntry(trx, changes, caseEntryOf(task, advocateId, outcome, rules), now);
}

/**
 * `writeCaseEntry` inside one statement (actionStatement.ts): the CTE `led` appends `e` for the
 * task the CTE `upd` changed, and returns the entry's change-row fields. A case pays once: the
 * unique index `ledger_once` (migration 2, the same rows `casePaid` finds) makes a case already
 * paid, or paid by a concurrent statement, insert nothing.
 */
export const caseEntryCte = (e: EntryInput, now: number) =>
  sql`led as (insert into ledger (id, brand_id, task_id, advocate_id, kind, outcome,
      amount_minor, currency, status, rule_version, lines, occurred_at)
    select ${newId()}, upd.brand_id, upd.id, ${e.advocateId}::text, ${e.kind}::text,
      ${e.outcome}::text, ${e.amountMinor}::bigint, ${e.currency}::text, 'pending',
      ${e.ruleVersion}::integer, ${json(e.lines)}::text, ${now}::bigint
    from upd on conflict do nothing returning id, brand_id, advocate_id)`;

/** The case entry already written for this task, if any. */
export const casePaid = (trx: Trx, taskId: string) =>
  trx
    .selectFrom('ledger')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('kind', '=', 'case')
    .where((eb) => eb(eb.fn.coalesce('outcome', eb.val('')), '<>', 'transferred'))
    .executeTakeFirst();

type ParsedRating = RatingPush & { score: number };

const sameRating = (
  r: { score: number; comment: string | null; tip_minor: number | null },
  item: ParsedRating,
) =>
  r.score === item.score &&
  r.comment === (item.comment ?? null) &&
  (r.tip_minor ?? 0) === (item.tipMinor ?? 0);

/**
 * Ratings (with optional tips) for resolved cases, all or nothing: the rating-bonus and tip
 * entries go to the advocate who resolved the case.
 */
export async function addRatings(
  ctx: StoreContext,
  brandId: string,
  items: ParsedRating[],
  now: number,
) {
  const brand = await brandRow(ctx.db, brandId);
  return write(ctx, now, async (trx, changes) => {
    const issues: ApiIssue[] = [];
    const seen = new Set<string>();
    const results: RatingsResponse['results'] = [];
    let prior: { score: number; comment: string | null; tip_minor: number | null } | undefined;
    const found: { item: ParsedRating; task: { id: string; holder_id: string | null } }[] = [];
    for (const [index, item] of items.entries()) {
      let q = trx
        .selectFrom('tasks')
        .select(['id', 'status', 'holder_id'])
        .where('brand_id', '=', brandId);
      q = item.taskId
        ? q.where('id', '=', item.taskId)
        : q.where('external_ref', '=', item.externalRef!);
      const task = await q.executeTakeFirst();
      const path = item.taskId ? 'taskId' : 'externalRef';
      if (!task) issues.push({ index, path, message: 'no such task in this brand' });
      else if (task.status !== 'resolved' || !task.holder_id)
        issues.push({
          index,
          path,
          message: `only resolved cases can be rated; this one is ${task.status}`,
        });
      else if (seen.has(task.id)) {
        issues.push({ index, path, message: 'this case is rated twice in this batch' });
      } else if (
        (prior = await trx
          .selectFrom('ratings')
          .selectAll()
          .where('task_id', '=', task.id)
          .executeTakeFirst())
      ) {
        // Idempotent per case: the same rating again changes nothing; a different one is refused.
        if (sameRating(prior, item)) {
          seen.add(task.id);
          results.push({ index, taskId: task.id, result: 'unchanged' });
        } else issues.push({ index, path, message: 'this case is already rated' });
      } else {
        seen.add(task.id);
        found.push({ item, task });
        results.push({ index, taskId: task.id, result: 'rated' });
      }
    }
    if (issues.length > 0)
      throw new ApiFailure(
        'invalid_input',
        `${issues.length} item(s) rejected; nothing was applied`,
        issues,
      );
    const rules = await currentRules(trx, brandId);
    for (const { item, task } of found) {
      const advocateId = task.holder_id!;
      await trx
        .insertInto('ratings')
        .values({
          task_id: task.id,
          brand_id: brandId,
          advocate_id: advocateId,
          score: item.score,
          comment: item.comment ?? null,
          tip_minor: item.tipMinor ?? null,
          rated_at: item.ratedAt ?? now,
        })
        .execute();
      await changes.add(brandId, 'rating', task.id, advocateId);
      await caseChanged(trx, changes, task.id);
      const bonus = rules ? ratingBonusMinor(rules.rules, item.score) : 0;
      const base = {
        brandId,
        taskId: task.id,
        advocateId,
        outcome: null,
        currency: brand.currency,
        ruleVersion: rules?.version ?? 0,
      };
      if (bonus > 0) {
        const label = `Bonus for a ${item.score}-star rating`;
        await appendEntry(
          trx,
          changes,
          {
            ...base,
            kind: 'rating_bonus',
            amountMinor: bonus,
            lines: [{ kind: 'rating_bonus', label, amountMinor: bonus }],
          },
          now,
        );
      }
      if (item.tipMinor && item.tipMinor > 0) {
        const line = { kind: 'tip', label: 'Tip from the customer', amountMinor: item.tipMinor };
        await appendEntry(
          trx,
          changes,
          { ...base, kind: 'tip', amountMinor: item.tipMinor, lines: [line] },
          now,
        );
      }
    }
    return {
      rated: found.length,
      unchanged: results.length - found.length,
      results,
    } satisfies RatingsResponse;
  });
}

export async function listOutcomes(
  ctx: StoreContext,
  brandId: string,
  since: number | undefined,
  limit: number,
): Promise<Outcome[]> {
  let q = ctx.db
    .selectFrom('ledger')
    .innerJoin('tasks', 'tasks.id', 'ledger.task_id')
    .leftJoin('ratings', 'ratings.task_id', 'ledger.task_id')
    .select([
      'ledger.task_id',
      'tasks.external_ref',
      'tasks.subject',
      'tasks.status',
      'ledger.outcome',
      'ledger.advocate_id',
      'ledger.occurred_at',
      'ledger.amount_minor',
      'ledger.currency',
      'ratings.score',
    ])
    .where('ledger.brand_id', '=', brandId)
    .where('ledger.kind', '=', 'case');
  if (since !== undefined) q = q.where('ledger.occurred_at', '>=', since);
  const rows = await q.orderBy('ledger.occurred_at', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    taskId: r.task_id,
    externalRef: r.external_ref,
    subject: r.subject,
    status: r.status as Outcome['status'],
    outcome: r.outcome as Outcome['outcome'],
    advocateId: r.advocate_id,
    occurredAt: r.occurred_at,
    payoutMinor: r.amount_minor,
    currency: r.currency,
    rating: r.score ?? null,
  }));
}

/** The brand's escalation queue: escalated tasks with the advocate's handoff note, oldest first. */
export async function listEscalations(ctx: StoreContext, brandId: string): Promise<Escalation[]> {
  const rows = await ctx.db
    .selectFrom('escalations')
    .innerJoin('tasks', 'tasks.id', 'escalations.task_id')
    .select([
      'escalations.task_id',
      'tasks.external_ref',
      'tasks.subject',
      'tasks.customer_name',
      'escalations.target',
      'escalations.handoff_note',
      'escalations.advocate_id',
      'escalations.escalated_at',
    ])
    .where('escalations.brand_id', '=', brandId)
    .where('tasks.status', '=', 'escalated')
    .orderBy('escalations.escalated_at')
    .execute();
  return rows.map((r) => ({
    taskId: r.task_id,
    externalRef: r.external_ref,
    subject: r.subject,
    customerName: r.customer_name,
    target: r.target as Escalation['target'],
    handoffNote: r.handoff_note,
    advocateId: r.advocate_id,
    escalatedAt: r.escalated_at,
  }));
}
