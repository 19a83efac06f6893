/**
 * Initial sync end to end, as an advocate feels it: a real feed server in its own process
 * (bench/snapshotServer.ts) with one brand of SYNC_BENCH_TASKS tasks (default 100,000), and the
 * app's initial sync from snapshots on its worker thread into a real SQLite file, this thread
 * playing Electron's main thread. Reference (`.ref.`): today's replay of the whole change log
 * through `/v1/sync` pages, measured in the same run. SYNC_BENCH_PG_URL: the server on
 * PostgreSQL (a schema of its own in that database, dropped after), else on a SQLite file.
 *
 * Two first advocates, both of a (brand, tier) nobody asked for before: `initial_100k_done_ms`
 * waits for its snapshot's build (a tier no member held when the brand's tasks were pushed, as
 * after a restart: the build is on the advocate's clock); `initial_100k_prebuilt_done_ms` is the
 * first of the tier its members held when the import's pushes paused, whose snapshot the server
 * built ahead (snapshotCache `warm`).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { basename, join, resolve } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { closeLoaderDatabase, openLoaderDatabase } from '../src/core/db/loaderConnection';
import { openDatabase, type Db } from '../src/core/db/open';
import { appAppliers } from '../src/core/handlers/changeAppliers';
import { applyChange, type SyncAppliers } from '../src/core/sync/appliers';
import { applyPage } from '../src/core/sync/applyPage';
import { FeedClient } from '../src/core/sync/client';
import { snapshotInitialLoad } from '../src/core/sync/initialSync';
import type { SnapshotWorkerEntry } from '../src/core/sync/snapshotWorkerProtocol';
import { FIRST_PAGE_TASKS, loadSnapshot, type SnapshotSource } from '../src/core/sync/snapshotLoad';
import { readSyncState } from '../src/core/sync/syncStateRepo';
import { CAPABILITIES_HEADER, capabilitiesHeaderValue } from '../src/shared/capabilities';
import type { BrandSnapshot, OwnSnapshot } from '../src/shared/protocol';
import { taskOfRow } from '../src/shared/snapshotRows';
import { WriteGate } from '../src/core/db/writeGate';
import { writeLockHeld } from '../test/support/sqliteLock';
import { announceStepBench } from './announceStep';
import { metric, round } from './stats';

const root = resolve(__dirname, '..');
/** A worker as the app runs it: one bundled file (tsx would compile it on every start). */
async function bundledWorker(source: string): Promise<SnapshotWorkerEntry> {
  const file = join(root, 'node_modules/.cache/gigdesk-bench', `${basename(source, '.ts')}.mjs`);
  await build({
    entryPoints: [join(root, source)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['better-sqlite3'],
    outfile: file,
    logLevel: 'error',
  });
  return { file, execArgv: [] };
}

interface ServerChild {
  url: string;
  tokens: string[];
  cpuMs(): Promise<number>;
  /** Brand snapshots the server built so far. */
  builds(): Promise<number>;
  /** Changes the first `count` tasks (one change each). */
  touch(count: number): Promise<void>;
  /** Resolves once the snapshot built ahead after the import (and any other build) has ended. */
  warmed(): Promise<void>;
  /** A new advocate of the brand at `tier`: its token. */
  invite(tier: number): Promise<string>;
  /** Resolves once the server process has exited. */
  stop(): Promise<void>;
}

async function startServerChild(
  dbFile: string,
  tasks: number,
  advocates: number,
): Promise<ServerChild> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'bench/snapshotServer.ts'),
      dbFile,
      String(tasks),
      String(advocates),
    ],
    { cwd: root },
  );
  child.stderr.on('data', (d: Buffer) => process.stderr.write(d));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  const { url, tokens } = JSON.parse(first.value as string) as { url: string; tokens: string[] };
  return {
    url,
    tokens,
    async cpuMs() {
      child.stdin.write('cpu\n');
      return Number((await lines.next()).value);
    },
    async builds() {
      child.stdin.write('builds\n');
      return Number((await lines.next()).value);
    },
    async touch(count) {
      child.stdin.write(`touch ${count}\n`);
      await lines.next();
    },
    async warmed() {
      child.stdin.write('warmed\n');
      await lines.next();
    },
    async invite(tier) {
      child.stdin.write(`invite ${tier}\n`);
      return String((await lines.next()).value);
    },
    stop() {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * Bytes of a response as it crossed the wire (compressed if the server compressed it), asked
 * as the app asks (its capabilities decide the snapshot's format).
 */
async function wireBytes(url: string, token: string): Promise<number> {
  const r = await fetch(url, {
    headers: {
      authorization: `Bearer ${token}`,
      'accept-encoding': 'br, gzip',
      [CAPABILITIES_HEADER]: capabilitiesHeaderValue(),
    },
  });
  const body = Buffer.from(await r.arrayBuffer());
  // fetch decodes the body; Content-Length is what was sent.
  return Number(r.headers.get('content-length') ?? body.length);
}

setFlagsFromString('--expose-gc');
/**
 * A full collection of this thread's heap, so that garbage an earlier step of the bench left
 * (megabytes of parsed snapshots) is not collected inside the next measured step.
 */
const collect = runInNewContext('gc') as () => void;

/**
 * How long this (main) thread was held up, two ways. `delayMs`: the event loop's longest delay
 * beyond the monitor's resolution (wall clock: on a loaded machine it includes time the thread
 * waited for a core). `cpuMs`: the most CPU this thread spent between two ticks of a 5 ms timer,
 * i.e. the longest stretch of work that kept the loop from turning (preemption does not count).
 */
function mainThreadMonitor() {
  const resolution = 10;
  const loop = monitorEventLoopDelay({ resolution });
  loop.enable();
  const cpu = () => {
    const u = process.threadCpuUsage();
    return (u.user + u.system) / 1000;
  };
  let last = cpu();
  let maxCpu = 0;
  // This thread's longest garbage collection meanwhile: tells a pause of the heap from work.
  let maxGc = 0;
  const gcs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) maxGc = Math.max(maxGc, e.duration);
  });
  gcs.observe({ entryTypes: ['gc'] });
  const timer = setInterval(() => {
    const now = cpu();
    maxCpu = Math.max(maxCpu, now - last);
    last = now;
  }, 5);
  return {
    stop(): { delayMs: number; cpuMs: number; gcMs: number } {
      clearInterval(timer);
      loop.disable();
      gcs.disconnect();
      return { delayMs: Math.max(0, loop.max / 1e6 - resolution), cpuMs: maxCpu, gcMs: maxGc };
    },
  };
}

/** The main-thread monitor over `ms` of an idle thread. */
async function idleBlock(ms: number): Promise<AppSync['block']> {
  collect();
  const monitor = mainThreadMonitor();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return monitor.stop();
}

interface AppSync {
  firstPageMs: number;
  /** This process (main thread and the worker) until the first page was shown. */
  firstPageCpuMs: number;
  doneMs: number;
  /** This process (main thread and the worker). */
  cpuMs: number;
  block: { delayMs: number; cpuMs: number; gcMs: number };
  tasks: number;
  /** Changes the engine's own pull (on this thread) found after the worker was done. */
  mainThreadChanges: number;
}

/**
 * An app's initial sync as the engine runs it: snapshots and catch-up on the worker thread, then
 * the engine's pull on this thread (which should find nothing), this thread watched throughout.
 */
async function appInitialSync(
  file: string,
  url: string,
  token: string,
  worker: SnapshotWorkerEntry,
): Promise<AppSync> {
  const db = openDatabase(file);
  const client = new FeedClient({ baseUrl: url, token });
  let firstPageMs = 0;
  // The app signs in on this thread (a redeem request) before it syncs; the same round trip here,
  // so one-time costs of a process's first request are not counted as catch-up.
  await client.me();
  let firstPageCpuMs = 0;
  collect();
  const cpu = process.cpuUsage();
  const monitor = mainThreadMonitor();
  const start = performance.now();
  const load = snapshotInitialLoad({
    db,
    client,
    baseUrl: url,
    token: async () => token,
    appliers: appAppliers,
    now: Date.now,
    worker,
    onFirstPage: () => {
      firstPageMs = performance.now() - start;
      const u = process.cpuUsage(cpu);
      firstPageCpuMs = (u.user + u.system) / 1000;
    },
  });
  if (!(await load(new AbortController().signal))) throw new Error('snapshot load refused');
  const mainThreadChanges = await replayLog(db, client);
  const doneMs = performance.now() - start;
  const block = monitor.stop();
  const used = process.cpuUsage(cpu);
  const tasks = db.prepare('SELECT count(*) FROM tasks').pluck().get() as number;
  db.close();
  return {
    firstPageMs,
    firstPageCpuMs,
    doneMs,
    cpuMs: (used.user + used.system) / 1000,
    block,
    tasks,
    mainThreadChanges,
  };
}

interface BulkWrite {
  /**
   * How long the write held up this (main) thread at once: the call that made it, or the write
   * itself where it waited for the gate (its commit may copy the write-ahead log into the file).
   */
  blockedMs: number;
  /** From the call until the row was written. */
  writtenMs: number;
}

/**
 * An advocate's draft saved while the worker's bulk load holds the write lock (seen from a probe
 * connection): `gated`, as the app's handlers make it (waiting for the load's `WriteGate`), or
 * straight to SQLite, as they did before (waiting on the lock: `busy_timeout`).
 */
async function writeDuringBulk(
  file: string,
  url: string,
  token: string,
  worker: SnapshotWorkerEntry,
  gated: boolean,
): Promise<BulkWrite> {
  const db = openDatabase(file);
  const writes = new WriteGate();
  const load = snapshotInitialLoad({
    db,
    client: new FeedClient({ baseUrl: url, token }),
    baseUrl: url,
    token: async () => token,
    appliers: appAppliers,
    now: Date.now,
    worker,
    writes: gated ? writes : undefined,
    onFirstPage: () => {},
  });
  let made: Promise<BulkWrite> | null = null;
  const watch = setInterval(() => {
    // After the first page (its own short transaction) the next long hold is the bulk load's.
    const taskId = db.prepare('SELECT id FROM tasks LIMIT 1').pluck().get() as string | undefined;
    if (made || taskId === undefined || !writeLockHeld(file)) return;
    const start = performance.now();
    let saveMs = 0;
    const written = new Promise<number>((resolve) => {
      const save = () => {
        const at = performance.now();
        db.prepare(
          "INSERT OR REPLACE INTO drafts (task_id, kind, body, updated_at) VALUES (?, 'reply', 'Hi', ?)",
        ).run(taskId, Date.now());
        saveMs = performance.now() - at;
        resolve(performance.now() - start);
      };
      if (writes.isOpen) save();
      else void writes.whenOpen().then(save);
    });
    const callMs = performance.now() - start;
    made = written.then((writtenMs) => ({ blockedMs: Math.max(callMs, saveMs), writtenMs }));
  }, 1);
  try {
    if (!(await load(new AbortController().signal))) throw new Error('snapshot load refused');
  } finally {
    clearInterval(watch);
  }
  if (!made) throw new Error('no write met the bulk load');
  const result = await (made as Promise<BulkWrite>);
  db.close();
  return result;
}

/** Replays `/v1/sync` from the start, page by page, as the app did before snapshots. */
async function replayLog(db: Db, client: FeedClient): Promise<number> {
  let rows = 0;
  for (;;) {
    const page = await client.pull(readSyncState(db).cursor, 1000);
    applyPage(db, page, Date.now(), appAppliers);
    rows += page.changes.length;
    if (!page.hasMore) return rows;
  }
}

async function replayBytes(url: string, token: string): Promise<number> {
  let bytes = 0;
  let cursor = '';
  for (;;) {
    const r = await fetch(`${url}/v1/sync?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br, gzip' },
    });
    const text = await r.text();
    bytes += Number(r.headers.get('content-length') ?? Buffer.byteLength(text));
    const page = JSON.parse(text) as { cursor: string; hasMore: boolean };
    cursor = page.cursor;
    if (!page.hasMore) return bytes;
  }
}

/** The app's appliers with the bulk load writing row by row, as a pulled change is written. */
const perRowAppliers: SyncAppliers = {
  ...appAppliers,
  bulkTasks(db, rows) {
    const indexes = db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
          AND tbl_name IN ('tasks', 'messages')`,
      )
      .all() as { name: string; sql: string }[];
    for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
    const apply = appAppliers.page(db, Date.now());
    for (const row of rows) applyChange(apply, { seq: 1, kind: 'task', task: taskOfRow(row) });
    for (const i of indexes) db.exec(i.sql);
  },
};

/**
 * Loads the snapshots from memory into a new database file on a connection like the app's
 * worker's: wall and CPU time (this thread) until the load has committed, then apart the
 * checkpoint the worker runs after reporting done.
 */
interface Timed {
  ms: number;
  cpuMs: number;
  checkpointMs: number;
}

async function timedLoad(file: string, snapshots: string, appliers: SyncAppliers): Promise<Timed> {
  const db = openLoaderDatabase(file);
  // Parsed for each load, as the app loads what it just read (the load rewrites the tables' ids
  // in place), and the only copy in the heap meanwhile, as in the app's worker.
  const { own, brands } = JSON.parse(snapshots) as { own: OwnSnapshot; brands: BrandSnapshot[] };
  const source: SnapshotSource = {
    own: async () => own,
    brand: async (id) => brands.find((b) => b.brandId === id)!,
  };
  collect();
  const start = performance.now();
  const cpu = process.cpuUsage();
  await loadSnapshot(db, source, appliers, Date.now, () => {});
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - start;
  const closing = performance.now();
  closeLoaderDatabase(db);
  return { ms, cpuMs: (used.user + used.system) / 1000, checkpointMs: performance.now() - closing };
}

/** The advocate's snapshots as the client read them, as text (`timedLoad` parses a copy). */
async function snapshotsText(client: FeedClient): Promise<string> {
  const own = await client.ownSnapshot();
  const brands: BrandSnapshot[] = [];
  for (const m of own.memberships) brands.push(await client.brandSnapshot(m.brandId));
  return JSON.stringify({ own, brands });
}

/** The server's database: a SQLite file in `dir`, or a new schema of SYNC_BENCH_PG_URL. */
async function benchDb(dir: string): Promise<{ db: string; drop(): Promise<void> }> {
  const url = process.env.SYNC_BENCH_PG_URL;
  if (!url) return { db: join(dir, 'feed.sqlite'), drop: async () => {} };
  const schema = `syncsnap_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return {
    db: u.toString(),
    async drop() {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

export async function runSnapshotBench(dir: string, rows: [string, string][]): Promise<void> {
  const tasks = Number(process.env.SYNC_BENCH_TASKS ?? 100_000);
  const advocates = 11;
  const worker = await bundledWorker('src/core/handlers/snapshotWorker.ts');
  const announceWorker = await bundledWorker('src/core/feed/announceWorker.ts');
  const database = await benchDb(dir);
  const server = await startServerChild(database.db, tasks, advocates + 2);
  const [first, ...others] = server.tokens as [string, ...string[]];
  const refToken = others.pop()!;
  const lateToken = others.pop()!;
  try {
    // The import's pushes have paused: the server builds the members' tier's snapshot ahead.
    await server.warmed();
    const buildsAhead = await server.builds();
    // 1. A first advocate whose (brand, tier) snapshot nobody built: it waits for the build.
    const coldToken = await server.invite(2);
    const cpuBefore = await server.cpuMs();
    const one = await appInitialSync(join(dir, 'cold-app.sqlite'), server.url, coldToken, worker);
    const buildCpu = (await server.cpuMs()) - cpuBefore;
    if (one.tasks !== tasks) throw new Error(`snapshot loaded ${one.tasks} of ${tasks} tasks`);
    // 1b. The first advocate of the members' tier: its snapshot was built ahead of the ask.
    const buildsBefore1 = await server.builds();
    const pre = await appInitialSync(join(dir, 'snapshot-app.sqlite'), server.url, first, worker);
    const preBuilds = (await server.builds()) - buildsBefore1;
    if (pre.tasks !== tasks) throw new Error(`snapshot loaded ${pre.tasks} of ${tasks} tasks`);
    const client = new FeedClient({ baseUrl: server.url, token: first });

    // 2. Server CPU per further advocate of the same (brand, tier): the snapshot is shared.
    const buildsBefore = await server.builds();
    const cpuShared = await server.cpuMs();
    const clients = others.map((token) => new FeedClient({ baseUrl: server.url, token }));
    // What an app asks before its first page shows: its own rows and each brand's first page.
    const owns: OwnSnapshot[] = [];
    for (const c of clients) {
      const own = await c.ownSnapshot();
      owns.push(own);
      for (const m of own.memberships) await c.brandFirstPage(m.brandId, FIRST_PAGE_TASKS);
    }
    const firstPageServerCpu = ((await server.cpuMs()) - cpuShared) / others.length;
    for (const [i, c] of clients.entries()) {
      const own = owns[i]!;
      for (const m of own.memberships) await c.brandSnapshot(m.brandId);
      await c.pull(own.cursor, 1000);
    }
    const perAdvocateCpu = ((await server.cpuMs()) - cpuShared) / others.length;
    const sharedBuilds = (await server.builds()) - buildsBefore;
    const brandPath = `${server.url}/v1/snapshot/brands/${(await client.ownSnapshot()).memberships[0]!.brandId}`;
    const bytes =
      (await wireBytes(`${server.url}/v1/snapshot`, first)) +
      (await wireBytes(`${brandPath}/first?limit=${FIRST_PAGE_TASKS}`, first)) +
      (await wireBytes(brandPath, first));

    // 2b. Catch-up: an advocate served the cached snapshot after `touched` tasks changed (under
    // the cache's staleness bound) pulls those changes after it, on the worker thread.
    const touched = Math.min(900, tasks);
    await server.touch(touched);
    const late = await appInitialSync(join(dir, 'late-app.sqlite'), server.url, lateToken, worker);
    // Reference for `main_block_ms`: the same monitor on this thread doing nothing for as long as
    // the catch-up took (this machine's own floor: timer ticks and the kernel's accounting steps).
    const idle = await idleBlock(late.doneMs);
    // 2b'. A draft saved while the bulk load holds the write lock, waiting for it off and on
    // this thread (the reference: as the app's writes waited before).
    const gatedWrite = await writeDuringBulk(
      join(dir, 'write-gated.sqlite'),
      server.url,
      first,
      worker,
      true,
    );
    const directWrite = await writeDuringBulk(
      join(dir, 'write-direct.sqlite'),
      server.url,
      first,
      worker,
      false,
    );
    // 2c. What the app does on its main thread after a sync that changed something, on that file.
    await announceStepBench(join(dir, 'late-app.sqlite'), announceWorker, rows);

    // 3. Client bulk apply rate: the same snapshot loaded from memory into a fresh file.
    const source = await snapshotsText(client);
    // Reference: the same load writing each row with its change's applier (the bulk load before
    // it was set-based: a read per row, then one upsert per task and per message). Run in both
    // orders (bulk, per row, per row, bulk), each after a full collection, so that neither
    // inherits the other's garbage or a warmer process; the figures are the mean of the two.
    const bulkFirst = await timedLoad(join(dir, 'bulk-1.sqlite'), source, appAppliers);
    const perRowSecond = await timedLoad(join(dir, 'per-row-1.sqlite'), source, perRowAppliers);
    const perRowFirst = await timedLoad(join(dir, 'per-row-2.sqlite'), source, perRowAppliers);
    const bulkSecond = await timedLoad(join(dir, 'bulk-2.sqlite'), source, appAppliers);
    const mean = (a: Timed, b: Timed): Timed => ({
      ms: (a.ms + b.ms) / 2,
      cpuMs: (a.cpuMs + b.cpuMs) / 2,
      checkpointMs: (a.checkpointMs + b.checkpointMs) / 2,
    });
    const bulk = mean(bulkFirst, bulkSecond);
    const perRow = mean(perRowFirst, perRowSecond);
    const rates = (t: Timed) =>
      `${Math.round(tasks / (t.ms / 1000))} rows/s, ${Math.round(tasks / (t.cpuMs / 1000))} rows/CPU-s`;

    // Reference: today's initial sync, replaying the whole log through /v1/sync.
    const refDb = openDatabase(join(dir, 'replay-app.sqlite'));
    const refClient = new FeedClient({ baseUrl: server.url, token: refToken });
    const refCpu = await server.cpuMs();
    const refStart = performance.now();
    await replayLog(refDb, refClient);
    const refMs = performance.now() - refStart;
    const refCpuMs = (await server.cpuMs()) - refCpu;
    refDb.close();
    const refBytes = await replayBytes(server.url, refToken);

    const k = `${Math.round(tasks / 1000)}k`;
    const block = (b: AppSync['block']) =>
      `${round(b.cpuMs, 1)} ms CPU in one turn (event-loop delay ${round(b.delayMs, 1)} ms, longest GC ${round(b.gcMs, 1)} ms)`;
    rows.push(
      [
        `initial sync ${k}: first feed page`,
        `${round(one.firstPageMs, 0)} ms, client CPU ${round(one.firstPageCpuMs, 0)} ms, server CPU per advocate ${round(firstPageServerCpu, 1)} ms`,
      ],
      [
        `initial sync ${k}: done, build waited for`,
        `${round(one.doneMs, 0)} ms, client CPU ${round(one.cpuMs, 0)} ms (replay ${round(refMs, 0)} ms)`,
      ],
      [
        `initial sync ${k}: done, built ahead`,
        `${round(pre.doneMs, 0)} ms, client CPU ${round(pre.cpuMs, 0)} ms (${buildsAhead} build ahead of the ask, ${preBuilds} during it)`,
      ],
      [`  on the wire`, `${round(bytes / 1e6, 2)} MB (replay ${round(refBytes / 1e6, 1)} MB)`],
      [
        `  server CPU per advocate`,
        `${round(perAdvocateCpu, 1)} ms (replay ${round(refCpuMs, 0)} ms; build once ${round(buildCpu, 0)} ms; ${sharedBuilds} builds for ${others.length} advocates)`,
      ],
      [`  client bulk apply (mean)`, `${rates(bulk)} (per row: ${rates(perRow)})`],
      [`    run first`, `${rates(bulkFirst)} (per row: ${rates(perRowFirst)})`],
      [`    run second`, `${rates(bulkSecond)} (per row: ${rates(perRowSecond)})`],
      [
        `    then the worker's checkpoint (after done)`,
        `${round(bulk.checkpointMs, 0)} ms (per row: ${round(perRow.checkpointMs, 0)} ms)`,
      ],
      [`  main thread held up`, block(one.block)],
      [
        `catch-up of ${touched} changes after snapshot`,
        `${round(late.doneMs, 0)} ms, main thread: ${block(late.block)}, ${late.mainThreadChanges} changes applied there`,
      ],
      [`  reference: the main thread idle as long`, block(idle)],
      [
        `a draft saved during the bulk load`,
        `main thread held ${round(gatedWrite.blockedMs, 1)} ms, written after ${round(gatedWrite.writtenMs, 0)} ms (straight to SQLite: held ${round(directWrite.blockedMs, 0)} ms, written after ${round(directWrite.writtenMs, 0)} ms)`,
      ],
    );
    metric('sync.first_page_ms', one.firstPageMs, 'ms');
    metric('sync.first_page_client_cpu_ms', one.firstPageCpuMs, 'ms');
    metric('sync.first_page_server_cpu_ms', firstPageServerCpu, 'ms');
    metric('sync.initial_100k_done_ms', one.doneMs, 'ms');
    metric('sync.initial_100k_prebuilt_done_ms', pre.doneMs, 'ms');
    metric('sync.initial_100k_prebuilt_client_cpu_ms', pre.cpuMs, 'ms');
    metric('sync.snapshot_builds_ahead', buildsAhead, 'count');
    metric('sync.snapshot_builds_during_prebuilt', preBuilds, 'count');
    metric('sync.initial_100k_client_cpu_ms', one.cpuMs, 'ms');
    metric('sync.ref.initial_100k_done_ms', refMs, 'ms');
    metric('sync.initial_100k_bytes', bytes / 1e6, 'MB');
    metric('sync.ref.initial_100k_bytes', refBytes / 1e6, 'MB');
    metric('sync.server_cpu_per_advocate_ms', perAdvocateCpu, 'ms');
    metric('sync.ref.server_cpu_per_advocate_ms', refCpuMs, 'ms');
    metric('sync.snapshot_build_cpu_ms', buildCpu, 'ms');
    metric('sync.snapshot_builds_for_shared_advocates', sharedBuilds, 'count');
    metric('sync.bulk_rate', tasks / (bulk.ms / 1000), 'rows/s');
    metric('sync.bulk_rate_cpu', tasks / (bulk.cpuMs / 1000), 'rows/s');
    metric('sync.bulk_checkpoint_ms', bulk.checkpointMs, 'ms');
    metric('sync.ref.bulk_rate', tasks / (perRow.ms / 1000), 'rows/s');
    metric('sync.ref.bulk_rate_cpu', tasks / (perRow.cpuMs / 1000), 'rows/s');
    metric('sync.main_block_ms', Math.max(one.block.cpuMs, late.block.cpuMs), 'ms');
    metric('sync.ref.main_block_idle_ms', idle.cpuMs, 'ms');
    metric('sync.main_gc_max_ms', Math.max(one.block.gcMs, late.block.gcMs), 'ms');
    metric('sync.main_loop_delay_ms', Math.max(one.block.delayMs, late.block.delayMs), 'ms');
    metric('sync.catchup_main_thread_changes', late.mainThreadChanges, 'count');
    metric('sync.catchup_done_ms', late.doneMs, 'ms');
    metric('sync.bulk_write_block_ms', gatedWrite.blockedMs, 'ms');
    metric('sync.ref.bulk_write_block_ms', directWrite.blockedMs, 'ms');
    metric('sync.bulk_write_done_ms', gatedWrite.writtenMs, 'ms');
    metric('sync.ref.bulk_write_done_ms', directWrite.writtenMs, 'ms');
    if (tasks !== 100_000) metric('sync.initial_tasks', tasks, 'count');
  } finally {
    await server.stop();
    await database.drop();
  }
}
