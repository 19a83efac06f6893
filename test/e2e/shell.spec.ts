import { expect, test } from './fixtures';

test('first run offers to connect or open the demo, and the shell navigates', async ({
  gigdesk,
}) => {
  const { page } = gigdesk;
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });

  await gigdesk.open();
  await expect(page.getByRole('heading', { name: 'Welcome to Gigdesk' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Connect to a brand server' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open the demo workspace' })).toBeVisible();

  // A bad address is caught before anything is sent.
  await page.getByLabel('Server address').fill('not a url');
  await page.getByLabel('Invite code').fill('ABCD-EFGH');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('alert')).toContainText('full address');
  await page.screenshot({ path: 'test-results/first-run.png', fullPage: true });

  await page.getByRole('button', { name: 'Look around first' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [label, emptyTitle] of [
    ['My tickets', 'You have no tickets'],
    ['Knowledge base', 'No articles yet'],
    ['Earnings', 'No earnings yet'],
    ['Feed', 'No tasks yet'],
  ] as const) {
    await nav.getByRole('button', { name: label }).click();
    await expect(page.getByRole('main', { name: label })).toBeVisible();
    await expect(page.getByRole('heading', { name: emptyTitle })).toBeVisible();
  }

  // Keyboard: Alt+5 opens Settings; focus stays visible on the navigation.
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('main', { name: 'Settings' })).toBeVisible();
  await page.screenshot({ path: 'test-results/shell-settings.png', fullPage: true });
  expect(pageErrors).toEqual([]);
});

test('settings persist through the real handlers and the local database', async ({ gigdesk }) => {
  const { page } = gigdesk;
  await gigdesk.open();
  await page.getByRole('button', { name: 'Look around first' }).click();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Settings' })
    .click();
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const stored = gigdesk.db.prepare("SELECT value FROM settings WHERE key = 'theme'").pluck().get();
  expect(stored).toBe('"dark"');

  // A wrong type from the renderer gets invalid_input, not a crash.
  const result = await page.evaluate(() => window.gigdesk['settings:set']({ theme: 42 } as never));
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(JSON.stringify(result)).toContain('theme');
});

test('the Content-Security-Policy blocks inline script in the real renderer', async ({
  gigdesk,
}) => {
  const { page } = gigdesk;
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/.test(msg.text()))
      violations.push(msg.text());
  });
  await gigdesk.open();
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { __inlineRan?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    const img = document.createElement('img');
    img.setAttribute('src', 'x');
    img.setAttribute('onerror', 'window.__inlineRan = true');
    document.body.append(img);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return w.__inlineRan === true;
  });
  expect(ran).toBe(false);
  expect(violations.length).toBeGreaterThan(0);
});
