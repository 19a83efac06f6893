/**
 * The impact dashboard's figures, as pure functions over rows (the route loads the rows, see
 * impactRows.ts). A case is a task created in the range that an advocate claimed at least once;
 * it belongs to the advocate who last held it.
 *
 * - rates: resolved / escalated / transferred (≥ 1 transfer) / abandoned (≥ 1 abandon) over
 *   cases; reopened over resolved cases (a `reopen` event, once the reopen flow records one)
 * - times from the task's creation to its first claim, first reply, resolution: p50 and p90 by
 *   nearest rank (the smallest value with at least p% of values at or below it)
 * - SLA hit rate: of closed cases (resolved or escalated) with a due time, those closed by it
 * - CSAT: mean score of rated cases; response rate: rated / resolved
 * - cost per resolved case: every ledger entry of the group's cases (case pay, rating bonuses,
 *   tips) divided by its resolved cases, in minor units rounded half up to the cent
 *
 * Every ratio carries its numerator and denominator: never a bare ratio.
 */

import type { ClosedCase } from './lifetimeValue';

export type GroupBy =
  'advocate' | 'skill' | 'channel' | 'complexity' | 'tier' | 'language' | 'overall';

export interface TaskRow {
  id: string;
  createdAt: number;
  skills: string[];
  channel: string;
  complexity: number;
  slaDueAt: number | null;
  /** The task's language (pushed or detected); null when unknown. */
  language?: string | null;
  /** The brand's customer the task is about, if the brand said. */
  customerId?: string | null;
}
export interface EventRow {
  taskId: string;
  advocateId: string;
  type: string;
  at: number;
}
export interface LedgerRow {
  taskId: string;
  amountMinor: number;
}
export interface RatingRow {
  taskId: string;
  score: number;
}

export interface ImpactInput {
  tasks: TaskRow[];
  events: EventRow[];
  ledger: LedgerRow[];
  ratings: RatingRow[];
  /** The advocate's tier in this brand. */
  tierOf: (advocateId: string) => number | undefined;
}

export interface Rate {
  count: number;
  of: number;
  /** count / of, or null when `of` is 0. */
  rate: number | null;
}
export interface Percentiles {
  n: number;
  p50Ms: number | null;
  p90Ms: number | null;
}
export interface ImpactFigures {
  cases: number;
  resolution: Rate;
  escalation: Rate;
  transfer: Rate;
  abandon: Rate;
  reopen: Rate;
  slaHit: Rate;
  csat: { n: number; mean: number | null; response: Rate };
  timeToClaim: Percentiles;
  timeToFirstReply: Percentiles;
  timeToResolution: Percentiles;
  cost: { totalMinor: number; resolved: number; perResolvedMinor: number | null };
}

export const rate = (count: number, of: number): Rate => ({
  count,
  of,
  rate: of === 0 ? null : count / of,
});

/** Nearest-rank percentile of unsorted values; null for none. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const percentiles = (values: number[]): Percentiles => ({
  n: values.length,
  p50Ms: percentile(values, 50),
  p90Ms: percentile(values, 90),
});

/** Integer division rounded half up (amounts are non-negative). */
const divideToCent = (minor: number, by: number) =>
  by === 0 ? null : Math.floor((2 * minor + by) / (2 * by));

interface Case {
  task: TaskRow;
  advocateId: string;
  events: EventRow[];
  /** The case's last resolution or escalation, if any: how it ended. */
  closer: EventRow | undefined;
}

function casesOf(input: ImpactInput): Case[] {
  const byTask = new Map<string, EventRow[]>();
  for (const e of [...input.events].sort((a, b) => a.at - b.at)) {
    const list = byTask.get(e.taskId) ?? [];
    list.push(e);
    byTask.set(e.taskId, list);
  }
  const out: Case[] = [];
  for (const task of input.tasks) {
    const events = byTask.get(task.id) ?? [];
    const claims = events.filter((e) => e.type === 'claim');
    if (claims.length === 0) continue;
    const closer = events.filter((e) => e.type === 'resolve' || e.type === 'escalate').at(-1);
    out.push({ task, events, closer, advocateId: (closer ?? claims.at(-1)!).advocateId });
  }
  return out;
}

function keysOf(c: Case, by: GroupBy, input: ImpactInput): string[] {
  switch (by) {
    case 'overall':
      return ['all'];
    case 'advocate':
      return [c.advocateId];
    case 'skill':
      return c.task.skills.length ? c.task.skills : ['(none)'];
    case 'channel':
      return [c.task.channel];
    case 'complexity':
      return [String(c.task.complexity)];
    case 'tier':
      return [String(input.tierOf(c.advocateId) ?? '(unknown)')];
    case 'language':
      return [c.task.language ?? '(unknown)'];
  }
}

export function figuresOf(cases: Case[], input: ImpactInput): ImpactFigures {
  const first = (c: Case, type: string) => c.events.find((e) => e.type === type);
  const has = (c: Case, type: string) => c.events.some((e) => e.type === type);
  const resolved = cases.filter((c) => has(c, 'resolve'));
  const escalated = cases.filter((c) => has(c, 'escalate'));
  const closedWithSla = cases.filter(
    (c) => c.task.slaDueAt !== null && (has(c, 'resolve') || has(c, 'escalate')),
  );
  const slaHits = closedWithSla.filter(
    (c) => (first(c, 'resolve') ?? first(c, 'escalate'))!.at <= c.task.slaDueAt!,
  );
  const ids = new Set(cases.map((c) => c.task.id));
  const resolvedIds = new Set(resolved.map((c) => c.task.id));
  const ratings = input.ratings.filter((r) => ids.has(r.taskId));
  const ratedResolved = ratings.filter((r) => resolvedIds.has(r.taskId));
  const totalMinor = input.ledger
    .filter((l) => ids.has(l.taskId))
    .reduce((s, l) => s + l.amountMinor, 0);
  const since = (c: Case, type: string) => {
    const e = first(c, type);
    return e ? [e.at - c.task.createdAt] : [];
  };
  return {
    cases: cases.length,
    resolution: rate(resolved.length, cases.length),
    escalation: rate(escalated.length, cases.length),
    transfer: rate(cases.filter((c) => has(c, 'transfer')).length, cases.length),
    abandon: rate(cases.filter((c) => has(c, 'abandon')).length, cases.length),
    reopen: rate(resolved.filter((c) => has(c, 'reopen')).length, resolved.length),
    slaHit: rate(slaHits.length, closedWithSla.length),
    csat: {
      n: ratings.length,
      mean: ratings.length ? ratings.reduce((s, r) => s + r.score, 0) / ratings.length : null,
      response: rate(ratedResolved.length, resolved.length),
    },
    timeToClaim: percentiles(cases.flatMap((c) => since(c, 'claim'))),
    timeToFirstReply: percentiles(cases.flatMap((c) => since(c, 'reply'))),
    timeToResolution: percentiles(cases.flatMap((c) => since(c, 'resolve'))),
    cost: {
      totalMinor,
      resolved: resolved.length,
      perResolvedMinor: divideToCent(totalMinor, resolved.length),
    },
  };
}

/** The figures of every group (a task with several skills counts in each), sorted by key. */
export function impact(input: ImpactInput, by: GroupBy) {
  const groups = new Map<string, Case[]>();
  for (const c of casesOf(input))
    for (const k of keysOf(c, by, input)) groups.set(k, [...(groups.get(k) ?? []), c]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, cases]) => ({ key, ...figuresOf(cases, input) }));
}

/** The cases of known customers that an advocate closed, for the lifetime-value panel. */
export function closedCases(input: ImpactInput): ClosedCase[] {
  return casesOf(input).flatMap((c) =>
    c.task.customerId && c.closer
      ? [
          {
            customerId: c.task.customerId,
            outcome: c.closer.type === 'resolve' ? ('resolved' as const) : ('escalated' as const),
            at: c.closer.at,
          },
        ]
      : [],
  );
}
