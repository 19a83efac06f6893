import { expect, test } from './fixtures';

test('a task ages into a bonus on the real server and the advocate sees why it pays more now', async ({
  gigdesk,
}) => {
  const { page } = gigdesk;
  await gigdesk.open();
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  const feed = page.getByRole('main', { name: 'Feed' });
  const rows = feed.getByRole('list', { name: 'Open tasks' }).getByRole('listitem');
  await expect(rows.first()).toBeVisible({ timeout: 20_000 });
  await expect(feed).not.toContainText('ageing bonus');

  // The best-paying task with a due time; the feed sorts by payout, bonus included.
  const ids = await rows.evaluateAll((items) => items.map((i) => i.getAttribute('data-task-id')!));
  const before = await Promise.all(ids.map((taskId) => gigdesk.handlers['feed:task']({ taskId })));
  const task = before.find((t) => t.slaDueAt !== null)!;
  expect(task.ageingBonusMinor).toBeUndefined();

  // The brand's fallback ladder adds 15.00 at 1 % of a task's SLA window; the sweeper runs with
  // its clock just before this task's deadline.
  const server = gigdesk.demo.server!;
  await server.store.trust.setFallbackRules(
    task.brandId,
    { bonusAtPercent: 1, ageingBonusMinor: 1500 },
    Date.now(),
  );
  await server.store.sweep(task.slaDueAt! - 1);
  await gigdesk.handlers['sync:now'](undefined);

  const row = feed.locator(`[data-task-id="${task.id}"]`);
  await expect(row).toContainText(/\+\D{0,6}15\.00\D{0,6} ageing bonus/);
  const after = await gigdesk.handlers['feed:task']({ taskId: task.id });
  expect(after.ageingBonusMinor).toBe(1500);
  expect(after.payoutMinor).toBe(task.payoutMinor! + 1500);

  await row.getByRole('button').first().click();
  const detail = page.getByRole('complementary', { name: `Task: ${task.subject}` });
  await expect(detail).toContainText(/ageing bonus: published .+ ago and still unclaimed/);
  await page.screenshot({ path: 'test-results/ageing-bonus.png' });
});
