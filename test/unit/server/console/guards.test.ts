/**
 * Every state-changing admin route, as each kind of caller: CSRF refusal for a session without
 * its token, role limits (an analyst changes nothing; only owners manage accounts and keys), and
 * an audit entry for every change that went through.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers';
import { type BrandWorld, dumpDb, signIn, twoBrands } from './harness';
import { adminRoutesOf, isChange, OWNER_ONLY, samples } from './routeSamples';

const methodOf = (route: string) => route.split(' ')[0]!;

describe('console guards on every state-changing admin route', () => {
  let s: TestServer;
  let A: BrandWorld;
  let changes: string[];
  beforeAll(async () => {
    ({ s, A } = await twoBrands());
    changes = adminRoutesOf(s.routes).filter(isChange);
  });
  afterAll(() => s.close());

  it('an analyst cannot change anything, whatever the route and body', async () => {
    const analyst = await signIn(s, A.brandId, 'analyst');
    const before = await dumpDb(s.db);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...changes),
        fc.oneof(fc.constant('sample' as const), fc.jsonValue()),
        async (route, body) => {
          const sample = samples[route]!(A);
          const r = await analyst.call(methodOf(route), sample.path, {
            body: body === 'sample' ? sample.body : body,
          });
          expect(r.status).toBe(403);
          expect(r.body.error.code).toBe('forbidden');
        },
      ),
      { numRuns: 60 },
    );
    expect(await dumpDb(s.db)).toEqual(before);
    // Reads stay open to analysts.
    expect((await analyst.call('GET', '/v1/admin/tasks')).status).toBe(200);
  });

  it('a session change without its CSRF token, or with another session’s, is refused and changes nothing', async () => {
    const owner = await signIn(s, A.brandId, 'owner');
    const other = await signIn(s, A.brandId, 'owner');
    const before = await dumpDb(s.db);
    for (const route of changes) {
      const sample = samples[route]!(A);
      for (const csrf of [null, 'csrf_made-up', other.csrf!]) {
        const r = await owner.call(methodOf(route), sample.path, { body: sample.body, csrf });
        expect(r.status, `${route} with ${csrf}`).toBe(403);
        expect(r.body.error.message).toMatch(/CSRF/);
      }
    }
    expect(await dumpDb(s.db)).toEqual(before);
  });

  it('only owners (and API keys) manage accounts and keys', async () => {
    const admin = await signIn(s, A.brandId, 'admin');
    const before = await dumpDb(s.db);
    for (const route of OWNER_ONLY) {
      const sample = samples[route]!(A);
      const r = await admin.call(methodOf(route), sample.path, { body: sample.body });
      expect(r.status, route).toBe(403);
    }
    expect(await dumpDb(s.db)).toEqual(before);
  });

  it('every change that goes through leaves one audit entry: who, what, when, which brand', async () => {
    const owner = await signIn(s, A.brandId, 'owner', 'auditor@brand.example');
    for (const [i, route] of changes.entries()) {
      s.clock.advance(1000);
      const sample = samples[route]!(A);
      const viaKey = i % 2 === 1;
      const before = (await s.store.console.listAudit(A.brandId, undefined, 1000)).length;
      const r = viaKey
        ? await s.call(methodOf(route), sample.path, { token: A.adminKey, body: sample.body })
        : await owner.call(methodOf(route), sample.path, { body: sample.body });
      expect(r.status, `${route}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
      const log = await s.store.console.listAudit(A.brandId, undefined, 1000);
      expect(log.length, route).toBe(before + 1);
      expect(log[0]).toMatchObject({
        action: route,
        at: s.clock.t,
        actorKind: viaKey ? 'key' : 'account',
        actorLabel: viaKey ? expect.stringMatching(/^API key /) : 'auditor@brand.example',
        status: r.status,
      });
    }
  });
});
