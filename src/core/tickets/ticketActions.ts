import { randomUUID } from 'node:crypto';
import type { DraftKind, TransferTarget } from '../../shared/contract/tickets';
import { nextState, type Transition } from '../../shared/domain/lifecycle';
import type { PayoutOutcome } from '../../shared/domain/payout';
import { lifecycleOf, ticketDecision } from '../../shared/domain/ticketState';
import type { ActionType, EscalationTarget, TransferTo } from '../../shared/protocol';
import { AppError } from '../../shared/result';
import type { Db } from '../db/open';
import { recordEstimate } from '../earnings/apply';
import { renewLease } from '../feed/claim';
import { enqueueAction, type LocalEffect, type QueuedAction } from '../sync/outbox';
import { clearDraft } from './draftsRepo';
import { casePayout } from './payoutQuotes';
import {
  hasPendingRenew,
  insertPendingMessage,
  readTicketRow,
  writeLifecycle,
  type TicketRow,
} from './ticketRepo';

export interface Actor {
  id: string;
  name: string;
  handle: string;
}

export interface TicketCtx {
  db: Db;
  actor: Actor;
  now: number;
}

/** A transfer offer's length is the server's business; locally the task has simply left us. */
const LOCAL_PARAMS = { leaseMs: 0, offerMs: 0 };

/** Refuses here, before queueing, what the server would refuse by the same rules. */
function checked(ctx: TicketCtx, taskId: string, type: ActionType): TicketRow {
  const row = readTicketRow(ctx.db, taskId);
  if (!row) throw new AppError('not_found', 'This ticket is no longer on this device.');
  const decision = ticketDecision(row, ctx.actor.id, type, ctx.now);
  if (!decision.ok) {
    const reason = decision.reason.charAt(0).toUpperCase() + decision.reason.slice(1);
    throw new AppError(decision.outcome === 'conflict' ? 'conflict' : 'rejected', `${reason}.`);
  }
  return row;
}

/**
 * Queues one action with its optimistic effect in the same transaction (see sync/outbox.ts):
 * the task's lifecycle columns move as the server would move them, and any message it adds
 * is shown at once as waiting to send.
 */
function act(
  ctx: TicketCtx,
  row: TicketRow,
  action: QueuedAction,
  message: { body: string; internal: boolean } | null,
  extra?: (tx: Db) => void,
): string {
  return enqueueAction(
    ctx.db,
    action,
    (tx): LocalEffect => {
      const transition: Transition =
        action.type === 'transfer'
          ? {
              type: 'transfer',
              // Until the server answers, the offer names the advocate as typed.
              to:
                action.to.kind === 'handle'
                  ? { kind: 'advocate', advocateId: action.to.handle }
                  : action.to,
            }
          : { type: action.type as Exclude<ActionType, 'transfer'> };
      // Replies and notes leave the lifecycle alone (also a pending claim's `open` stays as is).
      if (transition.type !== 'reply' && transition.type !== 'note') {
        const next = nextState(lifecycleOf(row, ctx.actor.id), ctx.actor.id, transition, {
          now: ctx.now,
          ...LOCAL_PARAMS,
        });
        writeLifecycle(tx, row.id, next);
      }
      extra?.(tx);
      if (!message || message.body === '') return {};
      const id = `local-${randomUUID()}`;
      insertPendingMessage(tx, {
        id,
        taskId: row.id,
        authorName: ctx.actor.name,
        internal: message.internal,
        body: message.body,
        createdAt: ctx.now,
      });
      return { insertedMessageIds: [id] };
    },
    ctx.now,
  );
}

/** The case's payout estimate, recorded the moment it is closed here (also offline). */
function estimate(ctx: TicketCtx, row: TicketRow, outcome: PayoutOutcome) {
  return (tx: Db) => {
    const computation = casePayout(tx, row.brandId, row.complexity, outcome);
    if (!computation) return;
    recordEstimate(
      tx,
      { taskId: row.id, brandId: row.brandId, computation, occurredAt: ctx.now, outcome },
      ctx.now,
    );
  };
}

const draftCleared = (taskId: string, kind: DraftKind) => (tx: Db) => clearDraft(tx, taskId, kind);

export function replyTo(ctx: TicketCtx, taskId: string, body: string, macroId?: string): string {
  const row = checked(ctx, taskId, 'reply');
  const action: QueuedAction = macroId
    ? { type: 'reply', taskId, body, macroId }
    : { type: 'reply', taskId, body };
  return act(ctx, row, action, { body, internal: false }, draftCleared(taskId, 'reply'));
}

export function addNote(ctx: TicketCtx, taskId: string, body: string): string {
  const row = checked(ctx, taskId, 'note');
  return act(
    ctx,
    row,
    { type: 'note', taskId, body },
    { body, internal: true },
    draftCleared(taskId, 'note'),
  );
}

export function resolveTicket(ctx: TicketCtx, taskId: string, summary: string): string {
  const row = checked(ctx, taskId, 'resolve');
  const action: QueuedAction = summary
    ? { type: 'resolve', taskId, summary }
    : { type: 'resolve', taskId };
  return act(ctx, row, action, { body: summary, internal: true }, estimate(ctx, row, 'resolved'));
}

export function escalateTicket(
  ctx: TicketCtx,
  taskId: string,
  target: EscalationTarget,
  handoffNote: string,
): string {
  const row = checked(ctx, taskId, 'escalate');
  return act(
    ctx,
    row,
    { type: 'escalate', taskId, target, handoffNote },
    { body: handoffNote, internal: true },
    estimate(ctx, row, 'escalated'),
  );
}

export function transferTicket(
  ctx: TicketCtx,
  taskId: string,
  target: TransferTarget,
  note: string,
): string {
  const row = checked(ctx, taskId, 'transfer');
  // What the advocate typed (a handle or an id) is looked up by the server.
  const to: TransferTo =
    target.kind === 'advocate'
      ? { kind: 'handle', handle: target.advocate.trim().replace(/^@/, '') }
      : target.skill
        ? { kind: 'pool', skill: target.skill }
        : { kind: 'pool' };
  if (to.kind === 'handle' && (to.handle === ctx.actor.id || to.handle === ctx.actor.handle)) {
    throw new AppError('rejected', 'You cannot transfer a ticket to yourself.');
  }
  return act(
    ctx,
    row,
    // A transfer pays nothing (payoutOutcomeOf): no earnings estimate.
    { type: 'transfer', taskId, to, note },
    { body: note, internal: true },
  );
}

export function abandonTicket(ctx: TicketCtx, taskId: string, reason: string): string {
  const row = checked(ctx, taskId, 'abandon');
  const action: QueuedAction = reason
    ? { type: 'abandon', taskId, reason }
    : { type: 'abandon', taskId };
  return act(ctx, row, action, { body: reason, internal: true });
}

/** Renews the lease unless a renewal is already waiting to be sent. */
export function renewTicket(ctx: TicketCtx, taskId: string): boolean {
  checked(ctx, taskId, 'renew');
  if (hasPendingRenew(ctx.db, taskId)) return false;
  renewLease(ctx.db, taskId, ctx.now);
  return true;
}
