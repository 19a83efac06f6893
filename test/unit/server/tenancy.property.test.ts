/**
 * Nothing crosses brands. Random brands invite random people (several brands the same e-mail),
 * and random parties act: each invited person and each brand's admin holds only the invite codes
 * and tokens it was given (a brand's admin may redeem or accept its own invites, as a hostile
 * admin would). Everything goes through the real HTTP routes (`fastify.inject`) and store.
 *
 * The model: each token reaches exactly the brands it was redeemed or accepted for, minus those
 * that revoked its identity. After every step, every token held by anyone reads (`/v1/me`,
 * `/v1/sync`, initial sync's first page) exactly that and nothing else, and an action on a task
 * of any other brand is rejected without effect; a brand's admin lists, patches and revokes
 * only its own members.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app';
import { openStore, type Store } from '../../../src/server/store';
import type { Change } from '../../../src/shared/protocol';
import { freshDb, testBackend } from '../../support/serverBackends';
import { T0, task } from './helpers';

const EMAILS = ['ana@example.com', 'ben@example.com'];

type Party = { kind: 'person'; email: string } | { kind: 'admin'; brand: number };

type Step =
  | { do: 'invite'; brand: number; email: number }
  | { do: 'redeem'; party: Party; code: number; newDevice: boolean }
  | { do: 'accept'; party: Party; token: number; code: number }
  | { do: 'refresh'; party: Party; token: number }
  | { do: 'logout'; party: Party; token: number }
  | { do: 'revoke'; brand: number; member: number }
  | { do: 'suspend'; brand: number; member: number }
  | { do: 'claim'; party: Party; token: number; task: number }
  | { do: 'patchForeign'; brand: number; victimBrand: number; member: number };

const party = (brands: number): fc.Arbitrary<Party> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .nat(EMAILS.length - 1)
        .map((i): Party => ({ kind: 'person', email: EMAILS[i]! })),
    },
    { weight: 1, arbitrary: fc.nat(brands - 1).map((b): Party => ({ kind: 'admin', brand: b })) },
  );

const scenario = fc.integer({ min: 2, max: 3 }).chain((brands) =>
  fc.record({
    brands: fc.constant(brands),
    steps: fc.array(
      fc.oneof(
        {
          weight: 6,
          arbitrary: fc.record({
            do: fc.constant('invite' as const),
            brand: fc.nat(brands - 1),
            email: fc.nat(EMAILS.length - 1),
          }),
        },
        {
          weight: 6,
          arbitrary: fc.record({
            do: fc.constant('redeem' as const),
            party: party(brands),
            code: fc.nat(20),
          }),
        },
        {
          weight: 2,
          arbitrary: fc.record({
            do: fc.constant('accept' as const),
            party: party(brands),
            token: fc.nat(10),
            code: fc.nat(20),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            do: fc.constant('refresh' as const),
            party: party(brands),
            token: fc.nat(10),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            do: fc.constant('logout' as const),
            party: party(brands),
            token: fc.nat(10),
          }),
        },
        {
          weight: 2,
          arbitrary: fc.record({
            do: fc.constant('revoke' as const),
            brand: fc.nat(brands - 1),
            member: fc.nat(5),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            do: fc.constant('suspend' as const),
            brand: fc.nat(brands - 1),
            member: fc.nat(5),
          }),
        },
        {
          weight: 3,
          arbitrary: fc.record({
            do: fc.constant('claim' as const),
            party: party(brands),
            token: fc.nat(10),
            task: fc.nat(2 * brands - 1),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            do: fc.constant('patchForeign' as const),
            brand: fc.nat(brands - 1),
            victimBrand: fc.nat(brands - 1),
            member: fc.nat(5),
          }),
        },
      ) as fc.Arbitrary<Step>,
      { minLength: 20, maxLength: 50 },
    ),
  }),
);

interface HeldToken {
  token: string;
  holder: string;
  identity: string;
  /** The model: brands this token may reach. */
  brands: Set<string>;
  live: boolean;
  refreshed: boolean;
}

interface Code {
  used?: boolean;
  code: string;
  brand: string;
  email: string;
}

const holderOf = (p: Party, brandIds: string[]) =>
  p.kind === 'person' ? p.email : `admin:${brandIds[p.brand]}`;

function brandOfChange(c: Change): string | undefined {
  switch (c.kind) {
    case 'task':
      return c.task.brandId;
    case 'revoke':
      return c.brandId;
    case 'brand':
      return c.brand.id;
    case 'membership':
      return c.membership.brandId;
    case 'article':
      return c.article.brandId;
    case 'macro':
      return c.macro.brandId;
    case 'payout_rules':
      return c.brandId;
    case 'ledger':
      return c.entry.brandId;
    case 'rating':
      return c.rating.brandId;
    default:
      return (c as { brandId?: string }).brandId;
  }
}

describe('tenancy: nothing crosses brands', () => {
  let store: Store;
  let app: FastifyInstance;
  let run = 0;

  beforeAll(async () => {
    store = openStore(await freshDb());
    await store.migrate(T0);
    ({ app } = await buildApp(store, { now: () => T0, rateLimitMax: 1_000_000 }));
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const call = async (method: string, url: string, token?: string, body?: unknown) => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return {
      status: res.statusCode,
      body: res.body ? (JSON.parse(res.body) as unknown) : undefined,
    };
  };

  it('no read, claim, revoke or other act of one brand reaches another', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ brands: n, steps }) => {
        run++;
        const brandIds: string[] = [];
        const keys = new Map<string, string>();
        const taskIds: { id: string; brand: string }[] = [];
        const invited = new Map<string, Set<string>>();
        for (let b = 0; b < n; b++) {
          const { brand, adminKey } = await store.createBrand(
            { name: `Brand ${run}-${b}`, currency: 'EUR' },
            T0,
          );
          brandIds.push(brand.id);
          keys.set(brand.id, adminKey);
          const pushed = await call('POST', '/v1/admin/tasks', adminKey, [
            task(1, { externalRef: `A-${run}`, skills: [], minTier: 0 }),
            task(2, { externalRef: `B-${run}`, skills: [], minTier: 0 }),
          ]);
          expect(pushed.status).toBe(200);
          // The operator's view of the brand's task ids (targets for claims from anywhere).
          const setup = `setup-${run}-${b}@example.com`;
          invited.set(brand.id, new Set([setup]));
          const inv = await store.invite(brand.id, { email: setup, skills: [], tier: 3 }, T0);
          const page = await store.sync(inv.advocateId, undefined, 1000, [brand.id]);
          for (const c of page.changes)
            if (c.kind === 'task') taskIds.push({ id: c.task.id, brand: brand.id });
        }
        const codes: Code[] = [];
        const held: HeldToken[] = [];
        const tokensOf = (p: Party) =>
          held.filter((t) => t.holder === holderOf(p, brandIds) && t.live);
        // Unused codes first: a used one only ever answers 401.
        const codesOf = (p: Party) => {
          const known = codes.filter((c) =>
            p.kind === 'person' ? c.email === p.email : c.brand === brandIds[p.brand],
          );
          const fresh = known.filter((c) => !c.used);
          return fresh.length > 0 ? fresh : known;
        };

        const accept = async (p: Party, token: number, code: number) => {
          const mine = codesOf(p);
          const c = mine[code % Math.max(1, mine.length)];
          const ts = tokensOf(p);
          const t = ts[token % Math.max(1, ts.length)];
          if (!c || !t) return;
          const r = await call('POST', '/v1/auth/accept', t.token, { code: c.code });
          if (r.status === 200) t.brands.add(c.brand);
          else expect([401, 409]).toContain(r.status);
          if (r.status !== 401) c.used = true;
        };

        for (const step of steps) {
          switch (step.do) {
            case 'invite': {
              const b = brandIds[step.brand]!;
              const r = await call('POST', '/v1/admin/advocates', keys.get(b), {
                email: EMAILS[step.email],
                tier: 1,
              });
              expect(r.status).toBe(201);
              codes.push({
                code: (r.body as { inviteCode: string }).inviteCode,
                brand: b,
                email: EMAILS[step.email]!,
              });
              invited.get(b)!.add(EMAILS[step.email]!);
              break;
            }
            case 'redeem': {
              // Like the app: a person signed in already accepts, unless on a new device.
              if (step.party.kind === 'person' && !step.newDevice && tokensOf(step.party).length) {
                await accept(step.party, 0, step.code);
                break;
              }
              const mine = codesOf(step.party);
              const c = mine[step.code % Math.max(1, mine.length)];
              if (!c) break;
              const r = await call('POST', '/v1/auth/redeem', undefined, {
                code: c.code,
                deviceName: 'device',
              });
              if (r.status !== 201) {
                expect(r.status).toBe(401);
                break;
              }
              c.used = true;
              const body = r.body as { token: string; advocate: { id: string } };
              held.push({
                token: body.token,
                holder: holderOf(step.party, brandIds),
                identity: body.advocate.id,
                brands: new Set([c.brand]),
                live: true,
                refreshed: false,
              });
              break;
            }
            case 'accept':
              await accept(step.party, step.token, step.code);
              break;
            case 'refresh': {
              const ts = tokensOf(step.party);
              const t = ts[step.token % Math.max(1, ts.length)];
              if (!t) break;
              const r = await call('POST', '/v1/auth/refresh', t.token);
              if (t.refreshed || t.brands.size === 0) {
                expect(r.status).toBe(401);
                break;
              }
              expect(r.status).toBe(200);
              t.refreshed = true;
              held.push({
                ...t,
                token: (r.body as { token: string }).token,
                brands: new Set(t.brands),
                refreshed: false,
              });
              break;
            }
            case 'logout': {
              const ts = tokensOf(step.party);
              const t = ts[step.token % Math.max(1, ts.length)];
              if (!t) break;
              const r = await call('POST', '/v1/auth/logout', t.token);
              expect(r.status).toBe(204);
              t.live = false;
              break;
            }
            case 'revoke':
            case 'suspend': {
              const b = brandIds[step.brand]!;
              const list = await call('GET', '/v1/admin/advocates', keys.get(b));
              const members = (list.body as { advocates: { id: string; email: string }[] })
                .advocates;
              // A brand lists only the people it invited itself.
              for (const m of members) expect(invited.get(b)!.has(m.email)).toBe(true);
              const m = members[step.member % Math.max(1, members.length)];
              if (!m) break;
              if (step.do === 'suspend') {
                const r = await call('PATCH', `/v1/admin/advocates/${m.id}`, keys.get(b), {
                  suspended: true,
                });
                expect(r.status).toBe(200);
                break;
              }
              const r = await call(
                'POST',
                `/v1/admin/advocates/${m.id}/revoke-tokens`,
                keys.get(b),
              );
              expect(r.status).toBe(200);
              for (const t of held) {
                if (t.identity !== m.id) continue;
                t.brands.delete(b);
                if (t.brands.size === 0) t.live = false;
              }
              break;
            }
            case 'patchForeign': {
              if (step.brand === step.victimBrand) break;
              const b = brandIds[step.brand]!;
              const victim = brandIds[step.victimBrand]!;
              const list = await call('GET', '/v1/admin/advocates', keys.get(victim));
              const members = (list.body as { advocates: { id: string }[] }).advocates;
              const m = members[step.member % Math.max(1, members.length)];
              if (!m) break;
              const mine = (
                (await call('GET', '/v1/admin/advocates', keys.get(b))).body as {
                  advocates: { id: string }[];
                }
              ).advocates.some((a) => a.id === m.id);
              if (mine) break; // the same person enrolled with both: legitimately this brand's member too
              const patch = await call('PATCH', `/v1/admin/advocates/${m.id}`, keys.get(b), {
                suspended: true,
              });
              expect(patch.status).toBe(404);
              const revoke = await call(
                'POST',
                `/v1/admin/advocates/${m.id}/revoke-tokens`,
                keys.get(b),
              );
              expect(revoke.status).toBe(404);
              break;
            }
            case 'claim': {
              const ts = tokensOf(step.party);
              const t = ts[step.token % Math.max(1, ts.length)];
              const target = taskIds[step.task % Math.max(1, taskIds.length)];
              if (!t || !target) break;
              const r = await call('POST', '/v1/actions', t.token, {
                actions: [{ key: `k-${run}-${Math.random()}`, type: 'claim', taskId: target.id }],
              });
              if (t.brands.size === 0) {
                expect(r.status).toBe(401);
                break;
              }
              expect(r.status).toBe(200);
              const res = (r.body as { results: { status: string; task?: unknown }[] }).results[0]!;
              if (!t.brands.has(target.brand)) {
                expect(res.status).toBe('rejected');
                expect(res.task).toBeUndefined();
              }
              break;
            }
          }

          // Every token, whoever holds it, reaches exactly its brands.
          for (const t of held) {
            const me = await call('GET', '/v1/me', t.token);
            if (!t.live) {
              expect(me.status).toBe(401);
              continue;
            }
            expect(me.status).toBe(200);
            const reached = (me.body as { brands: { id: string }[] }).brands.map((b) => b.id);
            expect(new Set(reached)).toEqual(t.brands);
            const sync = await call('GET', '/v1/sync?limit=1000', t.token);
            expect(sync.status).toBe(200);
            const changes = (sync.body as { changes: Change[] }).changes;
            for (const c of changes) expect(t.brands.has(brandOfChange(c)!)).toBe(true);
            // Initial sync's first page: its own brands only, any other id as no brand at all.
            for (const b of brandIds) {
              const first = await call('GET', `/v1/snapshot/brands/${b}/first`, t.token);
              expect(first.status).toBe(t.brands.has(b) ? 200 : 404);
              if (first.status === 200) {
                const page = first.body as { brandId: string; tasks: { rows: string[][] } };
                expect(page.brandId).toBe(b);
                for (const row of page.tasks.rows) expect(row[1]).toBe(b);
              }
            }
          }
        }
      }),
      // Each run is a few hundred requests; PostgreSQL answers each slower than SQLite in memory.
      { numRuns: testBackend() === 'postgres' ? 10 : 40 },
    );
  }, 180_000);
});
