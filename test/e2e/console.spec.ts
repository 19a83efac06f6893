/**
 * The brand console in Chromium against a real feed server, on SQLite and (with
 * GIGDESK_TEST_PG_URL, run under `flock /tmp/pg.lock`) on PostgreSQL: every page, axe with no
 * serious or critical violation, a screenshot of each in test-results/console/.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { backends, open, shot, signInAs } from './console/pageHelpers';
import { type ConsoleWorld, PASSWORD, startConsoleWorld } from './console/world';

for (const backend of backends) {
  const owner = `owner-${backend}@brand.example`;
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
      const link = await world.invite('owner', owner);
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
      await page.getByLabel('E-mail address').fill(owner);
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
      await expect(table.getByRole('row', { name: /Demo Advocate \(@/ }).first()).toBeVisible();
      await shot(page, backend, 'overview');
    });

    test('advocates: invite, tier, suspend, reinstate, figures', async ({ page }) => {
      await signInAs(page, world, owner);
      await open(page, 'Advocates');
      await page.getByLabel('E-mail', { exact: true }).fill(`new-${backend}@advocates.example`);
      await page.getByRole('button', { name: 'Invite', exact: true }).click();
      await expect(page.getByText('One-time invite code (shown once):')).toBeVisible();
      const table = page.getByRole('table', { name: 'Advocates of this brand' });
      const demo = table.getByRole('row', { name: /Demo Advocate 2/ });
      await demo.getByLabel('Tier of Demo Advocate 2').selectOption('3');
      await expect(page.getByText('Saved the tier of Demo Advocate 2.')).toBeVisible();
      await expect(demo.getByLabel('Tier of Demo Advocate 2')).toHaveValue('3');
      await demo.getByRole('button', { name: 'Suspend' }).click();
      await expect(demo).toContainText('suspended');
      await demo.getByRole('button', { name: 'Reinstate' }).click();
      await expect(demo).toContainText('active');
      await table
        .getByRole('row', { name: /Demo Advocate(?! 2)/ })
        .getByRole('button', { name: 'Figures of Demo Advocate' })
        .click();
      await expect(page.getByRole('heading', { name: 'Figures of Demo Advocate' })).toBeVisible();
      await expect(page.getByText(/Resolved 2, escalated 2/)).toBeVisible();
      await shot(page, backend, 'advocates');
    });

    test('tasks: search, filter, withdraw, close, push a file with per-item errors', async ({
      page,
    }) => {
      await signInAs(page, world, owner);
      await open(page, 'Tasks');
      const table = page.getByRole('table', { name: /^Tasks/ });
      // The filtered list replaces the whole one asynchronously: read a row only once it is in.
      await Promise.all([
        page.waitForResponse(
          (r) => r.url().includes('/v1/admin/tasks') && r.url().includes('status=open'),
        ),
        page.getByLabel('Status').selectOption('open'),
      ]);
      const first = table.getByRole('row').nth(1);
      await expect(first.getByRole('button', { name: /^Withdraw / })).toBeVisible();
      const ref = (await first.getByRole('cell').first().textContent())!;
      await first.getByRole('button', { name: `Withdraw ${ref}` }).click();
      await expect(page.getByText(`Withdrew ${ref} from the pool.`)).toBeVisible();
      await expect(table.getByRole('row', { name: new RegExp(ref) })).toHaveCount(0);
      const second = table.getByRole('row').nth(1);
      const ref2 = (await second.getByRole('cell').first().textContent())!;
      await second.getByRole('button', { name: `Close ${ref2}` }).click();
      await expect(page.getByText(`Closed ${ref2}.`)).toBeVisible();
      await page.getByLabel('Status').selectOption('');
      await page.getByLabel('Subject or reference').fill('LTV-');
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(table).toContainText('Tasks 1–4 of 4');

      const file = page.getByLabel('Push tasks from a file (JSON array or NDJSON)');
      const task = {
        externalRef: `PUSH-${backend}`,
        subject: 'Pushed from the console',
        channel: 'chat',
        skills: ['billing'],
        complexity: 1,
        customerName: 'Pia',
        messages: [{ author: 'customer', body: 'Hello', createdAt: Date.now() }],
      };
      await file.setInputFiles({
        name: 'bad.ndjson',
        mimeType: 'application/x-ndjson',
        buffer: Buffer.from(
          `${JSON.stringify(task)}\n${JSON.stringify({ ...task, complexity: 9 })}\n`,
        ),
      });
      // The second line is bad: nothing of the file is applied, and the page says which and why.
      await expect(page.getByRole('alert')).toContainText('Item 2 · complexity: Too big');
      await page.getByLabel('Subject or reference').fill(`PUSH-${backend}`);
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(table).toContainText('Tasks 0–0 of 0');
      await file.setInputFiles({
        name: 'good.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify([task])),
      });
      await expect(page.getByText('1 created, 0 updated, 0 unchanged.')).toBeVisible();
      await expect(table).toContainText('Tasks 1–1 of 1');
      await shot(page, backend, 'tasks');
    });

    test('escalation queue: acknowledge, close with an outcome', async ({ page }) => {
      await signInAs(page, world, owner);
      await open(page, 'Escalation queue');
      const table = page.getByRole('table', { name: 'Cases advocates handed to the brand' });
      await expect(table.getByRole('row', { name: /LTV-3/ })).toBeVisible();
      await table.getByRole('button', { name: 'Acknowledge LTV-3' }).click();
      await expect(page.getByText('Acknowledged LTV-3.')).toBeVisible();
      await table.getByRole('button', { name: 'Close LTV-4' }).click();
      await page.getByRole('combobox', { name: /^Outcome/ }).selectOption('refunded');
      await page.getByLabel('Note for the advocate (optional)').fill('Refunded in full.');
      await shot(page, backend, 'escalation-close');
      await page.getByRole('button', { name: 'Close with this outcome' }).click();
      await expect(
        page.getByText('Closed LTV-4; the advocate will see the outcome.'),
      ).toBeVisible();
      await page.getByLabel('State').selectOption('closed');
      await expect(table.getByRole('row', { name: /LTV-4/ })).toContainText('closed · refunded');
      await page.getByLabel('State').selectOption('acknowledged');
      await expect(table.getByRole('row', { name: /LTV-3/ })).toBeVisible();
      await shot(page, backend, 'escalations');
    });

    test('payouts: confirm, pay, statement, CSV', async ({ page }) => {
      await signInAs(page, world, owner);
      await open(page, 'Payouts');
      const table = page.getByRole('table', { name: 'Statements per advocate' });
      await expect(table.getByRole('row')).not.toHaveCount(1);
      await page.getByRole('button', { name: 'Confirm pending entries' }).click();
      await expect(page.getByText(/^Confirmed \d+ entries, €/)).toBeVisible();
      await page.getByRole('button', { name: 'Pay confirmed entries' }).click();
      await expect(page.getByText(/^Paid \d+ entries, €/)).toBeVisible();
      await table.getByRole('button', { name: 'Statement' }).first().click();
      const entries = page.getByRole('table', { name: /^Entries of/ });
      await expect(entries.getByRole('row').nth(1)).toContainText('Paid');
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'All statements as CSV' }).click();
      const csv = readFileSync((await (await downloading).path())!, 'utf8');
      expect(csv.split('\r\n')[0]).toBe(
        'advocate_id,entry_id,task_external_ref,kind,status,occurred_at,amount_minor,currency',
      );
      expect(csv).toContain(',paid,');
      await shot(page, backend, 'payouts');
    });

    test('payout rules: a new version, its diff, identical rules change nothing', async ({
      page,
    }) => {
      await signInAs(page, world, owner);
      await open(page, 'Payout rules');
      await expect(page.getByText(/^Version 1 applies since/)).toBeVisible();
      await expect(page.getByText('Only one version so far: nothing to compare.')).toBeVisible();
      const editor = page.getByLabel(/^Rules \(JSON\)/);
      const rules = JSON.parse(await editor.inputValue()) as {
        basePerComplexity: Record<string, number>;
      };
      rules.basePerComplexity['1'] = rules.basePerComplexity['1']! + 25;
      await editor.fill(JSON.stringify(rules, null, 2));
      await page.getByRole('button', { name: 'Save rules' }).click();
      await expect(page.getByText('Rules are at version 2.')).toBeVisible();
      const diff = page.getByRole('table', { name: 'What changed from version 1 to 2' });
      await expect(diff.getByRole('row', { name: /basePerComplexity/ })).toBeVisible();
      await page.getByRole('button', { name: 'Save rules' }).click();
      await expect(page.getByText('Rules are at version 2.')).toBeVisible();
      await expect(page.getByText(/^Version 2 applies since/)).toBeVisible();
      await shot(page, backend, 'payout-rules');
    });

    test('webhooks: add (secret shown once), delivery log, disable', async ({ page }) => {
      await signInAs(page, world, owner);
      await open(page, 'Webhooks');
      await page.getByLabel('URL', { exact: true }).fill('https://hooks.brand.example/gigdesk');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await expect(page.getByText('Signing secret (HMAC-SHA256, shown once):')).toBeVisible();
      const endpoints = page.getByRole('table', { name: 'Endpoints' });
      const row = endpoints.getByRole('row', { name: /hooks\.brand\.example/ });
      await expect(row).toContainText('enabled');
      await expect(page.getByRole('table', { name: 'Delivery log' })).toBeVisible();
      await shot(page, backend, 'webhooks');
      await row.getByRole('button', { name: /^Disable/ }).click();
      await expect(row).toContainText('disabled');
    });

    test('audit log lists the changes made', async ({ page }) => {
      await signInAs(page, world, owner);
      await open(page, 'Audit log');
      const table = page.getByRole('table', {
        name: 'Every change under this brand, newest first',
      });
      await expect(table).toContainText('POST /v1/admin/payouts/runs');
      await expect(table).toContainText('PUT /v1/admin/payout-rules');
      await expect(table).toContainText(owner);
      await shot(page, backend, 'audit');
    });

    test('accounts: an owner invites an analyst, who can only read', async ({ page, browser }) => {
      await signInAs(page, world, owner);
      await open(page, 'Accounts');
      const analyst = `analyst-${backend}@brand.example`;
      const form = page.getByRole('form', { name: 'Invite a console account' });
      await form.getByLabel('E-mail', { exact: true }).fill(analyst);
      await form.getByRole('combobox').selectOption('analyst');
      await page.getByRole('button', { name: 'Create invite link' }).click();
      const link = (await page.locator('.secret').textContent())!;
      expect(link).toContain('/console/#/accept?token=');
      const table = page.getByRole('table', { name: 'Console accounts of this brand' });
      await expect(table.getByRole('row', { name: new RegExp(analyst) })).toContainText('invited');
      await shot(page, backend, 'accounts');

      const other = await browser.newPage();
      await other.goto(link);
      await other.getByLabel('New password').fill(PASSWORD);
      await other.getByLabel('Repeat the password').fill(PASSWORD);
      await other.getByRole('button', { name: 'Set password and sign in' }).click();
      await expect(other.getByRole('heading', { name: 'Impact' })).toBeVisible();
      const nav = other.getByRole('navigation');
      await expect(nav.getByRole('link', { name: 'Accounts' })).toHaveCount(0);
      await open(other, 'Tasks');
      await expect(other.getByRole('button', { name: /^Withdraw/ })).toHaveCount(0);
      await expect(other.getByLabel(/^Push tasks/)).toHaveCount(0);
      // Going around the page: the server refuses the analyst's change.
      const refused = await other.evaluate(async () => {
        const res = await fetch('/v1/admin/payouts/runs', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ to: 'confirmed' }),
        });
        return res.status;
      });
      expect(refused).toBe(403);
      await other.close();

      await page.reload();
      const row = table.getByRole('row', { name: new RegExp(analyst) });
      await expect(row).toContainText('active');
      await row.getByRole('button', { name: `Disable ${analyst}` }).click();
      await expect(row).toContainText('disabled');
    });

    test('speaks Arabic right to left', async ({ page }) => {
      await signInAs(page, world, owner);
      await page.getByLabel('Language', { exact: true }).selectOption('ar');
      await expect(page.getByRole('heading', { level: 1, name: 'الأثر' })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await shot(page, backend, 'overview-ar');
      await page.getByLabel('اللغة', { exact: true }).selectOption('en');
    });
  });
}
