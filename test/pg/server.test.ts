/**
 * The feed server's whole test suite again, on PostgreSQL: every `test/unit/server` file is
 * imported here after switching `freshDb()` to PostgreSQL (each database a fresh schema, dropped
 * at the end). Runs when `GIGDESK_TEST_PG_URL` is set; set but unreachable fails, never skips.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropFreshDbs, pgTestUrl, useBackend } from '../support/serverBackends';

const serverTests = import.meta.glob('../unit/server/**/*.test.ts');
const url = pgTestUrl();

describe.runIf(url)('feed server on PostgreSQL', async () => {
  it('reaches PostgreSQL at GIGDESK_TEST_PG_URL', async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    await client.connect();
    const r = await client.query<{ one: number }>('select 1 as one');
    await client.end();
    expect(r.rows[0]!.one).toBe(1);
  });

  useBackend('postgres');
  for (const load of Object.values(serverTests)) await load();
});

if (!url) {
  describe.skip('feed server on PostgreSQL', () => {
    it('needs GIGDESK_TEST_PG_URL', () => {});
  });
}

// Dropping every schema the suite made takes minutes on a loaded machine.
afterAll(dropFreshDbs, 600_000);
