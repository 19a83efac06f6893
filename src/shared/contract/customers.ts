import { z } from 'zod';
import { CustomerCaseView, CustomerEventView, CustomerFieldView } from '../protocol';
import { channel } from './define';

const TaskId = z.string().min(1).max(128);

/** One line of a customer's timeline, newest first; above the tier: `visibleFromTier` only. */
export const TimelineItem = z.discriminatedUnion('type', [
  CustomerCaseView.omit({ brandId: true, customerId: true, closedAt: true }).extend({
    type: z.literal('case'),
    at: z.number().int(),
  }),
  CustomerEventView.omit({ brandId: true, customerId: true, occurredAt: true }).extend({
    type: z.literal('event'),
    at: z.number().int(),
  }),
]);
export type TimelineItem = z.infer<typeof TimelineItem>;

export const Timeline = z.object({
  /** Null when the brand named no customer on this ticket. */
  customer: z.object({ fields: z.array(CustomerFieldView) }).nullable(),
  items: z.array(TimelineItem),
});
export type Timeline = z.infer<typeof Timeline>;

export const NotificationType = z.enum([
  'offer',
  'customer_replied',
  'rating',
  'payout_status',
  'lease_lapsing',
]);
export type NotificationType = z.infer<typeof NotificationType>;

export const NotificationPrefs = z.array(
  z.object({ brandId: z.string(), type: NotificationType, enabled: z.boolean() }),
);
export type NotificationPrefs = z.infer<typeof NotificationPrefs>;

/** A task offered to this advocate first, until `offerExpiresAt` (the server's clock). */
export const Offer = z.object({
  taskId: z.string(),
  brandId: z.string(),
  brandName: z.string(),
  subject: z.string(),
  offerExpiresAt: z.number().int(),
  language: z.string().nullable(),
  /** A customer's follow-up on a case this advocate resolved (else a transfer to them). */
  followUp: z.boolean(),
});
export type Offer = z.infer<typeof Offer>;

export const customersChannels = {
  /** "Offered to you": live offers, soonest expiry first. */
  'offers:list': channel(z.strictObject({}).optional(), z.array(Offer)),
  /** Accept (claims it) or decline (back to the pool); queued, sent at once when online. */
  'offers:answer': channel(
    z.strictObject({ taskId: TaskId, answer: z.enum(['accept', 'decline']) }),
    z.array(Offer),
  ),
  /** The ticket's customer: profile and earlier cases and events with the brand, offline. */
  'customers:timeline': channel(
    z.strictObject({ taskId: TaskId, limit: z.number().int().min(1).max(500).default(50) }),
    Timeline.nullable(),
  ),
  /** Which notification types are on, per brand (every type is on until switched off). */
  'notifications:prefs': channel(z.strictObject({}).optional(), NotificationPrefs),
  'notifications:setPref': channel(
    z.strictObject({
      brandId: z.string().min(1).max(128),
      type: NotificationType,
      enabled: z.boolean(),
    }),
    NotificationPrefs,
  ),
};
