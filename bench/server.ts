/**
 * `npm run bench -- server`: the feed server on loopback with 500 simulated advocates.
 * Prints `server.actions_rate` (action requests answered per second while advocates claim and
 * resolve), `server.sync_page_p50` and `server.sync_page_p95` (ms per 200-change sync page), and
 * the CPU time per sync page and per action request, which stays comparable on a loaded machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../src/server/index';
import type { TaskPush } from '../src/shared/protocol';

const ADVOCATES = Number(process.env.BENCH_ADVOCATES ?? 500);
const TASKS = 2000;
const CONCURRENCY = 50;
const ACTION_SECONDS = 6;
/** Requests per route timed one at a time (service time, no queue). */
const SERVICE_SAMPLES = 100;

const rules = {
  currency: 'EUR',
  basePerComplexity: { '1': 150, '2': 250, '3': 400, '4': 600, '5': 900 },
  outcomeMultiplierBps: { resolved: 10000, escalated: 6000, transferred: 3000 },
  ratingBonus: { '1': 0, '2': 0, '3': 0, '4': 50, '5': 150 },
};

function feedTask(n: number): TaskPush {
  return {
    externalRef: `B-${n}`,
    subject: `Order FH-${100000 + n} has not arrived`,
    channel: (['email', 'chat', 'social'] as const)[n % 3]!,
    skills: [['shipping'], ['billing'], ['returns', 'shipping']][n % 3]!,
    complexity: (n % 5) + 1,
    customerName: 'Ingrid Berg',
    messages: [
      {
        author: 'customer',
        body: `Hi, where is order FH-${100000 + n}? Reach me at ingrid${n}@example.com.`,
        createdAt: Date.now(),
      },
    ],
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-bench-'));
  const server = await startServer({
    db: join(dir, 'feed.sqlite'),
    leaseSweepMs: 0,
    rateLimitMax: 1_000_000,
  });
  try {
    const { store } = server;
    const now = Date.now();
    const { brand } = await store.createBrand({ name: 'Bench brand', currency: 'EUR' }, now);
    await store.setPayoutRules(brand.id, rules, now);
    for (let i = 0; i < TASKS; i += 500) {
      await store.upsertTasks(
        brand.id,
        Array.from({ length: 500 }, (_, j) => ({ minTier: 0, ...feedTask(i + j) })) as never,
        now,
      );
    }
    const advocates: { id: string; token: string }[] = [];
    for (let i = 0; i < ADVOCATES; i++) {
      const inv = await store.invite(
        brand.id,
        { email: `bench${i}@example.com`, skills: [], tier: i % 2 },
        now,
      );
      const r = await store.redeem(inv.inviteCode, 'bench', now);
      advocates.push({ id: r.advocate.id, token: r.token });
    }
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(server.url + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const json: any = await res.json();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };

    // Sync pages: every advocate pulls its first two pages of 200 changes.
    const pageMs: number[] = [];
    const syncCpu = process.cpuUsage();
    await pool(advocates, CONCURRENCY, async (a) => {
      let cursor = '';
      for (let p = 0; p < 2; p++) {
        const t0 = performance.now();
        const r = await call(
          a.token,
          'GET',
          `/v1/sync?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        );
        pageMs.push(performance.now() - t0);
        cursor = r.cursor;
      }
    });

    const syncCpuUsage = process.cpuUsage(syncCpu);
    const syncCpuMs = (syncCpuUsage.user + syncCpuUsage.system) / 1000;
    // Actions: advocates claim random tasks and resolve the ones they win.
    const taskIds = (await store.sync(advocates[0]!.id, undefined, 1000)).changes.flatMap((c) =>
      c.kind === 'task' ? [c.task.id] : [],
    );
    let requests = 0;
    let applied = 0;
    let seq = 0;
    const deadline = performance.now() + ACTION_SECONDS * 1000;
    const t0 = performance.now();
    const actionCpu = process.cpuUsage();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, w) => {
        while (performance.now() < deadline) {
          const a = advocates[(w + CONCURRENCY * (seq % 10)) % ADVOCATES]!;
          const taskId = taskIds[seq++ % taskIds.length]!;
          const claim = await call(a.token, 'POST', '/v1/actions', {
            actions: [{ key: `bench-${seq}-claim`, type: 'claim', taskId }],
          });
          requests++;
          if (claim.results[0].status !== 'applied') continue;
          applied++;
          await call(a.token, 'POST', '/v1/actions', {
            actions: [{ key: `bench-${seq}-resolve`, type: 'resolve', taskId }],
          });
          requests++;
          applied++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const actionCpuUsage = process.cpuUsage(actionCpu);
    const service = await serviceTimes(call, advocates, taskIds.slice(-SERVICE_SAMPLES * 3));
    const actionCpuMs = (actionCpuUsage.user + actionCpuUsage.system) / 1000;
    pageMs.sort((x, y) => x - y);
    const out = [
      { metric: 'server.actions_rate', value: Math.round(requests / seconds), unit: 'req/s' },
      {
        metric: 'server.actions_applied_rate',
        value: Math.round(applied / seconds),
        unit: 'req/s',
      },
      {
        metric: 'server.sync_page_p50',
        value: Number(percentile(pageMs, 50).toFixed(2)),
        unit: 'ms',
      },
      {
        metric: 'server.sync_page_p95',
        value: Number(percentile(pageMs, 95).toFixed(2)),
        unit: 'ms',
      },
      // CPU per request (client and server share this process): comparable on a busy machine.
      {
        metric: 'server.sync_page_cpu',
        value: Number((syncCpuMs / pageMs.length).toFixed(2)),
        unit: 'ms',
      },
      {
        metric: 'server.action_cpu',
        value: Number((actionCpuMs / Math.max(1, requests)).toFixed(2)),
        unit: 'ms',
      },
    ];
    for (const [route, list] of Object.entries(service)) {
      for (const q of [50, 95, 99] as const)
        out.push({
          metric: `server.service.${route}_p${q}`,
          value: Number(
            percentile(
              [...list].sort((x, y) => x - y),
              q,
            ).toFixed(2),
          ),
          unit: 'ms',
        });
    }
    console.log(
      `feed server: ${ADVOCATES} advocates, ${TASKS} tasks, ${CONCURRENCY} in flight, ${pageMs.length} sync pages; service times at concurrency 1 (${SERVICE_SAMPLES} each)`,
    );
    for (const line of out) console.log(JSON.stringify(line));
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

type Call = (token: string, method: string, path: string, body?: unknown) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Service time per route at concurrency 1: one request at a time, so each figure is what the
 * server spends on one request, not how long it waited behind others. One advocate claims,
 * replies on and resolves a task, then pulls the delta those made (as after a change event).
 */
async function serviceTimes(
  call: Call,
  advocates: { id: string; token: string }[],
  tasks: string[],
) {
  const out: Record<string, number[]> = { pull: [], claim: [], reply: [], resolve: [] };
  const a = advocates[0]!;
  const act = (route: string, action: Record<string, unknown>) => {
    const t0 = performance.now();
    return call(a.token, 'POST', '/v1/actions', { actions: [action] }).then((r) => {
      out[route]!.push(performance.now() - t0);
      return r.results[0].status as string;
    });
  };
  let cursor = '';
  for (let more = true; more;) {
    const r = await call(a.token, 'GET', `/v1/sync?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
    cursor = r.cursor;
    more = r.hasMore;
  }
  for (let i = 0; i < SERVICE_SAMPLES && i < tasks.length; i++) {
    const taskId = tasks[i]!;
    const k = `service-${i}`;
    if ((await act('claim', { key: `${k}-claim`, type: 'claim', taskId })) !== 'applied') continue;
    await act('reply', { key: `${k}-reply`, type: 'reply', taskId, body: 'Thanks, on it.' });
    await act('resolve', { key: `${k}-resolve`, type: 'resolve', taskId });
    const t0 = performance.now();
    const r = await call(a.token, 'GET', `/v1/sync?limit=500&cursor=${cursor}`);
    out.pull!.push(performance.now() - t0);
    cursor = r.cursor;
  }
  return out;
}
