import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultFeedPrefs, type FeedFilters } from '../../../src/shared/contract/feed';
import { writeSession } from '../../../src/core/repos/sessionRepo';
import { listOutbox } from '../../../src/core/sync/outboxRepo';
import { claimTask, renewLease } from '../../../src/core/feed/claim';
import { createTestCore, type TestCore } from '../../support/core';
import { testPayoutRules } from '../../support/feedServer';
import { feedChanges, nextSeq, taskView } from '../../support/taskViews';
import { applyPage, settleAction } from '../../support/sync';

let core: TestCore;
const me = 'adv-1';
beforeEach(() => {
  core = createTestCore();
  writeSession(core.db, {
    serverUrl: 'http://127.0.0.1:9',
    advocateId: me,
    advocateName: 'Ada',
    advocateHandle: 'ada',
    isDemo: false,
    signedInAt: 0,
  });
  applyPage(core.db, { changes: feedChanges(50), cursor: 'c1' }, 0);
});
afterEach(() => core.close());

const list = (filters: Partial<FeedFilters> = {}, sort = defaultFeedPrefs.sort) =>
  core.handlers['feed:list']({
    filters: { ...defaultFeedPrefs.filters, ...filters },
    sort,
    offset: 0,
    limit: 100,
    withTotal: true,
  });

describe('feed queries', () => {
  it('filters by brand, skill, channel, complexity and minimum payout, and sorts three ways', async () => {
    expect((await list()).total).toBe(50);
    const chat = await list({ channel: 'chat', skill: 'billing', complexity: 3 });
    expect(chat.tasks.length).toBeGreaterThan(0);
    for (const t of chat.tasks)
      expect(t).toMatchObject({ channel: 'chat', complexity: 3, skills: ['billing'] });
    const rich = await list({ minPayoutMinor: 800 });
    expect(rich.tasks.every((t) => t.payoutMinor! >= 800)).toBe(true);
    expect(rich.total).toBe(20);
    expect((await list({ brandId: 'other' })).total).toBe(0);

    const byPayout = (await list()).tasks.map((t) => t.payoutMinor!);
    expect(byPayout).toEqual([...byPayout].sort((a, b) => b - a));
    const due = (await list({}, 'due')).tasks.map((t) => t.slaDueAt);
    const withSla = due.filter((d) => d !== null) as number[];
    expect(withSla).toEqual([...withSla].sort((a, b) => a - b));
    expect(due.slice(withSla.length).every((d) => d === null)).toBe(true);
    const newest = (await list({}, 'newest')).tasks.map((t) => t.createdAt);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
  });

  it('pages without gaps or repeats across equal sort keys', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 50; offset += 7) {
      const page = await core.handlers['feed:list']({
        ...defaultFeedPrefs,
        offset,
        limit: 7,
        withTotal: false,
      });
      seen.push(...page.tasks.map((t) => t.id));
    }
    expect(seen).toHaveLength(50);
    expect(new Set(seen).size).toBe(50);
  });

  it('recomputes payout estimates when the brand changes its rules', async () => {
    const doubled = {
      ...testPayoutRules,
      outcomeMultiplierBps: { ...testPayoutRules.outcomeMultiplierBps, resolved: 20_000 },
    };
    applyPage(
      core.db,
      {
        changes: [
          {
            seq: nextSeq(),
            kind: 'payout_rules',
            brandId: 'b1',
            version: 2,
            rules: doubled,
            effectiveAt: 1,
          },
        ],
        cursor: 'c2',
      },
      0,
    );
    const top = (await list()).tasks[0]!;
    expect(top).toMatchObject({ complexity: 5, payoutMinor: 2400 });
  });

  it('keeps filters and sort across restarts', async () => {
    const prefs = {
      filters: { ...defaultFeedPrefs.filters, skill: 'billing', minPayoutMinor: 500 },
      sort: 'due' as const,
    };
    await core.handlers['feed:setPrefs'](prefs);
    const again = createTestCore({}, { dbFile: `${core.dir}/gigdesk.sqlite` });
    try {
      expect(await again.handlers['feed:prefs'](undefined)).toEqual(prefs);
    } finally {
      await again.sync.stop();
      again.db.close();
    }
  });
});

describe('optimistic claims and their undo', () => {
  it('a pending claim survives a pull that still shows the task open', async () => {
    claimTask(core.db, 't1', me, 1000);
    applyPage(
      core.db,
      { changes: [{ seq: nextSeq(), kind: 'task', task: taskView(1) }], cursor: 'c3' },
      0,
    );
    expect(await core.handlers['tasks:mine'](undefined)).toMatchObject([
      { id: 't1', pendingClaim: true },
    ]);
    expect((await list()).tasks.find((t) => t.id === 't1')?.pendingClaim).toBe(true);
  });

  it('a rejected action restores the task as it was, and later queued actions undo to that state too', async () => {
    // A claim and a follow-up on the same task, listed together as the engine sends them.
    claimTask(core.db, 't2', me, 1000);
    renewLease(core.db, 't2', 1001);
    const [claim, renew] = listOutbox(core.db);
    const notice = settleAction(
      core.db,
      claim!,
      { key: claim!.key, status: 'rejected', message: 'this task needs trust tier 2; yours is 1' },
      2000,
    );
    expect(notice).toMatchObject({ level: 'error', taskId: 't2' });
    expect(notice!.message).toContain('trust tier 2');
    settleAction(
      core.db,
      renew!,
      { key: renew!.key, status: 'rejected', message: 'claim the task before acting on it' },
      2001,
    );
    const row = core.db
      .prepare('SELECT status, holder_id, local_state FROM tasks WHERE id = ?')
      .get('t2');
    expect(row).toEqual({ status: 'open', holder_id: null, local_state: null });
    expect(listOutbox(core.db)).toEqual([]);
  });

  it('a conflict without the task removes it locally (someone else holds it)', async () => {
    claimTask(core.db, 't3', me, 1000);
    const [claim] = listOutbox(core.db);
    const notice = settleAction(
      core.db,
      claim!,
      {
        key: claim!.key,
        status: 'conflict',
        message: 'another advocate has already claimed this task',
      },
      2000,
    );
    expect(notice!.message).toBe('Another advocate claimed “Subject 3” first; it left My tickets.');
    expect(core.db.prepare('SELECT COUNT(*) FROM tasks WHERE id = ?').pluck().get('t3')).toBe(0);
    expect(await core.handlers['tasks:mine'](undefined)).toEqual([]);
  });

  it('an applied claim confirms the pending claim', async () => {
    claimTask(core.db, 't4', me, 1000);
    const [claim] = listOutbox(core.db);
    settleAction(
      core.db,
      claim!,
      { key: claim!.key, status: 'applied', taskId: 't4', version: 2000 },
      2000,
    );
    expect(await core.handlers['tasks:mine'](undefined)).toMatchObject([
      { id: 't4', status: 'claimed', pendingClaim: false },
    ]);
  });

  it('refuses to claim a task that is gone', async () => {
    await expect(core.handlers['feed:claim']({ taskId: 'nope' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
