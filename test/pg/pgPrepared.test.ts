/**
 * Repeated statements are sent as named prepared statements (src/server/store/pgPrepared.ts):
 * what PostgreSQL holds prepared on the connection, what it never prepares, the bound, and that
 * a migration adding a column does not break a prepared statement.
 */
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { preparedStatements } from '../../src/server/store/pgPrepared';
import { dropFreshDbs, freshDb, pgTestUrl, useBackend } from '../support/serverBackends';

useBackend('postgres');

async function onePool(limit?: number) {
  const pool = preparedStatements(new pg.Pool({ connectionString: await freshDb(), max: 1 }), {
    limit,
  });
  await pool.query('create table items (id int primary key, name text not null)');
  await pool.query("insert into items values (1, 'one'), (2, 'two')");
  const prepared = async () =>
    (
      await pool.query<{ statement: string }>(
        'select statement from pg_prepared_statements order by prepare_time',
      )
    ).rows.map((r) => r.statement);
  return { pool, prepared };
}

// pool.query goes through pool.connect, as Kysely's driver does.
const byId = 'select id, name from items where id = $1 and name is not null';

describe.runIf(pgTestUrl())('prepared statements on PostgreSQL', () => {
  afterAll(() => dropFreshDbs(), 600_000);

  it('prepares a statement from its second execution, with the same answers', async () => {
    const { pool, prepared } = await onePool();
    try {
      const first = await pool.query(byId, [1]);
      expect(await prepared()).not.toContain(byId);
      const second = await pool.query(byId, [1]);
      const third = await pool.query(byId, [2]);
      expect(await prepared()).toContain(byId);
      expect(second.rows).toEqual(first.rows);
      expect(third.rows).toEqual([{ id: 2, name: 'two' }]);
    } finally {
      await pool.end();
    }
  });

  it('prepares a statement whose only * is a multiplication or count(*)', async () => {
    const { pool, prepared } = await onePool();
    try {
      const times = 'select id * 1000 as ms from items where id = $1';
      const counted = 'select count(*) as n from items where id = $1';
      for (let i = 0; i < 2; i++) await pool.query(times, [2]);
      for (let i = 0; i < 2; i++) await pool.query(counted, [2]);
      expect(await prepared()).toEqual([times, counted]);
      expect((await pool.query(times, [2])).rows).toEqual([{ ms: 2000 }]);
    } finally {
      await pool.end();
    }
  });

  it('never prepares a statement projecting *, and survives a migration adding a column', async () => {
    const { pool, prepared } = await onePool();
    try {
      const star = 'select * from items where id = $1';
      for (let i = 0; i < 3; i++) await pool.query(star, [1]);
      for (let i = 0; i < 3; i++) await pool.query(byId, [1]);
      expect(await prepared()).toEqual([byId]);
      await pool.query("alter table items add column note text not null default ''");
      expect((await pool.query(star, [1])).rows).toEqual([{ id: 1, name: 'one', note: '' }]);
      expect((await pool.query(byId, [1])).rows).toEqual([{ id: 1, name: 'one' }]);
    } finally {
      await pool.end();
    }
  });

  it('names at most `limit` distinct texts, however many are run', async () => {
    const { pool, prepared } = await onePool(3);
    try {
      for (let n = 1; n <= 6; n++) {
        const text = `select id from items where id in (${Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ')})`;
        const values = Array.from({ length: n }, (_, i) => i + 1);
        for (let i = 0; i < 3; i++) await pool.query(text, values);
      }
      expect(await prepared()).toHaveLength(3);
    } finally {
      await pool.end();
    }
  });
});
