import { z } from 'zod';
import { PayoutOutcome } from '../domain/payout';
import { EscalationTarget } from '../protocol';
import { channel, NoInput } from './define';
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
  lines: z.array(z.object({ label: z.string(), amountMinor: z.number().int() })),
});
export type PayoutQuote = z.infer<typeof PayoutQuote>;

export const Ticket = TaskDetail.extend({
  minTier: z.number().int(),
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

/** Every action answers the ticket as it now stands locally (null once it left this device). */
const Acted = Ticket.nullable();

export const ticketsChannels = {
  /** My tickets: held (or being claimed), or with actions still waiting to send. */
  'tickets:mine': channel(NoInput, z.array(MyTicket)),
  'tickets:get': channel(On({}), Ticket),
  'tickets:reply': channel(On({ body: Body, macroId: z.string().max(128).optional() }), Acted),
  'tickets:note': channel(On({ body: Body }), Acted),
  'tickets:resolve': channel(On({ summary: z.string().trim().max(2000) }), Acted),
  'tickets:escalate': channel(
    On({
      target: EscalationTarget,
      handoffNote: z.string().trim().min(1, 'a handoff note is required').max(20_000),
    }),
    Acted,
  ),
  'tickets:transfer': channel(
    On({ to: TransferTarget, note: z.string().trim().min(1, 'a note is required').max(2000) }),
    Acted,
  ),
  'tickets:abandon': channel(On({ reason: z.string().trim().max(2000) }), Acted),
  /** Keeps the lease while the ticket is open; false when a renewal is already on its way. */
  'tickets:renew': channel(On({}), z.object({ queued: z.boolean() })),
  'tickets:saveDraft': channel(
    On({ kind: DraftKind, body: z.string().max(20_000) }),
    z.object({ savedAt: z.number().int() }),
  ),
  'tickets:macros': channel(On({}), z.array(Macro)),
};
