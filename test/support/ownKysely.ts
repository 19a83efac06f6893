import type { Kysely } from 'kysely';
import { dialectFor, type SqlDialect } from '../../src/server/store/dialect';
import type { DB } from '../../src/server/store/schema';

/**
 * A Kysely of the test's own on the server's database, beside the store's, and its `close`,
 * which also waits for a SQLite file's WAL checkpointer worker to exit (Kysely's destroy does
 * not): the test's directory is removed next, and a worker still there fails it (ENOTEMPTY).
 */
export function ownKysely<T = DB>(
  db: string,
): { kdb: Kysely<T>; dialect: SqlDialect; close(): Promise<void> } {
  const dialect = dialectFor(db);
  const kdb = dialect.createKysely() as unknown as Kysely<T>;
  return {
    kdb,
    dialect,
    async close() {
      await kdb.destroy();
      await dialect.closed();
    },
  };
}
