/**
 * The console's trust pages (issue 20) in Chromium against a real feed server, on SQLite and
 * (with GIGDESK_TEST_PG_URL, under `flock /tmp/pg.lock`) on PostgreSQL: promotions, the tier
 * ladder, the fallback ladder with time-to-claim. axe with no serious or critical violation and
 * a screenshot of each in test-results/console-trust/.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { InviteRequest } from '../../src/shared/protocol';
import { pgTestUrl } from '../support/serverBackends';
import { seriousViolations } from './axe';
import { type ConsoleWorld, SHIFT_MS, signInNew, startConsoleWorld } from './console/world';

const backends = (['sqlite', 'postgres'] as const).filter((b) => b === 'sqlite' || pgTestUrl());

async function shot(page: Page, backend: string, name: string) {
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  await page.screenshot({
    path: `test-results/console-trust/${backend}-${name}.png`,
    fullPage: true,
  });
}

async function openPage(page: Page, world: ConsoleWorld, hash: string, heading: string) {
  await page.goto(`${world.server.url}/console/#/${hash}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

async function adminApi(world: ConsoleWorld, method: string, path: string, body?: unknown) {
  const res = await fetch(world.server.url + path, {
    method,
    headers: {
      authorization: `Bearer ${world.adminKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A member of the demo brand at `tier`, certified in billing or not. */
async function member(world: ConsoleWorld, name: string, tier: number, certified: boolean) {
  const store = world.server.store;
  const now = Date.now() + SHIFT_MS;
  const email = `${name.toLowerCase().replace(/\W/g, '')}-${tier}@advocates.example`;
  const inv = await store.invite(world.brandId, InviteRequest.parse({ email, name, tier }), now);
  const { advocate } = await store.redeem(inv.inviteCode, 'e2e', now);
  if (certified) await store.trust.certify(world.brandId, advocate.id, 'billing', now);
  return advocate;
}

for (const backend of backends) {
  test.describe(`console trust pages on ${backend}`, () => {
    test.describe.configure({ mode: 'serial' });
    let world: ConsoleWorld;
    test.beforeAll(async () => {
      world = await startConsoleWorld(backend);
    });
    test.afterAll(async () => world?.close());

    test('promotions: evidence, approve, a second admin is told it was decided, decline, audited', async ({
      page,
      browser,
    }) => {
      // Tier 1 asks for the billing certification: certified tier-0 members are suggested a
      // promotion, an uncertified tier-1 member a demotion.
      const ladder = await adminApi(world, 'PUT', '/v1/admin/ladder', {
        rungs: [
          { tier: 1, minResolved: 0, certifications: ['billing'], unlocks: ['Order history'] },
        ],
      });
      expect(ladder.status).toBe(200);
      const ada = await member(world, 'Ada Up', 0, true);
      const ben = await member(world, 'Ben Wait', 0, true);
      const cy = await member(world, 'Cy Down', 1, false);

      await signInNew(page, world, 'owner');
      await openPage(page, world, 'promotions', 'Promotions');
      const suggestions = page.getByRole('table', { name: 'Tier changes the ladder suggests' });
      const adaRow = suggestions.getByRole('row', { name: /Ada Up/ });
      await expect(adaRow).toContainText('Promote: tier 0 → 1');
      await expect(adaRow).toContainText('Certified in billing — met');
      await expect(adaRow).toContainText('Resolved cases 0 of 0 needed — met');
      const cyRow = suggestions.getByRole('row', { name: /Cy Down/ });
      await expect(cyRow).toContainText('Demote: tier 1 → 0');
      await expect(cyRow).toContainText('Certified in billing — not met');
      await shot(page, backend, 'promotions');

      // A second admin has the same list open; the owner approves first.
      const second = await browser.newPage();
      await signInNew(second, world, 'admin');
      await openPage(second, world, 'promotions', 'Promotions');
      await expect(second.getByRole('row', { name: /Ada Up/ })).toBeVisible();
      await adaRow.getByRole('button', { name: `Approve tier 1 for @${ada.handle}` }).click();
      await expect(page.getByText(`Approved: @${ada.handle} is now at tier 1.`)).toBeVisible();
      await expect(suggestions.getByRole('row', { name: /Ada Up/ })).toHaveCount(0);
      await second.getByRole('button', { name: `Approve tier 1 for @${ada.handle}` }).click();
      await expect(second.getByRole('alert')).toContainText(
        'the ladder suggests no tier change for this advocate now',
      );
      await expect(second.getByText('Another admin decided first')).toBeVisible();
      await expect(second.getByRole('row', { name: /Ada Up/ })).toHaveCount(1);
      const decisions = second.getByRole('table', { name: 'Decisions made, newest first' });
      await expect(decisions.getByRole('row', { name: /Ada Up/ })).toHaveCount(1);
      await expect(decisions.getByRole('row', { name: /Ada Up/ })).toContainText('approved');
      await shot(second, backend, 'promotions-conflict');

      // The second admin declines Ben's promotion; the tier stays.
      await second.getByRole('button', { name: `Decline tier 1 for @${ben.handle}` }).click();
      await expect(second.getByText(/Declined: @\S+ stays where they are/)).toBeVisible();
      await expect(decisions.getByRole('row', { name: /Ben Wait/ })).toContainText('declined');
      await expect(decisions.getByRole('row', { name: /Ben Wait/ })).toContainText(
        /admin-\w+@brand\.example/,
      );
      const download = second.waitForEvent('download');
      await second
        .locator('.table-wrap', { has: decisions })
        .getByRole('button', { name: 'Export CSV' })
        .click();
      expect((await download).suggestedFilename()).toBe('promotion-decisions.csv');
      await second.close();

      // Both consoles send a decision on Cy's demotion at once: one wins, one is told.
      const csrf = await (await page.request.get(`${world.server.url}/v1/console/session`)).json();
      const racer = await browser.newPage();
      const racerCsrf = await signInNew(racer, world, 'admin');
      const [a, b] = await Promise.all([
        page.request.post(`${world.server.url}/v1/admin/promotions/${cy.id}/approve`, {
          data: { toTier: 0 },
          headers: { 'x-csrf-token': (csrf as { csrfToken: string }).csrfToken },
        }),
        racer.request.post(`${world.server.url}/v1/admin/promotions/${cy.id}/decline`, {
          data: { toTier: 0 },
          headers: { 'x-csrf-token': racerCsrf },
        }),
      ]);
      expect([a.status(), b.status()].sort()).toEqual([200, 409]);
      const loser = a.status() === 409 ? a : b;
      expect(((await loser.json()) as { error: { code: string } }).error.code).toBe('conflict');
      await racer.close();

      const audit = await adminApi(world, 'GET', '/v1/admin/audit?limit=500');
      const actions = (
        audit.body.entries as { action: string; detail: { params: { id?: string } } }[]
      )
        .filter((e) => e.action.startsWith('POST /v1/admin/promotions/'))
        .map((e) => `${e.action} ${e.detail.params.id}`);
      expect(actions.sort()).toEqual(
        [
          `POST /v1/admin/promotions/:id/approve ${ada.id}`,
          `POST /v1/admin/promotions/:id/decline ${ben.id}`,
          `POST /v1/admin/promotions/:id/${a.status() === 200 ? 'approve' : 'decline'} ${cy.id}`,
        ].sort(),
      );
    });

    test('promotions: an analyst reads the evidence and decisions, and cannot decide', async ({
      page,
    }) => {
      const dee = await member(world, 'Dee Read', 0, true);
      const csrf = await signInNew(page, world, 'analyst');
      await openPage(page, world, 'promotions', 'Promotions');
      await expect(page.getByText('only owners and admins approve or decline')).toBeVisible();
      const row = page.getByRole('row', { name: /Dee Read/ });
      await expect(row).toContainText('Certified in billing — met');
      await expect(page.getByRole('button', { name: /^Approve/ })).toHaveCount(0);
      await expect(page.getByRole('button', { name: /^Decline/ })).toHaveCount(0);
      const refused = await page.request.post(
        `${world.server.url}/v1/admin/promotions/${dee.id}/approve`,
        { data: { toTier: 1 }, headers: { 'x-csrf-token': csrf } },
      );
      expect(refused.status()).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
      await shot(page, backend, 'promotions-analyst');
    });

    test('ladder: criteria and unlocks per tier, a refused field named there, the same save changes nothing', async ({
      page,
    }) => {
      await signInNew(page, world, 'admin');
      await openPage(page, world, 'ladder', 'Tier ladder');
      // The ladder the promotions test set.
      await expect(page.getByLabel('Tier 1 has requirements')).toBeChecked();
      await expect(page.getByLabel('Tier 1: certified skills required')).toHaveValue('billing');
      await expect(page.getByLabel('Tier 1: what it unlocks')).toHaveValue('Order history');
      await page.getByLabel('Tier 2 has requirements').check();
      await page.getByLabel('Tier 2: resolved cases, at least').fill('20');
      await page.getByLabel('Tier 2: rolling rating in stars, at least').fill('4.55');
      await page.getByLabel('Tier 2: reopen rate in percent, at most').fill('5');
      await page.getByLabel('Tier 2: days since joining, at least').fill('30');
      await page
        .getByLabel('Tier 2: what it unlocks')
        .fill('Customer e-mail\nRefund proposal (staff approve)');
      await page.getByRole('button', { name: 'Save the ladder' }).click();
      const rating = page.getByLabel('Tier 2: rolling rating in stars, at least');
      await expect(rating).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('#rung-2-minRating-error')).toHaveText('at most one decimal');
      await expect(page.getByRole('alert')).toContainText('rungs.1.minRating');
      await shot(page, backend, 'ladder-refused');
      expect((await adminApi(world, 'GET', '/v1/admin/ladder')).body.rungs).toHaveLength(1);

      await rating.fill('4.5');
      await page.getByRole('button', { name: 'Save the ladder' }).click();
      await expect(page.getByText('Saved the ladder.')).toBeVisible();
      await expect(rating).not.toHaveAttribute('aria-invalid', 'true');
      const saved = (await adminApi(world, 'GET', '/v1/admin/ladder')).body;
      expect(saved.rungs).toEqual([
        expect.objectContaining({ tier: 1, certifications: ['billing'] }),
        {
          tier: 2,
          minResolved: 20,
          minRating: 4.5,
          ratingWindow: 20,
          maxReopenRatePercent: 5,
          certifications: [],
          minTenureDays: 30,
          unlocks: ['Customer e-mail', 'Refund proposal (staff approve)'],
        },
      ]);
      await page.getByRole('button', { name: 'Save the ladder' }).click();
      await expect(
        page.getByText('Nothing changed: the ladder was already like this.'),
      ).toBeVisible();
      expect((await adminApi(world, 'GET', '/v1/admin/ladder')).body).toEqual(saved);
      await shot(page, backend, 'ladder');
    });

    test('unclaimed work: the fallback ladder with errors at their fields, and time to claim with CSV', async ({
      page,
    }) => {
      await signInNew(page, world, 'admin');
      const figures = page.waitForResponse((r) => r.url().includes('/v1/admin/time-to-claim'));
      await openPage(page, world, 'fallback', 'Unclaimed work');
      const widen = page.getByLabel('Widen to any skill at % of the SLA window');
      const bonusAt = page.getByLabel('Add the ageing bonus at % of the SLA window');
      const bonus = page.getByLabel('Ageing bonus, in minor units (cents)');
      const escalate = page.getByLabel('Hand to the contact centre at % of the SLA window');
      await expect(bonus).toHaveValue('0');
      await widen.fill('50');
      await bonusAt.fill('75');
      await escalate.fill('40');
      await page.getByRole('button', { name: 'Save the fallback ladder' }).click();
      await expect(bonus).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('#fallback-ageingBonusMinor-error')).toHaveText(
        'a bonus step needs an amount',
      );
      await expect(escalate).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('#fallback-escalateAtPercent-error')).toHaveText(
        'must not come before the step above it',
      );
      await expect(widen).not.toHaveAttribute('aria-invalid', 'true');
      expect((await adminApi(world, 'GET', '/v1/admin/fallback-rules')).body).toEqual({
        ageingBonusMinor: 0,
      });
      await shot(page, backend, 'fallback-refused');

      await bonus.fill('150');
      await expect(page.getByText('That is €1.50.')).toBeVisible();
      await escalate.fill('100');
      await page.getByRole('button', { name: 'Save the fallback ladder' }).click();
      await expect(page.getByText('Saved the fallback ladder.')).toBeVisible();
      const rules = {
        widenAtPercent: 50,
        bonusAtPercent: 75,
        ageingBonusMinor: 150,
        escalateAtPercent: 100,
      };
      expect((await adminApi(world, 'GET', '/v1/admin/fallback-rules')).body).toEqual(rules);
      await page.getByRole('button', { name: 'Save the fallback ladder' }).click();
      await expect(
        page.getByText('Nothing changed: the fallback ladder was already like this.'),
      ).toBeVisible();
      expect((await adminApi(world, 'GET', '/v1/admin/fallback-rules')).body).toEqual(rules);

      // The figures shown are the server's for the range asked.
      const first = (await (await figures).json()) as Record<string, number | null>;
      expect(first.tasks).toBeGreaterThan(0);
      const table = page.getByRole('table', { name: /how long they waited for a first claim/ });
      const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) });
      await expect(row('Tasks created')).toContainText(String(first.tasks));
      await expect(row('Claimed')).toContainText(String(first.claimed));
      await expect(row('Never claimed')).toContainText(String(first.unclaimed));
      const later = page.waitForResponse((r) => r.url().includes('/v1/admin/time-to-claim'));
      await page.getByLabel('From').fill('2020-01-01');
      const wide = (await (await later).json()) as Record<string, number | null>;
      expect(wide.tasks).toBeGreaterThanOrEqual(first.tasks!);
      await expect(row('Tasks created')).toContainText(String(wide.tasks));
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('time-to-claim.csv');
      const csv = readFileSync((await file.path())!, 'utf8');
      expect(csv).toContain(`tasks,${wide.tasks}`);
      expect(csv).toContain(`claimed,${wide.claimed}`);
      expect(csv).toContain(`p50Ms,${wide.p50Ms ?? ''}`);
      expect(csv).toContain(`p90Ms,${wide.p90Ms ?? ''}`);
      await shot(page, backend, 'fallback');
    });

    test('the three pages speak Arabic right to left', async ({ page }) => {
      await signInNew(page, world, 'owner');
      await openPage(page, world, 'promotions', 'Promotions');
      await page.getByLabel('Language', { exact: true }).selectOption('ar');
      for (const [hash, heading] of [
        ['promotions', 'الترقيات'],
        ['ladder', 'سلّم المستويات'],
        ['fallback', 'العمل غير المُطالَب به'],
      ] as const) {
        await openPage(page, world, hash, heading);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        await shot(page, backend, `${hash}-ar`);
      }
      await page.getByLabel('اللغة', { exact: true }).selectOption('en');
    });
  });
}
