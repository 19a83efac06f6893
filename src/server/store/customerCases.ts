import { sql } from 'kysely';
import type { ChangeWriter, Trx } from './context';

/** A case's timeline entry changed (closed, reopened, rated): re-render it for everyone. */
export async function caseChanged(trx: Trx, changes: ChangeWriter, taskId: string) {
  const t = await trx
    .selectFrom('tasks')
    .select(['brand_id', 'customer_id', 'resolved_at'])
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (t?.customer_id && t.resolved_at !== null)
    await changes.add(t.brand_id, 'customer_case', taskId);
}

/** Resolve or escalate: when the case closed (the reopen window counts from here). */
export async function caseClosed(trx: Trx, changes: ChangeWriter, taskId: string, now: number) {
  await trx.updateTable('tasks').set({ resolved_at: now }).where('id', '=', taskId).execute();
  await caseChanged(trx, changes, taskId);
}

/**
 * `caseClosed` inside one statement (actionStatement.ts), for the task the CTE `upd` changes
 * (returning `id, brand_id, customer_id`): the column its UPDATE also sets, and the timeline's
 * change row as `(brand_id, kind, entity_id, advocate_id)`, for everyone as `caseChanged` adds it.
 */
export const caseClosedSql = (now: number) => ({
  set: sql`, resolved_at = ${now}::bigint`,
  change: sql`select brand_id, 'customer_case'::text as kind, id, null::text as advocate_id
    from upd where customer_id is not null`,
});
