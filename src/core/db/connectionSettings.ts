import type { Db } from './open';

/**
 * Runs `run` with this connection's setting `name` at `value`, then puts the one before back.
 * For settings SQLite refuses to change inside a transaction: call it outside one.
 */
export function withSetting<T>(
  db: Db,
  name: 'foreign_keys' | 'synchronous',
  value: string,
  run: () => T,
): T {
  const before = db.pragma(name, { simple: true }) as number;
  db.pragma(`${name} = ${value}`);
  try {
    return run();
  } finally {
    db.pragma(`${name} = ${before}`);
  }
}

/**
 * Runs `write` (one transaction) with `synchronous = NORMAL` (`open.ts` sets FULL). In WAL mode
 * such a commit is written to the log but not flushed to the disk: a power cut or an OS crash may
 * take it back, never leave it half written (the database stays consistent), and the next commit
 * that is flushed, or the next checkpoint, flushes it with its own. For writes the server sends
 * again when they are lost; the advocate's own writes (the outbox, drafts) keep FULL. Inside a
 * transaction (where SQLite refuses the setting) the enclosing commit decides, and `write` runs
 * as it is.
 */
export function unsyncedCommit<T>(db: Db, write: () => T): T {
  return db.inTransaction ? write() : withSetting(db, 'synchronous', 'NORMAL', write);
}
