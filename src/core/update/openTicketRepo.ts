import type { Database } from 'better-sqlite3';

/**
 * True while the signed-in advocate holds a ticket (claimed, or a claim still pending):
 * restarting to install an update then would interrupt their work.
 */
export function hasOpenTicket(db: Database): boolean {
  const row = db
    .prepare(
      `SELECT EXISTS (
         SELECT 1 FROM tasks t
         WHERE t.local_state = 'pending_claim'
            OR (t.status = 'claimed' AND t.holder_id = (SELECT advocate_id FROM session WHERE id = 1))
       ) AS open`,
    )
    .get() as { open: number };
  return row.open === 1;
}
