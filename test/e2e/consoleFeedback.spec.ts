/**
 * The console's Article feedback page (issue 20, feedback that comes back) in Chromium against a
 * real feed server, on SQLite and (with GIGDESK_TEST_PG_URL) PostgreSQL: advocates' latest
 * "helpful / outdated" votes summed per article, most outdated first; another brand's votes
 * never show; axe with no serious or critical violation; a screenshot in test-results/console/.
 */
import { expect, test } from '@playwright/test';
import { InviteRequest } from '../../src/shared/protocol';
import { pgTestUrl } from '../support/serverBackends';
import { seriousViolations } from './axe';
import { type ConsoleWorld, SHIFT_MS, signInNew, startConsoleWorld } from './console/world';

const backends = (['sqlite', 'postgres'] as const).filter((b) => b === 'sqlite' || pgTestUrl());

for (const backend of backends) {
  test.describe(`console article feedback on ${backend}`, () => {
    let world: ConsoleWorld;
    test.beforeAll(async () => {
      world = await startConsoleWorld(backend);
    });
    test.afterAll(async () => world?.close());

    test('sums each advocate’s latest vote per article, most outdated first', async ({ page }) => {
      const store = world.server.store;
      const now = Date.now() + SHIFT_MS;
      const res = await fetch(`${world.server.url}/v1/admin/content?kind=article`, {
        headers: { authorization: `Bearer ${world.adminKey}` },
      });
      const { items } = (await res.json()) as { items: { id: string; title: string }[] };
      const [a, b] = items;
      const voters: { id: string }[] = [];
      for (const name of ['Ana', 'Ben', 'Cy']) {
        const email = `${name.toLowerCase()}@advocates.example`;
        const inv = await store.invite(world.brandId, InviteRequest.parse({ email, name }), now);
        voters.push((await store.redeem(inv.inviteCode, 'e2e', now)).advocate);
      }
      const vote = (i: number, articleId: string, v: 'helpful' | 'outdated', at: number) =>
        store.trust.recordKbVotes(
          { id: voters[i]!.id, brandIds: [world.brandId] },
          [{ articleId, vote: v, votedAt: at }],
          now,
        );
      // Ana changes her mind on A (her later vote counts); Ben and Cy call A outdated; B helpful.
      await vote(0, a!.id, 'outdated', now - 5_000);
      await vote(0, a!.id, 'helpful', now - 1_000);
      await vote(1, a!.id, 'outdated', now - 2_000);
      await vote(2, a!.id, 'outdated', now - 2_000);
      await vote(2, b!.id, 'helpful', now - 2_000);
      // A delayed retry of Ana's older vote does not replace her newer one.
      await vote(0, a!.id, 'outdated', now - 5_000);

      await signInNew(page, world, 'analyst');
      await page.goto(`${world.server.url}/console/#/articleFeedback`);
      await expect(page.getByRole('heading', { level: 1, name: 'Article feedback' })).toBeVisible();
      const rows = page.getByRole('table').getByRole('row');
      await expect(rows).toHaveCount(3);
      const cells = async (i: number) =>
        (await rows.nth(i).getByRole('cell').allTextContents()).map((c) => c.trim());
      const first = await cells(1);
      expect([first[0], first[2], first[3]]).toEqual([a!.title, '2', '1']);
      const second = await cells(2);
      expect([second[0], second[2], second[3]]).toEqual([b!.title, '0', '1']);
      expect(await seriousViolations(page), 'axe on article feedback').toEqual([]);
      await page.screenshot({
        path: `test-results/console/${backend}-article-feedback.png`,
        fullPage: true,
      });
    });
  });
}
