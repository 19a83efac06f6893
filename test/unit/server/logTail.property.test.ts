/**
 * Pulls answered from a process's tail of the change log (store/logTail.ts) are exactly the pulls
 * that read the log. Random histories on two brands (pushes with personal data, claims, replies,
 * transfers, resolves, abandons, lapsed leases, ratings, KB edits, tier changes, suspensions)
 * run through the real routes of a server whose tails are small (cursors fall behind them) and
 * re-read before every pull; between steps, advocates pull from random cursors of their own with
 * random page sizes and capabilities, and each answer must equal, field for field, the answer of
 * a second store on the same database that reads the log for every pull. Tier-0 answers carry
 * no personal data, and no answer names a brand the advocate is not a member of.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/server';
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/server/store/schema';
import { tailReads } from '../../../src/server/store/logTail';
import { ALL_CAPABILITIES, type Capabilities } from '../../../src/shared/capabilities';
import type { Change } from '../../../src/shared/protocol';
import { allReadable } from '../../support/allReadable';
import { ownKysely } from '../../support/ownKysely';
import { leaks, type Pii, textWithPii } from '../../support/personalData';
import { key, rules, T0, task, type TestServer, testServer } from './helpers';

type Step =
  | { do: 'push'; brand: number; text: { text: string; secrets: Pii[] }; minTier: number }
  | { do: 'claim' | 'resolve' | 'abandon'; who: number; task: number }
  | { do: 'reply'; who: number; task: number; text: { text: string; secrets: Pii[] } }
  | { do: 'transfer'; who: number; to: number; task: number }
  | { do: 'tier'; who: number; tier: number }
  | { do: 'suspend'; who: number; suspended: boolean }
  | { do: 'rate'; task: number }
  | { do: 'article'; brand: number; ref: number }
  | { do: 'lapse' }
  | { do: 'pull'; who: number; from: number; limit: number; customers: boolean };

/** a0–a2 in brand 0, a3 in brand 1, a0 also in brand 1. */
const ADVOCATES = 4;
const who = fc.nat(ADVOCATES - 1);
const taskIndex = fc.nat(9);
const pull = fc.record({
  do: fc.constant('pull' as const),
  who,
  from: fc.nat(),
  limit: fc.integer({ min: 1, max: 6 }),
  customers: fc.boolean(),
});
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      do: fc.constant('push' as const),
      brand: fc.nat(1),
      text: textWithPii,
      minTier: fc.nat(2),
    }),
  },
  ...(['claim', 'resolve', 'abandon'] as const).map((a) => ({
    weight: a === 'claim' ? 5 : 2,
    arbitrary: fc.record({ do: fc.constant(a), who, task: taskIndex }),
  })),
  {
    weight: 3,
    arbitrary: fc.record({
      do: fc.constant('reply' as const),
      who,
      task: taskIndex,
      text: textWithPii,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ do: fc.constant('transfer' as const), who, to: who, task: taskIndex }),
  },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('tier' as const), who, tier: fc.nat(2) }) },
  {
    weight: 1,
    arbitrary: fc.record({ do: fc.constant('suspend' as const), who, suspended: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('rate' as const), task: taskIndex }) },
  {
    weight: 1,
    arbitrary: fc.record({ do: fc.constant('article' as const), brand: fc.nat(1), ref: fc.nat(2) }),
  },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('lapse' as const) }) },
  { weight: 8, arbitrary: pull },
);

/** The brand a change belongs to. */
function brandOf(c: Change): string {
  if (c.kind === 'brand') return c.brand.id;
  const m = /"brandId":"([^"]+)"/.exec(JSON.stringify(c));
  if (!m) throw new Error(`a ${c.kind} change without a brand`);
  return m[1]!;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const NO_CUSTOMERS: Capabilities = new Set(['compact-ids']);

describe('pulls from the log tail', () => {
  let s: TestServer;
  let reference: Store;
  let own: ReturnType<typeof ownKysely> | undefined;
  let db: Kysely<DB>;
  beforeAll(async () => {
    s = await testServer({ storeOptions: { logTails: { maxAgeMs: 0, maxRows: 10 } } });
    reference = openStore(s.db, { logTails: false, leaseClock: 'process' });
    own = ownKysely(s.db);
    db = own.kdb;
  });
  afterAll(async () => {
    await own?.close();
    await reference?.close();
    await s?.close();
  });

  let run = 0;
  it('equal the pulls that read the log, at every tier, within their brands', async () => {
    const before = { ...tailReads };
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 10, maxLength: 40 }),
        fc.array(fc.nat(2), { minLength: ADVOCATES, maxLength: ADVOCATES }),
        async (steps, tiers) => {
          run++;
          const brands = await Promise.all(
            [0, 1].map(async (b) => {
              const r = await s.store.createBrand(
                { name: `Brand ${run}-${b}`, currency: 'EUR' },
                s.clock.t,
              );
              await s.store.setPayoutRules(r.brand.id, rules, s.clock.t);
              return { id: r.brand.id, adminKey: r.adminKey };
            }),
          );
          const advocates: { id: string; token: string }[] = [];
          for (let i = 0; i < ADVOCATES; i++)
            advocates.push(
              await s.advocate({ tier: tiers[i]!, brandId: brands[i === 3 ? 1 : 0]!.id }),
            );
          // a0 joins brand 1 too (tier 1 there).
          const joined = await s.store.invite(
            brands[1]!.id,
            { email: `joined-${run}@example.com`, skills: ['billing'], tier: 1 },
            s.clock.t,
          );
          const a0 = advocates[0]!;
          const accepted = await s.call('POST', '/v1/auth/accept', {
            token: a0.token,
            body: { code: joined.inviteCode },
          });
          expect(accepted.status).toBe(200);
          const brandsOf = (i: number) => (i === 0 ? [0, 1] : i === 3 ? [1] : [0]);
          const tier = new Map<string, number>();
          advocates.forEach((_, i) =>
            brandsOf(i).forEach((b) => tier.set(`${i}/${b}`, i === 0 && b === 1 ? 1 : tiers[i]!)),
          );
          const secrets = new Map<number, Pii[]>([
            [0, []],
            [1, []],
          ]);
          const cursors: (string | undefined)[][] = advocates.map(() => [undefined]);
          let pushed = 0;

          const taskIds = async () =>
            (
              await db
                .selectFrom('tasks')
                .select('id')
                .where(
                  'brand_id',
                  'in',
                  brands.map((b) => b.id),
                )
                .orderBy('created_at')
                .orderBy('id')
                .execute()
            ).map((t) => t.id);
          const act = (i: number, action: Record<string, unknown>) =>
            s.call('POST', '/v1/actions', {
              token: advocates[i]!.token,
              body: { actions: [{ key: key('tail'), ...action }] },
            });
          const admin = async (b: number, method: string, path: string, body?: unknown) => {
            const r = await s.call(method, path, {
              token: brands[b]!.adminKey,
              ...(body === undefined ? {} : { body }),
            });
            expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
            return r;
          };

          for (const st of [
            ...steps,
            { do: 'pull', who: 0, from: 0, limit: 6, customers: true } as Step,
          ]) {
            const ids = 'task' in st ? await taskIds() : [];
            const taskId = 'task' in st && ids.length ? ids[st.task % ids.length] : undefined;
            switch (st.do) {
              case 'push': {
                const r = await s.pushTasks(
                  [
                    task(run * 1000 + ++pushed, {
                      subject: st.text.text,
                      minTier: st.minTier,
                      messages: [{ author: 'customer', body: st.text.text, createdAt: T0 - 1 }],
                    }),
                  ],
                  brands[st.brand]!.adminKey,
                );
                expect(r.status).toBe(200);
                secrets.get(st.brand)!.push(...st.text.secrets);
                break;
              }
              case 'claim':
              case 'resolve':
              case 'abandon':
                if (taskId) await act(st.who, { type: st.do, taskId });
                break;
              case 'reply':
                if (taskId) {
                  const r = await act(st.who, { type: 'reply', taskId, body: st.text.text });
                  // The reply lands in the task's thread, in whichever brand it is.
                  if (r.status === 200)
                    for (const b of [0, 1]) secrets.get(b)!.push(...st.text.secrets);
                }
                break;
              case 'transfer':
                if (taskId)
                  await act(st.who, {
                    type: 'transfer',
                    taskId,
                    to: { kind: 'advocate', advocateId: advocates[st.to]!.id },
                  });
                break;
              case 'tier':
              case 'suspend': {
                const b = st.who === 3 ? 1 : 0;
                const patch = st.do === 'tier' ? { tier: st.tier } : { suspended: st.suspended };
                const r = await admin(
                  b,
                  'PATCH',
                  `/v1/admin/advocates/${advocates[st.who]!.id}`,
                  patch,
                );
                if (r.status === 200 && st.do === 'tier') tier.set(`${st.who}/${b}`, st.tier);
                break;
              }
              case 'rate':
                if (taskId) {
                  // Refused unless resolved, or when the task is the other brand's: both fine.
                  for (const brand of [0, 1])
                    await s.call('POST', '/v1/admin/ratings', {
                      token: brands[brand]!.adminKey,
                      body: [{ taskId, score: 5, comment: 'quick and kind' }],
                    });
                }
                break;
              case 'article':
                await admin(st.brand, 'POST', '/v1/admin/articles', [
                  { externalRef: `KB-${st.ref}`, title: `Returns ${run}`, bodyMarkdown: 'Step 1' },
                ]);
                break;
              case 'lapse':
                s.clock.advance(60 * 60_000);
                await s.store.sweep(s.clock.t);
                break;
              case 'pull': {
                await allReadable(s.db);
                const a = advocates[st.who]!;
                const held = cursors[st.who]!;
                const cursor = held[st.from % held.length];
                const caps = st.customers ? ALL_CAPABILITIES : NO_CUSTOMERS;
                const cached = await s.store.sync(a.id, cursor, st.limit, undefined, caps);
                const read = await reference.sync(a.id, cursor, st.limit, undefined, caps);
                expect(cached).toEqual(read);
                held.push(cached.cursor);
                const mine = new Map(brandsOf(st.who).map((b) => [brands[b]!.id, b]));
                for (const c of cached.changes) {
                  const b = mine.get(brandOf(c));
                  expect(b, `a ${c.kind} change of another brand`).toBeDefined();
                  if (tier.get(`${st.who}/${b}`) !== 0) continue;
                  for (const str of strings(c))
                    for (const p of secrets.get(b!)!)
                      expect(leaks(str, p), `tier 0 reads ${p.text}`).toBe(false);
                }
                break;
              }
            }
          }
        },
      ),
      { numRuns: 12 },
    );
    // Not vacuous: many pulls came from the tails, and some fell behind them.
    expect(tailReads.served - before.served).toBeGreaterThan(20);
    expect(tailReads.fellBack - before.fellBack).toBeGreaterThan(0);
  }, 600_000);
});
