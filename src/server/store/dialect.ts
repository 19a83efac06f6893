/**
 * Everything dialect-specific about the feed server's storage lives here. The store itself
 * uses portable Kysely queries only; issue 9 adds a PostgreSQL `SqlDialect` beside this one.
 */
import Database from 'better-sqlite3';
import { type ColumnDefinitionBuilder, Kysely, SqliteDialect, type Transaction } from 'kysely';
import { type ChangeNotifier, localNotifier } from '../notifier';
import { isPostgresUrl, postgresDialect } from './postgres';
import type { DB } from './schema';
import { walCheckpoints } from './walCheckpoints';

export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  createKysely(): Kysely<DB>;
  /** The change log's sequence column: increasing in insertion order. */
  seqColumn(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** Column type for epoch milliseconds (needs 64 bits). */
  readonly epochType: 'integer' | 'bigint';
  /** Column type of the change log's seq. */
  readonly seqType: 'integer' | 'bigint';
  /**
   * Mutual exclusion across processes until `trx` ends (replicas migrating at once). A no-op on
   * SQLite, whose writers are serialized already.
   */
  lock(trx: Transaction<DB>, name: 'migrations'): Promise<void>;
  /** An error after which `write()` runs its transaction again (races between replicas). */
  isRetryable(err: unknown): boolean;
  /** The change notifier that reaches every process using this database. */
  createNotifier(): ChangeNotifier & { close(): Promise<void> };
  /**
   * Settles once what destroying the Kysely instance started has finished (SQLite: its WAL
   * checkpointer's worker has closed its connection and exited; Kysely does not wait for it).
   */
  closed(): Promise<void>;
}

export function sqliteDialect(file: string): SqlDialect {
  let closing: Promise<void> = Promise.resolve();
  return {
    name: 'sqlite',
    epochType: 'integer',
    createKysely() {
      const database = new Database(file);
      if (file !== ':memory:') database.pragma('journal_mode = WAL');
      database.pragma('synchronous = NORMAL');
      database.pragma('busy_timeout = 5000');
      database.pragma('foreign_keys = ON');
      // Checkpoints fsync: never on this (the event loop's) connection (walCheckpoints.ts).
      const checkpoints = file === ':memory:' ? undefined : walCheckpoints(database, file);
      return new Kysely<DB>({
        dialect: new SqliteDialect({
          database: withStatementCache(database, () => {
            if (checkpoints) closing = checkpoints.stop();
          }),
        }),
      });
    },
    closed: () => closing,
    seqColumn: (col) => col.primaryKey().autoIncrement(),
    seqType: 'integer',
    lock: async () => {},
    isRetryable: () => false,
    createNotifier: () => ({ ...localNotifier(), close: async () => {} }),
  };
}

/**
 * Kysely prepares every query anew; reusing better-sqlite3 statements by SQL text saves most of
 * that. Safe because Kysely's SQLite driver runs one query at a time on its one connection.
 * Closing it (Kysely's `destroy()`) first calls `onClose` (stopping its checkpointer).
 */
function withStatementCache(database: Database.Database, onClose: () => void): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = database.prepare.bind(database);
  return new Proxy(database, {
    get(target, prop, receiver) {
      if (prop === 'close')
        return () => {
          onClose();
          return target.close();
        };
      if (prop !== 'prepare') {
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (sql: string) => {
        let stmt = cache.get(sql);
        if (!stmt) {
          stmt = prepare(sql);
          if (cache.size >= 500) cache.delete(cache.keys().next().value!);
          cache.set(sql, stmt);
        }
        return stmt;
      };
    },
  });
}

/** `--db` value → dialect: a `postgres://` URL, else a SQLite file path (or ':memory:'). */
export function dialectFor(db: string): SqlDialect {
  return isPostgresUrl(db) ? postgresDialect(db) : sqliteDialect(db);
}
