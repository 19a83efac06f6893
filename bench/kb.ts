/**
 * `npm run bench -- kb`: the offline knowledge base at 100,000 articles of ~300 words (seeded,
 * Zipf-like words), then search quality on real documentation (kbQuality.ts). Gigdesk (SQLite FTS5 + bounded ranking, kb/search.ts) against MiniSearch on
 * the same corpus in the same run. Each engine is measured in its own process, so "added RSS"
 * is that engine's alone. `KB_BENCH_ARTICLES` overrides the corpus size; `KB_BENCH_PART=speed`
 * or `=quality` runs that part alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openDatabase } from '../src/core/db/open';
import { applyArticleChange, optimizeArticleIndex } from '../src/core/kb/apply';
import { corpus } from './kbCorpus';
import { runQuality } from './kbQuality';
import { metric, percentile, round } from './stats';

interface Probe {
  child: ChildProcess;
  next: (phase: string) => Promise<Record<string, unknown>>;
}

function probe(args: string[]): Probe {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=6144', '--import', 'tsx', join(__dirname, 'kbProbe.ts'), ...args],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const seen: Record<string, unknown>[] = [];
  const waiting: { phase: string; resolve: (m: Record<string, unknown>) => void }[] = [];
  lines.on('line', (line) => {
    const message = JSON.parse(line) as Record<string, unknown>;
    const w = waiting.findIndex((x) => x.phase === message['phase']);
    if (w >= 0) waiting.splice(w, 1)[0]!.resolve(message);
    else seen.push(message);
  });
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) => reject(new Error(`kb probe ${args[0]} exited (${code})`))),
  );
  exited.catch(() => undefined);
  return {
    child,
    next: (phase) => {
      const i = seen.findIndex((m) => m['phase'] === phase);
      if (i >= 0) return Promise.resolve(seen.splice(i, 1)[0]!);
      return Promise.race([
        new Promise<Record<string, unknown>>((resolve) => waiting.push({ phase, resolve })),
        exited,
      ]);
    },
  };
}

const cpuS = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Wall-clock and CPU seconds (CPU stays meaningful when other processes share the cores). */
function build(file: string, count: number): { wall: number; cpu: number } {
  const start = performance.now();
  const cpuStart = cpuS();
  const db = openDatabase(file);
  const c = corpus(42);
  db.transaction(() => {
    let seq = 1;
    for (const a of c.articles(count)) {
      applyArticleChange(db, {
        seq: seq++,
        kind: 'article',
        article: {
          id: a.id,
          brandId: a.brandId,
          externalRef: a.id,
          title: a.title,
          bodyMarkdown: a.body,
          tags: a.tags,
          updatedAt: a.updatedAt,
        },
      });
    }
  })();
  optimizeArticleIndex(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { wall: (performance.now() - start) / 1000, cpu: cpuS() - cpuStart };
}

type Latencies = Record<
  'word1' | 'common1' | 'word2' | 'prefix' | 'word1_cpu' | 'word2_cpu' | 'prefix_cpu',
  number[]
>;

export async function run(): Promise<void> {
  const part = process.env['KB_BENCH_PART'];
  if (part !== undefined && part !== 'speed' && part !== 'quality') {
    throw new Error(`KB_BENCH_PART is "speed" or "quality", not "${part}"`);
  }
  if (part !== 'quality') await runSpeed();
  if (part !== 'speed') runQuality();
}

async function runSpeed(): Promise<void> {
  const count = Number(process.env['KB_BENCH_ARTICLES'] ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-bench-kb-'));
  const file = join(dir, 'kb.sqlite');
  // MiniSearch builds its copy of the corpus (same seed) while SQLite builds its own.
  const ref = probe(['minisearch', file, String(count)]);
  try {
    const built = build(file, count);
    const refBuilt = await ref.next('built');
    const ours = await probe(['gigdesk', file]).next('done');
    ref.child.stdin!.write('go\n');
    const refDone = await ref.next('done');

    const g = ours['latencies'] as Latencies;
    const r = refDone['latencies'] as Latencies;
    const rows: [string, number, number, string][] = [
      ['build (s)', built.wall, refBuilt['buildS'] as number, 's'],
      ['build cpu (s)', built.cpu, refBuilt['buildCpuS'] as number, 's'],
      ['added RSS (MB)', ours['rssAdded'] as number, refBuilt['rssAdded'] as number, 'MB'],
    ];
    for (const [name, list] of [
      ['word1', 'word1'],
      ['common1', 'common1'],
      ['word2', 'word2'],
      ['prefix', 'prefix'],
      ['word1 cpu', 'word1_cpu'],
      ['word2 cpu', 'word2_cpu'],
      ['prefix cpu', 'prefix_cpu'],
    ] as const) {
      for (const p of [50, 95, 99])
        rows.push([`${name} p${p} (ms)`, percentile(g[list], p), percentile(r[list], p), 'ms']);
    }
    console.log(
      `kb: ${count.toLocaleString('en')} articles; modes ${JSON.stringify(ours['modes'])}`,
    );
    console.table(
      rows.map(([what, gig, mini]) => ({
        what,
        gigdesk: round(gig, 2),
        minisearch: round(mini, 2),
      })),
    );

    const pair = (name: string, gig: number, mini: number, unit: 'ms' | 'MB' | 's') => {
      metric(`kb.${name}`, gig, unit);
      metric(`kb.ref.${name}`, mini, unit);
    };
    pair('build_100k', built.wall, refBuilt['buildS'] as number, 's');
    pair('build_100k_cpu', built.cpu, refBuilt['buildCpuS'] as number, 's');
    pair('rss_added', ours['rssAdded'] as number, refBuilt['rssAdded'] as number, 'MB');
    pair('word1_p50', percentile(g.word1, 50), percentile(r.word1, 50), 'ms');
    pair('word1_p95', percentile(g.word1, 95), percentile(r.word1, 95), 'ms');
    pair('word1_p99', percentile(g.word1, 99), percentile(r.word1, 99), 'ms');
    pair('word1_common_p95', percentile(g.common1, 95), percentile(r.common1, 95), 'ms');
    pair('word2_p95', percentile(g.word2, 95), percentile(r.word2, 95), 'ms');
    pair('prefix_p95', percentile(g.prefix, 95), percentile(r.prefix, 95), 'ms');
    pair('word1_cpu_p95', percentile(g.word1_cpu, 95), percentile(r.word1_cpu, 95), 'ms');
    pair('word2_cpu_p95', percentile(g.word2_cpu, 95), percentile(r.word2_cpu, 95), 'ms');
    pair('prefix_cpu_p95', percentile(g.prefix_cpu, 95), percentile(r.prefix_cpu, 95), 'ms');
    metric('kb.snippet_p95', percentile(ours['snippet'] as number[], 95), 'ms');
    metric('kb.snippet_cpu_p95', percentile(ours['snippetCpu'] as number[], 95), 'ms');
  } finally {
    ref.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
