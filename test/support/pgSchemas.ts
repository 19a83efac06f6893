/**
 * The unit suite's global setup: PostgreSQL test schemas (serverBackends.ts `freshDb`) carry this
 * run's tag, and are dropped after the last test file, when no test is waiting for the horizon.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { dropSchemas, pgTestUrl, RUN_ENV, schemaPrefix } from './serverBackends';

export function setup(): void {
  process.env[RUN_ENV] = randomBytes(4).toString('hex');
}

export async function teardown(): Promise<void> {
  const url = pgTestUrl();
  if (!url) return;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `select nspname as name from pg_namespace where starts_with(nspname, $1)`,
      [schemaPrefix()],
    );
    await dropSchemas(
      client,
      rows.map((r) => r.name),
    );
  } finally {
    await client.end();
  }
}
