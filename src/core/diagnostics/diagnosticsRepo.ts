import type { Database } from 'better-sqlite3';

export interface StoreFacts {
  session: { serverUrl: string; isDemo: boolean } | null;
  sync: { hasCursor: boolean; lastSyncedAt: number | null; lastError: string | null } | null;
  outbox: {
    waiting: number;
    oldestAt: number | null;
    maxAttempts: number;
    lastErrors: { type: string; attempts: number; error: string }[];
  };
}

/** Counts and states only: never a payload, token or message. */
export function readStoreFacts(db: Database): StoreFacts {
  const session = db
    .prepare('SELECT server_url AS serverUrl, is_demo AS isDemo FROM session WHERE id = 1')
    .get() as { serverUrl: string; isDemo: number } | undefined;
  const sync = db
    .prepare(
      `SELECT cursor IS NOT NULL AS hasCursor, last_synced_at AS lastSyncedAt, last_error AS lastError
       FROM sync_state WHERE id = 1`,
    )
    .get() as
    { hasCursor: number; lastSyncedAt: number | null; lastError: string | null } | undefined;
  const outbox = db
    .prepare(
      `SELECT count(*) AS waiting, min(created_at) AS oldestAt, coalesce(max(attempts), 0) AS maxAttempts
       FROM outbox`,
    )
    .get() as { waiting: number; oldestAt: number | null; maxAttempts: number };
  const lastErrors = db
    .prepare(
      `SELECT type, attempts, last_error AS error FROM outbox
       WHERE last_error IS NOT NULL ORDER BY seq DESC LIMIT 5`,
    )
    .all() as { type: string; attempts: number; error: string }[];
  return {
    session: session ? { serverUrl: session.serverUrl, isDemo: session.isDemo === 1 } : null,
    sync: sync ? { ...sync, hasCursor: sync.hasCursor === 1 } : null,
    outbox: { ...outbox, lastErrors },
  };
}
