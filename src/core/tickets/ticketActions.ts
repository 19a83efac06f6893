import { randomUUID } from 'node:crypto';
import type { ActInput, DraftKind } from '../../shared/contract/tickets';
import { actionTable, noteOf, type TicketAction } from '../../shared/domain/actions';
import { nextState, type Transition } from '../../shared/domain/lifecycle';
import type { PayoutOutcome } from '../../shared/domain/payout';
import { lifecycleOf, ticketDecision } from '../../shared/domain/ticketState';
import type { ActionType, TransferTo } from '../../shared/protocol';
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
import { refusal } from '../i18n/refusal';

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
  if (!row) throw refusal('not_found', 'error.ticket.gone');
  const decision = ticketDecision(row, ctx.actor.id, type, ctx.now);
  if (!decision.ok) {
    throw refusal(decision.outcome, `error.lifecycle.${decision.why}`, decision.values);
  }
  return row;
}

type InputOf<T extends TicketAction> = Extract<ActInput, { type: T }>;

/**
 * What the advocate typed, as the action the server will hear: one builder per ticket action of
 * the action table (a new one is a compile error here until it has its builder).
 */
const builders: {
  [T in TicketAction]: (ctx: TicketCtx, input: InputOf<T>) => QueuedAction;
} = {
  reply: (_, { taskId, body, macroId }) =>
    macroId ? { type: 'reply', taskId, body, macroId } : { type: 'reply', taskId, body },
  note: (_, { taskId, body }) => ({ type: 'note', taskId, body }),
  resolve: (_, { taskId, summary }) =>
    summary ? { type: 'resolve', taskId, summary } : { type: 'resolve', taskId },
  escalate: (_, { taskId, target, handoffNote }) => ({
    type: 'escalate',
    taskId,
    target,
    handoffNote,
  }),
  transfer: (ctx, { taskId, to: target, note }) => {
    // What the advocate typed (a handle or an id) is looked up by the server.
    const to: TransferTo =
      target.kind === 'advocate'
        ? { kind: 'handle', handle: target.advocate.trim().replace(/^@/, '') }
        : target.skill
          ? { kind: 'pool', skill: target.skill }
          : { kind: 'pool' };
    if (to.kind === 'handle' && (to.handle === ctx.actor.id || to.handle === ctx.actor.handle)) {
      throw refusal('rejected', 'error.ticket.selfTransfer');
    }
    return { type: 'transfer', taskId, to, note };
  },
  abandon: (_, { taskId, reason }) =>
    reason ? { type: 'abandon', taskId, reason } : { type: 'abandon', taskId },
};

const queued = <T extends TicketAction>(ctx: TicketCtx, input: InputOf<T>): QueuedAction =>
  (builders[input.type as T] as (ctx: TicketCtx, input: InputOf<T>) => QueuedAction)(ctx, input);

/** The lifecycle move the action makes locally, as the server would make it. */
function transitionOf(action: QueuedAction): Transition {
  return action.type === 'transfer'
    ? {
        type: 'transfer',
        // Until the server answers, the offer names the advocate as typed.
        to:
          action.to.kind === 'handle'
            ? { kind: 'advocate', advocateId: action.to.handle }
            : action.to,
      }
    : { type: action.type };
}

/**
 * Queues one ticket action with its optimistic effect in the same transaction (see
 * sync/outbox.ts), all read off the action table: the task's lifecycle columns move as the
 * server would move them, the text it carries is shown at once as waiting to send, the draft it
 * was written in is cleared, and a case it closes records its payout estimate. Returns the key.
 */
export function performAction(ctx: TicketCtx, input: ActInput): string {
  const row = checked(ctx, input.taskId, input.type);
  const action = queued(ctx, input);
  const rule = actionTable[action.type];
  return enqueueAction(
    ctx.db,
    action,
    (tx): LocalEffect => {
      // `keep` leaves the lifecycle alone (also a pending claim's `open` stays as is).
      if (rule.transition !== 'keep') {
        const next = nextState(lifecycleOf(row, ctx.actor.id), ctx.actor.id, transitionOf(action), {
          now: ctx.now,
          ...LOCAL_PARAMS,
        });
        writeLifecycle(tx, row.id, next);
      }
      if (rule.ui === 'composer') clearDraft(tx, row.id, action.type as DraftKind);
      if (rule.payout) estimate(ctx, row, rule.payout)(tx);
      const body = noteOf(action);
      if (!rule.note || body === '') return {};
      const id = `local-${randomUUID()}`;
      insertPendingMessage(tx, {
        id,
        taskId: row.id,
        authorName: ctx.actor.name,
        internal: rule.note.becomes !== 'message',
        body,
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
    const computation = casePayout(tx, row.brandId, row.complexity, outcome, row.ageingBonusMinor);
    if (!computation) return;
    recordEstimate(
      tx,
      { taskId: row.id, brandId: row.brandId, computation, occurredAt: ctx.now, outcome },
      ctx.now,
    );
  };
}

/** Renews the lease unless a renewal is already waiting to be sent. */
export function renewTicket(ctx: TicketCtx, taskId: string): boolean {
  checked(ctx, taskId, 'renew');
  if (hasPendingRenew(ctx.db, taskId)) return false;
  renewLease(ctx.db, taskId, ctx.now);
  return true;
}
