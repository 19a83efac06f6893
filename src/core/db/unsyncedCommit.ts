import type { Db } from './open';

/**
 * Runs `write` (one transaction) with `synchronous = NORMAL`, then puts the connection's setting
 * back (`open.ts` sets FULL). In WAL mode such a commit is written to the log but not flushed to
 * the disk: a power cut or an OS crash may take it back, never leave it half written (the
 * database stays consistent), and the next commit that is flushed, or the next checkpoint,
 * flushes it with its own. For writes the server sends again when they are lost; the advocate's
 * own writes (the outbox, drafts) keep FULL. SQLite refuses the setting inside a transaction:
 * there, the enclosing transaction's commit decides, and `write` runs as it is.
 */
export function unsyncedCommit<T>(db: Db, write: () => T): T {
  if (db.inTransaction) return write();
  const before = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma(`synchronous = ${before}`);
  }
}
