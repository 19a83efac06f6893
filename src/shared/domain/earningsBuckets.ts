import { formatDay, isoWeekday, parseDay } from './time';

/**
 * The bars of an earnings chart: one per local day for a range of up to a month, per week
 * (Monday to Sunday) up to half a year, per calendar month beyond. Days are the advocate's own
 * (the summary counts them in their zone), so a bar and its label always name the same days.
 */
export type BucketSize = 'day' | 'week' | 'month';

export interface EarningsBucket {
  size: BucketSize;
  /** First and last local day the bar covers ("2026-12-01"), clipped to the range. */
  from: string;
  to: string;
  amountMinor: number;
}

const MAX_DAILY = 31;
const MAX_WEEKLY = 26 * 7;

export function bucketSizeFor(fromDay: number, toDay: number): BucketSize {
  const days = toDay - fromDay + 1;
  return days <= MAX_DAILY ? 'day' : days <= MAX_WEEKLY ? 'week' : 'month';
}

function bucketStart(day: number, size: BucketSize): number {
  if (size === 'day') return day;
  if (size === 'week') return day - (isoWeekday(day) - 1);
  return parseDay(`${formatDay(day).slice(0, 7)}-01`)!;
}

function nextStart(start: number, size: BucketSize): number {
  if (size === 'day') return start + 1;
  if (size === 'week') return start + 7;
  const [y, m] = formatDay(start).split('-').map(Number) as [number, number];
  return parseDay(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`)!;
}

/**
 * Every bucket of `from`…`to` (empty ones too, so gaps show as gaps), with the amounts of
 * `currency` summed into them. `daily`: the summary's per-day amounts.
 */
export function earningsBuckets(
  daily: readonly { day: string; currency: string; amountMinor: number }[],
  from: string,
  to: string,
  currency: string,
): EarningsBucket[] {
  const fromDay = parseDay(from);
  const toDay = parseDay(to);
  if (fromDay === null || toDay === null || toDay < fromDay) return [];
  const size = bucketSizeFor(fromDay, toDay);
  const buckets: EarningsBucket[] = [];
  const index = new Map<number, EarningsBucket>();
  for (let start = bucketStart(fromDay, size); start <= toDay; start = nextStart(start, size)) {
    const bucket = {
      size,
      from: formatDay(Math.max(start, fromDay)),
      to: formatDay(Math.min(nextStart(start, size) - 1, toDay)),
      amountMinor: 0,
    };
    buckets.push(bucket);
    index.set(start, bucket);
  }
  for (const d of daily) {
    const day = parseDay(d.day);
    if (d.currency !== currency || day === null || day < fromDay || day > toDay) continue;
    index.get(bucketStart(day, size))!.amountMinor += d.amountMinor;
  }
  return buckets;
}
