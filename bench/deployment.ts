/**
 * What the server benchmarks share: feed-server replicas as child processes on a throwaway
 * database, HTTP calls with per-route timing, and CPU time per process (replicas and this run's
 * PostgreSQL backends, read from /proc).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';

export type Backend = 'postgres' | 'sqlite';

// ------------------------------------------------------------------ HTTP with per-route timing

export class Recorder {
  readonly samples = new Map<string, number[]>();
  requests = 0;
  errors = 0;
  record(route: string, ms: number) {
    let list = this.samples.get(route);
    if (!list) this.samples.set(route, (list = []));
    list.push(ms);
    this.requests++;
  }
  all(): number[] {
    return [...this.samples.values()].flat();
  }
  reset() {
    this.samples.clear();
    this.requests = 0;
    this.errors = 0;
  }
}

export interface Reply<T> {
  status: number;
  body: T;
}

export function call<T>(
  agent: http.Agent,
  base: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<Reply<T>> {
  return new Promise((done, fail) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(data === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', fail);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            done({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : undefined) as T });
          } catch (err) {
            fail(err as Error);
          }
        });
      },
    );
    req.on('error', fail);
    if (data !== undefined) req.write(data);
    req.end();
  });
}

// ------------------------------------------------------------------ replicas and database

export interface Deployment {
  db: string;
  urls: string[];
  /** The replicas' process ids (for their CPU time). */
  pids: number[];
  /** PostgreSQL: the application_name of this run's connections. */
  appName: string | null;
  /** Starts a window over which each replica watches its event loop. */
  watchLoops(): void;
  /** Each replica's event loop since `watchLoops()`. */
  loops(): Promise<LoopReport[]>;
  stop(): Promise<void>;
}

/** A replica's event loop over a window (loadReplica.ts): delay percentiles and GC, in ms. */
export interface LoopReport {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  gcCount: number;
  gcMs: number;
  gcMaxMs: number;
}

interface Replica {
  url: string;
  child: ChildProcess;
  /** The next `{"loop": …}` line the replica prints. */
  nextLoop(): Promise<LoopReport>;
}

function startReplica(db: string, env: Record<string, string>): Promise<Replica> {
  const node = [process.execPath, '--import', 'tsx', resolve('bench', 'loadReplica.ts')];
  // Replicas run on core 0; the load generator pins itself to core 1 (`pinGenerator`).
  const child = spawn('taskset', ['-c', '0', ...node], {
    env: { ...process.env, ...env, GIGDESK_LOAD_DB: db },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const loops: ((r: LoopReport) => void)[] = [];
  return new Promise((done, fail) => {
    child.once('exit', (code) => fail(new Error(`replica exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const msg = JSON.parse(line) as { url?: string; loop?: LoopReport };
      if (msg.loop) loops.shift()?.(msg.loop);
      if (!msg.url) return;
      child.removeAllListeners('exit');
      done({
        url: msg.url,
        child,
        nextLoop: () => new Promise((r) => loops.push(r)),
      });
    });
  });
}

export async function deploy(
  backend: Backend,
  pgUrl: string,
  env: Record<string, string> = {},
): Promise<Deployment> {
  let db: string;
  let cleanup: () => Promise<void>;
  if (backend === 'postgres') {
    const schema = `load_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 5000 });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const u = new URL(pgUrl);
    u.searchParams.set('options', `-c search_path=${schema}`);
    // So the bench can find this run's PostgreSQL backends (and their CPU) in pg_stat_activity.
    u.searchParams.set('application_name', schema);
    db = u.toString();
    cleanup = async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'gigdesk-load-'));
    db = join(dir, 'feed.sqlite');
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  // Replicas start together and race to migrate the empty database.
  const replicas = await Promise.all(
    Array.from({ length: backend === 'postgres' ? 2 : 1 }, () => startReplica(db, env)),
  );
  return {
    db,
    urls: replicas.map((r) => r.url),
    pids: replicas.map((r) => r.child.pid!),
    appName: backend === 'postgres' ? new URL(db).searchParams.get('application_name') : null,
    watchLoops() {
      for (const r of replicas) r.child.stdin!.write('reset\n');
    },
    loops() {
      return Promise.all(
        replicas.map((r) => {
          const next = r.nextLoop();
          r.child.stdin!.write('report\n');
          return next;
        }),
      );
    },
    async stop() {
      await Promise.all(
        replicas.map(
          (r) =>
            new Promise<void>((done) => {
              r.child.once('exit', () => done());
              r.child.kill('SIGTERM');
            }),
        ),
      );
      await cleanup();
    },
  };
}

/** Pins this process (every thread) to core 1, away from the servers on core 0. */
export function pinGenerator(): boolean {
  try {
    execFileSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used, or 0 when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** The pids of this run's PostgreSQL backends (by application_name). */
export async function backendPids(pgUrl: string, appName: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try {
    const r = await c.query<{ pid: number }>(
      'select pid from pg_stat_activity where application_name = $1',
      [appName],
    );
    return r.rows.map((x) => x.pid);
  } finally {
    await c.end();
  }
}

/**
 * CPU used by a deployment between `start()` and `stop()`: its replicas and its PostgreSQL
 * backends. Backends come and go (the pools close idle connections after 10 s), so they are
 * looked for every `SAMPLE_MS` and each one's last CPU reading is kept: one that exits before
 * `stop()` still counts what it used (reading a gone process as 0 once made it count negative,
 * cancelling others), one that came after `start()` counts from 0. A backend that lived less
 * than `SAMPLE_MS` between two looks is missed.
 */
export function cpuMeter(d: Deployment, pgUrl: string) {
  const SAMPLE_MS = 500;
  /** CPU seconds at the window's start (0 for processes first seen after it). */
  const first = new Map<number, number>();
  /** The latest CPU seconds read while the process was there. */
  const last = new Map<number, number>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const look = async () =>
    d.appName ? [...d.pids, ...(await backendPids(pgUrl, d.appName))] : [...d.pids];
  const sample = async (atStart: boolean) => {
    for (const pid of await look()) {
      const used = cpuSeconds(pid);
      if (!first.has(pid)) first.set(pid, atStart ? used : 0);
      if (used > 0) last.set(pid, Math.max(used, last.get(pid) ?? 0));
    }
  };
  return {
    async start() {
      await sample(true);
      timer = setInterval(() => void sample(false).catch(() => {}), SAMPLE_MS);
    },
    /** Seconds of CPU: replicas, database, total. */
    async stop() {
      clearInterval(timer);
      await sample(false);
      let replicas = 0;
      let database = 0;
      for (const [pid, from] of first) {
        const used = Math.max(0, (last.get(pid) ?? from) - from);
        if (d.pids.includes(pid)) replicas += used;
        else database += used;
      }
      return { replicas, database, total: replicas + database };
    },
  };
}
