/**
 * Issue 20, the fallback ladder's ageing bonus in the app: a synced task carries it, the feed
 * and the task say it, and the payout estimate includes it (resolved only), also after the
 * brand's rules change and after the bonus goes away; initial sync's bulk load agrees.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultFeedPrefs } from '../../../src/shared/contract/feed';
import { writeSession } from '../../../src/core/repos/sessionRepo';
import { pageEstimates } from '../../../src/core/earnings/estimates';
import { writeTaskRows } from '../../../src/core/tickets/bulkTasks';
import { taskRow } from '../../../src/shared/snapshotRows';
import { createTestCore, type TestCore } from '../../support/core';
import { feedChanges, nextSeq, taskView, testPayoutRules } from '../../support/taskViews';
import { applyPage } from '../../support/sync';

let core: TestCore;
beforeEach(() => {
  core = createTestCore();
  writeSession(core.db, {
    serverUrl: 'http://127.0.0.1:9',
    advocateId: 'adv-1',
    advocateName: 'Ada',
    advocateHandle: 'ada',
    isDemo: false,
    signedInAt: 0,
  });
  applyPage(core.db, { changes: feedChanges(5), cursor: 'c1' }, 0);
});
afterEach(() => core.close());

// t2 has complexity 3: 5.00 EUR resolved, 2.50 escalated under the test rules.
const pushTask = (ageingBonusMinor: number | null) =>
  applyPage(
    core.db,
    {
      changes: [{ seq: nextSeq(), kind: 'task', task: taskView(2, { ageingBonusMinor }) }],
      cursor: 'c2',
    },
    0,
  );

const feedTask = async (id: string) =>
  (
    await core.handlers['feed:list']({
      filters: defaultFeedPrefs.filters,
      sort: 'payout',
      offset: 0,
      limit: 100,
      withTotal: false,
    })
  ).tasks.find((t) => t.id === id);

describe('ageing bonus', () => {
  it('is stored from a task change and shown in the feed, its estimate included', async () => {
    expect(await feedTask('t2')).not.toHaveProperty('ageingBonusMinor');
    pushTask(150);
    expect(await feedTask('t2')).toMatchObject({ ageingBonusMinor: 150, payoutMinor: 650 });
    const detail = await core.handlers['feed:task']({ taskId: 't2' });
    expect(detail).toMatchObject({ ageingBonusMinor: 150, payoutMinor: 650 });
  });

  it('is paid on resolving only, in the ticket quotes', async () => {
    pushTask(150);
    const ticket = (await core.handlers['tickets:board']({ open: 't2' })).open!;
    expect(ticket.payouts.resolved?.totalMinor).toBe(650);
    expect(ticket.payouts.resolved?.lines.map((l) => l.amountMinor)).toContain(150);
    expect(ticket.payouts.escalated?.totalMinor).toBe(250);
  });

  it('stays in the estimate when the brand changes its rules, and leaves with the bonus', async () => {
    pushTask(150);
    applyPage(
      core.db,
      {
        changes: [
          {
            seq: nextSeq(),
            kind: 'payout_rules',
            brandId: 'b1',
            version: 2,
            rules: {
              ...testPayoutRules,
              basePerComplexity: { ...testPayoutRules.basePerComplexity, '3': 600 },
            },
            effectiveAt: 0,
          },
        ],
        cursor: 'c3',
      },
      0,
    );
    expect(await feedTask('t2')).toMatchObject({ ageingBonusMinor: 150, payoutMinor: 750 });
    expect(await feedTask('t0')).toMatchObject({ payoutMinor: 200 });
    pushTask(null);
    const after = await feedTask('t2');
    expect(after).not.toHaveProperty('ageingBonusMinor');
    expect(after?.payoutMinor).toBe(600);
  });

  it('arrives by the snapshot bulk load as by a pulled change', async () => {
    core.db.transaction(() =>
      writeTaskRows(
        core.db,
        [taskRow(taskView(9, { ageingBonusMinor: 75 }))],
        pageEstimates(core.db),
      ),
    )();
    // t9 has complexity 5: 12.00 EUR resolved.
    expect(await feedTask('t9')).toMatchObject({ ageingBonusMinor: 75, payoutMinor: 1275 });
  });
});
