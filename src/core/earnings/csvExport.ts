import { defuseFormula, toCsv } from '../../shared/domain/csv';
import { dayNumberAt, formatDay, type DayRange } from '../../shared/domain/time';
import type { Db } from '../db/open';
import { iterateCountedEntries } from './entriesRepo';
import { findRating, type RatingRow } from './ledgerRepo';

export const csvHeader = [
  'date',
  'occurred_at_utc',
  'case_id',
  'subject',
  'brand',
  'kind',
  'status',
  'amount',
  'amount_minor',
  'currency',
  'rule_version',
  'rating',
  'rating_comment',
  'source',
  'entry_id',
] as const;

const fractionDigits = new Map<string, number>();

/** Minor units as a plain decimal in major units ("-12.50"), exact for any integer. */
export function minorToDecimal(amountMinor: number, currency: string): string {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    fractionDigits.set(currency, digits);
  }
  const abs = Math.abs(amountMinor)
    .toString()
    .padStart(digits + 1, '0');
  const major = digits > 0 ? `${abs.slice(0, -digits)}.${abs.slice(-digits)}` : abs;
  return amountMinor < 0 ? `-${major}` : major;
}

/**
 * The counted entries of a range as RFC 4180 CSV, oldest first; with its row count. `bom`
 * starts the text with a UTF-8 byte-order mark, for Excel.
 */
export function earningsCsv(
  db: Db,
  range: DayRange,
  brandId: string | null,
  zone: string,
  options: { bom?: boolean } = {},
): { csv: string; rows: number } {
  const rows: string[][] = [[...csvHeader]];
  const ratings = new Map<string, RatingRow | undefined>();
  for (const e of iterateCountedEntries(db, range.startMs, range.endMs, brandId)) {
    if (!ratings.has(e.taskId)) ratings.set(e.taskId, findRating(db, e.taskId));
    const rating = ratings.get(e.taskId);
    rows.push([
      formatDay(dayNumberAt(e.occurredAt, zone)),
      new Date(e.occurredAt).toISOString(),
      e.taskId,
      defuseFormula(e.subject ?? ''),
      defuseFormula(e.brandName),
      e.kind,
      e.status,
      minorToDecimal(e.amountMinor, e.currency),
      String(e.amountMinor),
      e.currency,
      e.ruleVersion === null ? '' : String(e.ruleVersion),
      rating ? String(rating.score) : '',
      defuseFormula(rating?.comment ?? ''),
      e.source,
      e.id,
    ]);
  }
  return { csv: toCsv(rows, options), rows: rows.length - 1 };
}
