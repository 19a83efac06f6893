import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

export interface SyncState {
  cursor: string | null;
  lastSyncedAt: number | null;
  lastError: string | null;
}

export function readSyncState(db: Db): SyncState {
  return db
    .prepare(
      'SELECT cursor, last_synced_at AS lastSyncedAt, last_error AS lastError FROM sync_state WHERE id = 1',
    )
    .get() as SyncState;
}

/** A completed sync (`syncedAt` set, error cleared) or a failed one (error kept, time unchanged). */
export function writeSyncOutcome(db: Db, syncedAt: number | null, error: string | null): void {
  if (syncedAt !== null) {
    db.prepare('UPDATE sync_state SET last_synced_at = ?, last_error = NULL WHERE id = 1').run(
      syncedAt,
    );
  } else {
    db.prepare('UPDATE sync_state SET last_error = ? WHERE id = 1').run(error);
  }
}

export function resetSyncState(db: Db): void {
  db.prepare(
    'UPDATE sync_state SET cursor = NULL, last_synced_at = NULL, last_error = NULL WHERE id = 1',
  ).run();
}

const cursorStatements = new WeakMap<Db, Statement>();

/** Moves the cursor; prepared once per handle (it runs once per page, inside its transaction). */
export function writeCursor(db: Db, cursor: string): void {
  let statement = cursorStatements.get(db);
  if (!statement) {
    statement = db.prepare('UPDATE sync_state SET cursor = ? WHERE id = 1');
    cursorStatements.set(db, statement);
  }
  statement.run(cursor);
}
