/**
 * `npm run bench -- earnings`: 1,000,000 ledger entries in a real SQLite file; the dashboard
 * (today / week / month totals and ratings) and arbitrary 90-day summaries from the rollups,
 * against the same figures from a plain scan of the entries table (by its time index).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../src/core/db/open';
import { CURRENT_STATUS } from '../src/core/earnings/ledgerRepo';
import { rebuildRollups } from '../src/core/earnings/rollupRepo';
import { dashboard, periodSummary } from '../src/core/earnings/summaries';
import { saveSettings } from '../src/core/settings';
import {
  formatDay,
  periodContaining,
  dayRange,
  dayNumberAt,
  type DayRange,
} from '../src/shared/domain/time';
import { metric, percentile, round, sample } from './stats';

const ENTRIES = Number(process.env['EARNINGS_BENCH_ENTRIES'] ?? 1_000_000);
const ZONE = 'Europe/Berlin';
const NOW = Date.UTC(2026, 10, 22, 15);
const SPAN_DAYS = 1095;
const DAY = 86_400_000;
const brands = [
  ['brand-a', 'EUR'],
  ['brand-b', 'EUR'],
  ['brand-c', 'USD'],
] as const;
const statuses = ['pending', 'confirmed', 'paid'] as const;

/** Deterministic PRNG so runs are comparable. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function load(db: Db): { entries: number; cases: number; ratings: number } {
  const random = mulberry32(42);
  const insertEntry = db.prepare(
    `INSERT INTO ledger_entries (id, task_id, brand_id, kind, amount_minor, currency, status, rule_version,
                                 breakdown, occurred_at, source, outcome)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, NULL, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    'INSERT INTO ledger_status_events (entry_id, status, rank, observed_at) VALUES (?, ?, ?, ?)',
  );
  const insertCase = db.prepare(
    'INSERT INTO earnings_cases (task_id, brand_id, currency, claimed_at, resolved_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertRating = db.prepare(
    'INSERT INTO ratings (task_id, brand_id, score, comment, tip_minor, rated_at) VALUES (?, ?, ?, NULL, NULL, ?)',
  );
  let entries = 0;
  let cases = 0;
  let ratings = 0;
  const start = NOW - SPAN_DAYS * DAY;
  const step = (SPAN_DAYS * DAY) / (ENTRIES / 1.3);
  db.transaction(() => {
    while (entries < ENTRIES) {
      const taskId = `t${String(cases).padStart(8, '0')}`;
      const [brand, currency] = brands[cases % brands.length]!;
      // In time order, as a ledger grows: every index is appended to, not scattered into.
      const resolvedAt = start + Math.floor((cases + random()) * step);
      const claimedAt = resolvedAt - Math.floor(5 + random() * 55) * 60_000;
      const recent = resolvedAt > NOW - 2 * DAY;
      const status = recent ? 'estimated' : statuses[Math.floor(random() * 3)]!;
      const rank = recent ? 0 : statuses.indexOf(status as (typeof statuses)[number]) + 1;
      const add = (kind: string, amount: number, at: number) => {
        const id = `e${String(entries++).padStart(8, '0')}`;
        insertEntry.run(
          id,
          taskId,
          brand,
          kind,
          amount,
          currency,
          status,
          at,
          recent ? 'local' : 'server',
          kind === 'payout' ? 'resolved' : null,
        );
        insertEvent.run(id, status, rank, at);
      };
      add('payout', 200 + Math.floor(random() * 1000), resolvedAt);
      insertCase.run(taskId, brand, currency, claimedAt, resolvedAt);
      cases++;
      if (cases % 4 === 0 && entries < ENTRIES) {
        const score = 1 + Math.floor(random() * 5);
        insertRating.run(taskId, brand, score, resolvedAt + 3_600_000);
        ratings++;
        if (score >= 4) add('rating_bonus', score === 5 ? 150 : 50, resolvedAt + 3_600_000);
      }
      if (cases % 10 === 0 && entries < ENTRIES)
        add('tip', 100 + Math.floor(random() * 400), resolvedAt + 3_600_000);
    }
  })();
  return { entries, cases, ratings };
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

function cpuSample<T>(into: number[], fn: () => T): T {
  const since = process.cpuUsage();
  const out = fn();
  into.push(cpuMs(since));
  return out;
}

// ---------------------------------------------------------------- reference: no rollups

function refTotals(db: Db, range: DayRange) {
  const amounts = db
    .prepare(
      `SELECT e.brand_id, e.currency, ${CURRENT_STATUS} AS status, SUM(e.amount_minor), COUNT(*)
         FROM ledger_entries e
        WHERE e.occurred_at >= ? AND e.occurred_at < ?
          AND NOT EXISTS (SELECT 1 FROM ledger_supersessions x WHERE x.entry_id = e.id)
        GROUP BY 1, 2, 3`,
    )
    .raw()
    .all(range.startMs, range.endMs) as [string, string, string, number, number][];
  const cases = db
    .prepare(
      `SELECT currency, COUNT(*) FROM earnings_cases WHERE resolved_at >= ? AND resolved_at < ? GROUP BY currency`,
    )
    .raw()
    .all(range.startMs, range.endMs) as [string, number][];
  const ratings = db
    .prepare(
      'SELECT score, COUNT(*) FROM ratings WHERE rated_at >= ? AND rated_at < ? GROUP BY score',
    )
    .raw()
    .all(range.startMs, range.endMs) as [number, number][];
  const byCurrency = new Map<string, number>();
  for (const [, currency, , amount] of amounts)
    byCurrency.set(currency, (byCurrency.get(currency) ?? 0) + amount);
  const count = ratings.reduce((s, [, n]) => s + n, 0);
  const avg = count ? ratings.reduce((s, [score, n]) => s + score * n, 0) / count : null;
  return { byCurrency, cases, count, avg };
}

function refDashboard(db: Db, now: number) {
  return {
    today: refTotals(db, periodContaining(now, 'day', ZONE)),
    week: refTotals(db, periodContaining(now, 'week', ZONE)),
    month: refTotals(db, periodContaining(now, 'month', ZONE)),
  };
}

function same(a: ReturnType<typeof refTotals>, b: ReturnType<typeof dashboard>['today']): boolean {
  const fromRollup = Object.fromEntries(b.totals.map((t) => [t.currency, t.amountMinor]));
  const fromScan = Object.fromEntries([...a.byCurrency].filter(([, v]) => v !== 0));
  return JSON.stringify(fromRollup) === JSON.stringify(fromScan) && a.count === b.ratings.count;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-bench-earnings-'));
  const db = openDatabase(join(dir, 'bench.sqlite'));
  try {
    // Bulk load only (the app keeps WAL + FULL): no journal, a large cache.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    saveSettings(db, { timeZone: ZONE });
    let t = performance.now();
    let cpu = process.cpuUsage();
    const loaded = load(db);
    const loadMs = performance.now() - t;
    const loadCpu = cpuMs(cpu);
    t = performance.now();
    cpu = process.cpuUsage();
    db.transaction(() => rebuildRollups(db, ZONE))();
    const rollupMs = performance.now() - t;
    const rollupCpu = cpuMs(cpu);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('ANALYZE');

    const random = mulberry32(7);
    const someNow = () => NOW - Math.floor(random() * (SPAN_DAYS - 30)) * DAY;
    const someRange = () => {
      const to = dayNumberAt(NOW, ZONE) - Math.floor(random() * (SPAN_DAYS - 95));
      return { kind: 'custom' as const, from: formatDay(to - 89), to: formatDay(to) };
    };

    // Both answer the same figures (checked before timing).
    for (let i = 0; i < 5; i++) {
      const now = someNow();
      const fast = dashboard(db, now);
      const ref = refDashboard(db, now);
      if (
        !same(ref.today, fast.today) ||
        !same(ref.week, fast.week) ||
        !same(ref.month, fast.month)
      ) {
        throw new Error(
          `Rollup dashboard differs from the plain scan at ${new Date(now).toISOString()}`,
        );
      }
    }

    for (let i = 0; i < 200; i++) dashboard(db, someNow()); // warm-up
    const dashCpu: number[] = [];
    const dash = await sample(2000, () => cpuSample(dashCpu, () => dashboard(db, someNow())));
    const rangeCpu: number[] = [];
    const range = await sample(500, () =>
      cpuSample(rangeCpu, () => periodSummary(db, someRange(), null, NOW)),
    );
    const refDash = await sample(40, () => refDashboard(db, someNow()));
    const refRange = await sample(25, () => {
      const r = someRange();
      const from = Number(new Date(`${r.from}T00:00:00Z`)) / DAY;
      const to = Number(new Date(`${r.to}T00:00:00Z`)) / DAY;
      return refTotals(db, dayRange(from, to, ZONE));
    });

    const rows = [
      ['load entries, wall / cpu (s)', `${round(loadMs / 1000, 1)} / ${round(loadCpu / 1000, 1)}`],
      [
        'rebuild rollups, wall / cpu (s)',
        `${round(rollupMs / 1000, 1)} / ${round(rollupCpu / 1000, 1)}`,
      ],
      ['entries / cases / ratings', `${loaded.entries} / ${loaded.cases} / ${loaded.ratings}`],
      [
        'dashboard p50 / p95 (ms)',
        `${round(percentile(dash, 50))} / ${round(percentile(dash, 95))}`,
      ],
      [
        'ref dashboard p50 / p95 (ms)',
        `${round(percentile(refDash, 50))} / ${round(percentile(refDash, 95))}`,
      ],
      [
        'range90 p50 / p95 (ms)',
        `${round(percentile(range, 50))} / ${round(percentile(range, 95))}`,
      ],
      [
        'ref range90 p50 / p95 (ms)',
        `${round(percentile(refRange, 50))} / ${round(percentile(refRange, 95))}`,
      ],
      [
        'dashboard speed-up (ref p95 / p95)',
        round(percentile(refDash, 95) / percentile(dash, 95), 1),
      ],
      [
        'range90 speed-up (ref p95 / p95)',
        round(percentile(refRange, 95) / percentile(range, 95), 1),
      ],
    ] as const;
    for (const [name, value] of rows) console.log(`${name.padEnd(38)} ${value}`);

    metric('earnings.dashboard_p95', percentile(dash, 95), 'ms');
    metric('earnings.range90_p95', percentile(range, 95), 'ms');
    metric('earnings.ref.dashboard_p95', percentile(refDash, 95), 'ms');
    metric('earnings.ref.range90_p95', percentile(refRange, 95), 'ms');
    // CPU time per call: what the figures are without other processes on the same cores.
    metric('earnings.dashboard_cpu_p95', percentile(dashCpu, 95), 'ms');
    metric('earnings.range90_cpu_p95', percentile(rangeCpu, 95), 'ms');
    metric('earnings.load_1m', loadMs / 1000, 's');
    metric('earnings.rollup_rebuild', rollupMs / 1000, 's');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
