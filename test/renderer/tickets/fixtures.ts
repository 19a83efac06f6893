import { vi } from 'vitest';
import type { MyTicket, Ticket } from '../../../src/shared/contract/tickets';
import { AppError, codeText } from '../../../src/shared/result';

export const NOW = Date.now();

export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 't1',
    brandId: 'b1',
    brandName: 'Acme Outdoor',
    subject: 'Parcel never arrived',
    channel: 'email',
    skills: ['shipping'],
    complexity: 3,
    customerName: 'Grace Hopper',
    slaDueAt: NOW + 30 * 60_000,
    createdAt: NOW - 3_600_000,
    payoutMinor: 500,
    currency: 'EUR',
    pendingClaim: false,
    status: 'claimed',
    holderId: 'me',
    leaseExpiresAt: NOW + 25 * 60_000,
    minTier: 0,
    offeredTo: null,
    offerExpiresAt: null,
    pendingActions: [],
    drafts: { reply: '', note: '' },
    advocate: { id: 'me', name: 'Ada Lovelace', handle: 'ada' },
    payouts: {
      resolved: {
        outcome: 'resolved',
        totalMinor: 500,
        currency: 'EUR',
        lines: [
          // The server's English labels; the app words lines from their kind.
          { kind: 'base', label: 'server: base', amountMinor: 500, factorBps: null },
          { kind: 'multiplier', label: 'server: ×', amountMinor: 0, factorBps: 10_000 },
        ],
      },
      escalated: {
        outcome: 'escalated',
        totalMinor: 250,
        currency: 'EUR',
        lines: [
          { kind: 'base', label: 'server: base', amountMinor: 500, factorBps: null },
          { kind: 'multiplier', label: 'server: ×', amountMinor: -250, factorBps: 5_000 },
        ],
      },
    },
    escalationOutcome: null,
    messages: [
      {
        id: 'm1',
        author: 'customer',
        authorName: 'Grace Hopper',
        internal: false,
        body: 'Where is my parcel? Mail me at [email removed]',
        createdAt: NOW - 3_000_000,
        pending: false,
      },
      {
        id: 'm2',
        author: 'agent',
        authorName: 'Sam (contact center)',
        internal: false,
        body: 'We are checking.',
        createdAt: NOW - 2_000_000,
        pending: false,
      },
      {
        id: 'm3',
        author: 'agent',
        authorName: 'Acme Chatbot',
        internal: false,
        body: 'I am a bot <script>alert(1)</script><img src=x onerror=alert(1)>',
        createdAt: NOW - 1_900_000,
        pending: false,
      },
      {
        id: 'm4',
        author: 'advocate',
        authorName: 'Ada Lovelace',
        internal: true,
        body: 'VIP customer',
        createdAt: NOW - 1_000_000,
        pending: false,
      },
      {
        id: 'm5',
        author: 'system',
        authorName: 'System',
        internal: false,
        body: 'Task claimed',
        createdAt: NOW - 900_000,
        pending: false,
      },
      {
        id: 'm6',
        author: 'advocate',
        authorName: 'Ada Lovelace',
        internal: false,
        body: 'On it!',
        createdAt: NOW - 800_000,
        pending: true,
      },
    ],
    ...overrides,
  };
}

export const myTicket = (t: Ticket): MyTicket => ({
  id: t.id,
  brandName: t.brandName,
  subject: t.subject,
  customerName: t.customerName,
  status: t.status,
  pendingClaim: t.pendingClaim,
  leaseExpiresAt: t.leaseExpiresAt,
  slaDueAt: t.slaDueAt,
  payoutMinor: t.payoutMinor,
  currency: t.currency,
  pendingActions: t.pendingActions.map((a) => a.type),
});

/** A fake `window.gigdesk`: each channel answers from `answers` (a value or a function of the input). */
export function installGigdesk(answers: Record<string, unknown>) {
  const calls: { channel: string; input: unknown }[] = [];
  const handler = {
    get(_: unknown, channel: string) {
      if (channel === 'on') return () => () => undefined;
      return vi.fn(async (input: unknown) => {
        calls.push({ channel, input });
        const a = answers[channel];
        const value = typeof a === 'function' ? (a as (i: unknown) => unknown)(input) : a;
        // As dispatch answers: a refusal with its message id, anything else as a conflict.
        if (value instanceof AppError) {
          const { code, message, text } = value;
          return { ok: false, error: { code, message, text } };
        }
        if (value instanceof Error) {
          const error = { code: 'conflict', message: value.message, text: codeText('conflict') };
          return { ok: false, error };
        }
        return { ok: true, value: value ?? null };
      });
    },
  };
  (window as unknown as { gigdesk: unknown }).gigdesk = new Proxy({}, handler);
  return calls;
}
