import { expect, test } from './fixtures';

test('the advocate sees their tier, exact progress to the next tier and what it unlocks', async ({
  gigdesk,
}) => {
  const { page } = gigdesk;
  await gigdesk.open();
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  await expect(
    page.getByRole('main', { name: 'Feed' }).getByRole('list', { name: 'Open tasks' }),
  ).toBeVisible({ timeout: 20_000 });
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Settings' })
    .click();
  const panel = page.getByRole('region', { name: 'Your tier' });
  await expect(panel.getByRole('heading', { name: 'Fjellhavn Outdoor: tier 1' })).toBeVisible();
  await expect(panel).toContainText('Your tier gives you: Customer club level and order history.');
  await expect(panel).toContainText(
    'Next: tier 2. It unlocks: Customer e-mail and phone, Order-status lookup.',
  );
  const next = panel.getByRole('list', { name: 'Next: tier 2.' });
  await expect(next.getByRole('listitem')).toHaveText([
    /Still to do: 0\/20 cases resolved$/,
    /Still to do: No ratings yet \(4\.5★ needed\)$/,
    /Done: 0% of your cases reopened \(at most 10%\)$/,
    /Still to do: 0\/14 days with the brand$/,
  ]);
  await page.screenshot({ path: 'test-results/trust-ladder.png' });

  // Offline, the panel keeps the last answer and says how old it is.
  gigdesk.demo.proxy!.down();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Feed' }).click();
  await nav.getByRole('button', { name: 'Settings' }).click();
  await expect(panel.getByRole('note')).toContainText('Offline: as of');
  await expect(next.getByRole('listitem').first()).toHaveText(/Still to do: 0\/20 cases resolved$/);
});
