/**
 * The task lifecycle: who may do what in which state. The server decides with it; the renderer
 * uses the same rules to enable buttons. Pure; time comes in as `now`.
 *
 *   open ──claim──> claimed(holder, lease) ──resolve──> resolved
 *                      │  ├──escalate──> escalated (brand's escalation queue)
 *                      │  ├──transfer──> open (pool, or offered to a named advocate first)
 *                      │  └──abandon / lease expiry──> open
 *   open, offered to A ──accept (A)──> claimed(A) · ──decline (A) / offer lapse──> open (pool)
 *                      └──renew, reply, note: stays claimed
 */
import {
  type ActionType,
  actionTypes,
  type ResolvedTransferTo,
  type TaskStatus,
} from '../protocol';
import { actionTable, type TransitionKind } from './actions';

export interface LifecycleTask {
  status: TaskStatus;
  holderId: string | null;
  leaseExpiresAt: number | null;
  offeredTo: string | null;
  offerExpiresAt: number | null;
  minTier: number;
}

export type Decision =
  | { ok: true }
  /** `conflict`: the world moved on (no harm done); `rejected`: the request itself is wrong. */
  | {
      ok: false;
      outcome: 'conflict' | 'rejected';
      /** English, for logs and the server's answers. */
      reason: string;
      /** Which refusal, with its figures: the app words it as `error.lifecycle.<why>`. */
      why: RefusalWhy;
      values: Record<string, string | number>;
    };

export type RefusalWhy =
  | 'tier'
  | 'terminal'
  | 'offerGone'
  | 'claimedByOther'
  | 'offeredToOther'
  | 'claimExpired'
  | 'heldByOther'
  | 'notClaimed';

export interface DecisionContext {
  now: number;
  /** The actor's tier in the task's brand; omitted when unknown (the renderer's own tasks). */
  tier?: number;
}

const ok: Decision = { ok: true };
const conflict = (why: RefusalWhy, reason: string, values = {}): Decision => ({
  ok: false,
  outcome: 'conflict',
  reason,
  why,
  values,
});
const rejected = (why: RefusalWhy, reason: string, values = {}): Decision => ({
  ok: false,
  outcome: 'rejected',
  reason,
  why,
  values,
});

/** Takes any string: the app stores the status as text. */
export const isTerminal = (status: TaskStatus | (string & {})): boolean =>
  status === 'resolved' || status === 'escalated';

export function leaseLive(task: LifecycleTask, now: number): boolean {
  return task.status === 'claimed' && task.leaseExpiresAt !== null && task.leaseExpiresAt > now;
}

export function offerLive(task: LifecycleTask, now: number): boolean {
  return task.offeredTo !== null && task.offerExpiresAt !== null && task.offerExpiresAt > now;
}

/** Open, or claimed with a lapsed lease (the sweeper just has not reopened it yet). */
export function claimableBy(task: LifecycleTask, actorId: string, now: number): boolean {
  const free = task.status === 'open' || (task.status === 'claimed' && !leaseLive(task, now));
  return free && (!offerLive(task, now) || task.offeredTo === actorId);
}

export function canPerform(
  task: LifecycleTask,
  actorId: string,
  action: ActionType,
  ctx: DecisionContext,
): Decision {
  const { now } = ctx;
  if (ctx.tier !== undefined && ctx.tier < task.minTier) {
    return rejected('tier', `this task needs trust tier ${task.minTier}; yours is ${ctx.tier}`, {
      minTier: task.minTier,
      tier: ctx.tier,
    });
  }
  if (isTerminal(task.status)) {
    return conflict('terminal', `the task is already ${task.status}`, { status: task.status });
  }
  const holdsIt = task.status === 'claimed' && task.holderId === actorId;
  if (action === 'accept' || action === 'decline') {
    // Only the advocate an offer names, while it is live (a transfer to them, a follow-up).
    if (task.status === 'open' && offerLive(task, now) && task.offeredTo === actorId) return ok;
    return conflict(
      'offerGone',
      'this offer is no longer open to you: it lapsed or the task moved on',
    );
  }
  if (action === 'claim') {
    if (holdsIt && leaseLive(task, now)) return ok;
    if (leaseLive(task, now))
      return conflict('claimedByOther', 'another advocate has already claimed this task');
    if (offerLive(task, now) && task.offeredTo !== actorId) {
      return conflict('offeredToOther', 'this task is offered to another advocate first');
    }
    return ok;
  }
  if (holdsIt && leaseLive(task, now)) return ok;
  if (holdsIt) return conflict('claimExpired', 'your claim on this task expired; claim it again');
  if (leaseLive(task, now)) return conflict('heldByOther', 'another advocate holds this task');
  return conflict('notClaimed', 'claim the task before acting on it');
}

export interface LifecycleParams {
  now: number;
  leaseMs: number;
  /** How long a transfer to a named advocate is reserved for them. */
  offerMs: number;
}

export type Transition =
  { type: Exclude<ActionType, 'transfer'> } | { type: 'transfer'; to: ResolvedTransferTo };

/** The lifecycle fields after an allowed action (check `canPerform` first), by the action table. */
export function nextState(
  task: LifecycleTask,
  actorId: string,
  action: Transition,
  p: LifecycleParams,
): LifecycleTask {
  const reopened: LifecycleTask = {
    ...task,
    status: 'open',
    holderId: null,
    leaseExpiresAt: null,
    offeredTo: null,
    offerExpiresAt: null,
  };
  const kind: TransitionKind = actionTable[action.type].transition;
  switch (kind) {
    case 'lease':
      return {
        ...task,
        status: 'claimed',
        holderId: actorId,
        leaseExpiresAt: p.now + p.leaseMs,
        offeredTo: null,
        offerExpiresAt: null,
      };
    case 'keep':
      return task;
    case 'resolve':
      return { ...task, status: 'resolved', leaseExpiresAt: null };
    case 'escalate':
      return { ...task, status: 'escalated', leaseExpiresAt: null };
    case 'reopen':
      return reopened;
    case 'offer':
      return action.type === 'transfer' && action.to.kind === 'advocate'
        ? { ...reopened, offeredTo: action.to.advocateId, offerExpiresAt: p.now + p.offerMs }
        : reopened;
    default:
      return unhandledTransition(kind);
  }
}

function unhandledTransition(kind: never): never {
  throw new Error(`Unhandled transition: ${String(kind)}`);
}

/** Which actions the UI should offer this advocate on this task right now. */
export function availableActions(
  task: LifecycleTask,
  actorId: string,
  ctx: DecisionContext,
): ActionType[] {
  return actionTypes.filter((a) => {
    if (!canPerform(task, actorId, a, ctx).ok) return false;
    // Claiming what you already hold is allowed (idempotent) but not worth a button.
    return !(a === 'claim' && task.holderId === actorId && leaseLive(task, ctx.now));
  });
}
