import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../src/shared/settings';
import { announceNewTasks, inQuietHours } from '../../../src/core/feed/notifications';
import { AnnounceRunner } from '../../../src/core/feed/announceRunner';
import { announceWorkerForTests } from '../../support/announceWorker';
import { createTestCore, type TestCore } from '../../support/core';
import { feedChanges } from '../../support/taskViews';
import { applyPage } from '../../support/sync';

let core: TestCore;
let runner: AnnounceRunner;
beforeEach(() => {
  core = createTestCore();
  // The feed is read on the worker thread, as in the app.
  runner = new AnnounceRunner(core.db, announceWorkerForTests);
  applyPage(core.db, { changes: feedChanges(10), cursor: 'c1' }, 0);
});
afterEach(async () => {
  await runner.close();
  await core.close();
});

const noon = Date.UTC(2026, 5, 1, 12, 0);
const settings = (patch: Partial<Settings['notifications']> = {}): Settings => ({
  ...defaultSettings,
  timeZone: 'UTC',
  notifications: { ...defaultSettings.notifications, ...patch },
});
const announce = (s: Settings, initial = false) =>
  announceNewTasks(core.db, core.services.desktop, s, noon, { initial }, runner);

it('stays quiet on the first sync but sets the badge to the matching open tasks', async () => {
  await announce(settings(), true);
  expect(core.desktop.notifications).toEqual([]);
  // The advocate has the billing skill: the 5 even tasks match.
  expect(core.desktop.badge).toBe(5);
});

it('announces one new matching task, and bundles many into one notification', async () => {
  await announce(settings(), true);
  applyPage(core.db, { changes: feedChanges(2, 10), cursor: 'c2' }, 0);
  await announce(settings());
  expect(core.desktop.notifications).toEqual([
    { title: 'New task in your feed', body: 'Subject 10', taskId: 't10' },
  ]);

  applyPage(core.db, { changes: feedChanges(12, 20), cursor: 'c3' }, 0);
  await announce(settings());
  expect(core.desktop.notifications).toHaveLength(2);
  expect(core.desktop.notifications[1]!.title).toBe('6 new tasks in your feed');
  expect(core.desktop.notifications[1]!.body).toContain('…and 3 more');
  // A click opens the best-paid of them: the one listed first.
  const first = core.desktop.notifications[1]!.body.split('\n')[0]!;
  expect(core.desktop.notifications[1]!.taskId).toBe(`t${first.replace('Subject ', '')}`);
  expect(core.desktop.badge).toBe(12);
  // Nothing is announced twice.
  await announce(settings());
  expect(core.desktop.notifications).toHaveLength(2);
});

it('respects the minimum payout, the off switch and quiet hours', async () => {
  await announce(settings(), true);
  applyPage(core.db, { changes: feedChanges(4, 10), cursor: 'c2' }, 0);
  await announce(settings({ enabled: false }));
  applyPage(core.db, { changes: feedChanges(4, 20), cursor: 'c3' }, 0);
  await announce(settings({ quietHours: { start: '22:00', end: '13:00' } }));
  expect(core.desktop.notifications).toEqual([]);
  applyPage(core.db, { changes: feedChanges(10, 30), cursor: 'c4' }, 0);
  // Only complexity 4 and 5 pay 800+: of the new billing tasks 30–38, that is 34 and 38.
  await announce(settings({ minPayoutMinor: 800 }));
  expect(core.desktop.notifications).toEqual([
    { title: '2 new tasks in your feed', body: 'Subject 34\nSubject 38', taskId: 't34' },
  ]);
  // Matching open tasks paying 800+: 4, 8, 34 and 38.
  expect(core.desktop.badge).toBe(4);
});

it('computes quiet hours in the advocate zone, also across midnight', () => {
  const s = (start: string, end: string, timeZone = 'UTC'): Settings => ({
    ...settings({ quietHours: { start, end } }),
    timeZone,
  });
  expect(inQuietHours(s('11:00', '13:00'), noon)).toBe(true);
  expect(inQuietHours(s('13:00', '14:00'), noon)).toBe(false);
  expect(inQuietHours(s('22:00', '07:00'), Date.UTC(2026, 5, 1, 23, 30))).toBe(true);
  expect(inQuietHours(s('22:00', '07:00'), noon)).toBe(false);
  // 12:00 UTC is 14:00 in Berlin (summer time).
  expect(inQuietHours(s('13:30', '15:00', 'Europe/Berlin'), noon)).toBe(true);
  expect(inQuietHours(settings(), noon)).toBe(false);
});

it('announces each new task once when syncs end faster than the feed is read', async () => {
  await announce(settings(), true);
  applyPage(core.db, { changes: feedChanges(2, 10), cursor: 'c2' }, 0);
  // Three syncs in a row, none awaited: the first is read; of the two waiting, only the newest.
  const first = announce(settings());
  const second = announce(settings());
  applyPage(core.db, { changes: feedChanges(2, 20), cursor: 'c3' }, 0);
  const third = announce(settings());
  await Promise.all([first, second, third]);
  // The worker reads on its own thread: the first read may or may not see the third sync's task.
  const named = core.desktop.notifications.flatMap((n) => n.body.split('\n'));
  expect(named.sort()).toEqual(['Subject 10', 'Subject 20']);
  expect(core.desktop.badge).toBe(7);
});

it('still sets the badge when the worker cannot start: the feed is read in-thread', async () => {
  await runner.close();
  runner = new AnnounceRunner(core.db, { file: join(core.dir, 'missing-worker.js'), execArgv: [] });
  await announce(settings(), true);
  expect(core.desktop.badge).toBe(5);
});
