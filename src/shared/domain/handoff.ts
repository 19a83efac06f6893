/**
 * The next-best action's hand-off line (issue 20): keep working the case or hand it on, and why.
 * The rules live here and only here; the payout consequence is not computed here but read off
 * the action table (`actionTable[action].payout`) and the brand's payout function by the caller.
 * Pure.
 */
import type { TicketAction } from './actions';

/** From this complexity on, a case whose SLA ends inside the lease is handed on. */
export const HARD_COMPLEXITY = 5;

/** A customer field as the advocate's tier shows it: `value` null above that tier. */
export interface TierField {
  name: string;
  label: string;
  value: string | null;
  visibleFromTier: number | null;
}

export interface HandoffInput {
  complexity: number;
  /** UTC epoch ms, or null when the case has no SLA. */
  slaDueAt: number | null;
  /** UTC epoch ms, or null when the advocate holds no lease. */
  leaseExpiresAt: number | null;
  /** The advocate's tier on the ticket's brand. */
  tier: number;
  /** The ticket's customer's fields (empty when it has none). */
  fields: readonly TierField[];
  /** What the ticket says: its subject and messages. */
  text: string;
}

export type HandoffReason = 'hiddenData' | 'slaBeforeLease' | 'withinReach';

export interface Handoff {
  /** The action the advice is for (a ticket action of the action table). */
  action: Extract<TicketAction, 'escalate' | 'resolve'>;
  reason: HandoffReason;
  tier: number;
  /** `hiddenData`: the labels of the fields the ticket needs and the tier cannot see. */
  fields: string[];
}

/** "orderStatus" → "order status": how a field name reads in a message. */
const spoken = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ');

/** Whether the ticket's text mentions a field (by its label or its name), case-insensitively. */
function mentions(text: string, field: TierField): boolean {
  const lower = text.toLowerCase();
  return [field.label, spoken(field.name)].some((w) => {
    const word = w.trim().toLowerCase();
    return word.length > 0 && lower.includes(word);
  });
}

/**
 * First rule that holds wins:
 * 1. the ticket mentions customer fields above the advocate's tier → escalate (the contact
 *    centre sees them);
 * 2. a case of HARD_COMPLEXITY or more whose SLA ends before the advocate's lease → escalate
 *    (the clock runs out while it is still held here);
 * 3. otherwise it is within reach → resolve.
 */
export function handoffAdvice(input: HandoffInput): Handoff {
  const hidden = input.fields.filter(
    (f) =>
      f.value === null &&
      f.visibleFromTier !== null &&
      f.visibleFromTier > input.tier &&
      mentions(input.text, f),
  );
  if (hidden.length > 0) {
    return {
      action: 'escalate',
      reason: 'hiddenData',
      tier: input.tier,
      fields: hidden.map((f) => f.label),
    };
  }
  if (
    input.complexity >= HARD_COMPLEXITY &&
    input.slaDueAt !== null &&
    input.leaseExpiresAt !== null &&
    input.slaDueAt < input.leaseExpiresAt
  ) {
    return { action: 'escalate', reason: 'slaBeforeLease', tier: input.tier, fields: [] };
  }
  return { action: 'resolve', reason: 'withinReach', tier: input.tier, fields: [] };
}
