import type { Notice } from '../../src/shared/contract/events';
import { FaultProxy } from '../support/faultProxy';
import { createTestCore, type TestCore } from '../support/core';
import { expect, test } from './fixtures';

const waitUntil = async (probe: () => Promise<boolean> | boolean, what: string) => {
  await expect.poll(probe, { message: what, timeout: 15_000 }).toBe(true);
};

test('demo workspace: filter the feed, claim a task, see it under My tickets; a late claim loses with a notice', async ({
  gigdesk,
}) => {
  const { page } = gigdesk;
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await gigdesk.open();
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  await expect(page.getByText('Demo workspace', { exact: true })).toBeVisible();
  const feed = page.getByRole('main', { name: 'Feed' });
  const list = feed.getByRole('list', { name: 'Open tasks' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  const countText = feed.getByText(/^\d[\d,]* open tasks?$/);
  const before = Number((await countText.textContent())!.replace(/\D/g, ''));
  expect(before).toBeGreaterThan(50);

  // Filter: complexity 2, billing skill (the demo feed's largest such group).
  await feed.getByLabel('Complexity').selectOption('2');
  await feed.getByLabel('Skill').selectOption('billing');
  await expect
    .poll(async () => Number((await countText.textContent())!.replace(/\D/g, '')))
    .toBeLessThan(before);
  const rows = list.getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row).toContainText('Complexity 2');
    await expect(row).toContainText('billing');
  }
  await page.screenshot({ path: 'test-results/feed-filtered.png' });

  // A second advocate (another app core, real handlers and SQLite) syncs now, then loses its network.
  const demo = gigdesk.demo;
  const proxyB = FaultProxy.forUrl(demo.server!.url);
  const cores: TestCore[] = [];
  try {
    const b = createTestCore({}, { tuning: { backoff: { baseMs: 100, maxMs: 1_000 } } });
    cores.push(b);
    await b.handlers['session:connect']({
      serverUrl: await proxyB.start(),
      inviteCode: demo.inviteCodes[1]!,
    });
    await b.handlers['sync:now'](undefined);
    proxyB.down();

    // Claim with the keyboard: j/k move, c claims the selected task.
    const firstSubject = (await rows.first().locator('.feed-row__subject').textContent())!;
    const taskId = (await rows.first().getAttribute('data-task-id'))!;
    await list.focus();
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('c');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'My tickets' })
      .click();
    const tickets = page.getByRole('list', { name: 'My tickets' });
    // The list is the tickets view's; the ids come from the same handlers it uses.
    await expect(tickets.getByRole('listitem')).toHaveCount(1);
    await expect(tickets.getByRole('listitem')).toContainText(firstSubject);
    await expect(tickets.getByRole('listitem')).toContainText('Held until');
    expect((await gigdesk.handlers['tasks:mine'](undefined)).map((t) => t.id)).toEqual([taskId]);

    // B, offline since before that, claims the same task: when it reconnects, its claim loses.
    await b.handlers['feed:claim']({ taskId });
    proxyB.up();
    await b.handlers['sync:now'](undefined);
    await waitUntil(
      () =>
        b.events.some((e) => e.event === 'notice:new' && (e.payload as Notice).taskId === taskId),
      'B to get a notice',
    );
    const noticeB = b.events.find((e) => e.event === 'notice:new')!.payload as Notice;
    expect(noticeB.message).toBe(
      `Another advocate claimed “${firstSubject}” first; it left My tickets.`,
    );
    expect(await b.handlers['tasks:mine'](undefined)).toEqual([]);

    // The other way round, in the app: offline, the advocate's claim is pending; B wins meanwhile.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Feed' })
      .click();
    await feed.getByRole('button', { name: 'Clear filters' }).click();
    demo.proxy!.down();
    await expect(page.getByRole('status').filter({ hasText: 'Offline' }).first()).toBeVisible();
    const target = list.getByRole('listitem').first();
    const lostSubject = (await target.locator('.feed-row__subject').textContent())!;
    const lostId = (await target.getAttribute('data-task-id'))!;
    await target.getByRole('button', { name: 'Claim' }).click();
    const lostRow = list.locator(`[data-task-id="${lostId}"]`);
    await expect(lostRow).toContainText('Pending claim');
    await b.handlers['sync:now'](undefined);
    await b.handlers['feed:claim']({ taskId: lostId });
    await waitUntil(
      async () =>
        (await b.handlers['tasks:mine'](undefined)).some((t) => t.id === lostId && !t.pendingClaim),
      'B to win',
    );
    demo.proxy!.up();
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: `Another advocate claimed “${lostSubject}” first` }),
    ).toBeVisible({
      timeout: 20_000,
    });
    await expect(lostRow).toHaveCount(0);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'My tickets' })
      .click();
    await expect(tickets.getByRole('listitem')).toHaveCount(1);
    await expect(tickets.getByRole('listitem')).toContainText(firstSubject);
    expect((await gigdesk.handlers['tasks:mine'](undefined)).map((t) => t.id)).toEqual([taskId]);
    await page.screenshot({ path: 'test-results/feed-lost-claim.png' });
  } finally {
    for (const core of cores) await core.close();
    await proxyB.close();
  }
  expect(pageErrors).toEqual([]);
});

test('filters and sort are kept across a restart of the window', async ({ gigdesk }) => {
  const { page } = gigdesk;
  await gigdesk.open();
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  const feed = page.getByRole('main', { name: 'Feed' });
  await expect(
    feed.getByRole('list', { name: 'Open tasks' }).getByRole('listitem').first(),
  ).toBeVisible();
  await feed.getByLabel('Channel').selectOption('chat');
  await feed.getByLabel('Sort by').selectOption('due');
  await feed.getByLabel('Minimum payout').fill('3.50');
  await feed.getByLabel('Minimum payout').press('Enter');
  await expect
    .poll(async () => (await gigdesk.handlers['feed:prefs'](undefined)).filters.minPayoutMinor)
    .toBe(350);
  await gigdesk.open();
  await expect(feed.getByLabel('Channel')).toHaveValue('chat');
  await expect(feed.getByLabel('Sort by')).toHaveValue('due');
  await expect(feed.getByLabel('Minimum payout')).toHaveValue('3.50');
});
