import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/core/db/open';
import { saveSettings } from '../../../src/core/settings';
import type { PayoutRules } from '../../../src/shared/domain/payout';
import type { LedgerEntryView, RatingView } from '../../../src/shared/protocol';

export interface TempDb {
  db: Db;
  dir: string;
  close: () => void;
}

/** A real local database file in a temp folder, with the advocate's zone set. */
export function tempDb(timeZone = 'Europe/Berlin'): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-earnings-'));
  const db = openDatabase(join(dir, 'gigdesk.sqlite'));
  saveSettings(db, { timeZone });
  return {
    db,
    dir,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const rules: PayoutRules = {
  currency: 'EUR',
  basePerComplexity: { '1': 200, '2': 350, '3': 500, '4': 800, '5': 1200 },
  outcomeMultiplierBps: { resolved: 10_000, escalated: 6_000, transferred: 3_000 },
  ratingBonus: { '1': 0, '2': 0, '3': 0, '4': 50, '5': 150 },
};

export function serverEntry(over: Partial<LedgerEntryView> & { id: string }): LedgerEntryView {
  return {
    taskId: 'task-1',
    brandId: 'brand-a',
    kind: 'case',
    outcome: 'resolved',
    amountMinor: 500,
    currency: 'EUR',
    status: 'pending',
    ruleVersion: 1,
    lines: [],
    occurredAt: Date.UTC(2026, 2, 10, 12),
    ...over,
  };
}

export function rating(over: Partial<RatingView> = {}): RatingView {
  return {
    taskId: 'task-1',
    brandId: 'brand-a',
    score: 5,
    comment: null,
    tipMinor: null,
    ratedAt: Date.UTC(2026, 2, 10, 13),
    ...over,
  };
}

/** Every rollup row, as comparable data (rows that net to zero left out). */
export function rollupSnapshot(db: Db): unknown {
  return {
    amounts: db
      .prepare(
        `SELECT day, brand_id, currency, status, amount_minor, entries FROM earnings_rollup_amounts
          WHERE amount_minor != 0 OR entries != 0 ORDER BY 1, 2, 3, 4`,
      )
      .all(),
    cases: db
      .prepare(
        `SELECT * FROM earnings_rollup_cases
          WHERE cases != 0 OR timed_cases != 0 OR work_ms != 0 OR timed_amount_minor != 0
          ORDER BY 1, 2, 3`,
      )
      .all(),
    ratings: db
      .prepare('SELECT * FROM earnings_rollup_ratings WHERE ratings != 0 ORDER BY 1, 2, 3')
      .all(),
    monthAmounts: db
      .prepare(
        `SELECT * FROM earnings_rollup_month_amounts
          WHERE amount_minor != 0 OR entries != 0 ORDER BY 1, 2, 3`,
      )
      .all(),
    monthCases: db
      .prepare(
        `SELECT * FROM earnings_rollup_month_cases
          WHERE cases != 0 OR timed_cases != 0 OR work_ms != 0 OR timed_amount_minor != 0
          ORDER BY 1, 2`,
      )
      .all(),
    monthRatings: db
      .prepare('SELECT * FROM earnings_rollup_month_ratings WHERE ratings != 0 ORDER BY 1, 2')
      .all(),
  };
}
