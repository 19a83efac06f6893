import { speaksSql } from './languageSql';
import type { Db } from '../db/open';
import type { AnnounceFindings, AnnounceQuery } from './announceProtocol';

// A task "matches" the advocate when they may work for its brand, hold every skill it needs, and
// it pays at least the minimum the advocate set for notifications, and it is in a language they
// answer in for that brand (or of unknown language). The membership part depends on the task's
// brand, skills and language only, so it is written once, for any alias `t` with those columns.
const fits = (t: string) => `m.suspended = 0
    AND NOT EXISTS (SELECT 1 FROM json_each(${t}.skills) s
                     WHERE s.value NOT IN (SELECT value FROM json_each(m.skills)))
    AND ${speaksSql(t)}`;
const openPaying = `t.status = 'open' AND t.local_state IS NULL
    AND coalesce(t.payout_estimate_minor, 0) >= @minPayout`;
const matching = `FROM tasks t JOIN memberships m ON m.brand_id = t.brand_id
  WHERE ${openPaying} AND ${fits('t')}`;

/**
 * Open matching tasks, for the badge. The open tasks are counted per distinct (brand, skills,
 * language), and the rule (two `json_each`) is applied once per such group rather than once per
 * task: a feed has few of them.
 */
export function countMatchingOpen(db: Db, minPayout: number): number {
  return db
    .prepare(
      `SELECT coalesce(sum(g.n), 0)
         FROM (SELECT t.brand_id, t.skills, t.language, count(*) AS n FROM tasks t
                WHERE ${openPaying} GROUP BY t.brand_id, t.skills, t.language) g
         JOIN memberships m ON m.brand_id = g.brand_id
        WHERE ${fits('g')}`,
    )
    .pluck()
    .get({ minPayout }) as number;
}

/** Matching tasks not announced yet, best paid first. */
export function unannouncedMatching(
  db: Db,
  minPayout: number,
  limit: number,
): { total: number; subjects: string[]; taskIds: string[] } {
  const total = db
    .prepare(`SELECT COUNT(*) ${matching} AND t.notified = 0`)
    .pluck()
    .get({ minPayout }) as number;
  const best = db
    .prepare(
      `SELECT t.id, t.subject ${matching} AND t.notified = 0
       ORDER BY t.payout_estimate_minor DESC LIMIT @limit`,
    )
    .all({ minPayout, limit }) as { id: string; subject: string }[];
  return { total, subjects: best.map((t) => t.subject), taskIds: best.map((t) => t.id) };
}

export function markAllAnnounced(db: Db): void {
  db.prepare('UPDATE tasks SET notified = 1 WHERE notified = 0').run();
}

/**
 * What announcing needs, read in one transaction so that the badge, the new tasks and the tasks
 * to mark announced are of the same moment (the worker reads while sync may write).
 */
export function findAnnouncements(db: Db, query: AnnounceQuery): AnnounceFindings {
  return db.transaction(() => ({
    badge: countMatchingOpen(db, query.minPayout),
    fresh: query.freshLimit > 0 ? unannouncedMatching(db, query.minPayout, query.freshLimit) : null,
    unannounced: db.prepare('SELECT id FROM tasks WHERE notified = 0').pluck().all() as string[],
  }))();
}

/** Marks these tasks announced (by primary key: as many rows as there are ids, no scan). */
export function markAnnounced(db: Db, taskIds: readonly string[]): void {
  if (taskIds.length === 0) return;
  db.prepare('UPDATE tasks SET notified = 1 WHERE id IN (SELECT value FROM json_each(?))').run(
    JSON.stringify(taskIds),
  );
}

/** Tasks held by the advocate whose lease ends before `before`. */
export function leasesEndingBefore(
  db: Db,
  advocateId: string,
  before: number,
): { id: string; subject: string; leaseExpiresAt: number; brandId: string }[] {
  return db
    .prepare(
      `SELECT id, subject, lease_expires_at AS leaseExpiresAt, brand_id AS brandId FROM tasks
        WHERE holder_id = ? AND status = 'claimed' AND lease_expires_at IS NOT NULL
          AND lease_expires_at < ?`,
    )
    .all(advocateId, before) as {
    id: string;
    subject: string;
    leaseExpiresAt: number;
    brandId: string;
  }[];
}
