/**
 * Statements PostgreSQL keeps planned: node-postgres sends each query unnamed, so the server
 * parses and plans it on every execution. For the statements a replica runs over and over (a
 * claim's read and its one write, a pull's log read) that is a third of PostgreSQL's CPU per
 * request (claim race: 1.49 ms → 1.03 ms per request). Here a statement is sent as a named
 * prepared statement from its second execution on; node-postgres then parses it once per
 * connection.
 *
 * Bounds: at most `limit` distinct texts per process are ever looked at (each connection prepares
 * at most those), so varying texts (`in (…)` lists of any length) cannot grow the server's memory.
 * Texts that project `*` are never named: a prepared statement whose result columns come from a
 * table's definition fails ("cached plan must not change result type") once a migration adds a
 * column; explicit column lists are re-planned by PostgreSQL and keep working.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

export interface PreparedOptions {
  /** Distinct statements named per process. */
  limit?: number;
  /** Executions of a text before it is named. */
  after?: number;
}

type Query = (...args: unknown[]) => unknown;

/**
 * `*` as a projection: `*` or `alias.*` ending a select list item (before `,`, `from`, `)` or
 * the end). Not `count(*)`, not inside a comment, not a multiplication (`now * 1000`: the
 * claim's read has one, and it kept that statement from being prepared).
 */
const projectsStar = (text: string): boolean =>
  /(?:^|[\s,(])(?:"?\w+"?\.)?\*\s*(?:,|from\b|\)|$)/i.test(
    text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/count\(\s*\*\s*\)/gi, ''),
  );

/** Makes every client of `pool` send repeated statements as named prepared statements. */
export function preparedStatements(pool: pg.Pool, options: PreparedOptions = {}): pg.Pool {
  const limit = options.limit ?? 500;
  const after = options.after ?? 2;
  const seen = new Map<string, number>();
  /** Text → its name, or null: never named (projects `*`). */
  const names = new Map<string, string | null>();
  const nameOf = (text: string): string | undefined => {
    const name = names.get(text);
    if (name !== undefined || names.size >= limit) return name ?? undefined;
    if (projectsStar(text)) {
      names.set(text, null);
      return undefined;
    }
    const count = (seen.get(text) ?? 0) + 1;
    if (count < after) {
      if (seen.size < limit * 4) seen.set(text, count);
      return undefined;
    }
    seen.delete(text);
    const made = `g_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, made);
    return made;
  };
  const wrapped = new WeakSet<object>();
  const wrap = (client: pg.PoolClient): pg.PoolClient => {
    if (!wrapped.has(client)) {
      wrapped.add(client);
      const query = client.query.bind(client) as Query;
      (client as unknown as { query: Query }).query = (text, values, ...rest) => {
        const name = typeof text === 'string' && Array.isArray(values) ? nameOf(text) : undefined;
        return name ? query({ name, text, values }, ...rest) : query(text, values, ...rest);
      };
    }
    return client;
  };
  // Both of pg-pool's forms: a promise (Kysely's driver) and a callback (`pool.query`).
  type Done = (err: Error | undefined, client?: pg.PoolClient, release?: unknown) => void;
  const connect = pool.connect.bind(pool) as (done?: Done) => Promise<pg.PoolClient> | void;
  const patched = (done?: Done) => {
    if (!done) return (connect() as Promise<pg.PoolClient>).then(wrap);
    connect((err, client, release) => done(err, client && wrap(client), release));
  };
  (pool as unknown as { connect: typeof patched }).connect = patched;
  return pool;
}
