import type { Db } from '../db/open';
import { prepared } from '../earnings/statements';

export type SuggestionKind = 'macro' | 'article';

/** What the app learned of one macro or article on one brand (nba_counts). */
export interface LearnedCounts {
  accepted: number;
  ignored: number;
  /** Closed cases it was used on before they closed. */
  closed: number;
  resolved: number;
  /** Of those, rated at least WELL_RATED stars. */
  wellRated: number;
}

export const NO_COUNTS: LearnedCounts = {
  accepted: 0,
  ignored: 0,
  closed: 0,
  resolved: 0,
  wellRated: 0,
};

/** The lowest star rating that counts as a well-rated case. */
export const WELL_RATED = 4;

const key = (kind: SuggestionKind, itemId: string) => `${kind}:${itemId}`;

type CountRow = LearnedCounts & { kind: SuggestionKind; itemId: string };
const COUNT_COLUMNS = `kind, item_id AS itemId, accepted, ignored, closed, resolved,
  well_rated AS wellRated`;

const keyed = (rows: CountRow[]) =>
  new Map(rows.map(({ kind, itemId, ...c }) => [key(kind, itemId), c]));

/** The brand's learned counts of one kind (all of them, or of `ids`), keyed `kind:itemId`. */
export function readCounts(
  db: Db,
  brandId: string,
  kind?: SuggestionKind,
  ids?: readonly string[],
): Map<string, LearnedCounts> {
  if (ids) {
    return keyed(
      prepared<[string, string, string], CountRow>(
        db,
        `SELECT ${COUNT_COLUMNS} FROM nba_counts
          WHERE brand_id = ? AND kind = ? AND item_id IN (SELECT value FROM json_each(?))`,
      ).all(brandId, kind!, JSON.stringify(ids)),
    );
  }
  if (kind) {
    return keyed(
      prepared<[string, string], CountRow>(
        db,
        `SELECT ${COUNT_COLUMNS} FROM nba_counts WHERE brand_id = ? AND kind = ?`,
      ).all(brandId, kind),
    );
  }
  return keyed(
    prepared<[string], CountRow>(
      db,
      `SELECT ${COUNT_COLUMNS} FROM nba_counts WHERE brand_id = ?`,
    ).all(brandId),
  );
}

export const countsOf = (
  counts: ReadonlyMap<string, LearnedCounts>,
  kind: SuggestionKind,
  itemId: string,
): LearnedCounts => counts.get(key(kind, itemId)) ?? NO_COUNTS;

/** Articles of the brand that preceded well-rated cases, most of them first. */
export function bestLearnedArticles(db: Db, brandId: string, limit: number): string[] {
  return prepared<[string, number], string>(
    db,
    `SELECT item_id FROM nba_counts
      WHERE brand_id = ? AND kind = 'article' AND well_rated > 0
      ORDER BY well_rated DESC, item_id LIMIT ?`,
  )
    .pluck()
    .all(brandId, limit);
}

/** Titles of the brand's articles among `ids` (the body is not read). */
export function articleTitles(
  db: Db,
  brandId: string,
  ids: readonly string[],
): Map<string, string> {
  const rows = prepared<[string, string], { id: string; title: string }>(
    db,
    `SELECT id, title FROM articles WHERE brand_id = ? AND id IN (SELECT value FROM json_each(?))`,
  ).all(brandId, JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Items dismissed ("not useful") on this case: not suggested on it again. */
export function dismissedOn(db: Db, taskId: string): Set<string> {
  const rows = prepared<[string], { kind: SuggestionKind; itemId: string }>(
    db,
    `SELECT kind, item_id AS itemId FROM nba_shown WHERE task_id = ? AND dismissed = 1`,
  ).all(taskId);
  return new Set(rows.map((r) => key(r.kind, r.itemId)));
}

export const isDismissed = (set: ReadonlySet<string>, kind: SuggestionKind, itemId: string) =>
  set.has(key(kind, itemId));

interface Item {
  taskId: string;
  brandId: string;
  kind: SuggestionKind;
  itemId: string;
}

/** The panel put these in front of the advocate on this case (each remembered once). */
export function recordShown(db: Db, items: readonly Item[]): void {
  const insert = prepared(
    db,
    `INSERT INTO nba_shown (task_id, brand_id, kind, item_id) VALUES (?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  db.transaction(() => {
    for (const i of items) insert.run(i.taskId, i.brandId, i.kind, i.itemId);
  })();
}

function bump(db: Db, i: Omit<Item, 'taskId'>, column: 'accepted' | 'ignored'): void {
  prepared(
    db,
    `INSERT INTO nba_counts (brand_id, kind, item_id, ${column}) VALUES (?, ?, ?, 1)
     ON CONFLICT DO UPDATE SET ${column} = ${column} + 1`,
  ).run(i.brandId, i.kind, i.itemId);
}

/** Accepted on this case: counted once per case, and remembered as used on it. */
export function recordAccepted(db: Db, i: Item, at: number): boolean {
  return db.transaction(() => {
    const info = prepared(
      db,
      `INSERT INTO nba_uses (task_id, brand_id, kind, item_id, used_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ).run(i.taskId, i.brandId, i.kind, i.itemId, at);
    if (info.changes === 0) return false;
    bump(db, i, 'accepted');
    return true;
  })();
}

/** "Not useful" on this case: counted once per case, and not suggested on it again. */
export function recordDismissed(db: Db, i: Item): boolean {
  return db.transaction(() => {
    const info = prepared(
      db,
      `INSERT INTO nba_shown (task_id, brand_id, kind, item_id, dismissed) VALUES (?, ?, ?, ?, 1)
       ON CONFLICT DO UPDATE SET dismissed = 1 WHERE dismissed = 0`,
    ).run(i.taskId, i.brandId, i.kind, i.itemId);
    if (info.changes === 0) return false;
    bump(db, i, 'ignored');
    return true;
  })();
}

function markLearned(db: Db, column: 'outcome_at' | 'rating_at', taskId: string, at: number) {
  prepared(
    db,
    `INSERT INTO nba_learned (task_id, ${column}) VALUES (?, ?)
     ON CONFLICT DO UPDATE SET ${column} = excluded.${column}`,
  ).run(taskId, at);
}

/** Per connection: the newest ledger entry and rating (rowids) the last fold had read. */
const folded = new WeakMap<Db, { ledger: number; rating: number }>();

/**
 * Folds the outcomes that synced back into the learned counts, each case once:
 * - a case whose server ledger entry says how it closed: each item used on it gains a closed
 *   case (and a resolved one when it was resolved); each item shown on it and neither accepted
 *   nor dismissed counts as ignored;
 * - a case whose customer rating arrived: each item used on it gains a well-rated case when the
 *   rating is WELL_RATED or better.
 * Returns how many cases it counted. Only ledger entries and ratings that arrived since the
 * last fold on this connection are read (two rowid probes when nothing arrived); the first fold
 * after opening reads them all, and nba_learned keeps every case counted once across restarts.
 */
export function learnOutcomes(db: Db, at: number): number {
  const newest = {
    ledger:
      prepared<[], number | null>(db, 'SELECT MAX(rowid) FROM ledger_entries').pluck().get() ?? 0,
    rating: prepared<[], number | null>(db, 'SELECT MAX(rowid) FROM ratings').pluck().get() ?? 0,
  };
  const last = folded.get(db);
  if (last && last.ledger === newest.ledger && last.rating === newest.rating) return 0;
  // Rows are only appended between folds, unless the account's copy was wiped (rowids restart).
  const since =
    last && last.ledger <= newest.ledger && last.rating <= newest.rating
      ? last
      : { ledger: 0, rating: 0 };
  const counted = db.transaction(() => {
    const closed = prepared<[number], { taskId: string; resolved: number }>(
      db,
      `SELECT e.task_id AS taskId, MAX(e.outcome = 'resolved') AS resolved
         FROM ledger_entries e
        WHERE e.rowid > ? AND e.source = 'server' AND e.outcome IS NOT NULL
          AND e.task_id IN (SELECT task_id FROM nba_shown UNION SELECT task_id FROM nba_uses)
          AND e.task_id NOT IN (SELECT task_id FROM nba_learned WHERE outcome_at IS NOT NULL)
        GROUP BY e.task_id`,
    ).all(since.ledger);
    const usedClosed = prepared(
      db,
      `INSERT INTO nba_counts (brand_id, kind, item_id, closed, resolved)
         SELECT brand_id, kind, item_id, 1, ? FROM nba_uses WHERE task_id = ?
       ON CONFLICT DO UPDATE SET closed = closed + 1, resolved = resolved + excluded.resolved`,
    );
    const shownIgnored = prepared(
      db,
      `INSERT INTO nba_counts (brand_id, kind, item_id, ignored)
         SELECT s.brand_id, s.kind, s.item_id, 1 FROM nba_shown s
          WHERE s.task_id = ? AND s.dismissed = 0
            AND NOT EXISTS (SELECT 1 FROM nba_uses u
                             WHERE u.task_id = s.task_id AND u.kind = s.kind AND u.item_id = s.item_id)
       ON CONFLICT DO UPDATE SET ignored = ignored + 1`,
    );
    for (const c of closed) {
      usedClosed.run(c.resolved, c.taskId);
      shownIgnored.run(c.taskId);
      markLearned(db, 'outcome_at', c.taskId, at);
    }
    const rated = prepared<[number], { taskId: string; score: number }>(
      db,
      `SELECT r.task_id AS taskId, r.score FROM ratings r
        WHERE r.rowid > ? AND r.task_id IN (SELECT task_id FROM nba_uses)
          AND r.task_id NOT IN (SELECT task_id FROM nba_learned WHERE rating_at IS NOT NULL)`,
    ).all(since.rating);
    const usedRated = prepared(
      db,
      `INSERT INTO nba_counts (brand_id, kind, item_id, well_rated)
         SELECT brand_id, kind, item_id, 1 FROM nba_uses WHERE task_id = ?
       ON CONFLICT DO UPDATE SET well_rated = well_rated + 1`,
    );
    for (const r of rated) {
      if (r.score >= WELL_RATED) usedRated.run(r.taskId);
      markLearned(db, 'rating_at', r.taskId, at);
    }
    return closed.length + rated.length;
  })();
  folded.set(db, newest);
  return counted;
}

/** The advocate's tier on a brand (0 when the membership is not known here). */
export function tierOn(db: Db, brandId: string): number {
  const tier = prepared<[string], number>(db, 'SELECT tier FROM memberships WHERE brand_id = ?')
    .pluck()
    .get(brandId);
  return tier ?? 0;
}
