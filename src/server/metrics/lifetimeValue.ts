/**
 * The lifetime-value panel: do customers the crowd served stay and spend? Pure functions over
 * rows (impactRows.ts loads them). Only customers with value events count (an order or a
 * subscription with an amount in the brand's currency, at any time).
 *
 * A customer's group and anchor, from what happened in the range [from, to):
 * - `advocate_resolved`: an advocate resolved a case of theirs; anchor = the first resolution;
 * - `escalated`: else an advocate escalated a case of theirs; anchor = the first escalation;
 * - `contact_centre`: else the brand recorded a contact-centre contact; anchor = the first one.
 *
 * Measured over the 90 days after the anchor, (anchor, anchor + 90 d], and only for customers
 * whose 90 days are over by `asOf` (the others are counted as `pending`, never as zeros):
 * - repeat purchase: at least one order;
 * - retention: at least one order or subscription event (a renewal keeps a customer without a
 *   new purchase);
 * - value per customer: orders and subscriptions minus returns, brand currency only, zero for a
 *   customer who bought nothing; the mean is rounded half up to the minor unit.
 *
 * Every share carries its count, its sample size and a Wilson 95 % interval; the mean carries
 * its sample size and a normal-approximation 95 % interval (mean ± 1.96·s/√n, s the sample
 * standard deviation; none below two customers).
 */

export const LTV_WINDOW_MS = 90 * 86_400_000;
/** The 95 % normal quantile, as conventionally rounded (the hand-computed fixture uses it). */
const Z = 1.96;

export type LtvGroupKey = 'advocate_resolved' | 'escalated' | 'contact_centre';
export const ltvGroupKeys: readonly LtvGroupKey[] = [
  'advocate_resolved',
  'escalated',
  'contact_centre',
];

/** A case an advocate closed: its customer, how it ended and when. */
export interface ClosedCase {
  customerId: string;
  outcome: 'resolved' | 'escalated';
  at: number;
}
export interface CustomerEventRow {
  customerId: string;
  kind: string;
  at: number;
  amountMinor: number | null;
  currency: string | null;
}
export interface LifetimeInput {
  from: number;
  to: number;
  asOf: number;
  currency: string;
  cases: ClosedCase[];
  customerEvents: CustomerEventRow[];
}

export interface Share {
  count: number;
  of: number;
  rate: number | null;
  /** Wilson 95 % interval; null when `of` is 0. */
  low: number | null;
  high: number | null;
}
export interface MeanMinor {
  n: number;
  meanMinor: number | null;
  lowMinor: number | null;
  highMinor: number | null;
}
export interface LtvGroup {
  key: LtvGroupKey;
  /** Customers whose 90 days are over: the sample size of every figure below. */
  customers: number;
  /** Customers of the group whose 90 days are not over yet by `asOf`. */
  pending: number;
  repeatPurchase: Share;
  retention: Share;
  valuePerCustomer: MeanMinor;
}
export interface LifetimeValue {
  windowDays: number;
  asOf: number;
  currency: string;
  groups: LtvGroup[];
}

/** Wilson score interval at 95 %. */
export function wilson(count: number, of: number): Share {
  if (of === 0) return { count, of, rate: null, low: null, high: null };
  const p = count / of;
  const z2 = Z * Z;
  const denominator = 1 + z2 / of;
  const centre = (p + z2 / (2 * of)) / denominator;
  const half = (Z / denominator) * Math.sqrt((p * (1 - p)) / of + z2 / (4 * of * of));
  return {
    count,
    of,
    rate: p,
    low: Math.max(0, centre - half),
    high: Math.min(1, centre + half),
  };
}

const roundMinor = (x: number) => Math.floor(x + 0.5);

/** Mean of minor-unit values with a normal-approximation 95 % interval, to the minor unit. */
export function meanWithInterval(values: number[]): MeanMinor {
  const n = values.length;
  if (n === 0) return { n, meanMinor: null, lowMinor: null, highMinor: null };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { n, meanMinor: roundMinor(mean), lowMinor: null, highMinor: null };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  const half = (Z * Math.sqrt(variance)) / Math.sqrt(n);
  return {
    n,
    meanMinor: roundMinor(mean),
    lowMinor: roundMinor(mean - half),
    highMinor: roundMinor(mean + half),
  };
}

const isValueEvent = (e: CustomerEventRow, currency: string) =>
  (e.kind === 'order' || e.kind === 'subscription') &&
  e.amountMinor !== null &&
  e.currency === currency;

/** Each customer's group and anchor (see the module comment). */
export function anchorsOf(input: LifetimeInput): Map<string, { key: LtvGroupKey; at: number }> {
  const inRange = (at: number) => at >= input.from && at < input.to;
  const anchors = new Map<string, { key: LtvGroupKey; at: number }>();
  const rank: Record<LtvGroupKey, number> = {
    advocate_resolved: 0,
    escalated: 1,
    contact_centre: 2,
  };
  const offer = (customerId: string, key: LtvGroupKey, at: number) => {
    const had = anchors.get(customerId);
    if (!had || rank[key] < rank[had.key] || (key === had.key && at < had.at))
      anchors.set(customerId, { key, at });
  };
  for (const c of input.cases)
    if (inRange(c.at))
      offer(c.customerId, c.outcome === 'resolved' ? 'advocate_resolved' : 'escalated', c.at);
  for (const e of input.customerEvents)
    if (e.kind === 'contact' && inRange(e.at)) offer(e.customerId, 'contact_centre', e.at);
  return anchors;
}

export function lifetimeValue(input: LifetimeInput): LifetimeValue {
  const eventsOf = new Map<string, CustomerEventRow[]>();
  for (const e of input.customerEvents)
    eventsOf.set(e.customerId, [...(eventsOf.get(e.customerId) ?? []), e]);
  const measured = new Map<
    LtvGroupKey,
    { pending: number; repeat: number; retained: number; values: number[] }
  >(ltvGroupKeys.map((k) => [k, { pending: 0, repeat: 0, retained: 0, values: [] }]));

  for (const [customerId, anchor] of anchorsOf(input)) {
    const events = eventsOf.get(customerId) ?? [];
    if (!events.some((e) => isValueEvent(e, input.currency))) continue;
    const g = measured.get(anchor.key)!;
    if (anchor.at + LTV_WINDOW_MS > input.asOf) {
      g.pending++;
      continue;
    }
    const within = events.filter((e) => e.at > anchor.at && e.at <= anchor.at + LTV_WINDOW_MS);
    if (within.some((e) => e.kind === 'order')) g.repeat++;
    if (within.some((e) => e.kind === 'order' || e.kind === 'subscription')) g.retained++;
    let value = 0;
    for (const e of within) {
      if (e.amountMinor === null || e.currency !== input.currency) continue;
      if (e.kind === 'order' || e.kind === 'subscription') value += e.amountMinor;
      if (e.kind === 'return') value -= e.amountMinor;
    }
    g.values.push(value);
  }

  return {
    windowDays: LTV_WINDOW_MS / 86_400_000,
    asOf: input.asOf,
    currency: input.currency,
    groups: ltvGroupKeys.map((key) => {
      const g = measured.get(key)!;
      const n = g.values.length;
      return {
        key,
        customers: n,
        pending: g.pending,
        repeatPurchase: wilson(g.repeat, n),
        retention: wilson(g.retained, n),
        valuePerCustomer: meanWithInterval(g.values),
      };
    }),
  };
}
