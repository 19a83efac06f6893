import { type CompiledQuery, type Kysely, sql } from 'kysely';
import type { DB } from '../../src/server/store/schema';
import { ownKysely } from './ownKysely';
import { testBackend } from './serverBackends';

/**
 * The plan the test backend chooses for `query` (built on the Kysely it is handed), as text:
 * PostgreSQL's EXPLAIN with sequential scans off (test tables are tiny, so the planner would
 * rightly read them whole), SQLite's EXPLAIN QUERY PLAN.
 */
export async function queryPlan(
  db: string,
  build: (kdb: Kysely<DB>) => CompiledQuery,
): Promise<string> {
  const { kdb, close } = ownKysely(db);
  try {
    const query = build(kdb);
    return await kdb.transaction().execute(async (trx) => {
      if (testBackend() === 'postgres') {
        await sql`set local enable_seqscan = off`.execute(trx);
        const r = await trx.executeQuery<{ 'QUERY PLAN': string }>({
          ...query,
          sql: `explain ${query.sql}`,
        });
        return r.rows.map((row) => row['QUERY PLAN']).join('\n');
      }
      const r = await trx.executeQuery<{ detail: string }>({
        ...query,
        sql: `explain query plan ${query.sql}`,
      });
      return r.rows.map((row) => row.detail).join('\n');
    });
  } finally {
    await close();
  }
}
