import type { Db } from '../db/open';
import { prepared } from './statements';

export type LedgerStatus = 'estimated' | 'pending' | 'confirmed' | 'paid';
export type EntryKind = 'payout' | 'rating_bonus' | 'tip' | 'adjustment' | 'clawback';
export type EntrySource = 'local' | 'server';

/** Statuses only move forward; the highest one reached is the entry's current status. */
export const statusRank: Record<LedgerStatus, number> = {
  estimated: 0,
  pending: 1,
  confirmed: 2,
  paid: 3,
};

export interface BreakdownLine {
  kind: string;
  label: string;
  amountMinor: number;
  factorBps?: number | undefined;
}

export interface NewEntry {
  id: string;
  taskId: string;
  brandId: string;
  kind: EntryKind;
  amountMinor: number;
  currency: string;
  /** The status the entry was first seen with. */
  status: LedgerStatus;
  ruleVersion: number | null;
  lines: BreakdownLine[];
  occurredAt: number;
  source: EntrySource;
  outcome: string | null;
}

export interface StoredEntry extends Omit<NewEntry, 'status'> {
  /** Current status: the highest status event. */
  status: LedgerStatus;
  /** Set when a server entry replaced this local estimate. */
  supersededBy: string | null;
}

/** SQL expression for the current status of ledger entry alias `e`. */
export const CURRENT_STATUS = `(SELECT s.status FROM ledger_status_events s WHERE s.entry_id = e.id ORDER BY s.rank DESC LIMIT 1)`;

const SELECT_ENTRY = `
  SELECT e.id, e.task_id AS taskId, e.brand_id AS brandId, e.kind, e.amount_minor AS amountMinor,
         e.currency, e.occurred_at AS occurredAt, e.source, e.rule_version AS ruleVersion,
         e.outcome, e.breakdown, ${CURRENT_STATUS} AS status, x.superseded_by AS supersededBy
    FROM ledger_entries e LEFT JOIN ledger_supersessions x ON x.entry_id = e.id`;

type EntryRow = Omit<StoredEntry, 'lines'> & { breakdown: string | null };

function toStored(row: EntryRow): StoredEntry {
  const { breakdown, ...rest } = row;
  return { ...rest, lines: breakdown ? (JSON.parse(breakdown) as BreakdownLine[]) : [] };
}

/** Appends an entry; false when an entry with this id is already there (facts never change). */
export function insertEntry(db: Db, entry: NewEntry): boolean {
  const info = prepared(
    db,
    `INSERT INTO ledger_entries (id, task_id, brand_id, kind, amount_minor, currency, status,
                                 rule_version, breakdown, occurred_at, source, outcome)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  ).run(
    entry.id,
    entry.taskId,
    entry.brandId,
    entry.kind,
    entry.amountMinor,
    entry.currency,
    entry.status,
    entry.ruleVersion,
    JSON.stringify(entry.lines),
    entry.occurredAt,
    entry.source,
    entry.outcome,
  );
  return info.changes === 1;
}

export function addStatusEvent(
  db: Db,
  entryId: string,
  status: LedgerStatus,
  observedAt: number,
): void {
  prepared(
    db,
    `INSERT INTO ledger_status_events (entry_id, status, rank, observed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  ).run(entryId, status, statusRank[status], observedAt);
}

export function anyEntries(db: Db): boolean {
  return prepared(db, 'SELECT EXISTS (SELECT 1 FROM ledger_entries)').pluck().get() === 1;
}

export function findEntry(db: Db, id: string): StoredEntry | undefined {
  const row = prepared<[string], EntryRow>(db, `${SELECT_ENTRY} WHERE e.id = ?`).get(id);
  return row ? toStored(row) : undefined;
}

export function entriesOfTask(db: Db, taskId: string): StoredEntry[] {
  return prepared<[string], EntryRow>(
    db,
    `${SELECT_ENTRY} WHERE e.task_id = ? ORDER BY e.occurred_at, e.rowid`,
  )
    .all(taskId)
    .map(toStored);
}

/** Local estimates of a case still counted (not yet replaced by the server's entry). */
export function liveEstimates(db: Db, taskId: string): StoredEntry[] {
  return entriesOfTask(db, taskId).filter((e) => e.source === 'local' && !e.supersededBy);
}

/** True once the server has written its own payout (or clawback) entry for the case. */
export function hasServerCaseEntry(db: Db, taskId: string): boolean {
  return (
    prepared(
      db,
      `SELECT 1 FROM ledger_entries WHERE task_id = ? AND source = 'server'
          AND kind IN ('payout', 'clawback', 'adjustment') LIMIT 1`,
    ).get(taskId) !== undefined
  );
}

export function supersede(db: Db, entryId: string, byEntryId: string, observedAt: number): void {
  prepared(
    db,
    `INSERT INTO ledger_supersessions (entry_id, superseded_by, observed_at) VALUES (?, ?, ?)
     ON CONFLICT DO NOTHING`,
  ).run(entryId, byEntryId, observedAt);
}

/** Sum of the counted (not superseded) entries of a case in one currency. */
export function caseTotalMinor(db: Db, taskId: string, currency: string): number {
  return (
    (prepared(
      db,
      `SELECT COALESCE(SUM(e.amount_minor), 0) FROM ledger_entries e
        WHERE e.task_id = ? AND e.currency = ?
          AND NOT EXISTS (SELECT 1 FROM ledger_supersessions x WHERE x.entry_id = e.id)`,
    )
      .pluck()
      .get(taskId, currency) as number) ?? 0
  );
}

// ---------------------------------------------------------------- cases

export interface CaseRow {
  taskId: string;
  brandId: string;
  currency: string | null;
  claimedAt: number | null;
  resolvedAt: number | null;
}

export function findCase(db: Db, taskId: string): CaseRow | undefined {
  return prepared<[string], CaseRow>(
    db,
    `SELECT task_id AS taskId, brand_id AS brandId, currency, claimed_at AS claimedAt,
            resolved_at AS resolvedAt FROM earnings_cases WHERE task_id = ?`,
  ).get(taskId);
}

export function saveCase(db: Db, row: CaseRow): void {
  prepared(
    db,
    `INSERT INTO earnings_cases (task_id, brand_id, currency, claimed_at, resolved_at)
     VALUES (@taskId, @brandId, @currency, @claimedAt, @resolvedAt)
     ON CONFLICT (task_id) DO UPDATE SET currency = excluded.currency,
       claimed_at = excluded.claimed_at, resolved_at = excluded.resolved_at`,
  ).run(row);
}

// ---------------------------------------------------------------- ratings

export interface RatingRow {
  taskId: string;
  brandId: string;
  score: number;
  comment: string | null;
  tipMinor: number | null;
  ratedAt: number;
}

export function findRating(db: Db, taskId: string): RatingRow | undefined {
  return prepared<[string], RatingRow>(
    db,
    `SELECT task_id AS taskId, brand_id AS brandId, score, comment, tip_minor AS tipMinor,
            rated_at AS ratedAt FROM ratings WHERE task_id = ?`,
  ).get(taskId);
}

export function saveRating(db: Db, row: RatingRow): void {
  prepared(
    db,
    `INSERT INTO ratings (task_id, brand_id, score, comment, tip_minor, rated_at)
     VALUES (@taskId, @brandId, @score, @comment, @tipMinor, @ratedAt)
     ON CONFLICT (task_id) DO UPDATE SET brand_id = excluded.brand_id, score = excluded.score,
       comment = excluded.comment, tip_minor = excluded.tip_minor, rated_at = excluded.rated_at`,
  ).run(row);
}
