/**
 * PostgreSQL storage for the feed server: several stateless replicas on one database.
 *
 * The change log's total order is `(xid, seq)`, read below the oldest running transaction
 * (changeLog.ts): writers never wait for each other. What that asks of writers: no transaction
 * that writes may stay open long, because until it ends no reader gets past it (admin pushes
 * commit in chunks, content.ts; `idle_in_transaction_session_timeout` below).
 *
 * Claims need nothing specific: the conditional UPDATE (`actions.ts`) re-checks its WHERE on the
 * latest row version after waiting for a concurrent writer's row lock (READ COMMITTED), so of many
 * simultaneous claims from any number of replicas exactly one matches.
 */
import {
  type ColumnDefinitionBuilder,
  Kysely,
  PostgresDialect,
  sql,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { ChangeNotifier } from '../notifier';
import { pgNotifier } from '../notifierPg';
import { preparedStatements } from './pgPrepared';
import type { DB } from './schema';

/** Advisory-lock namespace ("gigd") and the locks in it. */
const LOCK_SPACE = 0x67696764;
const LOCKS = { migrations: 1 } as const;
export type PgLock = keyof typeof LOCKS;

const PG_INT8 = 20;
const PG_NUMERIC = 1700;

/** Epoch ms, seqs, counts and sums of integer minor units all fit in a double's 53 bits. */
const toNumber = (text: string): number => Number(text);

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_INT8 || oid === PG_NUMERIC) return toNumber;
    return pg.types.getTypeParser(oid, format);
  },
};

export interface PostgresOptions {
  /**
   * Connections per process. Default `GIGDESK_PG_POOL` or 20.
   */
  poolSize?: number;
}

/** SQLSTATEs after which re-running the whole write transaction is the right answer. */
const RETRYABLE = new Set(['40001', '40P01', '23505']);

export function postgresDialect(url: string, options: PostgresOptions = {}) {
  const poolSize = options.poolSize ?? (Number(process.env.GIGDESK_PG_POOL) || 20);
  return {
    name: 'postgres' as const,
    epochType: 'bigint' as const,
    seqType: 'bigint' as const,
    createKysely(): Kysely<DB> {
      const pool = new pg.Pool({
        connectionString: url,
        max: poolSize,
        idleTimeoutMillis: 10_000,
        // A process that stalls inside a transaction must not hold the change log's horizon back.
        idle_in_transaction_session_timeout: 30_000,
        types,
      });
      // An idle client losing its connection (server restart) must not crash the process.
      pool.on('error', () => {});
      return new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparedStatements(pool) }) });
    },
    seqColumn: (col: ColumnDefinitionBuilder) => col.primaryKey().generatedByDefaultAsIdentity(),
    /** Cluster-wide mutual exclusion until `trx` commits or rolls back. */
    async lock(trx: Transaction<DB>, name: PgLock): Promise<void> {
      await sql`select pg_advisory_xact_lock(${LOCK_SPACE}::int4, ${LOCKS[name]}::int4)`.execute(
        trx,
      );
    },
    /** Deadlock, serialization failure, or a unique key a concurrent replica inserted first. */
    isRetryable(err: unknown): boolean {
      return (
        typeof err === 'object' &&
        err !== null &&
        RETRYABLE.has(String((err as { code?: unknown }).code))
      );
    },
    createNotifier(): ChangeNotifier & { close(): Promise<void> } {
      return pgNotifier(url);
    },
    closed: async () => {},
  };
}

export const isPostgresUrl = (db: string): boolean => /^postgres(ql)?:\/\//.test(db);

/** For logs and messages: the database named without its password. */
export function redactDbUrl(db: string): string {
  if (!isPostgresUrl(db)) return db;
  try {
    const u = new URL(db);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
