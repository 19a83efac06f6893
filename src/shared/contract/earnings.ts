import { z } from 'zod';
import { CurrencyCode } from '../domain/money';
import { parseDay } from '../domain/time';
import { channel, NoInput } from './define';

/** A local calendar date "YYYY-MM-DD" in the advocate's zone. */
export const DayText = z
  .string()
  .refine((s) => parseDay(s) !== null, 'expected a date such as 2026-03-31');

export const EarningsRange = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('today') }),
  z.strictObject({ kind: z.literal('week') }),
  z.strictObject({ kind: z.literal('month') }),
  z
    .strictObject({ kind: z.literal('custom'), from: DayText, to: DayText })
    .refine((r) => r.from <= r.to, 'the range must not end before it starts')
    .refine(
      (r) => parseDay(r.to)! - parseDay(r.from)! < 3660,
      'choose a range of at most ten years',
    ),
]);
export type EarningsRange = z.infer<typeof EarningsRange>;

export const EntryStatus = z.enum(['estimated', 'pending', 'confirmed', 'paid']);
export type EntryStatus = z.infer<typeof EntryStatus>;
export const EntryKind = z.enum(['payout', 'rating_bonus', 'tip', 'adjustment', 'clawback']);
export type EntryKind = z.infer<typeof EntryKind>;

const Minor = z.number().int();

export const CurrencyTotals = z.object({
  currency: CurrencyCode,
  amountMinor: Minor,
  byStatus: z.object({ estimated: Minor, pending: Minor, confirmed: Minor, paid: Minor }),
  entries: z.number().int(),
  cases: z.number().int(),
  averagePerCaseMinor: Minor.nullable(),
  /** Payout of timed cases over the time from claim to resolution, per hour; null if unknown. */
  hourlyRateMinor: Minor.nullable(),
});
export type CurrencyTotals = z.infer<typeof CurrencyTotals>;

export const BrandTotals = z.object({
  brandId: z.string(),
  brandName: z.string(),
  currency: CurrencyCode,
  amountMinor: Minor,
  cases: z.number().int(),
});
export type BrandTotals = z.infer<typeof BrandTotals>;

export const RatingSummary = z.object({
  count: z.number().int(),
  averageScore: z.number().nullable(),
  /** Counts of 1…5 stars, in that order. */
  distribution: z.array(z.number().int()).length(5),
});
export type RatingSummary = z.infer<typeof RatingSummary>;

export const PeriodTotals = z.object({
  from: DayText,
  to: DayText,
  /** One per currency: amounts are never summed across currencies. */
  totals: z.array(CurrencyTotals),
  ratings: RatingSummary,
});
export type PeriodTotals = z.infer<typeof PeriodTotals>;

export const Dashboard = z.object({
  timeZone: z.string(),
  /** False until the first entry ever (estimated or from the server) is recorded. */
  hasEntries: z.boolean(),
  today: PeriodTotals,
  week: PeriodTotals,
  month: PeriodTotals,
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DailyAmount = z.object({ day: DayText, currency: CurrencyCode, amountMinor: Minor });
export type DailyAmount = z.infer<typeof DailyAmount>;

export const PeriodSummary = PeriodTotals.extend({
  timeZone: z.string(),
  byBrand: z.array(BrandTotals),
  /** Every day of the range with entries, per currency, oldest first. */
  daily: z.array(DailyAmount),
});
export type PeriodSummary = z.infer<typeof PeriodSummary>;

export const EntryView = z.object({
  id: z.string(),
  taskId: z.string(),
  brandId: z.string(),
  brandName: z.string(),
  subject: z.string().nullable(),
  kind: EntryKind,
  amountMinor: Minor,
  currency: CurrencyCode,
  status: EntryStatus,
  ruleVersion: z.number().int().nullable(),
  occurredAt: z.number().int(),
  source: z.enum(['local', 'server']),
  /** The server entry that replaced this local estimate (shown in a case's history only). */
  supersededBy: z.string().nullable(),
});
export type EntryView = z.infer<typeof EntryView>;

export const EntriesQuery = z.strictObject({
  range: EarningsRange,
  brandId: z.string().nullable().default(null),
  limit: z.number().int().min(1).max(20_000).default(5000),
});

export const EntriesPage = z.object({ total: z.number().int(), entries: z.array(EntryView) });
export type EntriesPage = z.infer<typeof EntriesPage>;

export const ComputationLine = z.object({
  kind: z.string(),
  label: z.string(),
  amountMinor: Minor,
  factorBps: z.number().int().nullable(),
  entryId: z.string(),
});
export type ComputationLine = z.infer<typeof ComputationLine>;

export const CaseDetail = z.object({
  taskId: z.string(),
  brandId: z.string(),
  brandName: z.string(),
  subject: z.string().nullable(),
  complexity: z.number().int().nullable(),
  outcome: z.string().nullable(),
  currency: CurrencyCode,
  /** Sum of the counted entries: equals the sum of `lines`. */
  totalMinor: Minor,
  status: EntryStatus,
  ruleVersion: z.number().int().nullable(),
  lines: z.array(ComputationLine),
  claimedAt: z.number().int().nullable(),
  resolvedAt: z.number().int().nullable(),
  rating: z
    .object({
      score: z.number().int(),
      comment: z.string().nullable(),
      tipMinor: Minor.nullable(),
      ratedAt: z.number().int(),
    })
    .nullable(),
  /** Every entry of the case, including replaced estimates. */
  entries: z.array(EntryView),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const ExportResult = z.object({
  /** Where the file was saved, or null when the advocate cancelled the dialog. */
  path: z.string().nullable(),
  rows: z.number().int(),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const earningsChannels = {
  'earnings:dashboard': channel(NoInput, Dashboard),
  'earnings:summary': channel(
    z.strictObject({ range: EarningsRange, brandId: z.string().nullable().default(null) }),
    PeriodSummary,
  ),
  'earnings:entries': channel(EntriesQuery, EntriesPage),
  'earnings:case': channel(z.strictObject({ taskId: z.string().min(1) }), CaseDetail),
  'earnings:export': channel(
    z.strictObject({
      range: EarningsRange,
      brandId: z.string().nullable().default(null),
      /** Start the file with a UTF-8 byte-order mark, so Excel reads "María" and "佐藤" right. */
      bom: z.boolean().default(false),
    }),
    ExportResult,
  ),
};
