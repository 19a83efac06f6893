/**
 * Initial sync from a snapshot ends where a replay of the whole change log ends. Random histories
 * (pushes with personal data, claims, transfers, resolutions, lapsed leases, tier changes,
 * suspensions, KB edits, payout rules, ratings) run through the real routes; at random moments
 * every advocate takes a snapshot (`GET /v1/snapshot` + each brand's, cached and possibly stale).
 * At the end, for each advocate, "snapshot, then `/v1/sync` from its cursor" and "`/v1/sync`
 * from the start" must build the same local state, and no tier-0 snapshot carries personal data.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrandSnapshot, Change, OwnSnapshot } from '../../../src/shared/protocol';
import { BrandSnapshot as BrandSnapshotSchema } from '../../../src/shared/protocol';
import { OwnSnapshot as OwnSnapshotSchema } from '../../../src/shared/protocol';
import { taskOfRow } from '../../../src/shared/snapshotRows';
import { earliestCursor } from '../../../src/shared/domain/syncCursor';
import { leaks, type Pii, textWithPii } from '../../support/personalData';
import { allReadable } from '../../support/allReadable';
import { key, rules, syncAll, T0, task, type TestServer, testServer } from './helpers';

/** The app's local state as a map: what each change kind upserts or deletes. */
type State = Map<string, unknown>;

function replay(state: State, c: Change): void {
  switch (c.kind) {
    case 'brand':
      return void state.set(`brand:${c.brand.id}`, c.brand);
    case 'membership':
      return void state.set(`membership:${c.membership.brandId}`, c.membership);
    case 'task':
      return void state.set(`task:${c.task.id}`, c.task);
    case 'revoke':
      return void state.delete(`task:${c.taskId}`);
    case 'article':
      return void state.set(`article:${c.article.id}`, c.article);
    case 'article_delete':
      return void state.delete(`article:${c.articleId}`);
    case 'macro':
      return void state.set(`macro:${c.macro.id}`, c.macro);
    case 'macro_delete':
      return void state.delete(`macro:${c.macroId}`);
    case 'payout_rules':
      return void state.set(`rules:${c.brandId}:${c.version}`, {
        rules: c.rules,
        effectiveAt: c.effectiveAt,
      });
    case 'ledger':
      return void state.set(`ledger:${c.entry.id}`, c.entry);
    case 'rating':
      return void state.set(`rating:${c.rating.taskId}`, c.rating);
  }
}

function loadSnapshot(state: State, own: OwnSnapshot, brands: BrandSnapshot[]): void {
  for (const b of brands) {
    state.set(`brand:${b.brand.id}`, b.brand);
    for (const r of b.payoutRules)
      state.set(`rules:${b.brandId}:${r.version}`, { rules: r.rules, effectiveAt: r.effectiveAt });
    for (const a of b.articles) state.set(`article:${a.id}`, a);
    for (const m of b.macros) state.set(`macro:${m.id}`, m);
    for (const r of b.tasks.rows) state.set(`task:${r[0]}`, taskOfRow(r));
  }
  for (const m of own.memberships) state.set(`membership:${m.brandId}`, m);
  for (const r of own.tasks.rows) state.set(`task:${r[0]}`, taskOfRow(r));
  for (const l of own.ledger) state.set(`ledger:${l.id}`, l);
  for (const r of own.ratings) state.set(`rating:${r.taskId}`, r);
}

const sorted = (s: State) => Object.fromEntries([...s].sort(([a], [b]) => (a < b ? -1 : 1)));

/** Every string anywhere in an answer. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

type Step =
  | { do: 'push'; text: { text: string; secrets: Pii[] }; minTier: number }
  | { do: 'claim' | 'resolve' | 'abandon' | 'renew'; who: number; task: number }
  | { do: 'work'; who: number; task: number }
  | { do: 'transfer'; who: number; to: number; task: number }
  | { do: 'tier'; who: number; tier: number }
  | { do: 'suspend'; who: number; suspended: boolean }
  | { do: 'article'; ref: number; deleted: boolean }
  | { do: 'rules'; base: number }
  | { do: 'rate'; task: number; comment: { text: string; secrets: Pii[] } }
  | { do: 'lapse' }
  | { do: 'snapshot' };

const ADVOCATES = 3;
const who = fc.nat(ADVOCATES - 1);
const taskIndex = fc.nat(7);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ do: fc.constant('work' as const), who, task: taskIndex }) },
  {
    weight: 4,
    arbitrary: fc.record({
      do: fc.constant('push' as const),
      text: textWithPii,
      minTier: fc.nat(2),
    }),
  },
  ...(['claim', 'resolve', 'abandon', 'renew'] as const).map((a) => ({
    weight: a === 'claim' ? 4 : 2,
    arbitrary: fc.record({ do: fc.constant(a), who, task: taskIndex }),
  })),
  {
    weight: 1,
    arbitrary: fc.record({ do: fc.constant('transfer' as const), who, to: who, task: taskIndex }),
  },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('tier' as const), who, tier: fc.nat(2) }) },
  {
    weight: 1,
    arbitrary: fc.record({ do: fc.constant('suspend' as const), who, suspended: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      do: fc.constant('article' as const),
      ref: fc.nat(2),
      deleted: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      do: fc.constant('rules' as const),
      base: fc.integer({ min: 50, max: 500 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constant('rate' as const),
      task: taskIndex,
      comment: textWithPii,
    }),
  },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('lapse' as const) }) },
  { weight: 3, arbitrary: fc.record({ do: fc.constant('snapshot' as const) }) },
);

/** What the final states held, over all runs: the property is not vacuous. */
const seenKinds = new Set<string>();

/** The task pushed last. */
const LAST = -1;
const covering: Step[] = [
  { do: 'push', text: { text: 'Write to ana@example.com', secrets: [] }, minTier: 0 },
  { do: 'work', who: 0, task: LAST },
  { do: 'rate', task: LAST, comment: { text: 'great', secrets: [] } },
  { do: 'article', ref: 0, deleted: false },
];

describe('snapshot + sync equals a full replay', () => {
  let s: TestServer;
  let other: { brandId: string; adminKey: string };
  beforeAll(async () => {
    s = await testServer({ snapshotCache: { checkEveryMs: 0, maxLag: 3 } });
    const b = await s.store.createBrand({ name: 'Other Brand', currency: 'EUR' }, s.clock.t);
    other = { brandId: b.brand.id, adminKey: b.adminKey };
    await s.call('POST', '/v1/admin/tasks', { token: other.adminKey, body: [task(1)] });
  });
  afterAll(() => s.close());

  let run = 0;
  it('for random histories, at every tier, with no personal data at tier 0', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Every history has a worked, rated task and an article somewhere; the rest is random.
        fc
          .tuple(fc.array(step, { maxLength: 10 }), fc.array(step, { minLength: 4, maxLength: 14 }))
          .map(([before, after]) => [...before, ...covering, ...after]),
        fc.array(fc.nat(2), { minLength: ADVOCATES, maxLength: ADVOCATES }),
        async (steps, tiers) => {
          run++;
          const advocates = await Promise.all(tiers.map((tier) => s.advocate({ tier })));
          const observer: { token: string; cursor?: string } = await s.advocate({ tier: 3 });
          const taskIds: string[] = [];
          const secrets: Pii[] = [];
          const snaps = new Map<number, { own: OwnSnapshot; brands: BrandSnapshot[] }>();
          const act = (i: number, action: Record<string, unknown>) =>
            s.call('POST', '/v1/actions', {
              token: advocates[i]!.token,
              body: { actions: [{ key: key('snap'), ...action }] },
            });
          const admin = async (method: string, path: string, body?: unknown) => {
            const r = await s.call(method, path, {
              token: s.adminKey,
              ...(body === undefined ? {} : { body }),
            });
            expect(r.status, JSON.stringify(r.body)).toBeLessThan(method === 'POST' ? 300 : 500);
            return r;
          };
          const take = async (i: number) => {
            const token = advocates[i]!.token;
            const own = await s.call('GET', '/v1/snapshot', { token });
            expect(own.status).toBe(200);
            const ownSnap = OwnSnapshotSchema.parse(own.body);
            const brands: BrandSnapshot[] = [];
            for (const m of ownSnap.memberships) {
              const r = await s.call('GET', `/v1/snapshot/brands/${m.brandId}`, {
                token,
                headers: { 'accept-encoding': i % 2 ? 'gzip' : 'br' },
              });
              expect(r.status).toBe(200);
              expect(r.headers.get('content-encoding')).toBe(i % 2 ? 'gzip' : 'br');
              brands.push(BrandSnapshotSchema.parse(r.body));
            }
            return { own: ownSnap, brands };
          };

          for (const st of steps) {
            const taskId =
              'task' in st
                ? st.task === LAST
                  ? taskIds.at(-1)
                  : taskIds[st.task % Math.max(1, taskIds.length)]
                : undefined;
            switch (st.do) {
              case 'push': {
                const n = taskIds.length;
                const r = await s.pushTasks([
                  task(run * 100 + n, {
                    subject: st.text.text,
                    minTier: st.minTier,
                    customerName: 'Ana',
                    messages: [{ author: 'customer', body: st.text.text, createdAt: T0 - 1 }],
                  }),
                ]);
                expect(r.status).toBe(200);
                secrets.push(...st.text.secrets);
                // A tier-3 observer learns the new task's id (it is open, so visible to it).
                await allReadable(s.db);
                const seen = await syncAll(s, observer.token, observer.cursor);
                observer.cursor = seen.cursor;
                const ref = `T-${run * 100 + n}`;
                const found = (seen.changes as Change[]).find(
                  (c) => c.kind === 'task' && c.task.externalRef === ref,
                );
                taskIds.push((found as Extract<Change, { kind: 'task' }>).task.id);
                break;
              }
              case 'work':
                if (taskId) {
                  await act(st.who, { type: 'claim', taskId });
                  await act(st.who, { type: 'resolve', taskId });
                }
                break;
              case 'claim':
              case 'resolve':
              case 'abandon':
              case 'renew':
                if (taskId) await act(st.who, { type: st.do, taskId });
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
                await admin('PATCH', `/v1/admin/advocates/${advocates[st.who]!.id}`, {
                  tier: st.tier,
                });
                break;
              case 'suspend':
                await admin('PATCH', `/v1/admin/advocates/${advocates[st.who]!.id}`, {
                  suspended: st.suspended,
                });
                break;
              case 'article':
                if (st.deleted) await admin('DELETE', `/v1/admin/articles/KB-${st.ref}`);
                else
                  await admin('POST', '/v1/admin/articles', [
                    {
                      externalRef: `KB-${st.ref}`,
                      title: `Returns ${run}`,
                      bodyMarkdown: 'Call +47 912 34 567',
                    },
                  ]);
                break;
              case 'rules':
                await admin('PUT', '/v1/admin/payout-rules', {
                  ...rules,
                  basePerComplexity: { ...rules.basePerComplexity, '2': st.base },
                });
                break;
              case 'rate':
                if (taskId) {
                  // Refused (400) unless the task was resolved: both are fine here.
                  const r = await s.call('POST', '/v1/admin/ratings', {
                    token: s.adminKey,
                    body: [{ taskId, score: 4, comment: st.comment.text }],
                  });
                  if (r.status === 200) secrets.push(...st.comment.secrets);
                }
                break;
              case 'lapse':
                s.clock.advance(60 * 60_000);
                await s.store.sweep(s.clock.t);
                break;
              case 'snapshot':
                for (let i = 0; i < ADVOCATES; i++) snaps.set(i, await take(i));
                break;
            }
          }
          await allReadable(s.db);
          for (let i = 0; i < ADVOCATES; i++) {
            const token = advocates[i]!.token;
            const full: State = new Map();
            for (const c of (await syncAll(s, token)).changes as Change[]) replay(full, c);
            const snap = snaps.get(i) ?? (await take(i));
            const fromSnapshot: State = new Map();
            loadSnapshot(fromSnapshot, snap.own, snap.brands);
            const cursor = earliestCursor([snap.own.cursor, ...snap.brands.map((b) => b.cursor)]);
            for (const c of (await syncAll(s, token, cursor)).changes as Change[])
              replay(fromSnapshot, c);
            expect(sorted(fromSnapshot)).toEqual(sorted(full));
            for (const k of full.keys()) seenKinds.add(k.split(':')[0]!);
            if (snap.own.tasks.rows.length > 0) seenKinds.add('own task');
            // Tenancy: nothing of the other brand, by snapshot or by asking for it.
            expect(JSON.stringify(snap)).not.toContain(other.brandId);
            const foreign = await s.call('GET', `/v1/snapshot/brands/${other.brandId}`, { token });
            expect(foreign.status).toBe(404);
            // Tier 0: no personal data in any string of a snapshot taken at tier 0.
            const now = await take(i);
            const atTierZero = now.own.memberships.every((m) => m.tier === 0);
            if (atTierZero)
              for (const str of strings(now))
                for (const p of secrets)
                  expect(leaks(str, p), `snapshot leaks ${p.text}`).toBe(false);
          }
        },
      ),
      { numRuns: 12 },
    );
    expect([...seenKinds].sort()).toEqual(
      ['article', 'brand', 'ledger', 'membership', 'own task', 'rating', 'rules', 'task'].sort(),
    );
  }, 240_000);
});
