/**
 * The next-best action panel (issue 20): `tickets.nba_p95` is one whole panel computation in the
 * core (learning pass, the brand's 500 macros matched, the KB's suggestions among 100,000
 * articles ranked with what was learned, the hand-off line and its payouts, what was shown
 * recorded), against the reference `tickets.ref.nba_p95`: the plain KB suggest call alone for the
 * same ticket, in the same run on the same file. Both run in-process (in the app the KB part runs
 * on the search worker thread). `NBA_BENCH_ARTICLES` overrides the corpus size; `NBA_BENCH_DB`
 * names a file to keep the built database in and reuse on the next run (a build of 100,000
 * articles takes minutes).
 * Run alone with `npm run bench -- nba`, or as part of `npm run bench -- tickets`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../src/core/db/open';
import { applyArticleChange, optimizeArticleIndex } from '../src/core/kb/apply';
import { ArticleSearch, type SearchOutcome } from '../src/core/kb/search';
import { searchSession } from '../src/core/kb/searchSession';
import { ticketLanguageFirst } from '../src/core/kb/suggestions';
import { MacroMatcher } from '../src/core/nba/macroMatch';
import { nextBestAction } from '../src/core/nba/panel';
import { writeMembership } from '../src/core/repos/brandsRepo';
import { writeSession, type SessionRow } from '../src/core/repos/sessionRepo';
import { suggestionText } from '../src/shared/contract/kb';
import { testPayoutRules } from '../test/support/taskViews';
import { corpus } from './kbCorpus';
import { metric, percentile, round } from './stats';

const ARTICLES = Number(process.env['NBA_BENCH_ARTICLES'] ?? 100_000);
const MACROS = 500;
const TICKETS = 200;
const SAMPLES = 400;
/** Past cases whose suggestions, uses and outcomes are already learned. */
const HISTORY = 3_000;
const BRAND = 'brand-a';
const T = Date.UTC(2026, 11, 1);

const me: SessionRow = {
  serverUrl: 'http://127.0.0.1:1',
  advocateId: 'adv-1',
  advocateName: 'Mira Holm',
  advocateHandle: 'mira',
  isDemo: false,
  signedInAt: T,
};

function load(db: Db): string[] {
  const c = corpus(42);
  const sentence = (n: number) => Array.from({ length: n }, () => c.words[c.nextRank()]!).join(' ');
  db.transaction(() => {
    let seq = 1;
    for (const a of c.articles(ARTICLES)) {
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
  db.transaction(() => {
    writeSession(db, me);
    db.prepare(
      `INSERT INTO brands (id, name, currency, updated_at) VALUES (?, 'Fjellhavn', 'EUR', ?)`,
    ).run(BRAND, T);
    writeMembership(db, { brandId: BRAND, tier: 0, skills: [], suspended: false, languages: [] });
    db.prepare(
      'INSERT INTO payout_rules (brand_id, version, rules, effective_from) VALUES (?, 1, ?, ?)',
    ).run(BRAND, JSON.stringify(testPayoutRules), T);
    const macro = db.prepare(
      `INSERT INTO macros (id, brand_id, title, body, updated_at) VALUES (?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < MACROS; i++) {
      macro.run(
        `m${i}`,
        BRAND,
        sentence(3 + (i % 4)),
        `Hi {{customer.firstName}}, ${sentence(60)}`,
        T,
      );
    }
    const task = db.prepare(
      `INSERT INTO tasks (id, brand_id, external_ref, subject, channel, complexity, status, holder_id,
         lease_expires_at, customer_name, sla_due_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'email', ?, 'claimed', ?, ?, 'Ingrid Berg', ?, ?, ?)`,
    );
    const message = db.prepare(
      `INSERT INTO messages (id, task_id, author_kind, author_name, visibility, body, created_at)
       VALUES (?, ?, 'customer', 'Ingrid Berg', 'public', ?, ?)`,
    );
    for (let i = 0; i < TICKETS; i++) {
      const id = `t${i}`;
      task.run(
        id,
        BRAND,
        id,
        sentence(6),
        1 + (i % 5),
        me.advocateId,
        T + 3_600_000,
        T + 1_800_000,
        T,
        T,
      );
      message.run(`msg${i}`, id, sentence(80), T);
    }
    // The learned state of an advocate with a long history on the brand.
    const shown = db.prepare(
      `INSERT OR IGNORE INTO nba_shown (task_id, brand_id, kind, item_id) VALUES (?, ?, ?, ?)`,
    );
    const used = db.prepare(
      `INSERT OR IGNORE INTO nba_uses (task_id, brand_id, kind, item_id, used_at) VALUES (?, ?, ?, ?, ?)`,
    );
    const learned = db.prepare(
      `INSERT INTO nba_learned (task_id, outcome_at, rating_at) VALUES (?, ?, ?)`,
    );
    const counts = db.prepare(
      `INSERT INTO nba_counts (brand_id, kind, item_id, accepted, ignored, closed, resolved, well_rated)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    for (let h = 0; h < HISTORY; h++) {
      const taskId = `past${h}`;
      for (let k = 0; k < 3; k++) {
        shown.run(taskId, BRAND, 'macro', `m${(h * 7 + k) % MACROS}`);
        shown.run(taskId, BRAND, 'article', `a${((h * 13 + k) % (ARTICLES / 10)) * 10 + 1}`);
      }
      used.run(taskId, BRAND, 'macro', `m${(h * 7) % MACROS}`, T);
      learned.run(taskId, T, T);
    }
    for (let i = 0; i < MACROS; i += 2) counts.run(BRAND, 'macro', `m${i}`, 5, 3, 10, 8, i % 7);
    for (let i = 1; i < ARTICLES; i += 50) counts.run(BRAND, 'article', `a${i}`, 2, 4, 6, 5, i % 5);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return Array.from({ length: TICKETS }, (_, i) => `t${i}`);
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function timed(count: number, fn: (i: number) => unknown) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < count; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    await fn(i);
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  return { wall, cpu };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-bench-nba-'));
  const kept = process.env['NBA_BENCH_DB'];
  const reuse = kept !== undefined && existsSync(kept);
  const db = openDatabase(kept ?? join(dir, 'nba.sqlite'));
  try {
    const buildStart = performance.now();
    const tickets = reuse ? Array.from({ length: TICKETS }, (_, i) => `t${i}`) : load(db);
    const buildS = (performance.now() - buildStart) / 1000;
    const searcher = new ArticleSearch(db);
    const panelSearch = searchSession(db);
    const macros = new MacroMatcher();
    const textOf = (taskId: string) => {
      const row = db
        .prepare(
          `SELECT t.subject, m.body FROM tasks t JOIN messages m ON m.task_id = t.id WHERE t.id = ?`,
        )
        .get(taskId) as { subject: string; body: string };
      return suggestionText(row.subject, row.body);
    };
    const deps = () => ({
      db,
      macros,
      now: T,
      // As the app's search worker answers the panel (kb/searchSession.ts), in-process.
      suggest: async (r: {
        text: string;
        brandId: string;
        language: string | null;
        limit: number;
      }) => {
        const request = { text: r.text, brandId: r.brandId, tag: null, limit: r.limit };
        const outcome = panelSearch({ id: 0, kind: 'nbaSuggest', request }) as SearchOutcome;
        return ticketLanguageFirst(db, outcome.hits, r.language);
      },
    });
    // The first panel of a brand analyzes its macros once.
    const cold = await timed(1, () => nextBestAction(deps(), me, tickets[0]!));
    const check = await nextBestAction(deps(), me, tickets[1]!);
    if (check.macros.length === 0 || check.articles.length === 0) {
      throw new Error('the bench ticket got no suggestions');
    }
    const texts = tickets.map(textOf);
    // Interleaved, so that load from others hits both alike.
    const panel = { wall: [] as number[], cpu: [] as number[] };
    const reference = { wall: [] as number[], cpu: [] as number[] };
    // Each ticket's terms and pages are warm for whichever runs second: alternate the order.
    for (let i = 0; i < SAMPLES; i++) {
      const n = i % tickets.length;
      const runPanel = async () => {
        const p = await timed(1, () => nextBestAction(deps(), me, tickets[n]!));
        panel.wall.push(...p.wall);
        panel.cpu.push(...p.cpu);
      };
      const runReference = async () => {
        const r = await timed(1, () =>
          searcher.suggest({ text: texts[n]!, brandId: BRAND, tag: null, limit: 12 }),
        );
        reference.wall.push(...r.wall);
        reference.cpu.push(...r.cpu);
      };
      if (i % 2 === 0) {
        await runPanel();
        await runReference();
      } else {
        await runReference();
        await runPanel();
      }
    }
    const p95 = percentile(panel.wall, 95);
    const ref95 = percentile(reference.wall, 95);
    console.log(
      `nba: ${ARTICLES.toLocaleString('en')} articles, ${MACROS} macros, ${HISTORY} learned cases; ` +
        `${reuse ? 'reused' : 'built'} in ${round(buildS, 1)} s; panel p95 ${round(p95, 2)} ms vs KB suggest alone ${round(ref95, 2)} ms`,
    );
    metric('tickets.nba_p50', percentile(panel.wall, 50), 'ms');
    metric('tickets.nba_p95', p95, 'ms');
    metric('tickets.nba_cpu_p50', percentile(panel.cpu, 50), 'ms');
    metric('tickets.nba_cpu_p95', percentile(panel.cpu, 95), 'ms');
    metric('tickets.nba_cold_ms', cold.wall[0]!, 'ms');
    metric('tickets.ref.nba_p50', percentile(reference.wall, 50), 'ms');
    metric('tickets.ref.nba_p95', ref95, 'ms');
    metric('tickets.ref.nba_cpu_p50', percentile(reference.cpu, 50), 'ms');
    metric('tickets.ref.nba_cpu_p95', percentile(reference.cpu, 95), 'ms');
    metric('tickets.nba_p95_over_ref', p95 / ref95, 'ratio');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
