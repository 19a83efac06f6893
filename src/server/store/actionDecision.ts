/**
 * Deciding an action from what was read, shared by both write paths (actions.ts's transaction,
 * actionStatement.ts's single statement). The lifecycle rules themselves are the action table's
 * (shared/domain/lifecycle.ts); this adds who may act and whom a transfer may name.
 */
import type { Selectable } from 'kysely';
import { unhandledAction } from '../../shared/domain/actions';
import type { LifecycleTask } from '../../shared/domain/lifecycle';
import { canPerform } from '../../shared/domain/lifecycle';
import type { Action, ActionResult, ResolvedTransferTo } from '../../shared/protocol';
import type { StoreContext } from './context';
import { refused } from './idempotency';
import type { MembershipTable } from './schema';

/** How long a task transferred to a named advocate is reserved for them. */
export const OFFER_MS = 15 * 60_000;

/** An action whose transfer target, if any, names an advocate by id. */
export type ResolvedAction =
  | Exclude<Action, { type: 'transfer' }>
  | (Extract<Action, { type: 'transfer' }> & { to: ResolvedTransferTo });

/** The handle (or id) a transfer names as typed, a leading @ ignored; null for any other action. */
export function typedHandle(a: Action): string | null {
  return a.type === 'transfer' && a.to.kind === 'handle' ? a.to.handle.replace(/^@/, '') : null;
}

/**
 * The action with its transfer target named by id, given whom its typed handle found (see
 * `typedHandle`; `found` is ignored without one); null when nobody has that handle.
 */
export function withTarget(a: Action, found: string | null | undefined): ResolvedAction | null {
  if (a.type !== 'transfer' || a.to.kind !== 'handle') return a as ResolvedAction;
  return found ? { ...a, to: { kind: 'advocate', advocateId: found } } : null;
}

/** Looks a typed handle (or id) up among all advocates; null when nobody has it. */
export async function resolveTarget(ctx: StoreContext, a: Action): Promise<ResolvedAction | null> {
  const typed = typedHandle(a);
  if (typed === null) return withTarget(a, null);
  const found = await ctx.db
    .selectFrom('advocates')
    .select('id')
    .where((eb) => eb.or([eb('handle', '=', typed), eb('id', '=', typed)]))
    .executeTakeFirst();
  return withTarget(a, found?.id);
}

/** The advocate a resolved transfer names, whose membership the decision checks; else null. */
export const transferTarget = (a: ResolvedAction): string | null =>
  a.type === 'transfer' && a.to.kind === 'advocate' ? a.to.advocateId : null;

/**
 * What an applied action writes beyond its task row, its message, its task event and its
 * payout (the action table's), read by both write paths so that each writes the same rows.
 */
export interface ExtraWrites {
  /** The brand's escalation queue row (escalationQueue.ts). */
  escalation: { target: string; handoffNote: string } | null;
  /** The customer's case closes: its timeline row (customerCases.ts `caseClosed`). */
  closesCustomerCase: boolean;
}

export function extraWritesOf(a: ResolvedAction): ExtraWrites {
  switch (a.type) {
    case 'escalate':
      return {
        escalation: { target: a.target, handoffNote: a.handoffNote },
        closesCustomerCase: true,
      };
    case 'resolve':
      return { escalation: null, closesCustomerCase: true };
    case 'claim':
    case 'renew':
    case 'accept':
    case 'decline':
    case 'reply':
    case 'note':
    case 'transfer':
    case 'abandon':
      return { escalation: null, closesCustomerCase: false };
    default:
      return unhandledAction(a);
  }
}

/** A task that is not there (scope.ts answers the same for one outside the actor's brands). */
const noSuchTask = (a: Action): ActionResult => refused(a, 'rejected', 'noTask', 'no such task');

/** A transfer naming nobody (or nobody active) in the task's brand. */
export const noSuchAdvocate = (a: Action): ActionResult =>
  refused(a, 'rejected', 'noSuchAdvocate', 'no such advocate in this brand');

/** The task moved on between the decision and the write. */
export const changedMeanwhile = (a: Action): ActionResult =>
  refused(
    a,
    'conflict',
    'changedMeanwhile',
    'the task changed meanwhile; it is no longer yours to act on',
  );

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
  if (!task || !member) return noSuchTask(a);
  if (member.suspended)
    return refused(a, 'rejected', 'suspended', 'your account is suspended for this brand');
  const decision = canPerform(task, actorId, a.type, { now, tier: member.tier });
  if (!decision.ok)
    return refused(a, decision.outcome, decision.why, decision.reason, decision.values);
  if (a.type === 'transfer' && a.to.kind === 'advocate') {
    if (a.to.advocateId === actorId)
      return refused(a, 'rejected', 'transferToSelf', 'you cannot transfer a task to yourself');
    if (!target || target.suspended) return noSuchAdvocate(a);
    if (target.tier < task.minTier)
      return refused(
        a,
        'rejected',
        'targetTier',
        'that advocate’s trust tier does not allow this task',
      );
  }
  return null;
}
