/** The audit log, payout status moves, payout runs and escalation events refuse edits in the database. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEND_ONLY_TABLES } from '../../../../src/server/store/consoleMigration';
import { ownKysely } from '../../../support/ownKysely';
import type { TestServer } from '../helpers';
import { type BrandWorld, signIn, twoBrands } from './harness';

describe('append-only console tables', () => {
  let s: TestServer;
  let A: BrandWorld;
  beforeAll(async () => {
    ({ s, A } = await twoBrands());
    const owner = await signIn(s, A.brandId, 'owner');
    await owner.call('POST', '/v1/admin/payouts/runs', { body: { to: 'confirmed' } });
    await owner.call('POST', `/v1/admin/escalations/${A.tasks['T-4']}/acknowledge`);
  });
  afterAll(() => s.close());

  it.each(APPEND_ONLY_TABLES)('%s refuses UPDATE and DELETE', async (table) => {
    const own = ownKysely<Record<string, never>>(s.db);
    const kdb = own.kdb;
    try {
      const n = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(
        kdb,
      );
      expect(Number(n.rows[0]!.n)).toBeGreaterThan(0);
      await expect(
        sql`update ${sql.table(table)} set brand_id = 'other'`.execute(kdb),
      ).rejects.toThrow(/append-only/);
      await expect(sql`delete from ${sql.table(table)}`.execute(kdb)).rejects.toThrow(
        /append-only/,
      );
    } finally {
      await own.close();
    }
  });
});
