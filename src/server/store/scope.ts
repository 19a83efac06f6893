import type { Action, ActionResult } from '../../shared/protocol';
import { applyActions } from './actions';
import type { StoreContext } from './context';
import type { AdvocateAuth } from './tokens';

/** The answer to an action on a task the caller's token does not reach (or no task at all). */
export const outOfScope = (a: Action): ActionResult => ({
  key: a.key,
  status: 'rejected',
  message: 'no such task',
  code: 'noTask',
});

/**
 * Tenancy gate for actions: an action on a task of a brand the caller's token does not reach is
 * answered `rejected` like an unknown task, before anything else (idempotency replay included)
 * looks at it, and nothing of it is stored. (The one-statement path asks the same in its read:
 * actionStatement.ts.)
 */
export async function applyInScope(
  ctx: StoreContext,
  actor: AdvocateAuth,
  actions: Action[],
  now: number,
): Promise<ActionResult[]> {
  const ids = [...new Set(actions.map((a) => a.taskId))];
  const rows = ids.length
    ? await ctx.db.selectFrom('tasks').select(['id', 'brand_id']).where('id', 'in', ids).execute()
    : [];
  const brandOf = new Map(rows.map((r) => [r.id, r.brand_id]));
  const inScope = (a: Action) => actor.brandIds.includes(brandOf.get(a.taskId) ?? '');
  const answers = await applyActions(ctx, actor, actions.filter(inScope), now);
  let next = 0;
  return actions.map((a) => (inScope(a) ? answers[next++]! : outOfScope(a)));
}
