import { civilFromDays, dayNumberAt } from '../../shared/domain/time';
import type { Db } from '../db/open';
import { CURRENT_STATUS } from './ledgerRepo';
import { prepared } from './statements';

/** The zone the rollups' local days are in, or null before the first write. */
export function rollupZone(db: Db): string | null {
  return (
    (prepared(db, 'SELECT time_zone FROM earnings_meta WHERE id = 1').pluck().get() as
      string | undefined) ?? null
  );
}

/** A string setting as stored, or null when unset, unreadable or longer than `max`. */
function storedText(db: Db, key: 'timeZone' | 'locale', max: number): string | null {
  const raw = prepared(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as
    string | undefined;
  if (raw === undefined) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' && value.length > 0 && value.length <= max ? value : null;
  } catch {
    return null;
  }
}

/**
 * Settings' `timeZone` as stored (read alone: the summaries ask on every call), or null when
 * unset or unreadable — then the OS zone applies, as `loadSettings` would answer.
 */
export function storedTimeZone(db: Db): string | null {
  return storedText(db, 'timeZone', 64);
}

/** Settings' `locale` as stored (read alone, like the zone), or null: the OS locale applies. */
export function storedLocale(db: Db): string | null {
  return storedText(db, 'locale', 35);
}

export function setRollupZone(db: Db, zone: string): void {
  prepared(
    db,
    `INSERT INTO earnings_meta (id, time_zone) VALUES (1, ?)
     ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone`,
  ).run(zone);
}

export function addAmount(
  db: Db,
  day: number,
  brandId: string,
  currency: string,
  status: string,
  amountMinor: number,
  entries: number,
): void {
  prepared(
    db,
    `INSERT INTO earnings_rollup_amounts (day, brand_id, currency, status, amount_minor, entries)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor,
                               entries = entries + excluded.entries`,
  ).run(day, brandId, currency, status, amountMinor, entries);
  prepared(
    db,
    `INSERT INTO earnings_rollup_month_amounts (month, currency, status, amount_minor, entries)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor,
                               entries = entries + excluded.entries`,
  ).run(monthOfDay(day), currency, status, amountMinor, entries);
}

export interface CaseDelta {
  cases: number;
  timedCases: number;
  workMs: number;
  timedAmountMinor: number;
}

export function addCases(
  db: Db,
  day: number,
  brandId: string,
  currency: string,
  d: CaseDelta,
): void {
  prepared(
    db,
    `INSERT INTO earnings_rollup_cases (day, brand_id, currency, cases, timed_cases, work_ms, timed_amount_minor)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET cases = cases + excluded.cases,
       timed_cases = timed_cases + excluded.timed_cases, work_ms = work_ms + excluded.work_ms,
       timed_amount_minor = timed_amount_minor + excluded.timed_amount_minor`,
  ).run(day, brandId, currency, d.cases, d.timedCases, d.workMs, d.timedAmountMinor);
  prepared(
    db,
    `INSERT INTO earnings_rollup_month_cases (month, currency, cases, timed_cases, work_ms, timed_amount_minor)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET cases = cases + excluded.cases,
       timed_cases = timed_cases + excluded.timed_cases, work_ms = work_ms + excluded.work_ms,
       timed_amount_minor = timed_amount_minor + excluded.timed_amount_minor`,
  ).run(monthOfDay(day), currency, d.cases, d.timedCases, d.workMs, d.timedAmountMinor);
}

export function addRatings(db: Db, day: number, brandId: string, score: number, n: number): void {
  prepared(
    db,
    `INSERT INTO earnings_rollup_ratings (day, brand_id, score, ratings) VALUES (?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET ratings = ratings + excluded.ratings`,
  ).run(day, brandId, score, n);
  prepared(
    db,
    `INSERT INTO earnings_rollup_month_ratings (month, score, ratings) VALUES (?, ?, ?)
     ON CONFLICT DO UPDATE SET ratings = ratings + excluded.ratings`,
  ).run(monthOfDay(day), score, n);
}

/** year × 12 + month − 1 of a local day number. */
export function monthOfDay(day: number): number {
  const { year, month } = civilFromDays(day);
  return year * 12 + month - 1;
}

/**
 * Recomputes every rollup from the facts, for local days in `zone`. Run when the advocate's zone
 * changes (and after bulk loads); the caller holds the transaction.
 */
export function rebuildRollups(db: Db, zone: string): void {
  db.exec(`DELETE FROM earnings_rollup_amounts; DELETE FROM earnings_rollup_cases;
           DELETE FROM earnings_rollup_ratings; DELETE FROM earnings_rollup_month_amounts;
           DELETE FROM earnings_rollup_month_cases; DELETE FROM earnings_rollup_month_ratings;`);
  setRollupZone(db, zone);

  const amounts = new Map<string, { amount: number; entries: number }>();
  const rows = db
    .prepare(
      `SELECT e.occurred_at, e.brand_id, e.currency, e.amount_minor, ${CURRENT_STATUS} AS status
         FROM ledger_entries e
        WHERE NOT EXISTS (SELECT 1 FROM ledger_supersessions x WHERE x.entry_id = e.id)`,
    )
    .raw()
    .iterate() as IterableIterator<[number, string, string, number, string]>;
  for (const [at, brand, currency, amount, status] of rows) {
    const key = `${dayNumberAt(at, zone)}\u0000${brand}\u0000${currency}\u0000${status}`;
    const slot = amounts.get(key);
    if (slot) {
      slot.amount += amount;
      slot.entries += 1;
    } else amounts.set(key, { amount, entries: 1 });
  }
  for (const [key, v] of amounts) {
    const [day, brand, currency, status] = key.split('\u0000') as [string, string, string, string];
    addAmount(db, Number(day), brand, currency, status, v.amount, v.entries);
  }

  const cases = db
    .prepare(
      `SELECT c.resolved_at, c.brand_id, c.currency, c.claimed_at,
              (SELECT COALESCE(SUM(e.amount_minor), 0) FROM ledger_entries e
                WHERE e.task_id = c.task_id AND e.currency = c.currency
                  AND NOT EXISTS (SELECT 1 FROM ledger_supersessions x WHERE x.entry_id = e.id))
         FROM earnings_cases c WHERE c.resolved_at IS NOT NULL AND c.currency IS NOT NULL`,
    )
    .raw()
    .all() as [number, string, string, number | null, number][];
  for (const [resolvedAt, brand, currency, claimedAt, total] of cases) {
    addCases(
      db,
      dayNumberAt(resolvedAt, zone),
      brand,
      currency,
      caseContribution(claimedAt, resolvedAt, total),
    );
  }

  const ratings = db.prepare('SELECT rated_at, brand_id, score FROM ratings').raw().all() as [
    number,
    string,
    number,
  ][];
  for (const [at, brand, score] of ratings) addRatings(db, dayNumberAt(at, zone), brand, score, 1);
}

/** What one resolved case adds to the cases rollup: timed only with a sane claim time. */
export function caseContribution(
  claimedAt: number | null,
  resolvedAt: number,
  totalMinor: number,
): CaseDelta {
  const timed = claimedAt !== null && claimedAt <= resolvedAt;
  return {
    cases: 1,
    timedCases: timed ? 1 : 0,
    workMs: timed ? resolvedAt - claimedAt : 0,
    timedAmountMinor: timed ? totalMinor : 0,
  };
}

// ---------------------------------------------------------------- reads

export interface AmountRow {
  brandId: string;
  currency: string;
  status: string;
  amountMinor: number;
  entries: number;
}

export function amountsBetween(db: Db, fromDay: number, toDay: number): AmountRow[] {
  return prepared<[number, number], AmountRow>(
    db,
    `SELECT brand_id AS brandId, currency, status, SUM(amount_minor) AS amountMinor,
            SUM(entries) AS entries
       FROM earnings_rollup_amounts WHERE day BETWEEN ? AND ?
      GROUP BY brand_id, currency, status`,
  ).all(fromDay, toDay);
}

export interface DailyRow {
  day: number;
  currency: string;
  amountMinor: number;
}

export function dailyAmountsBetween(
  db: Db,
  fromDay: number,
  toDay: number,
  brandId: string | null,
): DailyRow[] {
  return prepared<[number, number, string | null, string | null], DailyRow>(
    db,
    `SELECT day, currency, SUM(amount_minor) AS amountMinor FROM earnings_rollup_amounts
      WHERE day BETWEEN ? AND ? AND (? IS NULL OR brand_id = ?)
      GROUP BY day, currency ORDER BY day`,
  ).all(fromDay, toDay, brandId, brandId);
}

export interface CasesRow {
  brandId: string;
  currency: string;
  cases: number;
  timedCases: number;
  workMs: number;
  timedAmountMinor: number;
}

export function casesBetween(db: Db, fromDay: number, toDay: number): CasesRow[] {
  return prepared<[number, number], CasesRow>(
    db,
    `SELECT brand_id AS brandId, currency, SUM(cases) AS cases, SUM(timed_cases) AS timedCases,
            SUM(work_ms) AS workMs, SUM(timed_amount_minor) AS timedAmountMinor
       FROM earnings_rollup_cases WHERE day BETWEEN ? AND ? GROUP BY brand_id, currency`,
  ).all(fromDay, toDay);
}

export interface RatingsRow {
  brandId: string;
  score: number;
  ratings: number;
}

export function ratingsBetween(db: Db, fromDay: number, toDay: number): RatingsRow[] {
  return prepared<[number, number], RatingsRow>(
    db,
    `SELECT brand_id AS brandId, score, SUM(ratings) AS ratings FROM earnings_rollup_ratings
      WHERE day BETWEEN ? AND ? GROUP BY brand_id, score`,
  ).all(fromDay, toDay);
}

/** Inclusive day-number windows read in one pass (the dashboard's today / week / month). */
export type Windows = readonly (readonly [number, number])[];

type Columns = Record<string, string>;
type WindowRow<K extends Columns, S extends Columns> = { [k in keyof K]: string | number } & {
  [k in keyof S]: number;
};

/**
 * One pass over a rollup table for several day windows: grouped by `keys`, each of `sums`
 * summed per window (columns given as resultName → SQL column).
 */
function readWindows<K extends Columns, S extends Columns>(
  db: Db,
  table: string,
  keys: K,
  sums: S,
  windows: Windows,
): WindowRow<K, S>[][] {
  const keyCols = Object.values(keys).join(', ');
  const sumCols = windows.flatMap((_, w) =>
    Object.values(sums).map(
      (col) => `SUM(CASE WHEN day BETWEEN @f${w} AND @t${w} THEN ${col} ELSE 0 END)`,
    ),
  );
  const args: Record<string, number> = {
    from: Math.min(...windows.map((w) => w[0])),
    to: Math.max(...windows.map((w) => w[1])),
  };
  windows.forEach(([from, to], w) => {
    args[`f${w}`] = from;
    args[`t${w}`] = to;
  });
  const rows = prepared(
    db,
    `SELECT ${keyCols}, ${sumCols.join(', ')} FROM ${table}
      WHERE day BETWEEN @from AND @to GROUP BY ${keyCols}`,
  )
    .raw()
    .all(args) as (string | number)[][];
  const keyNames = Object.keys(keys);
  const sumNames = Object.keys(sums);
  return windows.map((_, w) =>
    rows.map((r) => {
      const out: Record<string, string | number> = {};
      keyNames.forEach((name, i) => (out[name] = r[i]!));
      sumNames.forEach(
        (name, j) => (out[name] = r[keyNames.length + w * sumNames.length + j] as number),
      );
      return out as WindowRow<K, S>;
    }),
  );
}

/** Per window: amounts by currency and status (all brands). */
export function amountsInWindows(db: Db, windows: Windows): AmountRow[][] {
  return readWindows(
    db,
    'earnings_rollup_amounts',
    { currency: 'currency', status: 'status' },
    { amountMinor: 'amount_minor', entries: 'entries' },
    windows,
  ).map((rows) =>
    rows.map((r) => ({
      ...r,
      brandId: '',
      currency: String(r.currency),
      status: String(r.status),
    })),
  );
}

/** Per window: cases by currency (all brands). */
export function casesInWindows(db: Db, windows: Windows): CasesRow[][] {
  return readWindows(
    db,
    'earnings_rollup_cases',
    { currency: 'currency' },
    {
      cases: 'cases',
      timedCases: 'timed_cases',
      workMs: 'work_ms',
      timedAmountMinor: 'timed_amount_minor',
    },
    windows,
  ).map((rows) => rows.map((r) => ({ ...r, brandId: '', currency: String(r.currency) })));
}

/** Per window: ratings by score (all brands). */
export function ratingsInWindows(db: Db, windows: Windows): RatingsRow[][] {
  return readWindows(
    db,
    'earnings_rollup_ratings',
    { score: 'score' },
    { ratings: 'ratings' },
    windows,
  ).map((rows) => rows.map((r) => ({ ...r, brandId: '', score: Number(r.score) })));
}

/** One calendar month (see `monthOfDay`), all brands, from the monthly rollups. */
export function monthTotals(
  db: Db,
  month: number,
): { amounts: AmountRow[]; cases: CasesRow[]; ratings: RatingsRow[] } {
  return {
    amounts: prepared<[number], AmountRow>(
      db,
      `SELECT '' AS brandId, currency, status, amount_minor AS amountMinor, entries
         FROM earnings_rollup_month_amounts WHERE month = ?`,
    ).all(month),
    cases: prepared<[number], CasesRow>(
      db,
      `SELECT '' AS brandId, currency, cases, timed_cases AS timedCases, work_ms AS workMs,
              timed_amount_minor AS timedAmountMinor
         FROM earnings_rollup_month_cases WHERE month = ?`,
    ).all(month),
    ratings: prepared<[number], RatingsRow>(
      db,
      `SELECT '' AS brandId, score, ratings FROM earnings_rollup_month_ratings WHERE month = ?`,
    ).all(month),
  };
}
