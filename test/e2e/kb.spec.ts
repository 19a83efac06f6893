import type { Page } from '@playwright/test';
import { applyArticleChange } from '../../src/core/kb/apply';
import type { ArticleView } from '../../src/shared/protocol';
import { expect, test } from './fixtures';

const day = (d: number) => Date.UTC(2026, 0, d);

/** Realistic articles, one of them carrying what a compromised feed could send. */
const articles: ArticleView[] = [
  {
    id: 'art-refund',
    brandId: 'nordtur',
    externalRef: 'refund-damaged',
    title: 'Refund a damaged parcel',
    tags: ['refunds', 'shipping'],
    updatedAt: day(10),
    bodyMarkdown: [
      '## When to refund',
      'Ask the customer for **two photos** of the damaged parcel, then refund in full.',
      'See also the [returns window](kb:returns-window) and the [carrier policy](https://carrier.example.com/policy).',
      '<img src="x" onerror="window.__pwned = 1">',
      '[Claim your prize](javascript:window.__pwned=2)',
      '<svg onload="window.__pwned = 3"><circle r="5"></circle></svg>',
      '<script>window.__pwned = 4</script>',
      '<a href="https://tracker.example.com" onclick="window.__pwned = 5">tracked link</a>',
      '<iframe src="https://evil.example.com"></iframe>',
    ].join('\n\n'),
  },
  {
    id: 'art-returns',
    brandId: 'nordtur',
    externalRef: 'returns-window',
    title: 'Returns window and conditions',
    tags: ['returns'],
    updatedAt: day(8),
    bodyMarkdown: 'Customers can return unused items within **30 days** of delivery.',
  },
  {
    id: 'art-shipping',
    brandId: 'nordtur',
    externalRef: 'shipping-norway',
    title: 'Shipping to Norway: times and costs',
    tags: ['shipping'],
    updatedAt: day(6),
    bodyMarkdown: 'Parcels to Norway take 3–5 working days. A damaged parcel is refunded.',
  },
  {
    id: 'art-boots',
    brandId: 'nordtur',
    externalRef: 'care-boots',
    title: 'Caring for leather hiking boots',
    tags: ['care'],
    updatedAt: day(4),
    bodyMarkdown: 'Clean with a soft brush, dry away from heat, wax twice a season.',
  },
];

async function openKnowledgeBase(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Knowledge base' })
    .click();
  await expect(page.getByRole('main', { name: 'Knowledge base' })).toBeVisible();
}

test('with no server at all: search the local KB as you type, open an article, nothing hostile runs', async ({
  gigdesk,
}) => {
  const { page, db } = gigdesk;
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const popups: string[] = [];
  page.on('popup', (popup) => popups.push(popup.url()));
  // The sync write path, as a sync page applies it.
  db.transaction(() => {
    let seq = 1;
    for (const article of articles)
      applyArticleChange(db, { seq: seq++, kind: 'article', article });
  })();

  await gigdesk.open();
  await page.getByRole('button', { name: 'Look around first' }).click();
  await openKnowledgeBase(page);
  const main = page.getByRole('main', { name: 'Knowledge base' });
  await expect(main.getByText('Offline · searching the copy on this computer')).toBeVisible();
  await expect(main.getByText('4 articles')).toBeVisible();

  const box = main.getByLabel('Search the knowledge base');
  await box.pressSequentially('damaged parc', { delay: 30 });
  const results = main.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('button')).toHaveCount(2);
  // Title match first; the matched words are highlighted.
  const first = results.getByRole('button').first();
  await expect(first).toContainText('Refund a damaged parcel');
  await expect(first.locator('mark')).toHaveText(['damaged', 'parcel', 'damaged', 'parcel']);
  await expect(results.getByRole('button').nth(1)).toContainText('Shipping to Norway');
  await expect(
    results.getByRole('button').first().locator('.kb-result__snippet'),
  ).not.toContainText('<img');

  await box.press('Enter');
  const article = main.getByRole('article', { name: 'Refund a damaged parcel' });
  await expect(article.getByRole('heading', { name: 'When to refund' })).toBeVisible();
  await expect(article.locator('strong')).toHaveText('two photos');

  // Sanitized in the real browser: no handler ran, nothing executable is left in the DOM.
  await page.waitForTimeout(200);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  const leftovers = await article.evaluate((el) => ({
    dangerous: el.querySelectorAll(
      'script, svg, iframe, img, object, embed, [onerror], [onload], [onclick]',
    ).length,
    badLinks: Array.from(el.querySelectorAll('a'))
      .map((a) => a.getAttribute('href') ?? '')
      .filter((href) => /^(javascript|data|vbscript):/i.test(href.trim())),
  }));
  expect(leftovers).toEqual({ dangerous: 0, badLinks: [] });
  await expect(article.getByText('Claim your prize')).toBeVisible();

  // External links go to the system browser (target=_blank, which the main process hands over).
  const external = article.getByRole('link', { name: 'carrier policy' });
  await expect(external).toHaveAttribute('target', '_blank');
  await expect(external).toHaveAttribute('rel', 'noopener noreferrer');

  // A link to another article opens it inside the app.
  await article.getByRole('link', { name: 'returns window' }).click();
  await expect(main.getByRole('article', { name: 'Returns window and conditions' })).toBeVisible();
  expect(popups).toEqual([]);

  // No article holds both words: those with either still answer; a word nothing is spelled
  // like finds nothing; a finished word is not a prefix.
  await box.fill('parcel boots ');
  await expect(results.getByRole('button').filter({ hasText: 'hiking boots' })).toHaveCount(1);
  await expect(
    results.getByRole('button').filter({ hasText: 'Refund a damaged parcel' }),
  ).toHaveCount(1);
  await box.fill('xylophone ');
  await expect(main.getByText('No articles match these words.')).toBeVisible();
  await box.fill('hiking bo');
  await expect(results.getByRole('button')).toHaveText([/Caring for leather hiking boots/]);

  // Deleted by sync: gone from the results.
  applyArticleChange(db, {
    seq: 99,
    kind: 'article_delete',
    articleId: 'art-boots',
    brandId: 'nordtur',
  });
  await box.fill('hiking boots');
  await expect(main.getByText('No articles match these words.')).toBeVisible();
  await page.screenshot({ path: 'test-results/kb-offline.png', fullPage: true });
  expect(pageErrors).toEqual([]);
});

test('demo workspace: articles arrive through sync; with the server stopped the KB still searches', async ({
  gigdesk,
}) => {
  const { page } = gigdesk;
  await gigdesk.open();
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  await expect(page.getByText('Demo workspace', { exact: true })).toBeVisible();
  await expect
    .poll(() => gigdesk.db.prepare('SELECT count(*) FROM articles').pluck().get() as number, {
      timeout: 20_000,
    })
    .toBeGreaterThan(50);

  await gigdesk.demo.server!.close();
  await gigdesk.demo.proxy?.down();

  await openKnowledgeBase(page);
  const main = page.getByRole('main', { name: 'Knowledge base' });
  const box = main.getByLabel('Search the knowledge base');
  await box.pressSequentially('warranty tent', { delay: 20 });
  const results = main.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('button').first()).toContainText(/Warranty and repairs: .*tent/);
  await results.getByRole('button').first().click();
  const article = main.getByRole('article', { name: /^Warranty and repairs: .*tent$/ });
  await expect(article.getByRole('heading', { name: 'How to claim' })).toBeVisible();
  // The sync engine notices the server is gone; the KB view says it searches the local copy.
  await gigdesk.handlers['sync:now'](undefined);
  await expect(main.getByText('Offline · searching the copy on this computer')).toBeVisible();
  await page.screenshot({ path: 'test-results/kb-demo-offline.png', fullPage: true });
});

test('in a ticket, with the server stopped: search the KB, open an article, insert it into the reply', async ({
  gigdesk,
}) => {
  const { page } = gigdesk;
  await gigdesk.open();
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  const feed = page.getByRole('main', { name: 'Feed' }).getByRole('list', { name: 'Open tasks' });
  const first = feed.getByRole('listitem').first();
  await expect(first).toBeVisible({ timeout: 20_000 });
  await first.getByRole('button', { name: 'Claim' }).click();
  await nav.getByRole('button', { name: 'My tickets' }).click();
  const item = page.getByRole('list', { name: 'My tickets' }).getByRole('listitem').first();
  await expect(item).toContainText('Held until', { timeout: 15_000 });
  await item.getByRole('button').click();

  // The network goes away; the knowledge base is on this computer.
  await gigdesk.demo.server!.close();
  await gigdesk.demo.proxy?.down();

  const panel = page.getByRole('complementary', { name: 'Knowledge base' });
  await panel.getByLabel('Search articles for this ticket').pressSequentially('warranty tent', {
    delay: 20,
  });
  const results = panel.getByRole('list', { name: 'Results' });
  const article = panel.getByRole('article');
  // The last result's article opens below the whole list: the panel brings it into view.
  await expect(results.getByRole('button')).not.toHaveCount(1);
  await results.getByRole('button').last().click();
  const title = article.getByRole('heading', { level: 3 }).first();
  await expect(title).toBeFocused();
  const panelBox = (await panel.boundingBox())!;
  const titleBox = (await title.boundingBox())!;
  const panelBottom = Math.min(panelBox.y + panelBox.height, page.viewportSize()!.height);
  expect(titleBox.y, 'article title below the panel top').toBeGreaterThanOrEqual(panelBox.y);
  expect(titleBox.y + titleBox.height, 'article title above the panel bottom').toBeLessThanOrEqual(
    panelBottom,
  );
  await results.getByRole('button').first().click();
  await expect(article.getByRole('heading', { level: 3 }).first()).toContainText('Warranty');
  await panel.getByRole('button', { name: 'Insert excerpt' }).click();
  const reply = page.getByRole('region', { name: 'Composer' }).locator('textarea');
  // The excerpt and where it comes from, as text the customer can read.
  await expect(reply).toHaveValue(/warranty against defects[\s\S]*— Warranty and repairs: /);
  await page.screenshot({ path: 'test-results/kb-insert-into-reply.png', fullPage: true });
});
