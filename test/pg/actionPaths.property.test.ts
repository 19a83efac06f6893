/**
 * The two write paths of actions on PostgreSQL — one statement (actionStatement.ts) and the
 * transaction (actions.ts, SQLite's and the benchmark reference) — give the same answers and
 * leave the same tasks, threads and ledgers for any sequence of actions by any advocates at any
 * times (model-based, fast-check): the rules live in the action table and decide both.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type AdvocateAuth, openStore, type Store } from '../../src/server';
import type { Action } from '../../src/shared/protocol';
import { rawQuery } from '../support/rawDb';
import { dropFreshDbs, freshDb, pgTestUrl, useBackend } from '../support/serverBackends';
import { seedBrand, taskPush } from './brandFixture';

useBackend('postgres');
// Dropping every schema the suite made takes minutes on a loaded machine.
afterAll(dropFreshDbs, 600_000);
const T0 = 1_800_000_000_000;
const RULES = {
  currency: 'EUR',
  basePerComplexity: { '1': 100, '2': 200, '3': 300, '4': 400, '5': 500 },
  outcomeMultiplierBps: { resolved: 10_000, escalated: 5_000, transferred: 2_500 },
  ratingBonus: { '1': 0, '2': 0, '3': 0, '4': 10, '5': 20 },
};

interface World {
  db: string;
  store: Store;
  brandId: string;
  people: AdvocateAuth[];
  tasks: string[];
}

async function world(actionPath: 'statement' | 'transaction'): Promise<World> {
  const db = await freshDb();
  const store = openStore(db, { leaseClock: 'process', actionPath });
  await store.migrate(T0);
  const seed = await seedBrand(store, T0, 3);
  await store.setPayoutRules(seed.brandId, RULES, T0);
  const people = await Promise.all(
    seed.advocates.map(async (a) => (await store.advocateForToken(a.token, T0))!),
  );
  return { db, store, brandId: seed.brandId, people, tasks: [] };
}

/** Two new tasks for the next run (each run starts from open tasks). */
async function newTasks(w: World, run: number, now: number) {
  const refs = [`r${run}-0`, `r${run}-1`];
  await w.store.upsertTasks(
    w.brandId,
    refs.map((r, i) => taskPush(r, i)),
    now,
  );
  const rows = await rawQuery(
    w.db,
    `select id from tasks where external_ref in ('${refs[0]}', '${refs[1]}') order by external_ref`,
  );
  w.tasks = rows.map((r) => String(r.id));
}

const step = fc.record({
  who: fc.integer({ min: 0, max: 2 }),
  task: fc.integer({ min: 0, max: 1 }),
  type: fc.constantFrom(
    'claim',
    'renew',
    'reply',
    'note',
    'resolve',
    'escalate',
    'abandon',
    'transfer',
  ),
  to: fc.integer({ min: 0, max: 3 }), // 3 = the pool
  later: fc.constantFrom(0, 1, 60_000, 31 * 60_000),
  again: fc.boolean(), // sent twice with the same key, as a retrying client would
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

function actionOf(s: Step, w: World, n: number): Action {
  const base = { key: `key-${String(n).padStart(8, '0')}`, taskId: w.tasks[s.task]! };
  switch (s.type) {
    case 'reply':
    case 'note':
      return { ...base, type: s.type, body: `text ${n}` };
    case 'escalate':
      return { ...base, type: 'escalate', target: 'contact_center', handoffNote: `handoff ${n}` };
    case 'transfer':
      return {
        ...base,
        type: 'transfer',
        to: s.to === 3 ? { kind: 'pool' } : { kind: 'advocate', advocateId: w.people[s.to]!.id },
      };
    default:
      return { ...base, type: s.type as 'claim' | 'renew' | 'resolve' | 'abandon' };
  }
}

/** Everything an action can change, with ids replaced by their index in the world. */
async function stateOf(w: World, run: number) {
  const name = (id: unknown) => {
    const i = w.people.findIndex((p) => p.id === id);
    return i >= 0 ? `p${i}` : id === null ? null : `?${String(id)}`;
  };
  const tasks = await rawQuery(
    w.db,
    `select external_ref, status, holder_id, lease_expires_at, offered_to, offer_expires_at, updated_at,
       (select string_agg(kind || ':' || body, '|' order by ord) from messages m
         where m.task_id = t.id and origin = 'advocate') as thread
     from tasks t where external_ref like 'r${run}-%' order by external_ref`,
  );
  const ledger = await rawQuery(
    w.db,
    `select t.external_ref, l.advocate_id, l.kind, l.outcome, l.amount_minor
     from ledger l join tasks t on t.id = l.task_id where t.external_ref like 'r${run}-%'
     order by t.external_ref`,
  );
  const escalations = await rawQuery(
    w.db,
    `select count(*)::int as n from escalations e join tasks t on t.id = e.task_id
     where t.external_ref like 'r${run}-%'`,
  );
  return {
    tasks: tasks.map((t) => ({
      ...t,
      holder_id: name(t.holder_id),
      offered_to: name(t.offered_to),
    })),
    ledger: ledger.map((l) => ({ ...l, advocate_id: name(l.advocate_id) })),
    escalations,
  };
}

describe.runIf(pgTestUrl())('action write paths on PostgreSQL', () => {
  it('one statement and the transaction agree on every answer and every effect', async () => {
    const worlds = [await world('statement'), await world('transaction')] as const;
    let now = T0;
    let run = 0;
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
          run++;
          now += 24 * 3600_000;
          for (const w of worlds) await newTasks(w, run, now);
          for (const s of steps) {
            n++;
            now += s.later;
            const answers = [];
            for (const w of worlds) {
              const a = actionOf(s, w, n);
              const actor = w.people[s.who]!;
              const first = await w.store.applyActions(actor, [a], now);
              const again = s.again ? await w.store.applyActions(actor, [a], now) : [];
              answers.push([...first, ...again].map((r) => ({ ...r, taskId: s.task })));
            }
            expect(answers[0]).toEqual(answers[1]);
          }
          expect(await stateOf(worlds[0], run)).toEqual(await stateOf(worlds[1], run));
        }),
        { numRuns: 20 },
      );
    } finally {
      await Promise.all(worlds.map((w) => w.store.close()));
    }
  }, 120_000);
});
