/**
 * PostgreSQL storage for the feed server: several stateless replicas on one database.
 *
 * The change log's total order (why a cursor never skips a committed change here):
 * `changes.seq` comes from an identity sequence, and PostgreSQL hands out sequence values at
 * INSERT time but makes them visible at COMMIT time, in whatever order transactions commit. A
 * reader paging with `seq > cursor` could see seq 11 (committed) while seq 10 is still in
 * flight, move its cursor to 11 and never see 10. So every transaction that writes change rows
 * buffers them and inserts them at the very end (`ChangeWriter.flush`), right after taking one
 * cluster-wide transaction-scoped advisory lock (`lock(trx, 'changeLog')`), and holds that lock
 * through its COMMIT. Seqs are therefore drawn and committed one transaction at a time: when a
 * reader sees seq N, every seq below N is already committed (visible to it) or belonged to a
 * transaction that aborted, and an aborted seq is just a gap nobody waits for. The lock is one
 * for all brands because the seq is global and an advocate may read several brands; the time it
 * is held is only the final INSERT and the COMMIT, and transactions without change rows
 * (conflicting claims, replays) never take it. Readers need no horizon (`safeHorizon` = null).
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
import type { DB } from './schema';

/** Advisory-lock namespace ("gigd") and the locks in it. */
const LOCK_SPACE = 0x67696764;
const LOCKS = { migrations: 1, changeLog: 2 } as const;
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
   * Connections per process. Default `GIGDESK_PG_POOL` or 20: writers queued on the change-log
   * lock each hold one, and reads need some left over.
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
        // A process that stalls inside a transaction must not hold the change-log lock for long.
        idle_in_transaction_session_timeout: 30_000,
        types,
      });
      // An idle client losing its connection (server restart) must not crash the process.
      pool.on('error', () => {});
      return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    },
    seqColumn: (col: ColumnDefinitionBuilder) => col.primaryKey().generatedByDefaultAsIdentity(),
    safeHorizon: async () => null,
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
