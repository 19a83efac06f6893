/**
 * `npm run bench -- render`: the real renderer (built by `npx electron-vite build` into
 * out/renderer) in Chromium, wired to the real handlers, a real SQLite file and the demo feed
 * server exactly as the end-to-end tests run it (test/e2e/harness.ts).
 *
 * - Hostile markup: every payload of the hostile corpus (test/renderer/hostile/corpus.ts, deep
 *   lists included) stored as a KB article; each is opened RUNS times from the search results,
 *   from the click to the frame after the article is in the page. `render.hostile.<name>_p95`
 *   per payload, `render.hostile_p95` the worst of them; `render.ref.hostile_p95` an ordinary
 *   article opened the same way.
 * - Earnings: sidebar click → Earnings view painted (figures and chart in the page), after
 *   three months of cases in the ledger; `render.ref.earnings_switch_p95` the same switch to Feed.
 *
 * Each figure is wall time (click to the next frame); `render.cpu.*` is the page main thread's
 * CPU time over the same span, which a machine busy with other work does not inflate.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { applyArticleChange } from '../src/core/kb/apply';
import { applyLedgerEntry, applyRating } from '../src/core/earnings/apply';
import { computeCasePayout, type PayoutRules } from '../src/shared/domain/payout';
import type { LedgerEntryView } from '../src/shared/protocol';
import { startGigdeskApp } from '../test/e2e/harness';
import {
  hugeMessage,
  injection,
  pathological,
  stackOverflow,
} from '../test/renderer/hostile/corpus';
import { chromiumArgs, findChromium } from '../test/support/chromium';
import { serveDirectory } from '../test/support/staticServer';
import { metric, percentile } from './stats';

const RUNS = Number(process.env['RENDER_BENCH_RUNS'] ?? 20);
const CASES = Number(process.env['RENDER_BENCH_CASES'] ?? 1_500);
/** `hostile` or `earnings` runs that part alone (profiling); both by default. */
const PART = process.env['RENDER_BENCH_PART'] ?? 'all';
const rendererRoot = resolve(__dirname, '../out/renderer');
const DAY = 86_400_000;

/** Every payload a customer or a compromised feed could send, by name. */
function payloads(): [string, string][] {
  return [
    ...Object.entries(injection),
    ...Object.entries(pathological),
    ['stackOverflow', stackOverflow],
    ['message20k', hugeMessage(20_000).slice(0, 20_000)],
  ];
}

/** A search token per article that no other title starts with (same length, letters only). */
const token = (i: number) =>
  `qz${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`;

/**
 * In the page: clicks `target`, waits until `ready()` holds, then for the next frame; answers
 * the milliseconds. A string, so the bundler's helpers never leak into the page.
 */
const TIMED_CLICK = `async ({ target, ready }) => {
  const find = new Function('return (' + target + ')')();
  const done = new Function('return (' + ready + ')')();
  const button = find();
  if (!button) throw new Error('nothing to click: ' + target);
  const t0 = performance.now();
  button.click();
  await new Promise((resolve) => {
    if (done()) return resolve();
    const observer = new MutationObserver(() => {
      if (done()) { observer.disconnect(); resolve(); }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - t0;
}`;

interface Timing {
  /** Click to the frame after: what the advocate waits. */
  wall: number;
  /** CPU time of the page's main thread meanwhile: what a busy machine cannot inflate. */
  cpu: number;
}

async function threadTime(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
}

async function timedClick(
  page: Page,
  cdp: CDPSession,
  target: string,
  ready: string,
): Promise<Timing> {
  const before = await threadTime(cdp);
  const wall = await page.evaluate(
    ({ fn, target, ready }) =>
      (new Function(`return (${fn})`)() as (a: object) => number)({ target, ready }),
    { fn: TIMED_CLICK, target, ready },
  );
  const cpu = (await threadTime(cdp)) - before;
  // Let what the click set going (second renders, effects, list measuring) finish, so that it
  // is not charged to the next click.
  await page.waitForTimeout(150);
  await page.evaluate(SETTLE);
  return { wall, cpu };
}

/** Writes one switch's CPU profile beside `path` (…-2.cpuprofile, …-3.cpuprofile…). */
const save =
  (path: string, run: number) =>
  ({ profile }: { profile: unknown }) =>
    writeFileSync(path.replace(/(\.cpuprofile)?$/, `-${run}.cpuprofile`), JSON.stringify(profile));

const SETTLE = `new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }))`;

const js = (value: string) => JSON.stringify(value);
const navButton = (name: string) =>
  `() => [...document.querySelectorAll('nav[aria-label="Main"] button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim().startsWith(${js(name)}))`;
const mainView = (name: string) => `document.querySelector('main[aria-label=${js(name)}]')`;

async function waitFor(page: Page, ready: string, what: string): Promise<void> {
  await page
    .waitForFunction(`(${ready})()`, undefined, { timeout: 60_000 })
    .catch((error: unknown) => {
      throw new Error(`render bench: ${what} never appeared (${String(error)})`);
    });
}

function seedEarnings(db: Parameters<typeof applyLedgerEntry>[0], brandId: string, now: number) {
  const rules: PayoutRules = {
    currency: 'EUR',
    basePerComplexity: { '1': 200, '2': 350, '3': 500, '4': 800, '5': 1200 },
    outcomeMultiplierBps: { resolved: 10_000, escalated: 6_000, transferred: 3_000 },
    ratingBonus: { '1': 0, '2': 0, '3': 0, '4': 50, '5': 150 },
  };
  const outcomes = ['resolved', 'resolved', 'resolved', 'escalated', 'transferred'] as const;
  const statuses = ['pending', 'confirmed', 'paid'] as const;
  for (let i = 0; i < CASES; i++) {
    const outcome = outcomes[i % outcomes.length]!;
    const complexity = 1 + (i % 5);
    const payout = computeCasePayout(rules, 1, { complexity, outcome });
    const occurredAt = now - Math.floor(((i + 0.5) / CASES) * 90 * DAY);
    const entry: LedgerEntryView = {
      id: `bench-L${i}`,
      taskId: `bench-t${i}`,
      brandId,
      kind: 'case',
      outcome,
      amountMinor: payout.totalMinor,
      currency: 'EUR',
      status: statuses[i % statuses.length]!,
      ruleVersion: 1,
      lines: payout.lines,
      occurredAt,
    };
    applyLedgerEntry(db, entry);
    if (i % 3 === 0) {
      applyRating(db, {
        taskId: entry.taskId,
        brandId,
        score: 1 + (i % 5),
        comment: null,
        tipMinor: null,
        ratedAt: occurredAt + 3_600_000,
      });
    }
  }
}

export async function run(): Promise<void> {
  if (!existsSync(resolve(rendererRoot, 'index.html'))) {
    throw new Error('render bench: build the renderer first (`npx electron-vite build`).');
  }
  const served = await serveDirectory(rendererRoot);
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  // The page's CSP forbids eval; the timing probes below are handed in as strings, so this page
  // lets them run (CSP only decides what may load or run, not how fast anything renders).
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // tsx compiles this file with esbuild's keepNames: functions handed to the page may call its
  // __name helper, which only exists here.
  await page.addInitScript('globalThis.__name = (f) => f');
  const app = await startGigdeskApp(page, served.url);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  try {
    await app.open();
    await page.getByRole('button', { name: 'Open the demo workspace' }).click();
    await waitFor(
      page,
      `() => !!${mainView('Feed')}?.querySelector('[data-task-id]')`,
      'the demo feed',
    );
    const brandId = app.db.prepare('SELECT id FROM brands LIMIT 1').pluck().get() as string;

    // ------------------------------------------------------------ hostile markup
    const list = PART === 'earnings' ? [] : payloads();
    const reference = hugeMessage(3_000);
    const articles = [...list, ['reference', reference] as [string, string]].map(
      ([name, body], i) => ({ name, body, title: `Benchmark ${token(i)}`, search: token(i) }),
    );
    app.db.transaction(() => {
      articles.forEach((a, i) =>
        applyArticleChange(app.db, {
          seq: 1_000_000 + i,
          kind: 'article',
          article: {
            id: `bench-${a.search}`,
            brandId,
            externalRef: `bench-${a.name}`,
            title: a.title,
            bodyMarkdown: a.body,
            tags: ['benchmark'],
            updatedAt: Date.now(),
          },
        }),
      );
    })();

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Knowledge base' })
      .click();
    const kb = page.getByRole('main', { name: 'Knowledge base' });
    const samples = new Map<string, Timing[]>();
    for (const a of articles) {
      await kb.getByLabel('Search the knowledge base').fill(a.search);
      const result = kb
        .getByRole('list', { name: 'Search results' })
        .getByRole('button', { name: new RegExp(a.title) });
      await result.first().waitFor();
      const open = `() => [...document.querySelectorAll('[aria-label="Search results"] button')].find((b) => b.textContent.includes(${js(a.title)}))`;
      const shown = `() => !!document.querySelector('article[aria-label=${js(a.title)}] .markdown')`;
      const times: Timing[] = [];
      for (let r = 0; r < RUNS + 2; r++) {
        const close = kb.getByRole('button', { name: 'Close article' });
        if (await close.count()) await close.click();
        const timing = await timedClick(page, cdp, open, shown);
        if (r >= 2) times.push(timing); // the first two warm the code paths up
      }
      samples.set(a.name, times);
    }

    // ------------------------------------------------------------ earnings switch
    seedEarnings(app.db, brandId, Date.now());
    const earningsPainted = `() => { const m = ${mainView('Earnings')}; return !!m && !/Loading/.test(m.textContent) && !!m.querySelector('figure li'); }`;
    const feedPainted = `() => !!${mainView('Feed')}?.querySelector('[data-task-id]')`;
    const earnings: Timing[] = [];
    const feed: Timing[] = [];
    // RENDER_BENCH_PROFILE=file.cpuprofile: the page's JavaScript CPU profile over the Earnings
    // switches (open it in Chromium's DevTools, Performance panel), to see where the time goes.
    const profile = process.env['RENDER_BENCH_PROFILE'];
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    }
    for (let r = 0; r < (PART === 'hostile' ? 0 : RUNS + 2); r++) {
      if (profile && r === 2) await cdp.send('Profiler.start');
      const e = await timedClick(page, cdp, navButton('Earnings'), earningsPainted);
      if (profile && r >= 2) await cdp.send('Profiler.stop').then(save(profile, r));
      const f = await timedClick(page, cdp, navButton('Feed'), feedPainted);
      if (profile && r >= 2 && r < RUNS + 1) await cdp.send('Profiler.start');
      if (r >= 2) {
        earnings.push(e);
        feed.push(f);
      }
    }

    if (pageErrors.length > 0) console.error('render bench: page errors:', pageErrors);
    const p = (times: Timing[], key: keyof Timing, q: number) =>
      percentile(
        times.map((t) => t[key]),
        q,
      );
    const row = (times: Timing[]) => ({
      wall_p50: p(times, 'wall', 50).toFixed(1),
      wall_p95: p(times, 'wall', 95).toFixed(1),
      cpu_p50: p(times, 'cpu', 50).toFixed(1),
      cpu_p95: p(times, 'cpu', 95).toFixed(1),
    });
    console.table([...samples].map(([name, times]) => ({ payload: name, ...row(times) })));
    console.table([
      { switch: 'Earnings', ...row(earnings) },
      { switch: 'Feed (ref)', ...row(feed) },
    ]);
    let worst = 0;
    let worstCpu = 0;
    for (const [name, times] of PART === 'earnings' ? [] : samples) {
      if (name === 'reference') continue;
      worst = Math.max(worst, p(times, 'wall', 95));
      worstCpu = Math.max(worstCpu, p(times, 'cpu', 95));
      metric(`render.hostile.${name}_p95`, p(times, 'wall', 95), 'ms');
    }
    if (PART !== 'earnings') {
      const ordinary = samples.get('reference')!;
      metric('render.hostile_p95', worst, 'ms');
      metric('render.ref.hostile_p95', p(ordinary, 'wall', 95), 'ms');
      metric('render.cpu.hostile_p95', worstCpu, 'ms');
      metric('render.ref.cpu.hostile_p95', p(ordinary, 'cpu', 95), 'ms');
    }
    if (PART !== 'hostile') {
      metric('render.earnings_switch_p95', p(earnings, 'wall', 95), 'ms');
      metric('render.ref.earnings_switch_p95', p(feed, 'wall', 95), 'ms');
      metric('render.cpu.earnings_switch_p95', p(earnings, 'cpu', 95), 'ms');
      metric('render.ref.cpu.earnings_switch_p95', p(feed, 'cpu', 95), 'ms');
    }
  } finally {
    await app.close();
    await browser.close();
    await served.close();
  }
}
