/**
 * `npm run bench -- claims`: PostgreSQL under contention.
 *
 * Claim race: 1,000 advocates (GIGDESK_CLAIMS_ADVOCATES) over 500 new tasks (GIGDESK_CLAIMS_TASKS)
 * on two replicas, one request at a time per advocate. `claims.postgres.*` for the one-statement
 * action path, `claims.postgres.ref.*` for the transaction path, same run. Three races:
 * - herd: each advocate claims tasks in its own random order until it wins one or has tried 5;
 *   closed loop, 64 requests in flight (capacity: `.req_rate`; its p95 is 64 × service time, a
 *   queue length, not a wait anyone sees at a lower rate);
 * - pairs (`.pairs_*`): the two advocates of each task claim it one after the other, one try
 *   each, closed loop: half the requests can win, the most any race of 1,000 over 500 allows, so
 *   `.pairs_applied_rate` is how fast the server applies claims while refusing as many;
 * - herd open loop (`.open_*`) at GIGDESK_CLAIMS_OFFERED requests per second (1,000), each
 *   request timed from its scheduled moment: what an advocate waits at that rate;
 * - pairs open loop (`.pairs_open_*`) at GIGDESK_CLAIMS_PAIRS_OFFERED requests per second
 *   (1,100): the race whose every other request can win, at a rate above 1,000 req/s, so the one
 *   run shows the request rate, the applied rate and what each request waits together.
 * Before each race the replicas are warmed up as a running server is: GIGDESK_CLAIMS_WARMUP
 * claims (3,000) on each, by 8 advocates of another brand over its 1,000 tasks (a sixth win, the
 * rest are refused). A replica just started runs the action path unoptimised: V8 optimises a
 * function fully after thousands of calls, and a replica serves only ~1,700 requests of a race,
 * so a cold race measures the JIT (refused claims ~1 ms of replica CPU each at first, 0.3-0.45 ms
 * after ~10,000 requests).
 * Then, on the same deployment, every winner works its task: a reply, a note and a renewal
 * (`.mixed_rate`), then closes it in a race (`.resolve_rate`): a resolve sent twice at once with
 * one key (one copy to each replica) against an escalation under another key; exactly one close
 * may apply and the case pays once (`.double_closes`, `.double_paid`). CPU (replicas and this
 * run's PostgreSQL backends) per request of each phase: `.cpu_per_req`, `.mixed_cpu_per_req`,
 * `.resolve_cpu_per_req` (ms).
 *
 * What bounds the herd's `.applied_rate`: it makes about 3,400 requests for its 500 wins whatever the
 * server's speed (a simulation of this generator: 3,396; runs here: 3,346–3,393), so applied/s is
 * about 15 % of req/s. Half the wins come in the first ~11 % of the race; after that most
 * requests are advocates arriving late (64 in flight serialise the 1,000 arrivals) and trying
 * 5 tasks that are mostly long taken, and the last few open tasks are found by chance. At
 * 1,000 req/s the whole race lasts ~3.5 s, within an app's view lag (events coalesced 1–2 s,
 * pulls every 2 s), so clicking tasks claimed a moment ago is what advocates would do: ≥ 500
 * applied/s with this race needs ~3,400 req/s, not faster claims; the pairs race measures how
 * fast claims apply.
 *
 * Change log: 16 writers commit one change row per transaction for GIGDESK_CHANGELOG_SECONDS
 * (5) while a reader pages the log; `changelog.postgres.commit_rate` and `.skipped` (committed
 * rows the reader never saw) for the (xid, seq) log read below the horizon;
 * `changelog.postgres.ref.lock_commit_rate` for the previous design (a cluster-wide advisory lock
 * held through each commit) and `changelog.postgres.ref.seq_skipped` for a plain sequence read
 * without either.
 */
import http from 'node:http';
import { sql } from 'kysely';
import { openStore } from '../src/server';
import { readChangeLog } from '../src/server/store/changeLog';
import { localNotifier } from '../src/server/notifier';
import { type StoreContext, write } from '../src/server/store/context';
import { dialectFor } from '../src/server/store/dialect';
import { type ActionsResponse, TaskPush } from '../src/shared/protocol';
import { call, cpuMeter, type Deployment, deploy, pinGenerator, type Reply } from './deployment';
import { metric, percentile } from './stats';

const cfg = {
  advocates: Number(process.env.GIGDESK_CLAIMS_ADVOCATES ?? 1000),
  tasks: Number(process.env.GIGDESK_CLAIMS_TASKS ?? 500),
  inFlight: 64,
  /** The open-loop race's offered rate (requests per second). */
  offered: Number(process.env.GIGDESK_CLAIMS_OFFERED ?? 1000),
  /** The open-loop pairs race's offered rate: half of it can apply. */
  pairsOffered: Number(process.env.GIGDESK_CLAIMS_PAIRS_OFFERED ?? 1100),
  tries: 5,
  /** Claims each replica serves before a race (warm-up). */
  warmup: Number(process.env.GIGDESK_CLAIMS_WARMUP ?? 3000),
  changelogSeconds: Number(process.env.GIGDESK_CHANGELOG_SECONDS ?? 5),
  writers: 16,
  pgUrl:
    process.env.GIGDESK_BENCH_PG_URL ??
    process.env.GIGDESK_TEST_PG_URL ??
    'postgres://postgres@127.0.0.1:5432/test',
};

const RULES = {
  currency: 'EUR',
  basePerComplexity: { '1': 100, '2': 200, '3': 300, '4': 400, '5': 500 },
  outcomeMultiplierBps: { resolved: 10_000, escalated: 5_000, transferred: 2_500 },
  ratingBonus: { '1': 0, '2': 0, '3': 0, '4': 10, '5': 20 },
};

const task = (n: number) =>
  TaskPush.parse({
    externalRef: `race-${n}`,
    subject: `Where is my order ${n}?`,
    channel: 'email',
    skills: ['billing'],
    complexity: (n % 5) + 1,
    customerName: `Customer ${n}`,
    messages: [{ author: 'customer', body: `Order ${n} is late.`, createdAt: 1_800_000_000_000 }],
  });

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The race. `offered` null: closed loop, `inFlight` requests at a time (capacity). A number: open
 * loop at that many requests per second (what a user waits at that rate, see `openLoop`).
 */
async function claimRace(
  path: 'statement' | 'transaction',
  offered: number | null = null,
  choice: 'herd' | 'pairs' = 'herd',
) {
  const d = await deploy('postgres', cfg.pgUrl, { GIGDESK_ACTION_PATH: path });
  const store = openStore(d.db);
  try {
    const now = Date.now();
    await store.migrate(now);
    const { brand } = await store.createBrand(
      { name: 'Race', currency: 'EUR', leaseMinutes: 30 },
      now,
    );
    const advocates: { id: string; token: string }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = next++; i < cfg.advocates; i = next++) {
          const inv = await store.invite(
            brand.id,
            { email: `r${i}@example.com`, name: `Racer ${i}`, skills: ['billing'], tier: 1 },
            now,
          );
          advocates[i] = await store.redeem(inv.inviteCode, 'bench', now).then((r) => ({
            id: r.advocate.id,
            token: r.token,
          }));
        }
      }),
    );
    await store.setPayoutRules(brand.id, RULES, now);
    await store.upsertTasks(
      brand.id,
      Array.from({ length: cfg.tasks }, (_, i) => task(i)),
      now,
    );
    const ids = await taskIds(d, brand.id);
    // Open loop: enough sockets that the generator never queues what its schedule sent.
    const sockets = offered === null ? cfg.inFlight : 1024;
    const agents = d.urls.map(() => new http.Agent({ keepAlive: true, maxSockets: sockets }));
    // Warm each advocate's token on its replica (auth is cached per process).
    await Promise.all(
      advocates.map((a, i) =>
        call(agents[i % 2]!, d.urls[i % 2]!, 'GET', '/v1/me', a.token).catch(() => {}),
      ),
    );

    await warmUp(store, d, agents, now);

    const latencies: number[] = [];
    const winners = new Map<string, number>();
    /** Each won task's advocate (its last winner, should there be doubles). */
    const wonBy = new Map<string, number>();
    const cpu = cpuMeter(d, cfg.pgUrl);
    await cpu.start();
    let applied = 0;
    let errors = 0;
    /** Advocate i's k-th try, its latency counted from `sentAt`; true when it won the task. */
    const attempt = async (i: number, k: number, taskId: string, sentAt: number) => {
      const r = i % d.urls.length;
      const reply = await call<ActionsResponse>(
        agents[r]!,
        d.urls[r]!,
        'POST',
        '/v1/actions',
        advocates[i]!.token,
        { actions: [{ key: `race-${i}-${k}`, type: 'claim', taskId }] },
      );
      latencies.push(performance.now() - sentAt);
      if (reply.status !== 200) {
        errors++;
        return false;
      }
      if (reply.body.results[0]!.status !== 'applied') return false;
      applied++;
      winners.set(taskId, (winners.get(taskId) ?? 0) + 1);
      wonBy.set(taskId, i);
      return true;
    };
    // Herd: each advocate tries up to `tries` tasks in its own random order. Pairs: advocate i
    // claims task i mod 500 only, the two advocates of a task one after the other.
    const tries = advocates.map((_, i) =>
      choice === 'herd' ? shuffled(ids).slice(0, cfg.tries) : [ids[i % ids.length]!],
    );
    const order = advocates.map((_, i) => i);
    if (choice === 'pairs') order.sort((a, b) => (a % ids.length) - (b % ids.length) || a - b);
    const started = performance.now();
    if (offered === null) {
      let queue = 0;
      await Promise.all(
        Array.from({ length: cfg.inFlight }, async () => {
          for (let q = queue++; q < order.length; q = queue++) {
            const i = order[q]!;
            for (const [k, taskId] of tries[i]!.entries())
              if (await attempt(i, k, taskId, performance.now())) break;
          }
        }),
      );
    } else {
      await openLoop(
        offered,
        order,
        (i) => tries[i]!.length,
        (i, k, sentAt) => attempt(i, k, tries[i]![k]!, sentAt),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    const used = await cpu.stop();
    const cpuSeconds = used.total;
    const kdb = dialectFor(d.db).createKysely();
    const claimed = Number(
      (
        await sql<{
          n: string;
        }>`select count(*) as n from tasks where brand_id = ${brand.id} and status = 'claimed'`.execute(
          kdb,
        )
      ).rows[0]!.n,
    );
    const work = await workAndClose(d, agents, advocates, wonBy);
    const paid = (
      await sql<{ entries: string; cases: string }>`select count(*) as entries,
        count(distinct task_id) as cases from ledger where kind = 'case'`.execute(kdb)
    ).rows[0]!;
    const closed = Number(
      (
        await sql<{
          n: string;
        }>`select count(*) as n from tasks where status in ('resolved', 'escalated')`.execute(kdb)
      ).rows[0]!.n,
    );
    await kdb.destroy();
    for (const a of agents) a.destroy();
    const doubles =
      [...winners.values()].filter((n) => n > 1).length + Math.abs(claimed - winners.size);
    return {
      reqRate: latencies.length / seconds,
      appliedRate: applied / seconds,
      p95: percentile(latencies, 95),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      cpuPerReq: (cpuSeconds * 1000) / latencies.length,
      replicaCpuPerReq: (used.replicas * 1000) / latencies.length,
      ...work,
      // Every closed case paid once; none paid twice.
      doublePaid: Number(paid.entries) - Number(paid.cases) + Math.abs(Number(paid.cases) - closed),
      doubles,
      applied,
      requests: latencies.length,
      errors,
    };
  } finally {
    await store.close();
    await d.stop();
  }
}

/** The ids of a brand's tasks. */
async function taskIds(d: Deployment, brandId: string): Promise<string[]> {
  const kdb = dialectFor(d.db).createKysely();
  try {
    return (
      await sql<{ id: string }>`select id from tasks where brand_id = ${brandId}`.execute(kdb)
    ).rows.map((r) => r.id);
  } finally {
    await kdb.destroy();
  }
}

/** `cfg.warmup` claims on each replica, by advocates of a brand of their own (see the top). */
async function warmUp(
  store: ReturnType<typeof openStore>,
  d: Deployment,
  agents: http.Agent[],
  now: number,
): Promise<void> {
  if (cfg.warmup <= 0) return;
  const { brand } = await store.createBrand(
    { name: 'Warm-up', currency: 'EUR', leaseMinutes: 30 },
    now,
  );
  await store.upsertTasks(
    brand.id,
    Array.from({ length: 1000 }, (_, i) => task(100_000 + i)),
    now,
  );
  const ids = await taskIds(d, brand.id);
  const tokens: string[] = [];
  for (let i = 0; i < 8; i++) {
    const inv = await store.invite(
      brand.id,
      { email: `w${i}@example.com`, name: `Warm ${i}`, skills: ['billing'], tier: 1 },
      now,
    );
    tokens.push((await store.redeem(inv.inviteCode, 'bench', now)).token);
  }
  await Promise.all(
    d.urls.map(async (url, r) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          for (let k = next++; k < cfg.warmup; k = next++)
            await call(agents[r]!, url, 'POST', '/v1/actions', tokens[k % 8]!, {
              actions: [{ key: `warm-${r}-${k}`, type: 'claim', taskId: ids[(k * 7) % 1000]! }],
            });
        }),
      );
    }),
  );
}

/**
 * Open loop: one request every 1/`rate` s on a fixed schedule, whatever the answers, each timed
 * from its scheduled moment, so a slow server cannot slow the generator and hide its own queue.
 * A slot goes to the advocate that has waited longest for its next try: each advocate starts
 * with one, in `order`; one refused queues again once its answer arrives, until it has tried
 * `tries(i)` tasks. A slot with nobody waiting stays empty. `attempt` resolves true on a win.
 */
function openLoop(
  rate: number,
  order: readonly number[],
  tries: (i: number) => number,
  attempt: (i: number, k: number, scheduledAt: number) => Promise<boolean>,
): Promise<void> {
  const ready = order.map((i) => ({ i, k: 0 }));
  let head = 0;
  let slot = 0;
  let inFlight = 0;
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      const due = Math.floor(((performance.now() - t0) * rate) / 1000);
      for (; slot < due && head < ready.length; slot++) {
        const a = ready[head++]!;
        inFlight++;
        attempt(a.i, a.k, t0 + (slot * 1000) / rate).then((won) => {
          inFlight--;
          if (!won && a.k + 1 < tries(a.i)) ready.push({ i: a.i, k: a.k + 1 });
        }, reject);
      }
      slot = Math.max(slot, due);
      if (head === ready.length && inFlight === 0) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
}

/**
 * Each won task worked by its winner (reply, note, renew), then closed in a race: a resolve twice
 * at once under one key (a copy to each replica) against an escalation under another key.
 */
async function workAndClose(
  d: Deployment,
  agents: http.Agent[],
  advocates: { id: string; token: string }[],
  wonBy: Map<string, number>,
) {
  const jobs = [...wonBy.entries()];
  const send = (i: number, replica: number, action: Record<string, unknown>) =>
    call<ActionsResponse>(
      agents[replica]!,
      d.urls[replica]!,
      'POST',
      '/v1/actions',
      advocates[i]!.token,
      {
        actions: [action],
      },
    );
  const appliedOf = (replies: { status: number; body: ActionsResponse }[]) =>
    replies.filter((r) => r.status === 200 && r.body.results[0]!.status === 'applied').length;
  /** Runs `fn` over the jobs, `inFlight` at a time: requests, applied, failed, seconds, CPU. */
  const phase = async (
    fn: (taskId: string, i: number) => Promise<{ status: number; body: ActionsResponse }[]>,
  ) => {
    const cpu = cpuMeter(d, cfg.pgUrl);
    await cpu.start();
    let next = 0;
    let sent = 0;
    let applied = 0;
    let failed = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: cfg.inFlight }, async () => {
        for (let j = next++; j < jobs.length; j = next++) {
          const replies = await fn(...jobs[j]!);
          sent += replies.length;
          applied += appliedOf(replies);
          failed += replies.filter((r) => r.status !== 200).length;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const used = await cpu.stop();
    return { sent, applied, failed, seconds, cpu: used.total, replicaCpu: used.replicas };
  };
  let doubleCloses = 0;
  let closed = 0;
  const mixed = await phase(async (taskId, i) => {
    const replies: Reply<ActionsResponse>[] = [];
    for (const [n, a] of [
      { type: 'reply', body: 'Your order is on its way.' },
      { type: 'note', body: 'Carrier confirmed the delay.' },
      { type: 'renew' },
    ].entries())
      replies.push(await send(i, (i + n) % 2, { key: `work-${taskId}-${n}`, taskId, ...a }));
    return replies;
  });
  const close = await phase(async (taskId, i) => {
    const resolve = { key: `close-${taskId}`, type: 'resolve', taskId, summary: 'Delivered.' };
    const replies = await Promise.all([
      send(i, 0, resolve),
      send(i, 1, resolve),
      send(i, i % 2, {
        key: `escalate-${taskId}`,
        type: 'escalate',
        taskId,
        target: 'contact_center',
        handoffNote: 'Needs a refund.',
      }),
    ]);
    // The resolve's two copies answer alike: one close, whichever key won.
    const won = appliedOf([replies[0]!, replies[2]!]);
    if (won > 1 || appliedOf([replies[1]!]) !== appliedOf([replies[0]!])) doubleCloses++;
    if (won === 1) closed++;
    return replies;
  });
  return {
    mixedRate: mixed.sent / mixed.seconds,
    mixedCpuPerReq: (mixed.cpu * 1000) / mixed.sent,
    mixedReplicaCpuPerReq: (mixed.replicaCpu * 1000) / mixed.sent,
    resolveRate: close.sent / close.seconds,
    resolveCpuPerReq: (close.cpu * 1000) / close.sent,
    resolveReplicaCpuPerReq: (close.replicaCpu * 1000) / close.sent,
    closed,
    doubleCloses,
    workErrors: mixed.failed + close.failed,
  };
}

type WriteMode = 'horizon' | 'lock';
type ReadMode = 'horizon' | 'seq';

/** Writers for `seconds`, a reader paging all along; commits per second and rows skipped. */
async function changeLog(write_: WriteMode, read: ReadMode) {
  const d = await deploy('postgres', cfg.pgUrl);
  const store = openStore(d.db);
  const dialect = dialectFor(d.db);
  const ctx: StoreContext = {
    db: dialect.createKysely(),
    dialect,
    notifier: localNotifier(),
    interleave: async () => {},
  };
  try {
    await store.migrate(Date.now());
    const { brand } = await store.createBrand({ name: 'Log', currency: 'EUR' }, Date.now());
    const seed = await store.invite(
      brand.id,
      { email: 'reader@example.com', skills: [], tier: 1 },
      Date.now(),
    );
    const reader = (await store.redeem(seed.inviteCode, 'bench', Date.now())).advocate.id;
    const before = Number(
      (await sql<{ n: string }>`select coalesce(max(seq), 0) as n from changes`.execute(ctx.db))
        .rows[0]!.n,
    );
    let stop = false;
    let commits = 0;
    const t0 = performance.now();
    const writers = Array.from({ length: cfg.writers }, async () => {
      while (!stop) {
        await write(ctx, Date.now(), async (trx, changes) => {
          await trx.selectFrom('brands').select('id').where('id', '=', brand.id).execute();
          // The previous design: one cluster-wide lock from the change row through the commit.
          if (write_ === 'lock') await sql`select pg_advisory_xact_lock(1734, 2)`.execute(trx);
          await changes.add(brand.id, 'brand', brand.id);
        });
        commits++;
      }
    });
    const seen = new Set<number>();
    let cursor = { xid: 0n, seq: 0n };
    let lastSeq = 0;
    const readOnce = async () => {
      if (read === 'horizon') {
        const rows = await readChangeLog(ctx, {
          brandIds: [brand.id],
          advocateId: reader,
          after: cursor,
          limit: 200,
        });
        for (const r of rows) seen.add(r.seq);
        const last = rows[rows.length - 1];
        if (last) cursor = { xid: BigInt(last.xid), seq: BigInt(last.seq) };
        return rows.length;
      }
      const rows = await ctx.db
        .selectFrom('changes')
        .select('seq')
        .where('seq', '>', lastSeq)
        .orderBy('seq')
        .limit(200)
        .execute();
      for (const r of rows) seen.add(r.seq);
      if (rows.length) lastSeq = rows[rows.length - 1]!.seq;
      return rows.length;
    };
    const reading = (async () => {
      while (!stop) await readOnce();
    })();
    await new Promise((r) => setTimeout(r, cfg.changelogSeconds * 1000));
    stop = true;
    await Promise.all(writers);
    const seconds = (performance.now() - t0) / 1000;
    await reading;
    while ((await readOnce()) > 0);
    const written = Number(
      (
        await sql<{
          n: string;
        }>`select count(*) as n from changes where seq > ${before}`.execute(ctx.db)
      ).rows[0]!.n,
    );
    const read_ = [...seen].filter((s) => s > before).length;
    return { commitRate: commits / seconds, skipped: written - read_ };
  } finally {
    await ctx.db.destroy();
    await store.close();
    await d.stop();
  }
}

type Race = Awaited<ReturnType<typeof claimRace>>;

const raceLine = (name: string, r: Race) =>
  `  ${name.padEnd(18)} ${Math.round(r.reqRate)} req/s, ${Math.round(r.appliedRate)} applied/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.applied} won, ${r.doubles} double, ${r.errors} errors, CPU ${r.cpuPerReq.toFixed(2)} ms/req (replicas ${r.replicaCpuPerReq.toFixed(2)})`;

/** A race's figures under `prefix` (`claims.postgres.` + the race's own part). */
function raceMetrics(prefix: string, r: Race): void {
  metric(`${prefix}req_rate`, r.reqRate, 'req/s');
  metric(`${prefix}applied_rate`, r.appliedRate, 'req/s');
  metric(`${prefix}p50`, r.p50, 'ms');
  metric(`${prefix}p95`, r.p95, 'ms');
  metric(`${prefix}p99`, r.p99, 'ms');
  metric(`${prefix}double_claims`, r.doubles, 'count');
  metric(`${prefix}cpu_per_req`, r.cpuPerReq, 'ms');
}

export async function run(): Promise<void> {
  const pinned = pinGenerator();
  const ours = await claimRace('statement');
  const ref = await claimRace('transaction');
  const pairs = await claimRace('statement', null, 'pairs');
  const pairsRef = await claimRace('transaction', null, 'pairs');
  const open = await claimRace('statement', cfg.offered);
  const openRef = await claimRace('transaction', cfg.offered);
  const pairsOpen = await claimRace('statement', cfg.pairsOffered, 'pairs');
  const pairsOpenRef = await claimRace('transaction', cfg.pairsOffered, 'pairs');
  console.log(
    `claim race, ${cfg.advocates} advocates over ${cfg.tasks} tasks, 2 replicas${pinned ? ' (generator on core 1)' : ''}`,
  );
  console.log(
    `herd (up to ${cfg.tries} random tasks each), closed loop, ${cfg.inFlight} in flight`,
  );
  for (const [name, r] of [
    ['one statement', ours],
    ['transaction (ref)', ref],
  ] as const)
    console.log(
      `${raceLine(name, r)}\n` +
        `  ${''.padEnd(18)} work (reply, note, renew) ${Math.round(r.mixedRate)} req/s, CPU ${r.mixedCpuPerReq.toFixed(2)} ms/req (replicas ${r.mixedReplicaCpuPerReq.toFixed(2)}); close race ${Math.round(r.resolveRate)} req/s, CPU ${r.resolveCpuPerReq.toFixed(2)} ms/req (replicas ${r.resolveReplicaCpuPerReq.toFixed(2)}), ${r.closed} closed, ${r.doubleCloses} double closes, ${r.doublePaid} double paid, ${r.workErrors} errors`,
    );
  console.log(
    `pairs (two advocates per task, one try each), closed loop, ${cfg.inFlight} in flight`,
  );
  console.log(raceLine('one statement', pairs));
  console.log(raceLine('transaction (ref)', pairsRef));
  console.log(
    `herd, open loop at ${cfg.offered} req/s offered (latency from each request's scheduled moment)`,
  );
  console.log(raceLine('one statement', open));
  console.log(raceLine('transaction (ref)', openRef));
  console.log(
    `pairs, open loop at ${cfg.pairsOffered} req/s offered (latency from each request's scheduled moment)`,
  );
  console.log(raceLine('one statement', pairsOpen));
  console.log(raceLine('transaction (ref)', pairsOpenRef));
  const log = await changeLog('horizon', 'horizon');
  const lock = await changeLog('lock', 'horizon');
  const plain = await changeLog('horizon', 'seq');
  console.log(
    `change log, ${cfg.writers} writers, ${cfg.changelogSeconds} s: (xid, seq) below the horizon ${Math.round(log.commitRate)} commits/s, ${log.skipped} skipped; advisory lock (ref) ${Math.round(lock.commitRate)} commits/s; plain seq read (ref) ${plain.skipped} skipped`,
  );
  for (const [path, mine] of [
    ['claims.postgres.', ours],
    ['claims.postgres.ref.', ref],
  ] as const) {
    raceMetrics(path, mine);
    metric(`${path}mixed_rate`, mine.mixedRate, 'req/s');
    metric(`${path}mixed_cpu_per_req`, mine.mixedCpuPerReq, 'ms');
    metric(`${path}resolve_rate`, mine.resolveRate, 'req/s');
    metric(`${path}resolve_cpu_per_req`, mine.resolveCpuPerReq, 'ms');
    metric(`${path}double_closes`, mine.doubleCloses, 'count');
    metric(`${path}double_paid`, mine.doublePaid, 'count');
  }
  raceMetrics('claims.postgres.pairs_', pairs);
  raceMetrics('claims.postgres.ref.pairs_', pairsRef);
  metric('claims.postgres.open_offered', cfg.offered, 'req/s');
  raceMetrics('claims.postgres.open_', open);
  raceMetrics('claims.postgres.ref.open_', openRef);
  metric('claims.postgres.pairs_open_offered', cfg.pairsOffered, 'req/s');
  raceMetrics('claims.postgres.pairs_open_', pairsOpen);
  raceMetrics('claims.postgres.ref.pairs_open_', pairsOpenRef);
  metric('changelog.postgres.commit_rate', log.commitRate, 'commits/s');
  metric('changelog.postgres.skipped', log.skipped, 'count');
  metric('changelog.postgres.ref.lock_commit_rate', lock.commitRate, 'commits/s');
  metric('changelog.postgres.ref.seq_skipped', plain.skipped, 'count');
}
