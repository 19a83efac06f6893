/**
 * Deciding an action from what was read, shared by both write paths (actions.ts's transaction,
 * actionStatement.ts's single statement). The lifecycle rules themselves are the action table's
 * (shared/domain/lifecycle.ts); this adds who may act and whom a transfer may name.
 */
import type { Selectable } from 'kysely';
import type { LifecycleTask } from '../../shared/domain/lifecycle';
import { canPerform } from '../../shared/domain/lifecycle';
import type { Action, ActionResult, ResolvedTransferTo } from '../../shared/protocol';
import type { StoreContext } from './context';
import { answer as result } from './idempotency';
import type { MembershipTable } from './schema';

/** How long a task transferred to a named advocate is reserved for them. */
export const OFFER_MS = 15 * 60_000;

/** An action whose transfer target, if any, names an advocate by id. */
export type ResolvedAction =
  | Exclude<Action, { type: 'transfer' }>
  | (Extract<Action, { type: 'transfer' }> & { to: ResolvedTransferTo });

/** Looks a typed handle (or id) up among all advocates; null when nobody has it. */
export async function resolveTarget(ctx: StoreContext, a: Action): Promise<ResolvedAction | null> {
  if (a.type !== 'transfer' || a.to.kind !== 'handle') return a as ResolvedAction;
  const typed = a.to.handle.replace(/^@/, '');
  const found = await ctx.db
    .selectFrom('advocates')
    .select('id')
    .where((eb) => eb.or([eb('handle', '=', typed), eb('id', '=', typed)]))
    .executeTakeFirst();
  return found ? { ...a, to: { kind: 'advocate', advocateId: found.id } } : null;
}

type Member = Pick<Selectable<MembershipTable>, 'tier' | 'suspended'>;

/**
 * The decision on an action from what was read: a refusal, or null to go ahead (the lifecycle
 * rules, `canPerform`, plus who may act and whom a transfer may name). Pure; both write paths
 * (this file's transaction, actionStatement.ts's single statement) decide with it.
 */
export function decide(
  a: ResolvedAction,
  actorId: string,
  now: number,
  task: LifecycleTask | undefined,
  member: Member | undefined,
  target: Member | undefined,
): ActionResult | null {
  if (!task || !member) return result(a, 'rejected', 'no such task');
  if (member.suspended) return result(a, 'rejected', 'your account is suspended for this brand');
  const decision = canPerform(task, actorId, a.type, { now, tier: member.tier });
  if (!decision.ok) return result(a, decision.outcome, decision.reason);
  if (a.type === 'transfer' && a.to.kind === 'advocate') {
    if (a.to.advocateId === actorId)
      return result(a, 'rejected', 'you cannot transfer a task to yourself');
    if (!target || target.suspended) return result(a, 'rejected', 'no such advocate in this brand');
    if (target.tier < task.minTier)
      return result(a, 'rejected', 'that advocate’s trust tier does not allow this task');
  }
  return null;
}
