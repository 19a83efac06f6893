/**
 * Where the feed server's tests get their database. Each server test asks `freshDb()` for a new,
 * empty database and passes the answer as `db` to `startServer`/`openStore`; which backend that is
 * depends on who runs the test file: `test/unit/server` runs it on SQLite, `test/pg/server.test.ts`
 * imports the same files again after `useBackend('postgres')`. One copy of each test, two backends.
 */
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type BackendName = 'sqlite' | 'postgres';

export interface FreshDbOptions {
  /** SQLite: put the database file in this directory (else ':memory:'). PostgreSQL ignores it. */
  dir?: string;
}

interface ServerBackend {
  name: BackendName;
  /** A new empty database (a SQLite path or a PostgreSQL URL) for one test. */
  freshDb(options?: FreshDbOptions): Promise<string>;
}

export const pgTestUrl = (): string | undefined => process.env.GIGDESK_TEST_PG_URL || undefined;

const sqlite: ServerBackend = {
  name: 'sqlite',
  async freshDb(options = {}) {
    return options.dir ? join(options.dir, 'feed.sqlite') : ':memory:';
  },
};

const schemas: string[] = [];
let admin: pg.Pool | undefined;

function adminPool(): pg.Pool {
  const url = pgTestUrl();
  if (!url) throw new Error('GIGDESK_TEST_PG_URL is not set');
  admin ??= new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5000 });
  return admin;
}

/** `base` with its connections' search_path set to `schema`. */
function urlWithSchema(base: string, schema: string): string {
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

const postgres: ServerBackend = {
  name: 'postgres',
  async freshDb() {
    const schema = `${schemaPrefix()}${randomBytes(6).toString('hex')}`;
    try {
      await adminPool().query(`CREATE SCHEMA ${schema}`);
    } catch (err) {
      // Set but unreachable is a failure, never a skip.
      throw new Error(
        `PostgreSQL at GIGDESK_TEST_PG_URL cannot be used: ${(err as Error).message}`,
        { cause: err },
      );
    }
    schemas.push(schema);
    return urlWithSchema(pgTestUrl()!, schema);
  },
};

let current: ServerBackend = sqlite;

/** Called by a `test/pg` file before it imports the server tests. */
export function useBackend(name: BackendName): void {
  current = name === 'postgres' ? postgres : sqlite;
}

export const testBackend = (): BackendName => current.name;

/** A new empty database on the backend this test file runs on. */
export const freshDb = (options?: FreshDbOptions): Promise<string> => current.freshDb(options);

/**
 * Set by the unit suite's global setup (pgSchemas.ts): this run's schemas are named with it and
 * dropped once, after every test file has finished.
 */
export const RUN_ENV = 'GIGDESK_TEST_PG_RUN';

/** `t_` and, in a vitest run, that run's tag: `t_<run>_`. */
export const schemaPrefix = (): string => {
  const run = process.env[RUN_ENV];
  return run ? `t_${run}_` : 't_';
};

/**
 * Drops every schema `freshDb` created in this file; call from a top-level `afterAll`. In a
 * vitest run it only closes the connection: the run drops its schemas at its end instead
 * (pgSchemas.ts), because a DROP is a transaction that writes, and while it runs, PostgreSQL's
 * horizon stands still for every other test on the cluster: their changes stay unreadable by
 * `/v1/sync` (changeLog.ts) for the seconds dropping takes on a loaded machine.
 */
export async function dropFreshDbs(): Promise<void> {
  if (!admin) return;
  const all = schemas.splice(0);
  if (!process.env[RUN_ENV]) await dropSchemas(admin, all);
  await admin.end();
  admin = undefined;
}

/**
 * Ten schemas a statement: one commit per ten, within the default lock table (each schema holds
 * about a hundred objects; a suite leaves a few hundred schemas).
 */
export async function dropSchemas(db: pg.Pool | pg.Client, names: string[]): Promise<void> {
  for (let i = 0; i < names.length; i += 10)
    await db.query(`DROP SCHEMA IF EXISTS ${names.slice(i, i + 10).join(', ')} CASCADE`);
}
