/**
 * The two write paths of actions on PostgreSQL — one statement (actionStatement.ts) and the
 * transaction (actions.ts, SQLite's and the benchmark reference) — give the same answers and
 * leave the same database for any sequence of actions of every type by any advocates at any
 * times, sent once, twice or twice at once, with customers writing again on resolved cases
 * (model-based, fast-check): the same tasks, threads, ledger, escalation queue, task events,
 * idempotency records, customer timeline and change rows, and so the same /v1/sync pages and
 * change notices. The rules live in the action table and decide both. And a case pays once
 * under concurrency: copies of one key and different keys racing to close it, on two replicas.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type AdvocateAuth, openStore, type Store } from '../../src/server';
import { type Action, type ActionResult, TaskPush } from '../../src/shared/protocol';
import pg from 'pg';
import { allReadable } from '../support/allReadable';
import { rawQuery } from '../support/rawDb';
import { dropFreshDbs, freshDb, pgTestUrl, useBackend } from '../support/serverBackends';
import { seedBrand } from './brandFixture';

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

type Path = 'statement' | 'transaction';

interface World {
  db: string;
  store: Store;
  brandId: string;
  people: AdvocateAuth[];
  tasks: string[];
  /** Each advocate's sync cursor at the start of the run. */
  cursors: (string | undefined)[];
  /** The change log's last seq at the start of the run. */
  seq: number;
  /** Whom the change notices heard since the last look were for ('brand', or `p<i>`). */
  heard: Set<string>;
  /** Plain SQL on this world's database. */
  q: (text: string) => Promise<Record<string, unknown>[]>;
  pool: pg.Pool;
}

async function world(actionPath: Path): Promise<World> {
  const db = await freshDb();
  const store = openStore(db, { leaseClock: 'process', actionPath });
  await store.migrate(T0);
  const seed = await seedBrand(store, T0, 3);
  await store.setPayoutRules(seed.brandId, RULES, T0);
  const people = await Promise.all(
    seed.advocates.map(async (a) => (await store.advocateForToken(a.token, T0))!),
  );
  const w: World = {
    db,
    store,
    brandId: seed.brandId,
    people,
    tasks: [],
    cursors: [],
    seq: 0,
    heard: new Set(),
    pool: new pg.Pool({ connectionString: db, max: 2 }),
    q: async (text) => (await w.pool.query(text)).rows as Record<string, unknown>[],
  };
  // Notices reach every store on this cluster (LISTEN/NOTIFY): only this world's brand counts.
  store.notifier.subscribe((n) => {
    if (n.brandId !== w.brandId) return;
    w.heard.add(n.advocateId ? `p${people.findIndex((p) => p.id === n.advocateId)}` : 'brand');
  });
  return w;
}

/**
 * Whom each world's notices since the last look were for, once both worlds agree or 2 s passed
 * (notices are announced once the change is readable: a moment after the commit).
 */
async function noticesHeard(worlds: readonly World[]) {
  const look = () => worlds.map((w) => [...w.heard].sort().join(' '));
  let stable = 0;
  for (let waited = 0; waited < 2000 && stable < 2; waited += 10) {
    await new Promise((r) => setTimeout(r, 10));
    stable = new Set(look()).size === 1 ? stable + 1 : 0;
  }
  const heard = look();
  for (const w of worlds) w.heard.clear();
  return heard;
}

/** Task `i` of run `run`; its customer (shared by runs) writes again at `followUpAt`. */
const push = (run: number, i: number, followUpAt?: number) =>
  TaskPush.parse({
    externalRef: `r${run}-${i}`,
    subject: `Where is my order ${i}?`,
    channel: 'email',
    skills: ['billing'],
    complexity: i + 2,
    customerName: `Customer ${i}`,
    customerRef: `c${i}`,
    // One feed message either way: a longer feed would renumber its messages over the
    // advocates' (content.ts numbers the feed's from 0), leaving the thread's order to chance.
    messages: [
      followUpAt
        ? { author: 'customer', body: `Still nothing (${followUpAt}).`, createdAt: followUpAt }
        : { author: 'customer', body: `Order ${i} has not arrived.`, createdAt: T0 },
    ],
  });

/**
 * Every page of an advocate's sync after `cursor`, and the cursor after them, once everything
 * written so far is readable: a transaction of another test on the cluster can hold PostgreSQL's
 * horizon back (changeLog.ts), and the two worlds must stop at the same place.
 */
async function syncAll(w: World, who: number, cursor: string | undefined) {
  await allReadable(w.db);
  const changes: unknown[] = [];
  for (;;) {
    const page = await w.store.sync(w.people[who]!.id, cursor, 500, [w.brandId]);
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

/** Two new tasks for the next run (each run starts from open tasks), and where the run starts. */
async function newRun(w: World, run: number, now: number) {
  await w.store.upsertTasks(w.brandId, [push(run, 0), push(run, 1)], now);
  const rows = await w.q(
    `select id from tasks where external_ref in ('r${run}-0', 'r${run}-1') order by external_ref`,
  );
  w.tasks = rows.map((r) => String(r.id));
  for (const i of w.people.keys()) w.cursors[i] = (await syncAll(w, i, w.cursors[i])).cursor;
  w.seq = Number((await w.q('select max(seq) as n from changes'))[0]!.n);
}

const types = [
  'claim',
  'renew',
  'accept',
  'decline',
  'reply',
  'note',
  'resolve',
  'escalate',
  'abandon',
  'transfer',
  'followUp',
] as const;
type StepType = (typeof types)[number];
/** What the holder of a claimed task does in a step that follows the lifecycle. */
const holderTypes: StepType[] = [
  'renew',
  'reply',
  'reply',
  'note',
  'resolve',
  'escalate',
  'abandon',
  'transfer',
  'transfer',
  'transfer',
];

const step = fc.record({
  // Most steps follow the lifecycle (the task's holder acts, its offeree answers, a free task is
  // claimed, a closed case hears from its customer again); the rest are any action by anyone.
  follows: fc.constantFrom(true, true, false),
  who: fc.integer({ min: 0, max: 2 }),
  task: fc.constantFrom(0, 0, 1),
  type: fc.constantFrom(...types),
  pick: fc.nat(),
  // 0–2 an advocate, 3 the pool, 4 the pool for a skill, 5 a handle nobody has
  to: fc.integer({ min: 0, max: 5 }),
  byHandle: fc.boolean(),
  withText: fc.boolean(),
  later: fc.constantFrom(0, 1, 60_000, 60_000, 16 * 60_000, 31 * 60_000),
  // sent once, again after the answer (a retrying client), or twice at once (two replicas)
  copies: fc.constantFrom('once', 'once', 'again', 'together'),
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;
interface Plan extends Step {
  type: StepType;
  who: number;
}

/** The step as sent: a lifecycle step gets its type and actor from the task's state now. */
async function planOf(w: World, s: Step): Promise<Plan> {
  if (!s.follows) return s;
  const [t] = await w.q(
    `select status, holder_id, offered_to from tasks where id = '${w.tasks[s.task]}'`,
  );
  const index = (id: unknown) => w.people.findIndex((p) => p.id === id);
  if (t!.status === 'resolved' || t!.status === 'escalated') return { ...s, type: 'followUp' };
  if (t!.status === 'open' && t!.offered_to)
    return { ...s, type: s.pick % 2 ? 'accept' : 'decline', who: index(t!.offered_to) };
  if (t!.status === 'open') return { ...s, type: 'claim' };
  return { ...s, type: holderTypes[s.pick % holderTypes.length]!, who: index(t!.holder_id) };
}

function actionOf(s: Plan, w: World, n: number): Action {
  const base = { key: `key-${String(n).padStart(8, '0')}`, taskId: w.tasks[s.task]! };
  switch (s.type) {
    case 'reply':
    case 'note':
      return { ...base, type: s.type, body: `text ${n}` };
    case 'escalate':
      return { ...base, type: 'escalate', target: 'contact_center', handoffNote: `handoff ${n}` };
    case 'resolve':
      return { ...base, type: 'resolve', ...(s.withText ? { summary: `summary ${n}` } : {}) };
    case 'abandon':
    case 'decline':
      return { ...base, type: s.type, ...(s.withText ? { reason: `reason ${n}` } : {}) };
    case 'transfer': {
      const person = w.people[s.to]?.id;
      const to =
        s.to === 3
          ? { kind: 'pool' as const }
          : s.to === 4
            ? { kind: 'pool' as const, skill: 'returns' }
            : s.to === 5
              ? { kind: 'handle' as const, handle: '@nobody' }
              : s.byHandle
                ? { kind: 'handle' as const, handle: person! }
                : { kind: 'advocate' as const, advocateId: person! };
      return { ...base, type: 'transfer', to, ...(s.withText ? { note: `note ${n}` } : {}) };
    }
    default:
      return { ...base, type: s.type as 'claim' | 'renew' | 'accept' };
  }
}

/** Sends `a` as the step says; every answer, the task named by its index in the run. */
async function send(w: World, s: Plan, a: Action, now: number) {
  const actor = w.people[s.who]!;
  let answers: ActionResult[];
  if (s.copies === 'together')
    answers = (
      await Promise.all([
        w.store.applyActions(actor, [a], now),
        w.store.applyActions(actor, [a], now),
      ])
    ).flat();
  else {
    answers = await w.store.applyActions(actor, [a], now);
    if (s.copies === 'again') answers.push(...(await w.store.applyActions(actor, [a], now)));
  }
  return answers.map((r) => ({ ...r, taskId: s.task }));
}

/** Names for the ids of a world, so that two worlds compare: ids are random, names are not. */
async function namesOf(w: World): Promise<[string, string][]> {
  const names: [string, string][] = [[w.brandId, 'brand']];
  w.people.forEach((p, i) => names.push([p.id, `p${i}`]));
  const rows = async (q: string, name: (r: Record<string, unknown>) => string) => {
    for (const r of await w.q(q)) names.push([String(r.id), name(r)]);
  };
  await rows('select id, external_ref from tasks', (r) => `task:${r.external_ref}`);
  await rows('select id, external_ref from customers', (r) => `customer:${r.external_ref}`);
  await rows(
    'select m.id, t.external_ref, m.ord from messages m join tasks t on t.id = m.task_id',
    (r) => `message:${r.external_ref}:${r.ord}`,
  );
  await rows(
    'select l.id, t.external_ref, l.kind from ledger l join tasks t on t.id = l.task_id',
    (r) => `ledger:${r.external_ref}:${r.kind}`,
  );
  return names;
}

/** `value` with every id replaced by its name, and cursors (positions in one log) left out. */
function named(value: unknown, names: [string, string][]): unknown {
  let text = JSON.stringify(value, (k, v: unknown) => (k === 'cursor' ? undefined : v));
  for (const [id, name] of names) text = text.replaceAll(id, name);
  return JSON.parse(text);
}

/** Everything an action can change in run `run`, ids named. */
async function stateOf(w: World, run: number) {
  const mine = `t.external_ref like 'r${run}-%'`;
  const q = w.q;
  const state = {
    tasks: await q(`select external_ref, status, holder_id, lease_expires_at, offered_to,
        offer_expires_at, pool_skills, resolved_at, updated_at
      from tasks t where ${mine} order by external_ref`),
    messages: await q(`select t.external_ref, m.id, m.origin, m.author, m.author_name, m.kind,
        m.body, m.created_at, m.ord
      from messages m join tasks t on t.id = m.task_id where ${mine} order by t.external_ref, m.ord`),
    ledger: await q(`select t.external_ref, l.id, l.advocate_id, l.kind, l.outcome, l.amount_minor,
        l.currency, l.status, l.rule_version, l.lines, l.occurred_at
      from ledger l join tasks t on t.id = l.task_id where ${mine} order by l.occurred_at, l.kind`),
    escalations: await q(`select e.* from escalations e join tasks t on t.id = e.task_id
      where ${mine} order by t.external_ref`),
    queue: await w.store.listEscalations(w.brandId),
    taskEvents: await q(`select e.task_id, e.advocate_id, e.type, e.at
      from task_events e join tasks t on t.id = e.task_id where ${mine}
      order by e.at, t.external_ref, e.type`),
    // (body_hash is the action's, whose task id differs between worlds)
    keys: await q(`select k.advocate_id, k.key, k.result, k.created_at
      from action_keys k order by k.key, k.advocate_id`),
    // In log order: the same rows in the same order as the transaction path adds them.
    changes: await q(`select kind, entity_id, advocate_id, created_at from changes
      where seq > ${w.seq} order by seq`),
    sync: await Promise.all(
      w.people.map(async (_, i) => (await syncAll(w, i, w.cursors[i])).changes),
    ),
  };
  return named(state, await namesOf(w));
}

describe.runIf(pgTestUrl())('action write paths on PostgreSQL', () => {
  it('one statement and the transaction agree on every answer and every row written', async () => {
    const worlds = [await world('statement'), await world('transaction')] as const;
    let now = T0;
    let run = 0;
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
          run++;
          now += 24 * 3600_000;
          for (const w of worlds) await newRun(w, run, now);
          await noticesHeard(worlds);
          for (const s of steps) {
            n++;
            now += s.later;
            // Both worlds are alike so far (else the answers or the state below differ).
            const plan = await planOf(worlds[0], s);
            const answers = [];
            for (const w of worlds) {
              if (plan.type === 'followUp') {
                // The customer writes again: a resolved case reopens (to the pool: nobody is
                // connected), and closing it again pays nothing more.
                await w.store.upsertTasks(w.brandId, [push(run, plan.task, now)], now);
                continue;
              }
              answers.push(await send(w, plan, actionOf(plan, w, n), now));
            }
            expect(answers[0], `step ${n}: ${plan.type}`).toEqual(answers[1]);
            const [heard, heardToo] = await noticesHeard(worlds);
            expect(heard, `notices of step ${n}: ${plan.type}`).toBe(heardToo);
          }
          expect(await stateOf(worlds[0], run)).toEqual(await stateOf(worlds[1], run));
        }),
        { numRuns: 50 },
      );
    } finally {
      await Promise.all(worlds.map((w) => w.store.close()));
      await Promise.all(worlds.map((w) => w.pool.end()));
    }
  }, 300_000);

  it('a case pays once: copies of one key and different keys race to close it on two replicas', async () => {
    for (const path of ['statement', 'transaction'] as const) {
      const db = await freshDb();
      const replicas = [0, 1].map(() => openStore(db, { leaseClock: 'process', actionPath: path }));
      const [store] = replicas;
      await store!.migrate(T0);
      const seed = await seedBrand(store!, T0, 1);
      await store!.setPayoutRules(seed.brandId, RULES, T0);
      const actor = (await store!.advocateForToken(seed.advocates[0]!.token, T0))!;
      const count = async (text: string) => Number((await rawQuery(db, text))[0]!.n);
      let run = 0;
      let now = T0;
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.array(
              fc.record({
                key: fc.integer({ min: 0, max: 3 }),
                replica: fc.integer({ min: 0, max: 1 }),
              }),
              { minLength: 2, maxLength: 8 },
            ),
            fc.boolean(),
            async (racers, reopened) => {
              run++;
              now += 24 * 3600_000;
              await store!.upsertTasks(seed.brandId, [push(run, 0)], now);
              const [{ id }] = (await rawQuery(
                db,
                `select id from tasks where external_ref = 'r${run}-0'`,
              )) as [{ id: string }];
              const act = (a: Record<string, unknown>, on = store!) =>
                on.applyActions(actor, [{ taskId: id, ...a } as Action], now);
              await act({ key: `claim-${run}-a`, type: 'claim' });
              if (reopened) {
                // Paid once already: the customer wrote again, the case reopened and was claimed.
                await act({ key: `close-${run}-first`, type: 'resolve' });
                now += 60_000;
                await store!.upsertTasks(seed.brandId, [push(run, 0, now)], now);
                await act({ key: `claim-${run}-b`, type: 'claim' });
              }
              // Key 2 escalates, the others resolve (key 1 with a summary): a key's copies are alike.
              const closeOf = (k: number) => ({
                key: `close-${run}-${k}`,
                ...(k === 2
                  ? { type: 'escalate', target: 'contact_center', handoffNote: 'over to you' }
                  : { type: 'resolve', ...(k === 1 ? { summary: 'done' } : {}) }),
              });
              const seq = await count('select max(seq) as n from changes');
              const answers = (
                await Promise.all(racers.map((r) => act(closeOf(r.key), replicas[r.replica])))
              ).flat();
              const byKey = new Map<string, ActionResult[]>();
              for (const a of answers) byKey.set(a.key, [...(byKey.get(a.key) ?? []), a]);
              // Every copy of a key is answered alike, and a replay answers the same again.
              for (const [key, same] of byKey) {
                for (const a of same) expect(a).toEqual(same[0]);
                const k = Number(key.split('-').pop());
                expect((await act(closeOf(k)))[0]).toEqual(same[0]);
              }
              const winners = [...byKey.values()].filter((same) => same[0]!.status === 'applied');
              expect(winners).toHaveLength(1);
              expect([...byKey.values()].every((same) => same[0]!.status !== 'rejected')).toBe(
                true,
              );
              const winner = Number(winners[0]![0]!.key.split('-').pop());
              const where = `task_id = '${id}'`;
              expect(
                await count(`select count(*) as n from ledger where ${where} and kind = 'case'`),
              ).toBe(1);
              expect(
                await count(`select count(*) as n from task_events
                  where ${where} and type in ('resolve', 'escalate') and at = ${now}`),
              ).toBe(1);
              expect(await count(`select count(*) as n from escalations where ${where}`)).toBe(
                winner === 2 ? 1 : 0,
              );
              expect(
                await count(`select count(*) as n from changes
                  where kind = 'customer_case' and entity_id = '${id}' and seq > ${seq}`),
              ).toBe(1);
              expect(
                await count(`select count(*) as n from changes
                  where kind = 'ledger' and entity_id in (select id from ledger where ${where})`),
              ).toBe(1);
              expect(
                await count(`select count(*) as n from messages
                  where ${where} and origin = 'advocate'`),
              ).toBe(winner === 1 || winner === 2 ? 1 : 0);
            },
          ),
          { numRuns: 15 },
        );
      } finally {
        await Promise.all(replicas.map((r) => r.close()));
      }
    }
  }, 300_000);
});
