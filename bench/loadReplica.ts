/**
 * One feed-server replica for `bench/load.ts`, as its own process: `GIGDESK_LOAD_DB=… node
 * --import tsx bench/loadReplica.ts`. Prints `{"url": …}` once listening; exits on SIGTERM.
 * Request logging and the per-token rate limit are off: the bench measures the store and routes.
 * GIGDESK_ACTION_PATH=transaction: actions the SQLite way on PostgreSQL (a reference).
 *
 * Its event loop is watched (a request waits behind whatever synchronous work runs before it):
 * a `reset` line on stdin starts a window, `report` prints `{"loop": …}` for it (delay
 * percentiles, the longest stall, garbage-collection pauses).
 * GIGDESK_LOAD_PROFILE=DIR: profile the replica (bench/replicaProfile.ts).
 */
import { createInterface } from 'node:readline';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { startServer } from '../src/server';
import { profileReplica } from './replicaProfile';

/** Event-loop delay and GC pauses since the last `reset`. */
function watchLoop() {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  let gc = { count: 0, ms: 0, maxMs: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gc.count++;
      gc.ms += e.duration;
      gc.maxMs = Math.max(gc.maxMs, e.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'reset') {
      delay.reset();
      gc = { count: 0, ms: 0, maxMs: 0 };
    } else if (line === 'report') {
      const loop = {
        p50: ms(delay.percentile(50)),
        p95: ms(delay.percentile(95)),
        p99: ms(delay.percentile(99)),
        max: ms(delay.max),
        gcCount: gc.count,
        gcMs: Math.round(gc.ms),
        gcMaxMs: Math.round(gc.maxMs * 10) / 10,
      };
      process.stdout.write(`${JSON.stringify({ loop })}\n`);
    }
  });
}

async function main(): Promise<void> {
  const db = process.env.GIGDESK_LOAD_DB;
  if (!db) throw new Error('GIGDESK_LOAD_DB is required');
  const actionPath = process.env.GIGDESK_ACTION_PATH;
  const profileDir = process.env.GIGDESK_LOAD_PROFILE;
  const profiled = profileDir ? await profileReplica(profileDir) : undefined;
  const server = await startServer({
    db,
    port: 0,
    logger: false,
    rateLimitMax: 1_000_000,
    leaseSweepMs: 5_000,
    // bench/claims.ts measures the transaction path on PostgreSQL as its reference.
    ...(actionPath === 'transaction' ? { storeOptions: { actionPath } } : {}),
  });
  watchLoop();
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  process.once('SIGTERM', () => {
    Promise.resolve(profiled?.())
      .then(() => server.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
