/**
 * The console's content, ratings-import and advocate-skills pages in Chromium against a real
 * feed server (SQLite, and PostgreSQL with GIGDESK_TEST_PG_URL): axe with no serious or critical
 * violation, screenshots in test-results/console/.
 */
import { expect, type Page, test } from '@playwright/test';
import { backends, open, shot, signInAs } from './console/pageHelpers';
import { type ConsoleWorld, PASSWORD, startConsoleWorld } from './console/world';

/** A console account of the demo brand, its invite accepted through the API. */
async function account(world: ConsoleWorld, role: 'admin' | 'analyst', email: string) {
  const link = await world.invite(role, email);
  const token = new URL(link.replace('#/accept?', '?')).searchParams.get('token');
  const res = await fetch(`${world.server.url}/v1/console/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password: PASSWORD }),
  });
  expect(res.status).toBe(201);
  return email;
}

const admin = (world: ConsoleWorld, path: string, body: unknown) =>
  fetch(`${world.server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${world.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** The preview sits beside the row it shows, and both are on screen. */
async function expectBeside(page: Page, rowName: RegExp) {
  const row = page.getByRole('row', { name: rowName });
  const preview = page.getByRole('article');
  const r = (await row.boundingBox())!;
  const p = (await preview.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(p.x).toBeGreaterThanOrEqual(r.x + r.width - 1);
  expect(p.y).toBeLessThan(viewport.height);
  expect(p.y + 40).toBeGreaterThan(0);
  expect(r.y).toBeLessThan(viewport.height);
}

for (const backend of backends) {
  test.describe(`brand console content on ${backend}`, () => {
    test.describe.configure({ mode: 'serial' });
    let world: ConsoleWorld;
    let adminEmail: string;
    test.beforeAll(async () => {
      world = await startConsoleWorld(backend);
      adminEmail = await account(world, 'admin', `content-admin-${backend}@brand.example`);
      const hostile = await admin(world, '/v1/admin/articles', [
        {
          externalRef: 'HOSTILE-1',
          title: 'Zz hostile article',
          bodyMarkdown:
            '# Safe heading\n\n<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">\n\n[click](javascript:window.pwned=3) and [docs](https://example.com/help)',
          tags: ['test'],
        },
      ]);
      expect(hostile.status).toBe(200);
    });
    test.afterAll(async () => world?.close());

    test('content: search, filter, a safe preview beside the row, at 1280×800 and 1024×640', async ({
      page,
    }) => {
      await signInAs(page, world, adminEmail);
      await open(page, 'Content');
      const table = page.getByRole('table', { name: /articles on this page/ });
      await expect(table.getByRole('row')).toHaveCount(26);
      await page.getByLabel('Title or reference').fill('trollvind 3');
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(table.getByRole('row', { name: /Trollvind 2/ })).toHaveCount(0);
      await expect(table.getByRole('row').nth(1)).toContainText('Trollvind 3');
      const title = 'Caring for your Trollvind 3 tent';
      await table.getByRole('button', { name: title }).click();
      const preview = page.getByRole('article');
      await expect(preview.getByRole('heading', { name: title })).toBeVisible();
      await expect(preview.getByRole('heading', { name: 'After every trip' })).toBeVisible();
      await expectBeside(page, new RegExp(title));
      await shot(page, backend, 'content');

      await page.getByLabel('Title or reference').fill('hostile');
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(preview.getByRole('heading', { name: 'Safe heading' })).toBeVisible();
      expect(await preview.locator('script, img, [onerror]').count()).toBe(0);
      await expect(preview.getByRole('link', { name: 'docs' })).toHaveAttribute(
        'href',
        'https://example.com/help',
      );
      expect(await preview.getByText('click').getAttribute('href')).toBeNull();
      expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

      await page.getByLabel('Show').selectOption('macro');
      await page.getByLabel('Title or reference').fill('');
      await page.getByRole('button', { name: 'Search' }).click();
      const macros = page.getByRole('table', { name: /macros on this page/ });
      await macros.getByRole('button', { name: 'Greeting', exact: true }).click();
      await expect(preview.getByRole('heading', { name: 'Greeting' })).toBeVisible();

      await page.setViewportSize({ width: 1024, height: 640 });
      await macros.getByRole('button', { name: 'Sign-off' }).click();
      await expect(preview.getByRole('heading', { name: 'Sign-off' })).toBeVisible();
      await expectBeside(page, /Sign-off/);
      await shot(page, backend, 'content-1024');

      await page.getByLabel('Show').selectOption('article');
      await page.getByLabel('Content language').fill('English');
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(page.getByRole('alert')).toContainText('language');
      await page.getByRole('link', { name: 'Payout rules' }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: 'Payout rules' })).toBeVisible();
    });

    test('ratings: a CSV file applied per item; the same file again changes nothing', async ({
      page,
    }) => {
      await signInAs(page, world, adminEmail);
      await open(page, 'Ratings');
      const file = (text: string) => ({
        name: 'ratings.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text),
      });
      const input = page.getByLabel('Ratings file (CSV, JSON or NDJSON)');
      const csv = 'externalRef,score,comment\nLTV-1,5,"Quick, and kind"\nLTV-2,4,\n';
      await input.setInputFiles(file(csv));
      await expect(page.getByText('2 applied, 0 already had this rating.')).toBeVisible();
      const results = page.getByRole('list', { name: 'Result for each item' });
      await expect(results.getByRole('listitem')).toHaveText([
        'Item 1 · LTV-1: applied',
        'Item 2 · LTV-2: applied',
      ]);
      await shot(page, backend, 'ratings');
      await input.setInputFiles(file(csv));
      await expect(page.getByText('0 applied, 2 already had this rating.')).toBeVisible();
      await expect(results.getByRole('listitem').first()).toHaveText(
        'Item 1 · LTV-1: already had this rating, nothing changed',
      );
      await input.setInputFiles(file('externalRef,score\nLTV-2,4\nLTV-3,5\n'));
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('Item 2 · externalRef: only resolved cases can be rated');
      await shot(page, backend, 'ratings-refused');
    });

    test('advocates: an admin edits skills and languages; a bad skill is refused', async ({
      page,
    }) => {
      await signInAs(page, world, adminEmail);
      await open(page, 'Advocates');
      const table = page.getByRole('table', { name: 'Advocates of this brand' });
      const row = table.getByRole('row', { name: /Demo Advocate 2/ });
      await row
        .getByRole('button', { name: 'Edit the skills and languages of Demo Advocate 2' })
        .click();
      const form = row.getByRole('form', {
        name: 'Edit the skills and languages of Demo Advocate 2',
      });
      await form.getByLabel('Skills (comma-separated)').fill('billing, Bad Skill!');
      await form.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('alert')).toContainText('body.skills.1');
      await shot(page, backend, 'advocates-skills-refused');
      await form.getByLabel('Skills (comma-separated)').fill('billing, returns');
      await form.getByLabel(/^Languages/).fill('en, pt-BR');
      await form.getByRole('button', { name: 'Save' }).click();
      await expect(
        page.getByText('Saved the skills and languages of Demo Advocate 2.'),
      ).toBeVisible();
      await expect(row).toContainText('billing, returns');
      await expect(row).toContainText('en, pt-BR');
      await shot(page, backend, 'advocates-skills');
    });
  });
}
