/**
 * A rate-limit lease commits without waiting for the WAL flush (store/rateLimits.ts), and only
 * the lease: the next transaction on the same connection is durable again. A trigger records
 * `synchronous_commit` as each write to `rate_limits` sees it.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/server';
import { dropFreshDbs, freshDb, pgTestUrl, useBackend } from '../support/serverBackends';

useBackend('postgres');
afterAll(dropFreshDbs, 600_000);

const T0 = 1_800_000_000_000;
const DAY = 24 * 3600_000;

describe.runIf(pgTestUrl())('rate-limit leases on PostgreSQL', () => {
  it('commit asynchronously, and leave the connection durable for what comes next', async () => {
    const db = await freshDb();
    const pool = process.env.GIGDESK_PG_POOL;
    // One connection: what a lease sets would be seen by the sweep after it.
    process.env.GIGDESK_PG_POOL = '1';
    const store = openStore(db);
    if (pool === undefined) delete process.env.GIGDESK_PG_POOL;
    else process.env.GIGDESK_PG_POOL = pool;
    const side = new pg.Client({ connectionString: db });
    await side.connect();
    try {
      await store.migrate(T0);
      await side.query(`
        create table seen (op text, sync text);
        create function note_sync() returns trigger language plpgsql as $$
          begin
            insert into seen values (tg_op, current_setting('synchronous_commit'));
            return coalesce(new, old);
          end $$;
        create trigger note_sync before insert or update or delete on rate_limits
          for each row execute function note_sync();`);
      const first = await store.rateLimitLease('k', 60_000, 100, T0);
      const again = await store.rateLimitLease('k', 60_000, 100, T0 + 1);
      expect(first).toEqual({ counted: 0, hits: 25, windowStart: T0 });
      expect(again).toEqual({ counted: 25, hits: 43, windowStart: T0 });
      // The sweep forgets windows older than a day: a delete, on the same connection.
      await store.sweep(T0 + 2 * DAY);
      const { rows } = await side.query<{ op: string; sync: string }>('select op, sync from seen');
      // The second lease's upsert fires the insert trigger, then the update one.
      expect(rows).toEqual([
        { op: 'INSERT', sync: 'off' },
        { op: 'INSERT', sync: 'off' },
        { op: 'UPDATE', sync: 'off' },
        { op: 'DELETE', sync: 'on' },
      ]);
    } finally {
      await side.end();
      await store.close();
    }
  }, 60_000);
});
