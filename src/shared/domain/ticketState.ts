/**
 * How the app reads its own copy of a ticket through the lifecycle rules (`lifecycle.ts`), so
 * the renderer enables exactly the actions the server would accept — and the core refuses the
 * same ones before queueing them. Pure.
 */
import type { ActionType, TaskStatus } from '../protocol';
import { ticketActionTypes, type TicketAction } from './actions';
import { availableActions, canPerform, type Decision, type LifecycleTask } from './lifecycle';

export interface LocalTicketState {
  status: string;
  holderId: string | null;
  leaseExpiresAt: number | null;
  offeredTo: string | null;
  offerExpiresAt: number | null;
  minTier: number;
}

const statuses: readonly string[] = ['open', 'claimed', 'resolved', 'escalated'];

/**
 * A claim of ours still waiting for the server is stored as `open` with us as holder (see
 * feed/claim.ts); the advocate may already work it, so it reads as claimed. Transferred and
 * abandoned tasks are back to `open` for others.
 */
export function lifecycleOf(t: LocalTicketState, advocateId: string): LifecycleTask {
  const pendingClaim = t.status === 'open' && t.holderId === advocateId;
  const status = (
    pendingClaim ? 'claimed' : statuses.includes(t.status) ? t.status : 'open'
  ) as TaskStatus;
  return {
    status,
    holderId: t.holderId,
    leaseExpiresAt: t.leaseExpiresAt,
    offeredTo: t.offeredTo,
    offerExpiresAt: t.offerExpiresAt,
    minTier: t.minTier,
  };
}

export type { TicketAction };

export function ticketDecision(
  t: LocalTicketState,
  advocateId: string,
  action: ActionType,
  now: number,
): Decision {
  return canPerform(lifecycleOf(t, advocateId), advocateId, action, { now });
}

/** The ticket actions the advocate may take right now. */
export function allowedTicketActions(
  t: LocalTicketState,
  advocateId: string,
  now: number,
): TicketAction[] {
  const allowed = availableActions(lifecycleOf(t, advocateId), advocateId, { now });
  return ticketActionTypes.filter((a) => allowed.includes(a));
}

export type SlaLevel = 'none' | 'ok' | 'amber' | 'red';

/** Amber within `amberMs` of the due time, red once overdue (or within `redMs`). */
export function slaLevel(
  dueAt: number | null,
  now: number,
  amberMs = 60 * 60_000,
  redMs = 15 * 60_000,
): SlaLevel {
  if (dueAt === null) return 'none';
  const left = dueAt - now;
  if (left <= redMs) return 'red';
  if (left <= amberMs) return 'amber';
  return 'ok';
}

export type LeaseLevel = 'none' | 'ok' | 'lapsing' | 'lapsed';

export function leaseLevel(
  leaseExpiresAt: number | null,
  now: number,
  warnMs = 5 * 60_000,
): LeaseLevel {
  if (leaseExpiresAt === null) return 'none';
  const left = leaseExpiresAt - now;
  if (left <= 0) return 'lapsed';
  return left <= warnMs ? 'lapsing' : 'ok';
}

/** "12:04" style countdown for a number of milliseconds (negative counts as zero). */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
