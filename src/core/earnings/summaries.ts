import type {
  BrandTotals,
  CurrencyTotals,
  Dashboard,
  EarningsRange,
  PeriodSummary,
  PeriodTotals,
  RatingSummary,
} from '../../shared/contract/earnings';
import {
  dayRange,
  formatDay,
  parseDay,
  periodContaining,
  type DayRange,
} from '../../shared/domain/time';
import type { Db } from '../db/open';
import { anyEntries } from './ledgerRepo';
import { brandNames } from './namesRepo';
import {
  amountsBetween,
  amountsInWindows,
  casesBetween,
  casesInWindows,
  dailyAmountsBetween,
  ratingsBetween,
  ratingsInWindows,
  monthOfDay,
  monthTotals,
  type AmountRow,
  type CasesRow,
  type RatingsRow,
} from './rollupRepo';
import { readZone, weekStart } from './zone';

const HOUR_MS = 3_600_000;

/** The local days a range covers, in `zone`, as of `now`; weeks start on ISO day `firstDay`. */
export function resolveRange(
  range: EarningsRange,
  now: number,
  zone: string,
  firstDay: number,
): DayRange {
  switch (range.kind) {
    case 'today':
      return periodContaining(now, 'day', zone);
    case 'week':
      return periodContaining(now, 'week', zone, firstDay);
    case 'month':
      return periodContaining(now, 'month', zone);
    case 'custom':
      return dayRange(parseDay(range.from)!, parseDay(range.to)!, zone);
  }
}

/** Integer division rounded half away from zero (money stays integral). */
function divRound(numerator: number, denominator: number): number {
  const q = Math.abs(numerator) / denominator;
  return Math.sign(numerator) * Math.floor(q + 0.5);
}

function currencyTotals(amounts: AmountRow[], cases: CasesRow[]): CurrencyTotals[] {
  const byCurrency = new Map<string, CurrencyTotals & { timedAmount: number; workMs: number }>();
  const slot = (currency: string) => {
    let t = byCurrency.get(currency);
    if (!t) {
      t = {
        currency,
        amountMinor: 0,
        byStatus: { estimated: 0, pending: 0, confirmed: 0, paid: 0 },
        entries: 0,
        cases: 0,
        averagePerCaseMinor: null,
        hourlyRateMinor: null,
        timedAmount: 0,
        workMs: 0,
      };
      byCurrency.set(currency, t);
    }
    return t;
  };
  for (const a of amounts) {
    const t = slot(a.currency);
    t.amountMinor += a.amountMinor;
    t.entries += a.entries;
    if (a.status in t.byStatus)
      t.byStatus[a.status as keyof CurrencyTotals['byStatus']] += a.amountMinor;
  }
  for (const c of cases) {
    const t = slot(c.currency);
    t.cases += c.cases;
    t.timedAmount += c.timedAmountMinor;
    t.workMs += c.workMs;
  }
  return [...byCurrency.values()]
    .filter((t) => t.entries !== 0 || t.cases !== 0)
    .map(({ timedAmount, workMs, ...t }) => ({
      ...t,
      averagePerCaseMinor: t.cases > 0 ? divRound(t.amountMinor, t.cases) : null,
      hourlyRateMinor: workMs > 0 ? divRound(timedAmount * HOUR_MS, workMs) : null,
    }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

function ratingSummary(rows: RatingsRow[]): RatingSummary {
  const distribution = [0, 0, 0, 0, 0];
  let count = 0;
  let sum = 0;
  for (const r of rows) {
    if (r.score < 1 || r.score > 5) continue;
    distribution[r.score - 1]! += r.ratings;
    count += r.ratings;
    sum += r.score * r.ratings;
  }
  return { count, averageScore: count > 0 ? sum / count : null, distribution };
}

const forBrand = <T extends { brandId: string }>(rows: T[], brandId: string | null): T[] =>
  brandId === null ? rows : rows.filter((r) => r.brandId === brandId);

/**
 * Today, this week (starting where the advocate's locale says) and this month in their zone: today and the week in one pass over
 * the week's daily rollups, the month from the monthly rollup.
 */
export function dashboard(db: Db, now: number): Dashboard {
  const zone = readZone(db);
  const today = periodContaining(now, 'day', zone);
  const week = periodContaining(now, 'week', zone, weekStart(db));
  const month = periodContaining(now, 'month', zone);
  const windows = [
    [today.fromDay, today.toDay],
    [week.fromDay, week.toDay],
  ] as const;
  const amounts = amountsInWindows(db, windows);
  const cases = casesInWindows(db, windows);
  const ratings = ratingsInWindows(db, windows);
  const monthly = monthTotals(db, monthOfDay(month.fromDay));
  const totals = (
    range: DayRange,
    a: AmountRow[],
    c: CasesRow[],
    r: RatingsRow[],
  ): PeriodTotals => ({
    from: formatDay(range.fromDay),
    to: formatDay(range.toDay),
    totals: currencyTotals(a, c),
    ratings: ratingSummary(r),
  });
  return {
    timeZone: zone,
    hasEntries: anyEntries(db),
    today: totals(today, amounts[0]!, cases[0]!, ratings[0]!),
    week: totals(week, amounts[1]!, cases[1]!, ratings[1]!),
    month: totals(month, monthly.amounts, monthly.cases, monthly.ratings),
  };
}

export function periodSummary(
  db: Db,
  range: EarningsRange,
  brandId: string | null,
  now: number,
): PeriodSummary {
  const zone = readZone(db);
  const days = resolveRange(range, now, zone, weekStart(db));
  const names = brandNames(db);
  const byBrand = new Map<string, BrandTotals>();
  const brandSlot = (brand: string, currency: string) => {
    const key = `${brand}\u0000${currency}`;
    let b = byBrand.get(key);
    if (!b) {
      b = {
        brandId: brand,
        brandName: names.get(brand) ?? brand,
        currency,
        amountMinor: 0,
        cases: 0,
      };
      byBrand.set(key, b);
    }
    return b;
  };
  const amounts = forBrand(amountsBetween(db, days.fromDay, days.toDay), brandId);
  const cases = forBrand(casesBetween(db, days.fromDay, days.toDay), brandId);
  for (const a of amounts) brandSlot(a.brandId, a.currency).amountMinor += a.amountMinor;
  for (const c of cases) brandSlot(c.brandId, c.currency).cases += c.cases;
  return {
    timeZone: zone,
    from: formatDay(days.fromDay),
    to: formatDay(days.toDay),
    totals: currencyTotals(amounts, cases),
    ratings: ratingSummary(forBrand(ratingsBetween(db, days.fromDay, days.toDay), brandId)),
    byBrand: [...byBrand.values()].sort(
      (a, b) => a.brandName.localeCompare(b.brandName) || a.currency.localeCompare(b.currency),
    ),
    daily: dailyAmountsBetween(db, days.fromDay, days.toDay, brandId).map((d) => ({
      day: formatDay(d.day),
      currency: d.currency,
      amountMinor: d.amountMinor,
    })),
  };
}
