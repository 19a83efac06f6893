/**
 * The fallback ladder for unclaimed work (issue 20), run by the sweeper: per brand rules
 * (shared/domain/fallback.ts) widen an ageing task's pool to any skill, then add an ageing bonus
 * (paid once, as a line of the case entry: ledger.ts), then hand it to the contact centre with a
 * system hand-off note. Each step restates its condition in the UPDATE, so a claim that commits
 * first wins and several sweepers never apply a step twice.
 */
import { FALLBACK_STEP, type FallbackRules, fallbackStepAt } from '../../shared/domain/fallback';
import type { TimeToClaim } from '../../shared/trustProtocol';
import { caseClosed } from './customerCases';
import { json, parseJson, type StoreContext, write } from './context';
import { recordTaskEvent } from './taskEvents';

/** Who escalations and task events name when the platform, not an advocate, acted. */
export const SYSTEM_ACTOR = 'system';

export const DEFAULT_FALLBACK_RULES: FallbackRules = { ageingBonusMinor: 0 };

export async function getFallbackRules(ctx: StoreContext, brandId: string): Promise<FallbackRules> {
  const row = await ctx.db
    .selectFrom('fallback_rules')
    .select('rules')
    .where('brand_id', '=', brandId)
    .executeTakeFirst();
  return row ? parseJson<FallbackRules>(row.rules) : DEFAULT_FALLBACK_RULES;
}

export async function setFallbackRules(
  ctx: StoreContext,
  brandId: string,
  rules: FallbackRules,
  now: number,
): Promise<FallbackRules> {
  const text = json(rules);
  await ctx.db
    .insertInto('fallback_rules')
    .values({ brand_id: brandId, rules: text, updated_at: now })
    .onConflict((oc) => oc.column('brand_id').doUpdateSet({ rules: text, updated_at: now }))
    .execute();
  return rules;
}

const handoffNote = (rules: FallbackRules) =>
  `Unclaimed by the advocate pool at ${rules.escalateAtPercent}% of its SLA window: handed to the contact centre by the platform.`;

/** Applies every step an open, unreserved task with a due time has reached. */
export async function fallbackSweep(ctx: StoreContext, now: number): Promise<{ stepped: number }> {
  const ruleRows = await ctx.db.selectFrom('fallback_rules').selectAll().execute();
  const rulesOf = new Map(ruleRows.map((r) => [r.brand_id, parseJson<FallbackRules>(r.rules)]));
  if (rulesOf.size === 0) return { stepped: 0 };
  const candidates = await ctx.db
    .selectFrom('tasks')
    .select(['id', 'brand_id', 'created_at', 'sla_due_at', 'fallback_step'])
    .where('status', '=', 'open')
    .where('offered_to', 'is', null)
    .where('sla_due_at', 'is not', null)
    .where('fallback_step', '<', FALLBACK_STEP.escalated)
    .where('brand_id', 'in', [...rulesOf.keys()])
    .execute();
  const due = candidates
    .map((t) => ({
      ...t,
      rules: rulesOf.get(t.brand_id)!,
      step: fallbackStepAt(
        rulesOf.get(t.brand_id)!,
        { createdAt: Number(t.created_at), slaDueAt: Number(t.sla_due_at) },
        now,
      ),
    }))
    .filter((t) => t.step > t.fallback_step);
  if (due.length === 0) return { stepped: 0 };
  return write(ctx, now, async (trx, changes) => {
    let stepped = 0;
    for (const t of due) {
      const bonus = t.step >= FALLBACK_STEP.bonus && t.rules.ageingBonusMinor > 0;
      const escalate = t.step === FALLBACK_STEP.escalated;
      const r = await trx
        .updateTable('tasks')
        .set({
          fallback_step: t.step,
          // Widening routes the task to any skill; its own `skills` are left as they are.
          ...(t.rules.widenAtPercent !== undefined ? { pool_skills: json([]) } : {}),
          ...(bonus ? { ageing_bonus_minor: t.rules.ageingBonusMinor } : {}),
          ...(escalate ? { status: 'escalated' } : {}),
          updated_at: now,
        })
        .where('id', '=', t.id)
        .where('status', '=', 'open')
        .where('offered_to', 'is', null)
        .where('fallback_step', '=', t.fallback_step)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) continue;
      stepped++;
      if (escalate) {
        await trx
          .insertInto('escalations')
          .values({
            task_id: t.id,
            brand_id: t.brand_id,
            advocate_id: SYSTEM_ACTOR,
            target: 'contact_center',
            handoff_note: handoffNote(t.rules),
            escalated_at: now,
          })
          .onConflict((oc) => oc.column('task_id').doNothing())
          .execute();
        await recordTaskEvent(trx, t, SYSTEM_ACTOR, 'escalate', now);
        await caseClosed(trx, changes, t.id, now);
      }
      await changes.add(t.brand_id, 'task', t.id);
    }
    return { stepped };
  });
}

/**
 * How long tasks created in [from, to) waited for their first claim, and how many never were
 * claimed (still open, or handed to the contact centre by the fallback ladder).
 */
export async function timeToClaim(
  ctx: StoreContext,
  brandId: string,
  from: number,
  to: number,
): Promise<TimeToClaim> {
  const tasks = await ctx.db
    .selectFrom('tasks')
    .select(['id', 'created_at', 'fallback_step'])
    .where('brand_id', '=', brandId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
  const claims = await ctx.db
    .selectFrom('task_events')
    .select(['task_id', (eb) => eb.fn.min('at').as('first')])
    .where('brand_id', '=', brandId)
    .where('type', '=', 'claim')
    .where('at', '>=', from)
    .groupBy('task_id')
    .execute();
  const firstClaim = new Map(claims.map((c) => [c.task_id, Number(c.first)]));
  const waits: number[] = [];
  let unclaimed = 0;
  const byStep = [0, 0, 0, 0];
  for (const t of tasks) {
    const first = firstClaim.get(t.id);
    if (first === undefined) unclaimed++;
    else waits.push(first - Number(t.created_at));
    byStep[t.fallback_step] = (byStep[t.fallback_step] ?? 0) + 1;
  }
  waits.sort((a, b) => a - b);
  const at = (q: number) =>
    waits.length ? waits[Math.min(waits.length - 1, Math.ceil(q * waits.length) - 1)]! : null;
  return {
    from,
    to,
    tasks: tasks.length,
    claimed: waits.length,
    unclaimed,
    p50Ms: at(0.5),
    p90Ms: at(0.9),
    p95Ms: at(0.95),
    maxMs: waits.length ? waits[waits.length - 1]! : null,
    widened: byStep[1]! + byStep[2]! + byStep[3]!,
    withBonus: byStep[2]! + byStep[3]!,
    escalatedByFallback: byStep[3]!,
  };
}
