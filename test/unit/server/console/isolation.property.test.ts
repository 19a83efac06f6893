/**
 * Brand isolation in every console route: with brand B's console session (any role) or API key,
 * every admin route, its parameters filled with brand A's ids, neither shows anything of A nor
 * changes anything of A.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers';
import { type BrandWorld, dumpDb, signIn, twoBrands } from './harness';
import { adminRoutesOf, samples } from './routeSamples';

/** Rows that belong to brand A: they name one of A's ids. */
async function rowsOf(db: string, A: BrandWorld) {
  const ids = [A.brandId, A.advocateId, A.accountId, ...Object.values(A.tasks)];
  const dump = await dumpDb(db);
  return Object.fromEntries(
    Object.entries(dump)
      .filter(([table]) => table !== 'audit_log')
      .map(([table, rows]) => [
        table,
        (rows as string[]).filter((r) => ids.some((id) => r.includes(id))),
      ]),
  );
}

describe('brand isolation in every console route', () => {
  let s: TestServer;
  let A: BrandWorld;
  let B: BrandWorld;
  beforeAll(async () => {
    ({ s, A, B } = await twoBrands());
  });
  afterAll(() => s.close());

  it("nothing of brand A is reachable with brand B's session or key", async () => {
    const sessions = {
      owner: await signIn(s, B.brandId, 'owner'),
      admin: await signIn(s, B.brandId, 'admin'),
      analyst: await signIn(s, B.brandId, 'analyst'),
    };
    const routes = adminRoutesOf(s.routes);
    const aIds = [A.brandId, A.advocateId, A.accountId, ...Object.values(A.tasks)];
    const before = await rowsOf(s.db, A);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom('key', 'owner', 'admin', 'analyst'),
        async (route, who) => {
          // A's ids wherever the request names an id, B's own words elsewhere, B's credential.
          const sample = samples[route]!({ ...A, marker: B.marker });
          const method = route.split(' ')[0]!;
          const r =
            who === 'key'
              ? await s.call(method, sample.path, { token: B.adminKey, body: sample.body })
              : await sessions[who as keyof typeof sessions].call(method, sample.path, {
                  body: sample.body,
                });
          expect(r.status).toBeLessThan(500);
          const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
          expect(text).not.toContain('ALPHAMARK');
          for (const id of aIds) expect(text).not.toContain(id);
        },
      ),
      { numRuns: 150 },
    );
    expect(await rowsOf(s.db, A)).toEqual(before);
  });
});
