import type { EntryView } from '../../shared/contract/earnings';
import type { Db } from '../db/open';
import { CURRENT_STATUS } from './ledgerRepo';
import { prepared } from './statements';

const COUNTED = 'NOT EXISTS (SELECT 1 FROM ledger_supersessions x WHERE x.entry_id = e.id)';
const IN_RANGE = 'e.occurred_at >= ? AND e.occurred_at < ? AND (? IS NULL OR e.brand_id = ?)';

const SELECT_VIEW = `
  SELECT e.id, e.task_id AS taskId, e.brand_id AS brandId, COALESCE(b.name, e.brand_id) AS brandName,
         t.subject, e.kind, e.amount_minor AS amountMinor, e.currency, ${CURRENT_STATUS} AS status,
         e.rule_version AS ruleVersion, e.occurred_at AS occurredAt, e.source,
         (SELECT x.superseded_by FROM ledger_supersessions x WHERE x.entry_id = e.id) AS supersededBy
    FROM ledger_entries e
    LEFT JOIN brands b ON b.id = e.brand_id
    LEFT JOIN tasks t ON t.id = e.task_id`;

/** Counted entries in [startMs, endMs), newest first, and how many there are in all. */
export function countedEntriesBetween(
  db: Db,
  startMs: number,
  endMs: number,
  brandId: string | null,
  limit: number,
): { total: number; entries: EntryView[] } {
  const total = prepared(
    db,
    `SELECT COUNT(*) FROM ledger_entries e WHERE ${IN_RANGE} AND ${COUNTED}`,
  )
    .pluck()
    .get(startMs, endMs, brandId, brandId) as number;
  const entries = prepared<unknown[], EntryView>(
    db,
    `${SELECT_VIEW} WHERE ${IN_RANGE} AND ${COUNTED} ORDER BY e.occurred_at DESC, e.id LIMIT ?`,
  ).all(startMs, endMs, brandId, brandId, limit);
  return { total, entries };
}

/** Counted entries in [startMs, endMs), oldest first, one at a time (for export). */
export function iterateCountedEntries(
  db: Db,
  startMs: number,
  endMs: number,
  brandId: string | null,
): IterableIterator<EntryView> {
  return db
    .prepare<unknown[], EntryView>(
      `${SELECT_VIEW} WHERE ${IN_RANGE} AND ${COUNTED} ORDER BY e.occurred_at, e.id`,
    )
    .iterate(startMs, endMs, brandId, brandId);
}

/** Every entry of one case, including replaced estimates, oldest first. */
export function entryViewsOfTask(db: Db, taskId: string): EntryView[] {
  return prepared<[string], EntryView>(
    db,
    `${SELECT_VIEW} WHERE e.task_id = ? ORDER BY e.occurred_at, e.rowid`,
  ).all(taskId);
}
