/**
 * Sync suite: applying server pages to the local database, and the feed's page query.
 * Real files (WAL, synchronous=FULL, as the app opens them) in a temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../src/core/db/open';
import { listFeedPage } from '../src/core/feed/feedRepo';
import { estimateForBrand } from '../src/core/earnings/estimates';
import { writeTask } from '../src/core/tickets/taskChanges';
import { defaultFeedPrefs, type FeedFilters, type FeedSort } from '../src/shared/contract/feed';
import { syncResponseCheck } from '../src/core/sync/pageValidators';
import type { Change, SyncResponse, TaskView } from '../src/shared/protocol';
import { applyPage } from '../test/support/sync';
import { testPayoutRules, taskView } from '../test/support/taskViews';
import { metric, percentile, round } from './stats';
import { runSnapshotBench } from './syncSnapshot';

const brands = ['b1', 'b2', 'b3', 'b4'];
const skills = ['billing', 'shipping', 'returns', 'technical', 'account', 'warranty'];
let seq = 0;

/** Spread over four brands, six skills, three channels, five complexities and SLA times. */
function task(i: number): TaskView {
  const skillPair = [skills[i % skills.length]!, skills[Math.floor(i / 6) % skills.length]!];
  return taskView(i, {
    id: `task-${i}`,
    brandId: brands[i % brands.length]!,
    subject: `Order ${i} arrived damaged, what now?`,
    skills: [...new Set(skillPair)],
    slaDueAt: i % 11 === 0 ? null : 1_900_000_000_000 + ((i * 7919) % 100_000) * 60_000,
    createdAt: 1_800_000_000_000 + i * 1000,
  });
}

const taskChanges = (from: number, count: number): Change[] =>
  Array.from({ length: count }, (_, k) => ({
    seq: ++seq,
    kind: 'task' as const,
    task: task(from + k),
  }));

/** The server's page as it arrives on the wire. */
const wirePage = (changes: Change[]) =>
  JSON.stringify({ changes, cursor: String(seq), hasMore: false });

function freshDb(dir: string, name: string): Db {
  const db = openDatabase(join(dir, `${name}.sqlite`));
  const head: Change[] = brands.flatMap((id): Change[] => [
    {
      seq: ++seq,
      kind: 'brand',
      brand: { id, name: `Brand ${id}`, currency: 'EUR', leaseMinutes: 30 },
    },
    {
      seq: ++seq,
      kind: 'membership',
      membership: { brandId: id, tier: 1, skills: ['billing', 'shipping'], suspended: false },
    },
    {
      seq: ++seq,
      kind: 'payout_rules',
      brandId: id,
      version: 1,
      rules: testPayoutRules,
      effectiveAt: 0,
    },
  ]);
  applyPage(db, { changes: head, cursor: String(seq) }, 0);
  return db;
}

/** A page as the app's client reads it: JSON, then the compiled check it validates with. */
function parsePage(wire: string): SyncResponse {
  const checked = syncResponseCheck.safeParse(JSON.parse(wire));
  if (!checked.success) throw new Error('the bench page does not pass the sync check');
  return checked.data;
}

/** parse + check + upsert + cursor, as the engine does for one page. */
function parseAndApply(db: Db, wire: string): void {
  applyPage(db, parsePage(wire), Date.now());
}

/** CPU time of this process, to tell work from waiting on a busy machine. */
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

function median(xs: number[]): number {
  return percentile(xs, 50);
}

/** The table of parts 1-3, under the load it was measured at. */
function printRows(rows: [string, string][]): void {
  console.log(
    `sync benchmark (1-min load average ${round(loadavg()[0]!, 1)} on ${cpus().length} CPUs)`,
  );
  for (const [name, value] of rows) console.log(`  ${name.padEnd(40)} ${value}`);
}

/** 4. Initial sync from snapshots, end to end against a real server (syncSnapshot.ts). */
async function snapshotPart(dir: string): Promise<void> {
  const rows: [string, string][] = [];
  await runSnapshotBench(dir, rows);
  for (const [name, value] of rows) console.log(`  ${name.padEnd(40)} ${value}`);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-bench-sync-'));
  const rows: [string, string][] = [];
  try {
    // SYNC_BENCH_ONLY=snapshot: only the initial sync from snapshots (4); =apply: only the delta
    // (1) and its reference. For short runs.
    if (process.env.SYNC_BENCH_ONLY === 'snapshot') return await snapshotPart(dir);
    // 1. A 10,000-task delta over a feed that already holds 10,000 tasks (half updates, half new).
    const apply: number[] = [];
    const applyCpu: number[] = [];
    for (let r = 0; r < 5; r++) {
      const db = freshDb(dir, `apply-${r}`);
      parseAndApply(db, wirePage(taskChanges(0, 10_000)));
      const wire = wirePage(taskChanges(5_000, 10_000));
      const start = performance.now();
      const cpu = process.cpuUsage();
      parseAndApply(db, wire);
      apply.push(performance.now() - start);
      applyCpu.push(cpuMs(process.cpuUsage(cpu)));
      db.close();
    }

    // Reference: the same kind of rows, each upsert its own autocommit transaction (one fsync
    // each). Measured on 2,000 rows and scaled to 10,000 to keep the suite short.
    const refDb = freshDb(dir, 'ref');
    parseAndApply(refDb, wirePage(taskChanges(0, 10_000)));
    const refChanges = taskChanges(9_000, 2_000);
    const refStart = performance.now();
    const page = parsePage(wirePage(refChanges));
    const estimate = estimateForBrand(refDb, 'b1');
    for (const change of page.changes) {
      if (change.kind === 'task') writeTask(refDb, change.task, estimate);
    }
    refDb.prepare('UPDATE sync_state SET cursor = ? WHERE id = 1').run(page.cursor);
    const ref = ((performance.now() - refStart) * 10_000) / refChanges.length;
    refDb.close();

    const applyMs = median(apply);
    rows.push(
      [
        'apply 10k-task delta (median of 5)',
        `${round(applyMs, 1)} ms (CPU ${round(median(applyCpu), 1)} ms)`,
      ],
      [
        '  reference: per-row autocommit (scaled)',
        `${round(ref, 1)} ms (×${round(ref / applyMs, 1)})`,
      ],
    );
    // JSON lines come after the table (DESIGN.md), so part 1's are written with the rest.
    const applyMetrics = () => {
      metric('sync.apply_10k', applyMs, 'ms');
      metric('sync.ref.apply_10k', ref, 'ms');
    };
    if (process.env.SYNC_BENCH_ONLY === 'apply') {
      printRows(rows);
      applyMetrics();
      return;
    }

    // 2. Initial sync of 100,000 tasks in pages of 1,000 (parse + apply + cursor per page).
    const initDb = freshDb(dir, 'initial');
    const pages = Array.from({ length: 100 }, (_, p) =>
      wirePage(taskChanges(100_000 + p * 1000, 1000)),
    );
    const initStart = performance.now();
    const initCpu = process.cpuUsage();
    for (const wire of pages) parseAndApply(initDb, wire);
    const initialSeconds = (performance.now() - initStart) / 1000;
    const initialCpuSeconds = cpuMs(process.cpuUsage(initCpu)) / 1000;

    // 3. Feed page queries (50 rows, filtered and sorted) over those 100,000 tasks.
    const sorts: FeedSort[] = ['payout', 'due', 'newest'];
    const filterSets: Partial<FeedFilters>[] = [
      {},
      { brandId: 'b2' },
      { skill: 'billing' },
      { channel: 'chat', complexity: 3 },
      { minPayoutMinor: 800 },
      { brandId: 'b3', skill: 'shipping', minPayoutMinor: 350 },
    ];
    const query: number[] = [];
    const slowest = new Map<string, number>();
    for (let i = 0; i < 600; i++) {
      const filters = { ...defaultFeedPrefs.filters, ...filterSets[i % filterSets.length] };
      const sort = sorts[Math.floor(i / filterSets.length) % sorts.length]!;
      const offset = (i % 4) * 50;
      const start = performance.now();
      listFeedPage(initDb, filters, sort, offset, 50);
      const ms = performance.now() - start;
      query.push(ms);
      const key = `${sort} ${JSON.stringify(filterSets[i % filterSets.length])}`;
      slowest.set(key, Math.max(slowest.get(key) ?? 0, ms));
    }
    initDb.close();

    rows.push(
      [
        'initial sync, 100k tasks',
        `${round(initialSeconds, 2)} s = ${Math.round(100_000 / initialSeconds)} rows/s (CPU ${round(initialCpuSeconds, 2)} s)`,
      ],
      [
        'feed page query p50 / p95',
        `${round(percentile(query, 50), 3)} / ${round(percentile(query, 95), 3)} ms`,
      ],
    );
    for (const [key, ms] of [...slowest].sort((a, b) => b[1] - a[1]).slice(0, 3)) {
      rows.push([`  slowest feed query: ${key}`.slice(0, 40), `${round(ms, 2)} ms`]);
    }
    printRows(rows);
    applyMetrics();
    metric('sync.initial_100k_rate', 100_000 / initialSeconds, 'rows/s');
    metric('sync.feed_page_p95', percentile(query, 95), 'ms');
    metric('sync.feed_page_p50', percentile(query, 50), 'ms');

    await snapshotPart(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
