/** What every console e2e spec does with a page: check it with axe and shoot it, sign in, open. */
import { expect, type Page } from '@playwright/test';
import { pgTestUrl } from '../../support/serverBackends';
import { seriousViolations } from '../axe';
import { type ConsoleWorld, PASSWORD } from './world';

/** SQLite always; PostgreSQL when GIGDESK_TEST_PG_URL is set (run under flock /tmp/pg.lock). */
export const backends = (['sqlite', 'postgres'] as const).filter(
  (b) => b === 'sqlite' || pgTestUrl(),
);

/** axe with no serious or critical violation, then a screenshot in test-results/console/. */
export async function shot(page: Page, backend: string, name: string) {
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  await page.screenshot({ path: `test-results/console/${backend}-${name}.png`, fullPage: true });
}

/** Signs the page's browser context in through the API (the cookie is the context's). */
export async function signInAs(page: Page, world: ConsoleWorld, email: string, hash = 'overview') {
  const res = await page.request.post(`${world.server.url}/v1/console/login`, {
    data: { email, password: PASSWORD },
  });
  expect(res.status()).toBe(200);
  await page.goto(`${world.server.url}/console/#/${hash}`);
}

/** Opens a page from the navigation and waits for its heading. */
export async function open(page: Page, link: string, heading = link) {
  await page.getByRole('navigation').getByRole('link', { name: link }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}
