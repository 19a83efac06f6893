import { z } from 'zod';
import { PayoutOutcome } from '../domain/payout';
import type { TicketAction } from '../domain/actions';
import { EscalationOutcomeView, EscalationTarget } from '../protocol';
import { channel } from './define';
import { MyTask, TaskDetail } from './feed';

const TaskId = z.string().min(1).max(128);
const Body = z.string().trim().min(1, 'write something first').max(20_000);

export const PendingAction = z.object({
  key: z.string(),
  type: z.string(),
  createdAt: z.number().int(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});
export type PendingAction = z.infer<typeof PendingAction>;

/** One line of a payout preview, as `computeCasePayout` explains it. */
export const PayoutQuote = z.object({
  outcome: PayoutOutcome,
  totalMinor: z.number().int(),
  currency: z.string(),
  /** `label` is the server's English; the app words a line from its kind (and factor). */
  lines: z.array(
    z.object({
      kind: z.string(),
      label: z.string(),
      amountMinor: z.number().int(),
      factorBps: z.number().int().nullable(),
    }),
  ),
});
export type PayoutQuote = z.infer<typeof PayoutQuote>;

export const Ticket = TaskDetail.extend({
  minTier: z.number().int(),
  /** BCP 47, null when unknown (issue 16): KB suggestions prefer it. */
  language: z.string().nullable().optional(),
  offeredTo: z.string().nullable(),
  offerExpiresAt: z.number().int().nullable(),
  /** Actions written here and not yet answered by the server (renewals left out). */
  pendingActions: z.array(PendingAction),
  drafts: z.object({ reply: z.string(), note: z.string() }),
  advocate: z.object({ id: z.string(), name: z.string(), handle: z.string() }),
  /** What closing the case pays under the brand's current rules; null while it has none. */
  payouts: z.object({
    resolved: PayoutQuote.nullable(),
    escalated: PayoutQuote.nullable(),
  }),
  /** How the contact centre closed this advocate's escalation; null while it is open. */
  escalationOutcome: EscalationOutcomeView.nullable(),
});
export type Ticket = z.infer<typeof Ticket>;

export const MyTicket = MyTask.extend({
  pendingActions: z.array(z.string()),
});
export type MyTicket = z.infer<typeof MyTicket>;

export const Macro = z.object({
  id: z.string(),
  title: z.string(),
  /** With the ticket's placeholders filled in. */
  body: z.string(),
});
export type Macro = z.infer<typeof Macro>;

export const DraftKind = z.enum(['reply', 'note']);
export type DraftKind = z.infer<typeof DraftKind>;

export const TransferTarget = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('advocate'),
    advocate: z.string().trim().min(1, 'name the advocate').max(128),
  }),
  z.strictObject({ kind: z.literal('pool'), skill: z.string().trim().max(32).nullable() }),
]);
export type TransferTarget = z.infer<typeof TransferTarget>;

const On = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ taskId: TaskId, ...shape });
const Act = <T extends TicketAction, S extends z.ZodRawShape>(type: T, shape: S) =>
  On({ type: z.literal(type), ...shape });

/** Each ticket action's input; `satisfies` makes a new action type a compile error here. */
const actInputs = {
  reply: Act('reply', { body: Body, macroId: z.string().max(128).optional() }),
  note: Act('note', { body: Body }),
  resolve: Act('resolve', { summary: z.string().trim().max(2000) }),
  escalate: Act('escalate', {
    target: EscalationTarget,
    handoffNote: z.string().trim().min(1, 'a handoff note is required').max(20_000),
  }),
  transfer: Act('transfer', {
    to: TransferTarget,
    note: z.string().trim().min(1, 'a note is required').max(2000),
  }),
  abandon: Act('abandon', { reason: z.string().trim().max(2000) }),
} satisfies { [T in TicketAction]: z.ZodObject<{ type: z.ZodLiteral<T> } & z.ZodRawShape> };

/** One ticket action, told apart by `type` (the action table's ticket actions). */
export const ActInput = z.discriminatedUnion('type', [
  actInputs.reply,
  actInputs.note,
  actInputs.resolve,
  actInputs.escalate,
  actInputs.transfer,
  actInputs.abandon,
]);
export type ActInput = z.infer<typeof ActInput>;
/** A missing member of the union above fails here. */
const everyActionInUnion: Record<TicketAction, true> = {} as Record<ActInput['type'], true>;
void everyActionInUnion;

/**
 * What the ticket view shows, in one answer: My tickets (held or being claimed, or with actions
 * still waiting to send) and the open ticket as it stands locally (null once it left this device).
 */
export const TicketBoard = z.object({ mine: z.array(MyTicket), open: Ticket.nullable() });
export type TicketBoard = z.infer<typeof TicketBoard>;

export const ticketsChannels = {
  'tickets:board': channel(z.strictObject({ open: TaskId.nullable() }).optional(), TicketBoard),
  /**
   * Every ticket action (reply, note, resolve, escalate, transfer, abandon): queued with its
   * local effect, sent at once when online. Answers the board with the acted ticket open, so
   * the caller needs no second read (and hears no `feed:changed` for it).
   */
  'tickets:act': channel(ActInput, TicketBoard),
  /** Keeps the lease while the ticket is open; false when a renewal is already on its way. */
  'tickets:renew': channel(On({}), z.object({ queued: z.boolean() })),
  'tickets:saveDraft': channel(
    On({ kind: DraftKind, body: z.string().max(20_000) }),
    z.object({ savedAt: z.number().int() }),
  ),
  'tickets:macros': channel(On({}), z.array(Macro)),
};
