import pg from 'pg';
import { testBackend } from './serverBackends';

/**
 * Waits until every change written so far is readable by `/v1/sync`: on PostgreSQL a row is read
 * only once every older transaction (of any client of the server) has ended (changeLog.ts).
 */
export async function allReadable(db: string): Promise<void> {
  if (testBackend() !== 'postgres') return;
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    for (;;) {
      const r = await client.query<{ ok: boolean | null }>(
        `select pg_snapshot_xmin(pg_current_snapshot()) >
           (select xid from changes order by xid desc limit 1) as ok`,
      );
      if (r.rows[0]?.ok !== false) return;
      await new Promise((done) => setTimeout(done, 20));
    }
  } finally {
    await client.end();
  }
}
