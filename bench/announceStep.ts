/**
 * The after-sync announce step (feed/notifications.ts) on an app database the sync bench filled:
 * what it costs Electron's main thread (this thread) once a sync changed something, beside the
 * same step as it ran before, all on this thread (`.ref.`), in one run. Before each run `fresh`
 * tasks are made new again (a sync's new tasks), and the advocate is given a skill, so that both
 * announce and count.
 */
import { openDatabase, type Db } from '../src/core/db/open';
import type { AnnounceWorkerEntry } from '../src/core/feed/announceProtocol';
import { AnnounceRunner } from '../src/core/feed/announceRunner';
import { announceNewTasks } from '../src/core/feed/notifications';
import {
  countMatchingOpen,
  markAllAnnounced,
  unannouncedMatching,
} from '../src/core/feed/notifyRepo';
import type { DesktopShell } from '../src/core/services';
import { defaultSettings, type Settings } from '../src/shared/settings';
import { perTaskMatchingCount } from '../test/support/badgeModel';
import { metric, round } from './stats';

const threadCpuMs = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * This thread's CPU for `fn`, in all (including the turns it waits across; nothing else runs
 * here) and the most between two ticks of a 1 ms timer: its longest turn (with the timer's own).
 */
async function cpuOf(fn: () => unknown): Promise<{ total: number; turn: number }> {
  const start = threadCpuMs();
  let last = start;
  let turn = 0;
  const tick = () => {
    const now = threadCpuMs();
    turn = Math.max(turn, now - last);
    last = now;
  };
  const timer = setInterval(tick, 1);
  await fn();
  tick();
  clearInterval(timer);
  return { total: threadCpuMs() - start, turn };
}

const settings: Settings = { ...defaultSettings, timeZone: 'UTC' };
const noon = Date.UTC(2026, 5, 1, 12, 0);

export async function announceStepBench(
  file: string,
  worker: AnnounceWorkerEntry,
  rows: [string, string][],
  fresh = 100,
): Promise<void> {
  const db = openDatabase(file);
  db.prepare(`UPDATE memberships SET skills = '["billing"]'`).run();
  const tasks = db.prepare('SELECT count(*) FROM tasks').pluck().get() as number;
  const every = Math.max(1, Math.floor(tasks / fresh));
  const renew = () => db.prepare('UPDATE tasks SET notified = 0 WHERE rowid % ? = 0').run(every);
  const badges: number[] = [];
  const desktop: DesktopShell = {
    notify: () => {},
    setBadgeCount: (n) => void badges.push(n),
  };
  const runner = new AnnounceRunner(db, worker);
  // Before: every read on this thread.
  const before = (d: Db) => {
    unannouncedMatching(d, 0, 3);
    markAllAnnounced(d);
    badges.push(perTaskMatchingCount(d, 0));
  };
  const after = () => announceNewTasks(db, desktop, settings, noon, { initial: false }, runner);
  try {
    // The worker's start (a thread and a connection, once per session) is not a sync's cost.
    renew();
    await after();
    const cpu = { before: [] as number[], after: [] as number[] };
    const turns = { before: [] as number[], after: [] as number[] };
    for (const which of ['before', 'after', 'after', 'before', 'before', 'after'] as const) {
      renew();
      const used = await cpuOf(which === 'before' ? () => before(db) : after);
      cpu[which].push(used.total);
      turns[which].push(used.turn);
    }
    // The badge query alone, both ways, on this thread (in the app the new one runs on the worker).
    const count = { old: [] as number[], grouped: [] as number[] };
    for (const which of ['old', 'grouped', 'grouped', 'old'] as const) {
      const fn = which === 'old' ? perTaskMatchingCount : countMatchingOpen;
      count[which].push((await cpuOf(() => fn(db, 0))).total);
    }
    if (new Set(badges).size !== 1) throw new Error(`badge counts differ: ${badges.join(', ')}`);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const list = (xs: number[]) => xs.map((x) => round(x, 1)).join(', ');
    rows.push(
      [
        `after-sync announce (${fresh} new of ${tasks}), main thread CPU`,
        `${round(mean(cpu.after), 1)} ms (${list(cpu.after)}; before: ${round(mean(cpu.before), 1)} ms: ${list(cpu.before)}), badge ${badges[0]}`,
      ],
      [
        `  longest turn`,
        `${round(Math.max(...turns.after), 1)} ms (${list(turns.after)}; before: ${list(turns.before)})`,
      ],
      [
        `  badge count query CPU`,
        `${round(mean(count.grouped), 1)} ms on the worker (${list(count.grouped)}; per task: ${list(count.old)})`,
      ],
    );
    metric('sync.badge_count_ms', Math.max(...turns.after), 'ms');
    metric('sync.ref.badge_count_ms', Math.max(...turns.before), 'ms');
    metric('sync.badge_step_cpu_ms', mean(cpu.after), 'ms');
    metric('sync.ref.badge_step_cpu_ms', mean(cpu.before), 'ms');
    metric('sync.badge_query_cpu_ms', mean(count.grouped), 'ms');
    metric('sync.ref.badge_query_cpu_ms', mean(count.old), 'ms');
  } finally {
    await runner.close();
    db.close();
  }
}
