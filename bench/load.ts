/**
 * `npm run bench -- load`: 1,000 simulated advocates (distinct device tokens) on loopback against
 * two feed-server replicas (child processes) on PostgreSQL, then against one process on SQLite.
 * Each advocate pulls `/v1/sync`, some hold a `/v1/events` stream and pull when told to, the others
 * poll; they claim open tasks, reply and resolve (some resolves sent twice at once, as a retrying
 * client would) while an admin pushes new feed batches. At the end every advocate pulls to the
 * head and the run checks against the database: no task won by two advocates, no applied action
 * missing or applied twice, and each advocate's local task state equal to the server's.
 *
 * Env: GIGDESK_LOAD_SECONDS (default 60), GIGDESK_LOAD_ADVOCATES (1000), GIGDESK_LOAD_SSE (200
 * concurrent event streams), GIGDESK_LOAD_THINK_MS (10000), GIGDESK_LOAD_BACKENDS (postgres,sqlite),
 * GIGDESK_BENCH_PG_URL (else GIGDESK_TEST_PG_URL, else postgres://postgres@127.0.0.1:5432/test; a
 * throwaway schema is used and dropped).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { openStore, type Store } from '../src/server';
import { dialectFor } from '../src/server/store/dialect';
import { visibleTo } from '../src/server/store/views';
import type { PayoutRules } from '../src/shared/domain/payout';
import {
  type ActionsResponse,
  type SyncResponse,
  type TaskView,
  TaskPush,
} from '../src/shared/protocol';
import { type Backend, call, deploy, Recorder } from './deployment';
import { metric, percentile, round } from './stats';

const cfg = {
  seconds: Number(process.env.GIGDESK_LOAD_SECONDS ?? 60),
  advocates: Number(process.env.GIGDESK_LOAD_ADVOCATES ?? 1000),
  sse: Number(process.env.GIGDESK_LOAD_SSE ?? 200),
  backends: (process.env.GIGDESK_LOAD_BACKENDS ?? 'postgres,sqlite').split(',') as Backend[],
  pgUrl:
    process.env.GIGDESK_BENCH_PG_URL ??
    process.env.GIGDESK_TEST_PG_URL ??
    'postgres://postgres@127.0.0.1:5432/test',
  /** Mean pause between an advocate's steps (GIGDESK_LOAD_THINK_MS). */
  thinkMs: Number(process.env.GIGDESK_LOAD_THINK_MS ?? 10_000),
  /** An advocate with an event stream pulls at most this often; one without polls this often. */
  minPullMs: 2000,
  pollMs: 10_000,
  claimChance: 0.35,
  initialTasks: 100,
  pushEveryMs: 2000,
  pushNew: 10,
  /** Share of resolves sent twice concurrently with the same idempotency key. */
  doubleSend: 0.1,
};

const RULES: PayoutRules = {
  currency: 'EUR',
  basePerComplexity: { '1': 200, '2': 350, '3': 500, '4': 800, '5': 1200 },
  outcomeMultiplierBps: { resolved: 10_000, escalated: 5_000, transferred: 2_500 },
  ratingBonus: { '1': 0, '2': 0, '3': 0, '4': 50, '5': 100 },
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const task = (n: number) =>
  TaskPush.parse({
    externalRef: `order-${n}`,
    subject: `Where is my order ${n}?`,
    channel: (['email', 'chat', 'social'] as const)[n % 3],
    skills: ['billing'],
    complexity: (n % 5) + 1,
    customerName: `Customer ${n}`,
    messages: [
      {
        author: 'customer',
        body: `Hello, order ${n} has not arrived yet.`,
        createdAt: 1_800_000_000_000 + n,
      },
    ],
  });

// ------------------------------------------------------------------ advocates

interface Advocate {
  i: number;
  id: string;
  token: string;
  base: string;
  cursor: string | undefined;
  /** taskId → "status|holderId", built only from pulls and action answers. */
  tasks: Map<string, string>;
  dirty: boolean;
  lastPull: number;
  wake: (() => void) | undefined;
  streamed: boolean;
}

const stateOf = (t: Pick<TaskView, 'status' | 'holderId'>) => `${t.status}|${t.holderId ?? ''}`;

interface Ledgerbook {
  claimsAttempted: number;
  claimsWon: number;
  winners: Map<string, Set<string>>;
  resolves: { advocateId: string; taskId: string }[];
  replies: { advocateId: string; taskId: string; body: string }[];
}

/** `fn` for every advocate, 32 at a time. */
async function eachAdvocate(advocates: Advocate[], fn: (a: Advocate) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      for (let i = next++; i < advocates.length; i = next++) await fn(advocates[i]!);
    }),
  );
}

async function seed(store: Store, n: number) {
  const now = Date.now();
  const { brand, adminKey } = await store.createBrand(
    { name: 'Load Outdoor', currency: 'EUR', leaseMinutes: 30 },
    now,
  );
  await store.setPayoutRules(brand.id, RULES, now);
  const advocates: { id: string; token: string }[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < n; i = next++) {
        const inv = await store.invite(
          brand.id,
          { email: `load${i}@example.com`, name: `Advocate ${i}`, skills: ['billing'], tier: 1 },
          now,
        );
        const red = await store.redeem(inv.inviteCode, `laptop ${i}`, now);
        advocates[i] = { id: red.advocate.id, token: red.token };
      }
    }),
  );
  for (let i = 0; i < cfg.initialTasks; i += 100) {
    await store.upsertTasks(
      brand.id,
      Array.from({ length: Math.min(100, cfg.initialTasks - i) }, (_, k) => task(i + k)),
      now,
    );
  }
  return { brandId: brand.id, adminKey, advocates };
}

async function scenario(backend: Backend) {
  const deployment = await deploy(backend, cfg.pgUrl);
  const store = openStore(deployment.db);
  try {
    await store.migrate(Date.now());
    const seeded = await seed(store, cfg.advocates);
    const rec = new Recorder();
    const book: Ledgerbook = {
      claimsAttempted: 0,
      claimsWon: 0,
      winners: new Map(),
      resolves: [],
      replies: [],
    };
    const agents = new Map(
      deployment.urls.map((u) => [u, new http.Agent({ keepAlive: true, maxSockets: 256 })]),
    );
    const sseAgent = new http.Agent({ keepAlive: false });
    const advocates: Advocate[] = seeded.advocates.map((a, i) => ({
      i,
      ...a,
      base: deployment.urls[i % deployment.urls.length]!,
      cursor: undefined,
      tasks: new Map(),
      dirty: true,
      lastPull: 0,
      wake: undefined,
      streamed: i < cfg.sse,
    }));
    let stopped = false;

    const timed = async <T>(
      route: string,
      a: { base: string; token: string },
      method: string,
      path: string,
      body?: unknown,
    ) => {
      const start = performance.now();
      try {
        const r = await call<T>(agents.get(a.base)!, a.base, method, path, a.token, body);
        rec.record(route, performance.now() - start);
        if (r.status >= 400) rec.errors++;
        return r;
      } catch (err) {
        rec.errors++;
        throw err;
      }
    };

    const pull = async (a: Advocate) => {
      a.dirty = false;
      a.lastPull = Date.now();
      for (;;) {
        const q = a.cursor === undefined ? '' : `&cursor=${a.cursor}`;
        const r = await timed<SyncResponse>('GET /v1/sync', a, 'GET', `/v1/sync?limit=500${q}`);
        if (r.status !== 200) return;
        for (const c of r.body.changes) {
          if (c.kind === 'task') a.tasks.set(c.task.id, stateOf(c.task));
          else if (c.kind === 'revoke') a.tasks.delete(c.taskId);
        }
        a.cursor = r.body.cursor;
        if (!r.body.hasMore) return;
      }
    };

    let keys = 0;
    const act = async (a: Advocate, route: string, action: Record<string, unknown>, times = 1) => {
      const body = {
        actions: [{ key: `k-${a.i}-${++keys}-${randomBytes(4).toString('hex')}`, ...action }],
      };
      const replies = await Promise.all(
        Array.from({ length: times }, () =>
          timed<ActionsResponse>(`POST /v1/actions ${route}`, a, 'POST', '/v1/actions', body),
        ),
      );
      const first = replies.find((r) => r.status === 200)?.body.results[0];
      return first?.status;
    };

    const work = async (a: Advocate) => {
      const open = [...a.tasks].filter(([, s]) => s.startsWith('open|'));
      if (open.length === 0) return;
      const taskId = open[Math.floor(Math.random() * open.length)]![0];
      book.claimsAttempted++;
      if ((await act(a, 'claim', { type: 'claim', taskId })) !== 'applied') return;
      book.claimsWon++;
      let w = book.winners.get(taskId);
      if (!w) book.winners.set(taskId, (w = new Set()));
      w.add(a.id);
      await sleep(200 + Math.random() * 800);
      const text = `Thanks for waiting: ${randomBytes(6).toString('hex')}`;
      if ((await act(a, 'reply', { type: 'reply', taskId, body: text })) === 'applied') {
        book.replies.push({ advocateId: a.id, taskId, body: text });
      }
      const twice = Math.random() < cfg.doubleSend ? 2 : 1;
      if ((await act(a, 'resolve', { type: 'resolve', taskId }, twice)) === 'applied') {
        book.resolves.push({ advocateId: a.id, taskId });
      }
    };

    const nap = (a: Advocate, ms: number) =>
      new Promise<void>((done) => {
        const t = setTimeout(finish, ms);
        function finish() {
          clearTimeout(t);
          a.wake = undefined;
          done();
        }
        a.wake = finish;
      });

    const live = async (a: Advocate) => {
      await nap(a, Math.random() * cfg.thinkMs);
      while (!stopped) {
        try {
          const since = Date.now() - a.lastPull;
          if ((a.dirty && since >= cfg.minPullMs) || since >= cfg.pollMs) await pull(a);
          if (!stopped && Math.random() < cfg.claimChance) await work(a);
        } catch {
          // Counted in rec.errors; the advocate carries on, as the app would.
        }
        if (!stopped) await nap(a, cfg.thinkMs * (0.5 + Math.random()));
      }
    };

    const streams: http.ClientRequest[] = [];
    const listen = (a: Advocate) => {
      const start = performance.now();
      const req = http.get(
        `${a.base}/v1/events`,
        { agent: sseAgent, headers: { authorization: `Bearer ${a.token}` } },
        (res) => {
          rec.record('GET /v1/events (headers)', performance.now() - start);
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            if (chunk.includes('event: change')) {
              a.dirty = true;
              if (Date.now() - a.lastPull >= cfg.minPullMs) a.wake?.();
            }
          });
          res.on('error', () => {});
        },
      );
      req.on('error', () => {});
      streams.push(req);
    };

    let pushed = cfg.initialTasks;
    const admin = async () => {
      let k = 0;
      while (!stopped) {
        await sleep(cfg.pushEveryMs);
        const base = deployment.urls[k++ % deployment.urls.length]!;
        const batch = Array.from({ length: cfg.pushNew }, (_, j) => task(pushed + j));
        // Re-pushes of existing refs must change nothing.
        for (let j = 0; j < 5; j++) batch.push(task(Math.floor(Math.random() * pushed)));
        pushed += cfg.pushNew;
        await timed(
          'POST /v1/admin/tasks',
          { base, token: seeded.adminKey },
          'POST',
          '/v1/admin/tasks',
          batch,
        ).catch(() => {});
      }
    };

    // Warm-up, not measured: every advocate's first full pull, as after a morning sign-in.
    await eachAdvocate(advocates, pull);
    rec.reset();

    for (const a of advocates) if (a.streamed) listen(a);
    const started = performance.now();
    const loops = [...advocates.map(live), admin()];
    await sleep(cfg.seconds * 1000);
    stopped = true;
    for (const a of advocates) a.wake?.();
    await Promise.all(loops);
    const elapsed = (performance.now() - started) / 1000;
    for (const s of streams) s.destroy();
    const loadRequests = rec.requests;
    const loadSamples = rec.all();
    const loadRoutes = new Map([...rec.samples].map(([k, v]) => [k, [...v]]));

    // Everyone catches up to the head, then the database is the judge.
    await eachAdvocate(advocates, pull);
    const verdict = await verify(deployment.db, seeded.brandId, advocates, book);

    printReport(
      backend,
      deployment.urls.length,
      elapsed,
      loadRequests,
      loadSamples,
      loadRoutes,
      rec.errors,
      book,
      verdict,
    );
    for (const agent of agents.values()) agent.destroy();
  } finally {
    await store.close();
    await deployment.stop();
  }
}

// ------------------------------------------------------------------ verification

async function verify(db: string, brandId: string, advocates: Advocate[], book: Ledgerbook) {
  const dialect = dialectFor(db);
  const kdb = dialect.createKysely();
  try {
    const tasks = await kdb
      .selectFrom('tasks')
      .selectAll()
      .where('brand_id', '=', brandId)
      .execute();
    const members = new Map(
      (
        await kdb.selectFrom('memberships').selectAll().where('brand_id', '=', brandId).execute()
      ).map((m) => [m.advocate_id, m]),
    );
    const cases = await kdb
      .selectFrom('ledger')
      .select(['task_id', 'advocate_id'])
      .where('kind', '=', 'case')
      .where('brand_id', '=', brandId)
      .execute();
    const bodies = await kdb
      .selectFrom('messages')
      .select(['task_id', 'body'])
      .where('origin', '=', 'advocate')
      .execute();
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const casesOf = new Map<string, string[]>();
    for (const c of cases)
      casesOf.set(c.task_id, [...(casesOf.get(c.task_id) ?? []), c.advocate_id]);
    const bodyCount = new Map<string, number>();
    for (const m of bodies)
      bodyCount.set(`${m.task_id}|${m.body}`, (bodyCount.get(`${m.task_id}|${m.body}`) ?? 0) + 1);

    let doubleClaims = 0;
    let lost = 0;
    for (const [taskId, winners] of book.winners) {
      if (winners.size > 1) doubleClaims++;
      else if (byId.get(taskId)?.holder_id !== [...winners][0]) lost++;
    }
    for (const r of book.resolves) {
      const t = byId.get(r.taskId);
      if (
        t?.status !== 'resolved' ||
        t.holder_id !== r.advocateId ||
        !casesOf.get(r.taskId)?.includes(r.advocateId)
      )
        lost++;
    }
    for (const r of book.replies) if (!bodyCount.get(`${r.taskId}|${r.body}`)) lost++;
    let twice = 0;
    for (const list of casesOf.values()) twice += list.length - 1;
    for (const n of bodyCount.values()) twice += n - 1;

    let mismatched = 0;
    for (const a of advocates) {
      const m = members.get(a.id)!;
      const viewer = { advocateId: a.id, tier: m.tier, suspended: m.suspended === 1 };
      const expected = new Map<string, string>();
      for (const t of tasks)
        if (visibleTo(t, viewer)) expected.set(t.id, `${t.status}|${t.holder_id ?? ''}`);
      let same = expected.size === a.tasks.size;
      for (const [id, s] of expected) if (a.tasks.get(id) !== s) same = false;
      if (!same) mismatched++;
    }
    return { doubleClaims, lost, twice, mismatched, tasks: tasks.length };
  } finally {
    await kdb.destroy();
  }
}

// ------------------------------------------------------------------ report

function printReport(
  backend: Backend,
  replicas: number,
  elapsed: number,
  requests: number,
  samples: number[],
  routes: Map<string, number[]>,
  errors: number,
  book: Ledgerbook,
  v: Awaited<ReturnType<typeof verify>>,
) {
  console.log(
    `\nload on ${backend}: ${replicas} replica(s), ${cfg.advocates} advocates (${Math.min(cfg.sse, cfg.advocates)} with event streams), ${round(elapsed, 1)} s, ${v.tasks} tasks at the end`,
  );
  console.log(
    `${'route'.padEnd(30)} ${'count'.padStart(7)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'p99 ms'.padStart(9)}`,
  );
  for (const [route, list] of [...routes].sort()) {
    const p = (q: number) => String(round(percentile(list, q), 1)).padStart(9);
    console.log(
      `${route.padEnd(30)} ${String(list.length).padStart(7)} ${p(50)} ${p(95)} ${p(99)}`,
    );
  }
  console.log(
    `claims attempted ${book.claimsAttempted}, won ${book.claimsWon}; errors ${errors}; double claims ${v.doubleClaims}; lost actions ${v.lost}; applied twice ${v.twice}; advocates whose state differs from the server's ${v.mismatched}`,
  );
  const m = `load.${backend}`;
  metric(`${m}.req_rate`, requests / elapsed, 'req/s');
  metric(`${m}.p50`, percentile(samples, 50), 'ms');
  metric(`${m}.p95`, percentile(samples, 95), 'ms');
  metric(`${m}.p99`, percentile(samples, 99), 'ms');
  const short: Record<string, string> = {
    'GET /v1/sync': 'sync',
    'POST /v1/actions claim': 'claim',
    'POST /v1/actions reply': 'reply',
    'POST /v1/actions resolve': 'resolve',
    'POST /v1/admin/tasks': 'push',
    'GET /v1/events (headers)': 'events',
  };
  for (const [route, list] of routes) {
    const name = short[route];
    if (!name) continue;
    for (const q of [50, 95, 99]) metric(`${m}.${name}_p${q}`, percentile(list, q), 'ms');
  }
  metric(`${m}.claims_attempted`, book.claimsAttempted, 'count');
  metric(`${m}.claims_won`, book.claimsWon, 'count');
  metric(`${m}.errors`, errors, 'count');
  metric(`${m}.double_claims`, v.doubleClaims, 'count');
  metric(`${m}.lost_actions`, v.lost, 'count');
  metric(`${m}.applied_twice`, v.twice, 'count');
  metric(`${m}.state_mismatches`, v.mismatched, 'count');
}

export async function run(): Promise<void> {
  for (const backend of cfg.backends) await scenario(backend);
}
