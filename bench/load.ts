/**
 * `npm run bench -- load`: an OPEN-LOOP load of 1,000 simulated advocates (distinct device tokens)
 * on loopback against two feed-server replicas (child processes on core 0) on PostgreSQL, then
 * one process on SQLite; this generator runs pinned to core 1 (`taskset`).
 *
 * Every advocate holds a `/v1/events` stream and acts on its own Poisson clock (one action every
 * 20–60 s on average, drawn per advocate): claim an open task it knows of, reply on the one it
 * holds, resolve it (some resolves sent twice at once, as a retrying client would). Arrivals do
 * not wait for answers, so latencies are what a user waits, not a queue the generator builds. It
 * pulls `/v1/sync` when an event announces a cursor it does not hold, at most once per 2 s (plus
 * jitter), as the app does. An admin pushes new tasks every 2 s.
 *
 * Measured: per-route p50/p95/p99, CPU per process (replicas and this run's PostgreSQL backends,
 * from /proc), each replica's event-loop delay and GC pauses (and this generator's own loop),
 * freshness (a claim's request start → another advocate's pull has its revoke), and at the end against the database: no task won by two advocates, no applied action missing or
 * applied twice, every advocate's state equal to the server's.
 *
 * Env: GIGDESK_LOAD_SECONDS (60), GIGDESK_LOAD_ADVOCATES (1000), GIGDESK_LOAD_BACKENDS
 * (postgres,sqlite), GIGDESK_LOAD_PROFILE (a directory: each replica writes its CPU profile, route times and pool waits there, bench/replicaProfile.ts), GIGDESK_BENCH_PG_URL (else GIGDESK_TEST_PG_URL, else
 * postgres://postgres@127.0.0.1:5432/test; a throwaway schema is used and dropped).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PULL_JITTER_MS, PULL_MIN_INTERVAL_MS } from '../src/core/sync/pullThrottle';
import { openStore, type Store } from '../src/server';
import { dialectFor } from '../src/server/store/dialect';
import { visibleTo } from '../src/server/store/views';
import type { PayoutRules } from '../src/shared/domain/payout';
import { cursorHolds } from '../src/shared/domain/syncCursor';
import {
  type ActionsResponse,
  ChangeNotice,
  type SyncResponse,
  type TaskView,
  TaskPush,
} from '../src/shared/protocol';
import {
  type Backend,
  call,
  cpuMeter,
  deploy,
  type LoopReport,
  pinGenerator,
  Recorder,
} from './deployment';
import { metric, percentile, round } from './stats';

const cfg = {
  seconds: Number(process.env.GIGDESK_LOAD_SECONDS ?? 60),
  advocates: Number(process.env.GIGDESK_LOAD_ADVOCATES ?? 1000),
  backends: (process.env.GIGDESK_LOAD_BACKENDS ?? 'postgres,sqlite').split(',') as Backend[],
  pgUrl:
    process.env.GIGDESK_BENCH_PG_URL ??
    process.env.GIGDESK_TEST_PG_URL ??
    'postgres://postgres@127.0.0.1:5432/test',
  /** Each advocate's mean time between actions is drawn from this range. */
  actEveryMs: [20_000, 60_000] as const,
  /** The app's pull throttle (core/sync/pullThrottle.ts). */
  minPullMs: PULL_MIN_INTERVAL_MS,
  pullJitterMs: PULL_JITTER_MS,
  initialTasks: 300,
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
/** The next arrival of a Poisson process with this mean gap. */
const nextGap = (meanMs: number) => -Math.log(1 - Math.random()) * meanMs;

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
  /** The task it holds and what it did on it so far. */
  holding: { taskId: string; replied: boolean } | undefined;
  meanGapMs: number;
  lastPull: number;
  pulling: boolean;
  pullTimer: NodeJS.Timeout | undefined;
  /** A cursor announced while a pull was going that the pull may not reach. */
  wanted: string | undefined;
  /** taskId → the claim commit it has already been measured for. */
  fresh: Map<string, number>;
}

const stateOf = (t: Pick<TaskView, 'status' | 'holderId'>) => `${t.status}|${t.holderId ?? ''}`;

interface Ledgerbook {
  claimsAttempted: number;
  claimsWon: number;
  winners: Map<string, Set<string>>;
  resolves: { advocateId: string; taskId: string }[];
  replies: { advocateId: string; taskId: string; body: string }[];
  /** taskId → [request start of the applied claim, its claimer's index]. */
  claimedAt: Map<string, [number, number]>;
  freshness: number[];
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
  await store.upsertTasks(
    brand.id,
    Array.from({ length: cfg.initialTasks }, (_, k) => task(k)),
    now,
  );
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
      claimedAt: new Map(),
      freshness: [],
    };
    const agents = new Map(
      deployment.urls.map((u) => [u, new http.Agent({ keepAlive: true, maxSockets: 256 })]),
    );
    const sseAgent = new http.Agent({ keepAlive: false });
    const [lo, hi] = cfg.actEveryMs;
    const advocates: Advocate[] = seeded.advocates.map((a, i) => ({
      i,
      ...a,
      base: deployment.urls[i % deployment.urls.length]!,
      cursor: undefined,
      tasks: new Map(),
      holding: undefined,
      meanGapMs: lo + Math.random() * (hi - lo),
      lastPull: 0,
      pulling: false,
      pullTimer: undefined,
      wanted: undefined,
      fresh: new Map(),
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
        if (r.status >= 400) {
          rec.errors++;
          // Named, so that an error count says what failed.
          console.error(`${route}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        }
        return r;
      } catch (err) {
        rec.errors++;
        console.error(`${route}: ${err instanceof Error ? err.message : String(err)}`);
        throw err;
      }
    };

    const pull = async (a: Advocate) => {
      a.lastPull = Date.now();
      for (;;) {
        const q = a.cursor === undefined ? '' : `&cursor=${a.cursor}`;
        const r = await timed<SyncResponse>('GET /v1/sync', a, 'GET', `/v1/sync?limit=500${q}`);
        if (r.status !== 200) return;
        const at = performance.now();
        for (const c of r.body.changes) {
          const taskId = c.kind === 'task' ? c.task.id : c.kind === 'revoke' ? c.taskId : null;
          if (c.kind === 'task') a.tasks.set(c.task.id, stateOf(c.task));
          else if (c.kind === 'revoke') a.tasks.delete(c.taskId);
          const claim = taskId ? book.claimedAt.get(taskId) : undefined;
          if (taskId && claim && claim[1] !== a.i && a.fresh.get(taskId) !== claim[0]) {
            a.fresh.set(taskId, claim[0]);
            book.freshness.push(at - claim[0]);
          }
        }
        a.cursor = r.body.cursor;
        if (!r.body.hasMore) return;
      }
    };

    /** The app's throttle: a pull for an announced cursor it does not hold, at most every 2 s. */
    const announce = (a: Advocate, cursor: string | null) => {
      if (stopped || (cursor !== null && cursorHolds(a.cursor, cursor))) return;
      if (a.pulling) {
        a.wanted = cursor ?? a.wanted;
        return;
      }
      if (a.pullTimer) return;
      // As PullThrottle: the jitter is added after the interval, so a brand's apps hearing one
      // event long after their last pull still spread their pulls over it.
      const due =
        Math.max(0, a.lastPull + cfg.minPullMs - Date.now()) + Math.random() * cfg.pullJitterMs;
      a.pullTimer = setTimeout(() => {
        a.pullTimer = undefined;
        a.pulling = true;
        pull(a)
          .catch(() => {})
          .finally(() => {
            a.pulling = false;
            const again = a.wanted;
            a.wanted = undefined;
            if (again !== undefined) announce(a, again);
          });
      }, due);
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
      return replies.find((r) => r.status === 200)?.body.results[0]?.status;
    };

    /** One arrival: the next step of this advocate's work. */
    const step = async (a: Advocate) => {
      const held = a.holding;
      if (held && !held.replied) {
        held.replied = true;
        const text = `Thanks for waiting: ${randomBytes(6).toString('hex')}`;
        if (
          (await act(a, 'reply', { type: 'reply', taskId: held.taskId, body: text })) === 'applied'
        )
          book.replies.push({ advocateId: a.id, taskId: held.taskId, body: text });
        return;
      }
      if (held) {
        a.holding = undefined;
        const twice = Math.random() < cfg.doubleSend ? 2 : 1;
        const s = await act(a, 'resolve', { type: 'resolve', taskId: held.taskId }, twice);
        if (s === 'applied') book.resolves.push({ advocateId: a.id, taskId: held.taskId });
        return;
      }
      const open = [...a.tasks].filter(([, s]) => s.startsWith('open|'));
      if (open.length === 0) return;
      const taskId = open[Math.floor(Math.random() * open.length)]![0];
      book.claimsAttempted++;
      const started = performance.now();
      if ((await act(a, 'claim', { type: 'claim', taskId })) !== 'applied') return;
      book.claimsWon++;
      book.claimedAt.set(taskId, [started, a.i]);
      a.holding = { taskId, replied: false };
      let w = book.winners.get(taskId);
      if (!w) book.winners.set(taskId, (w = new Set()));
      w.add(a.id);
    };

    const inFlight = new Set<Promise<void>>();
    const live = (a: Advocate) => {
      const arrive = () => {
        if (stopped) return;
        const p = step(a)
          .catch(() => {}) // counted in rec.errors; the advocate carries on, as the app would
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
        // Unref'd: after the run, a next arrival minutes away must not keep this process alive
        // (and the bench lock held).
        setTimeout(arrive, nextGap(a.meanGapMs)).unref();
      };
      setTimeout(arrive, nextGap(a.meanGapMs)).unref();
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
          let text = '';
          res.on('data', (chunk: string) => {
            text += chunk;
            let end: number;
            while ((end = text.indexOf('\n\n')) >= 0) {
              const block = text.slice(0, end);
              text = text.slice(end + 2);
              const m = /^event: change\ndata: (.*)$/m.exec(block);
              if (!m) continue;
              const notice = ChangeNotice.safeParse(JSON.parse(m[1]!));
              announce(a, notice.success ? notice.data.cursor : null);
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
        if (stopped) return;
        const base = deployment.urls[k++ % deployment.urls.length]!;
        const batch = Array.from({ length: cfg.pushNew }, (_, j) => task(pushed + j));
        // Re-pushes of existing refs must change nothing (distinct: a batch naming one ref twice
        // is refused whole, as it should be).
        const again = new Set<number>();
        while (again.size < 5) again.add(Math.floor(Math.random() * pushed));
        for (const n of again) batch.push(task(n));
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

    // Warm-up, not measured: every advocate's first full pull and its event stream.
    await eachAdvocate(advocates, async (a) => {
      await pull(a);
      listen(a);
    });
    await sleep(1000);
    rec.reset();

    const cpu = cpuMeter(deployment, cfg.pgUrl);
    await cpu.start();
    // A request waits behind the server's synchronous work; a latency also includes this
    // generator's own stalls (answers it was too busy to read): both are watched.
    deployment.watchLoops();
    const ownLoop = monitorEventLoopDelay({ resolution: 1 });
    ownLoop.enable();
    const started = performance.now();
    for (const a of advocates) live(a);
    const pushing = admin();
    await sleep(cfg.seconds * 1000);
    stopped = true;
    const used = await cpu.stop();
    const loops = await deployment.loops();
    ownLoop.disable();
    const generatorLoop = {
      p99: ownLoop.percentile(99) / 1e6,
      max: ownLoop.max / 1e6,
    };
    const load = loadavg()[0]!;
    const elapsed = (performance.now() - started) / 1000;
    await pushing;
    await Promise.all([...inFlight]);
    for (const a of advocates) if (a.pullTimer) clearTimeout(a.pullTimer);
    while (advocates.some((a) => a.pulling)) await sleep(50);
    for (const s of streams) s.destroy();
    const loadRequests = rec.requests;
    const loadRoutes = new Map([...rec.samples].map(([k, v]) => [k, [...v]]));
    const errors = rec.errors;

    // Everyone catches up to the head, then the database is the judge.
    await eachAdvocate(advocates, pull);
    const verdict = await verify(deployment.db, seeded.brandId, advocates, book);

    printReport(
      backend,
      deployment.urls.length,
      elapsed,
      loadRequests,
      loadRoutes,
      errors,
      used,
      { replicas: loops, generator: generatorLoop, load },
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
  routes: Map<string, number[]>,
  errors: number,
  cpu: { replicas: number; database: number; total: number },
  loop: { replicas: LoopReport[]; generator: { p99: number; max: number }; load: number },
  book: Ledgerbook,
  v: Awaited<ReturnType<typeof verify>>,
) {
  console.log(
    `\nopen-loop load on ${backend}: ${replicas} replica(s), ${cfg.advocates} advocates on event streams, ${round(elapsed, 1)} s, ${v.tasks} tasks at the end, ${round(requests / elapsed, 1)} req/s`,
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
    `CPU: replicas ${round(cpu.replicas / elapsed, 3)} cores, PostgreSQL backends ${round(cpu.database / elapsed, 3)} cores (${round((cpu.total * 1000) / Math.max(1, requests), 2)} ms per request); freshness p50 ${round(percentile(book.freshness, 50), 0)} ms, p95 ${round(percentile(book.freshness, 95), 0)} ms (${book.freshness.length} samples)`,
  );
  for (const [i, l] of loop.replicas.entries())
    console.log(
      `replica ${i} event loop: delay p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms; GC ${l.gcCount} pauses, ${l.gcMs} ms, longest ${l.gcMaxMs} ms`,
    );
  console.log(
    `generator event loop: delay p99 ${round(loop.generator.p99, 1)} ms, max ${round(loop.generator.max, 1)} ms; load average ${round(loop.load, 2)}`,
  );
  console.log(
    `claims attempted ${book.claimsAttempted}, won ${book.claimsWon}; errors ${errors}; double claims ${v.doubleClaims}; lost actions ${v.lost}; applied twice ${v.twice}; advocates whose state differs from the server's ${v.mismatched}`,
  );
  const m = `load.${backend}`;
  const actions = [...routes]
    .filter(([r]) => r.startsWith('POST /v1/actions'))
    .flatMap(([, l]) => l);
  const pulls = routes.get('GET /v1/sync') ?? [];
  for (const q of [50, 95, 99]) {
    metric(`${m}.pull_p${q}`, percentile(pulls, q), 'ms');
    metric(`${m}.action_p${q}`, percentile(actions, q), 'ms');
  }
  metric(`${m}.freshness_p50`, percentile(book.freshness, 50), 'ms');
  metric(`${m}.freshness_p95`, percentile(book.freshness, 95), 'ms');
  metric(`${m}.cpu_cores`, cpu.total / elapsed, 'cores');
  // Comparable across runs on a machine others load too: CPU time per request served.
  metric(`${m}.cpu_per_request`, requests ? (cpu.total * 1000) / requests : 0, 'ms');
  metric(`${m}.replicas_cores`, cpu.replicas / elapsed, 'cores');
  metric(`${m}.database_cores`, cpu.database / elapsed, 'cores');
  metric(`${m}.req_rate`, requests / elapsed, 'req/s');
  // The worst replica's event-loop delay: how long a request can wait behind synchronous work.
  const worst = (f: (l: LoopReport) => number) => Math.max(0, ...loop.replicas.map(f));
  metric(
    `${m}.loop_delay_p99`,
    worst((l) => l.p99),
    'ms',
  );
  metric(
    `${m}.loop_delay_max`,
    worst((l) => l.max),
    'ms',
  );
  metric(
    `${m}.gc_ms`,
    worst((l) => l.gcMs),
    'ms',
  );
  metric(`${m}.generator_loop_delay_p99`, loop.generator.p99, 'ms');
  metric(`${m}.load_average`, loop.load, 'count');
  const short: Record<string, string> = {
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
  metric(`${m}.claims_won`, book.claimsWon, 'count');
  metric(`${m}.errors`, errors, 'count');
  metric(`${m}.double_claims`, v.doubleClaims, 'count');
  metric(`${m}.lost_actions`, v.lost, 'count');
  metric(`${m}.applied_twice`, v.twice, 'count');
  metric(`${m}.state_mismatches`, v.mismatched, 'count');
}

export async function run(): Promise<void> {
  if (!pinGenerator()) console.log('(taskset unavailable: the generator is not pinned)');
  for (const backend of cfg.backends) await scenario(backend);
}
