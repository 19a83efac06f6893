/**
 * `GIGDESK_LOAD_PROFILE=DIR` (bench/loadReplica.ts): what a replica spends its time on during a
 * load run, written to DIR/replica-PID.json (and .cpuprofile) when it stops: event-loop delay,
 * server-side time per route (request start → response finished), how long a query waited for a
 * pool connection, the statements sent (by text), and a CPU profile (open it in Chrome DevTools or
 * speedscope), each from the bench's `reset` line if it sends one.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { createInterface } from 'node:readline';
import { percentile, round } from './stats';

const summary = (xs: number[]) => ({
  n: xs.length,
  p50: round(percentile(xs, 50), 2),
  p95: round(percentile(xs, 95), 2),
  p99: round(percentile(xs, 99), 2),
  max: round(Math.max(0, ...xs), 2),
});

export async function profileReplica(dir: string): Promise<() => Promise<void>> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const routes = new Map<string, number[]>();
  const started = new WeakMap<IncomingMessage, number>();
  subscribe('http.server.request.start', (m) => {
    started.set((m as { request: IncomingMessage }).request, performance.now());
  });
  subscribe('http.server.response.finish', (m) => {
    const { request } = m as { request: IncomingMessage; response: ServerResponse };
    const t0 = started.get(request);
    if (t0 === undefined) return;
    const route = `${request.method} ${(request.url ?? '').split('?')[0]}`;
    let list = routes.get(route);
    if (!list) routes.set(route, (list = []));
    list.push(performance.now() - t0);
  });
  const waits: number[] = [];
  /** Seconds since start at which a connection was waited for over 50 ms (is it periodic?). */
  const longWaits: number[] = [];
  const t0 = performance.now();
  const connect = pg.Pool.prototype.connect as (...a: unknown[]) => unknown;
  pg.Pool.prototype.connect = function (this: pg.Pool, ...args: unknown[]) {
    const start = performance.now();
    const r = connect.apply(this, args);
    if (r instanceof Promise)
      void r
        .then(() => {
          const ms = performance.now() - start;
          waits.push(ms);
          if (ms > 50) longWaits.push(Math.round((performance.now() - t0) / 100) / 10);
        })
        .catch(() => {});
    return r;
  } as typeof pg.Pool.prototype.connect;
  /** Statements sent, by text (is a request's work a few statements or many?). */
  const statements = new Map<string, number>();
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string } | undefined;
    const text = (typeof q === 'string' ? q : (q?.text ?? '?')).replace(/\s+/g, ' ').slice(0, 160);
    statements.set(text, (statements.get(text) ?? 0) + 1);
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
  // The bench's `reset` line (deployment.ts `watchLoops`) starts the measured window: routes and
  // statements and the CPU profile count from there.
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line !== 'reset') return;
    routes.clear();
    statements.clear();
    // The CPU profile too: setup (migrations, seeding, loading modules) is not what is measured.
    void session.post('Profiler.stop').then(() => session.post('Profiler.start'));
  });
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `replica-${process.pid}.cpuprofile`), JSON.stringify(profile));
    loop.disable();
    const ms = (ns: number) => round(ns / 1e6, 2);
    const report = {
      eventLoopDelayMs: {
        p50: ms(loop.percentile(50)),
        p95: ms(loop.percentile(95)),
        p99: ms(loop.percentile(99)),
        max: ms(loop.max),
      },
      poolWaitMs: summary(waits),
      poolWaitsOver50msAtS: [...new Set(longWaits.map(Math.floor))],
      routesMs: Object.fromEntries([...routes].map(([r, xs]) => [r, summary(xs)])),
      statements: Object.fromEntries([...statements].sort((a, b) => b[1] - a[1]).slice(0, 40)),
    };
    writeFileSync(join(dir, `replica-${process.pid}.json`), JSON.stringify(report, null, 2));
  };
}
