/**
 * The brand console in Chromium against a real feed server, on SQLite and (with
 * GIGDESK_TEST_PG_URL, run under `flock /tmp/pg.lock`) on PostgreSQL: every page, axe with no
 * serious or critical violation, a screenshot of each in test-results/console/.
 */
import { expect, type Page, test } from '@playwright/test';
import { pgTestUrl } from '../support/serverBackends';
import { seriousViolations } from './axe';
import { type ConsoleWorld, PASSWORD, startConsoleWorld } from './console/world';

const backends = (['sqlite', 'postgres'] as const).filter((b) => b === 'sqlite' || pgTestUrl());

async function shot(page: Page, backend: string, name: string) {
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  await page.screenshot({ path: `test-results/console/${backend}-${name}.png`, fullPage: true });
}

for (const backend of backends) {
  test.describe(`brand console on ${backend}`, () => {
    test.describe.configure({ mode: 'serial' });
    let world: ConsoleWorld;
    test.beforeAll(async () => {
      world = await startConsoleWorld(backend);
    });
    test.afterAll(async () => world?.close());

    test('serves the built console with its cache policy and CSP', async ({ request }) => {
      const page = await request.get(`${world.server.url}/console/`);
      expect(page.status()).toBe(200);
      expect(page.headers()['cache-control']).toBe('no-cache');
      expect(page.headers()['content-security-policy']).toContain("script-src 'self'");
      const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(await page.text())![1]!;
      const asset = await request.get(world.server.url + script);
      expect(asset.status()).toBe(200);
      expect(asset.headers()['cache-control']).toContain('immutable');
      const redirect = await request.get(`${world.server.url}/console`, { maxRedirects: 0 });
      expect(redirect.status()).toBe(301);
      const missing = await request.get(`${world.server.url}/console/../package.json`);
      expect(missing.status()).toBe(404);
    });

    test('an invited owner accepts, signs out, signs in, and sees the impact figures', async ({
      page,
    }) => {
      const link = await world.invite('owner', `owner-${backend}@brand.example`);
      await page.goto(link);
      await expect(page.getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
      await shot(page, backend, 'accept');
      await page.getByLabel('Your name (optional)').fill('Olga Owner');
      await page.getByLabel('New password').fill(PASSWORD);
      await page.getByLabel('Repeat the password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Set password and sign in' }).click();
      await expect(page.getByRole('heading', { name: 'Impact' })).toBeVisible();
      expect(page.url()).not.toContain('token=');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(
        page.getByRole('heading', { name: 'Sign in to the brand console' }),
      ).toBeVisible();
      await page.getByLabel('E-mail address').fill(`owner-${backend}@brand.example`);
      await page.getByLabel('Password').fill('wrong password here');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert')).toContainText('wrong e-mail address or password');
      await shot(page, backend, 'sign-in');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();

      await expect(page.getByRole('heading', { name: 'Impact' })).toBeVisible();
      const table = page.getByRole('table', { name: /Cases created/ });
      await expect(table.getByRole('row', { name: /^all/ })).toBeVisible();
      // The history's two resolved customers bought again within 90 days: €129 and €59.
      const ltv = page.getByRole('table', { name: /Lifetime value by group/ });
      const resolved = ltv.getByRole('row', { name: /Resolved by an advocate/ });
      await expect(resolved).toContainText('100% (2/2)');
      await expect(resolved).toContainText('€94.00');
      await expect(ltv.getByRole('row', { name: /Escalated by an advocate/ })).toContainText(
        '50% (1/2)',
      );
      await page.getByLabel('Group by').selectOption('advocate');
      await expect(table.getByRole('row')).not.toHaveCount(1);
      await shot(page, backend, 'overview');
    });
  });
}
