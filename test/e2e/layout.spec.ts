import { writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { emitToPage } from './bridge';
import { expect, test, type GigdeskApp } from './fixtures';

/**
 * Every view and state of the app at three window sizes, light and dark: a screenshot of each
 * in test-results/screens/, the geometry the layout promises (the conversation has the most
 * room, Send is never below the fold, feed rows never overlap) and axe with no serious or
 * critical violation.
 */
const sizes = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
type Size = (typeof sizes)[number];
type Theme = 'light' | 'dark';

/** The conversation column is at least this wide at every size (px). */
const MIN_CONVERSATION = 480;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const box = async (locator: Locator): Promise<Box> => {
  const b = await locator.boundingBox();
  expect(b, 'element has a box').not.toBeNull();
  return b!;
};
const insideViewport = (b: Box, size: Size) =>
  b.x >= 0 && b.y >= 0 && b.x + b.width <= size.width && b.y + b.height <= size.height;

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const go = async (page: Page, view: string) => {
  await nav(page).getByRole('button', { name: view }).click();
  await expect(page.getByRole('main', { name: view })).toBeVisible();
};

class Screens {
  readonly seen: string[] = [];
  constructor(
    private readonly page: Page,
    private readonly theme: Theme,
  ) {}

  /** Screenshot of this state, then axe: no serious or critical violation. */
  async check(view: string, size: Size) {
    const name = `${view}-${size.width}x${size.height}-${this.theme}`;
    await this.page.evaluate(() => document.fonts.ready);
    await this.page.screenshot({ path: `test-results/screens/${name}.png` });
    this.seen.push(name);
    expect.soft(await seriousViolations(this.page), `axe on ${name}`).toEqual([]);
  }
}

/** The app with the demo workspace open, one ticket claimed and one resolved (for earnings). */
async function openDemo(gigdesk: GigdeskApp) {
  const { page, handlers } = gigdesk;
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  await expect(page.getByText('Demo workspace', { exact: true })).toBeVisible();
  // The first sync has landed when the feed shows tasks (the demo opens before it ends).
  const openTasks = page
    .getByRole('main', { name: 'Feed' })
    .getByRole('list', { name: 'Open tasks' });
  await expect(openTasks.getByRole('listitem').first()).toBeVisible({ timeout: 20_000 });
  const tasks = await handlers['feed:list']({
    ...(await handlers['feed:prefs'](undefined)),
    offset: 0,
    limit: 2,
    withTotal: false,
  });
  const [kept, resolved] = tasks.tasks;
  await handlers['feed:claim']({ taskId: kept!.id });
  await handlers['feed:claim']({ taskId: resolved!.id });
  await handlers['sync:now'](undefined);
  await handlers['tickets:act']({
    taskId: resolved!.id,
    type: 'resolve',
    summary: 'Refund issued.',
  });
  await handlers['sync:now'](undefined);
  return { kept: kept!, resolved: resolved! };
}

async function walk(gigdesk: GigdeskApp, theme: Theme) {
  const { page } = gigdesk;
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const screens = new Screens(page, theme);
  const measured: Record<string, unknown>[] = [];
  await gigdesk.handlers['settings:set']({ theme });
  await gigdesk.open();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

  for (const size of sizes) {
    await page.setViewportSize(size);
    await expect(page.getByRole('heading', { name: 'Welcome to Gigdesk' })).toBeVisible();
    await screens.check('first-run', size);
  }

  const { kept } = await openDemo(gigdesk);

  for (const size of sizes) {
    await page.setViewportSize(size);

    // Feed with the task panel open: rows never overlap, nor spill out of their slot.
    await go(page, 'Feed');
    const feed = page.getByRole('main', { name: 'Feed' });
    const rows = feed.locator('[data-task-id]');
    await rows.first().click();
    await expect(feed.getByRole('complementary', { name: /^Task:/ })).toBeVisible();
    const rowBoxes = await rows.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        // Everything the row shows lies inside the row (a wrapped line would spill into the next).
        const fits = [...el.querySelectorAll('*')].every((child) => {
          const c = child.getBoundingClientRect();
          return c.height === 0 || (c.top >= r.top - 1 && c.bottom <= r.bottom + 1);
        });
        return { top: r.top, bottom: r.bottom, fits };
      }),
    );
    expect(rowBoxes.length).toBeGreaterThan(3);
    rowBoxes.sort((a, b) => a.top - b.top);
    for (let i = 0; i < rowBoxes.length; i++) {
      expect.soft(rowBoxes[i]!.fits, `feed row ${i} fits its height`).toBe(true);
      if (i > 0) expect.soft(rowBoxes[i]!.top).toBeGreaterThanOrEqual(rowBoxes[i - 1]!.bottom - 1);
    }
    await screens.check('feed-task', size);

    // My tickets with the ticket open: the conversation is the widest column, Send in view.
    await go(page, 'My tickets');
    await page
      .getByRole('list', { name: 'My tickets' })
      .getByRole('button', { name: new RegExp(escape(kept.subject)) })
      .click();
    const conversation = page.getByRole('article');
    await expect(page.getByRole('heading', { level: 2, name: kept.subject })).toBeVisible();
    const convo = await box(conversation);
    const list = await box(page.getByRole('navigation', { name: 'Ticket list' }));
    const sidebar = await box(nav(page));
    expect.soft(convo.width, 'conversation ≥ minimum').toBeGreaterThanOrEqual(MIN_CONVERSATION);
    expect.soft(convo.width, 'conversation wider than the ticket list').toBeGreaterThan(list.width);
    expect.soft(convo.width, 'conversation wider than the sidebar').toBeGreaterThan(sidebar.width);
    const kb = page.getByRole('complementary', { name: 'Knowledge base' });
    const drawer = page
      .getByRole('main', { name: 'My tickets' })
      .getByRole('button', { name: 'Knowledge base', exact: true });
    if (await drawer.isVisible()) {
      // Narrow window: the KB panel is a drawer, closed until asked for.
      await expect(kb).toBeHidden();
    } else {
      expect
        .soft(convo.width, 'conversation wider than the KB panel')
        .toBeGreaterThan((await box(kb)).width);
    }
    const send = page.getByRole('button', { name: 'Send reply' });
    const sendBox = await box(send);
    measured.push({
      size: `${size.width}x${size.height}`,
      theme,
      conversation: Math.round(convo.width),
      ticketList: Math.round(list.width),
      sidebar: Math.round(sidebar.width),
      kbPanel: (await drawer.isVisible()) ? 'drawer' : Math.round((await box(kb)).width),
      sendBottom: Math.round(sendBox.y + sendBox.height),
    });
    expect.soft(insideViewport(await box(send), size), 'Send reply inside the window').toBe(true);
    const lastMessage = conversation.getByRole('listitem').last();
    expect
      .soft(
        insideViewport(await box(lastMessage), size) ||
          (await box(lastMessage)).y < size.height - (await box(send)).height,
        'the newest message is in view',
      )
      .toBe(true);
    // The header stays one line whatever the sync engine says, even a raw transport error.
    const header = page.getByRole('banner');
    const headerHeight = (await box(header)).height;
    await emitToPage(page, 'sync:status', {
      state: 'error',
      lastSyncedAt: Date.now() - 60_000,
      message: `request to ${gigdesk.demo.server?.url ?? 'the server'}/v1/sync failed, reason: other side closed (UND_ERR_SOCKET) while reading the response body; retrying with backoff`,
    });
    await expect(header.getByText('Sync error')).toBeVisible();
    // A raw transport failure reads as what it means; the raw text is only in the tooltip.
    const syncBadge = header.getByRole('status');
    await expect(syncBadge).toContainText('Offline — your work is saved here');
    await expect(syncBadge).not.toContainText('other side closed');
    await expect(syncBadge).toHaveAttribute('title', /other side closed/);
    expect.soft((await box(header)).height, 'header height with a long error').toBe(headerHeight);
    expect.soft(headerHeight).toBeLessThanOrEqual(60);
    await emitToPage(page, 'sync:status', await gigdesk.handlers['sync:current'](undefined));
    await screens.check('tickets-open', size);

    if (await drawer.isVisible()) {
      await drawer.click();
      await expect(kb).toBeVisible();
      expect.soft(insideViewport(await box(kb), size), 'KB drawer inside the window').toBe(true);
      await screens.check('tickets-kb-drawer', size);
      await drawer.click();
      await expect(kb).toBeHidden();
    }

    // The action dialog, the command palette and the shortcut sheet.
    await page.getByRole('heading', { level: 2, name: kept.subject }).focus();
    await page.keyboard.press('e');
    await expect(page.getByRole('dialog', { name: 'Escalate this ticket' })).toBeVisible();
    await screens.check('tickets-action-dialog', size);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog', { name: /command/i })).toBeVisible();
    await screens.check('tickets-palette', size);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.getByRole('heading', { level: 2, name: kept.subject }).focus();
    await page.keyboard.press('Shift+?');
    await expect(page.getByRole('dialog', { name: /keyboard shortcuts/i })).toBeVisible();
    await screens.check('tickets-shortcuts', size);
    // A click on the backdrop closes it; a click inside does not.
    await page.getByRole('dialog').getByRole('term').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.mouse.click(5, size.height - 5);
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // The knowledge base with an article open: the article is in view.
    await go(page, 'Knowledge base');
    const kbView = page.getByRole('main', { name: 'Knowledge base' });
    await kbView.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('tent');
    const results = kbView.getByRole('list', { name: 'Search results' });
    await results.getByRole('button').first().click();
    const article = kbView.getByRole('region', { name: 'Article' });
    await expect(article.getByRole('heading').first()).toBeVisible();
    const articleTop = await box(article.getByRole('heading').first());
    expect
      .soft(articleTop.y + articleTop.height, 'article title in view')
      .toBeLessThanOrEqual(size.height);
    await screens.check('kb-article', size);

    await go(page, 'Earnings');
    await expect(page.getByRole('table', { name: 'Ledger entries' })).toBeVisible();
    await screens.check('earnings', size);
    await page
      .getByRole('table', { name: 'Ledger entries' })
      .getByRole('row')
      .nth(1)
      .getByRole('button')
      .first()
      .click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await screens.check('earnings-case', size);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await go(page, 'Settings');
    await screens.check('settings', size);
  }
  await outcomeState(gigdesk, screens, kept.subject);
  expect(pageErrors).toEqual([]);
  // The figures behind the geometry assertions, for the record.
  writeFileSync(`test-results/screens/geometry-${theme}.json`, JSON.stringify(measured, null, 2));
  return screens.seen;
}

/**
 * After a closing action the ticket says what happened and offers the next ticket: the banner,
 * with focus on its button, fits the window at every size; the button opens the next ticket.
 */
async function outcomeState(gigdesk: GigdeskApp, screens: Screens, nextSubject: string) {
  const { page, handlers } = gigdesk;
  const [task] = (
    await handlers['feed:list']({
      ...(await handlers['feed:prefs'](undefined)),
      offset: 0,
      limit: 1,
      withTotal: false,
    })
  ).tasks;
  await handlers['feed:claim']({ taskId: task!.id });
  await handlers['sync:now'](undefined);
  await go(page, 'Feed');
  await go(page, 'My tickets');
  await page
    .getByRole('list', { name: 'My tickets' })
    .getByRole('button', { name: new RegExp(escape(task!.subject)) })
    .click();
  await page.getByRole('button', { name: 'Escalate…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Escalate this ticket' });
  await dialog.getByRole('textbox', { name: /Handoff note/ }).fill('Refund above my limit.');
  await dialog.getByRole('button', { name: 'Escalate' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const said = page.getByRole('status').filter({ hasText: /^Escalated\./ });
  await expect(said).toContainText('handoff note');
  const next = page.getByRole('button', { name: 'Next ticket' });
  await expect(next).toBeFocused();
  for (const size of sizes) {
    await page.setViewportSize(size);
    expect.soft(insideViewport(await box(next), size), 'Next ticket inside the window').toBe(true);
    await screens.check('tickets-outcome', size);
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: nextSubject })).toBeVisible();
  await expect(next).toHaveCount(0);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const theme of ['light', 'dark'] as const) {
  test(`every view at 1024×640, 1280×800 and 1920×1080 (${theme}): room for the conversation, Send in view, axe clean`, async ({
    gigdesk,
  }) => {
    test.setTimeout(300_000);
    const seen = await walk(gigdesk, theme);
    expect(seen.length).toBeGreaterThanOrEqual(sizes.length * 11);
  });
}

test('before connecting, every view says what will appear there, light and dark, axe clean', async ({
  gigdesk,
}) => {
  const { page } = gigdesk;
  await gigdesk.open();
  await page.getByRole('button', { name: 'Look around first' }).click();
  const size = sizes[0];
  await page.setViewportSize(size);
  for (const theme of ['light', 'dark'] as const) {
    await go(page, 'Settings');
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const screens = new Screens(page, theme);
    for (const [view, title] of [
      ['Feed', 'No tasks yet'],
      ['My tickets', 'You have no tickets'],
      ['Knowledge base', 'No articles yet'],
      ['Earnings', 'No earnings yet'],
    ] as const) {
      await go(page, view);
      await expect(page.getByRole('heading', { name: title })).toBeVisible();
      await screens.check(`empty-${view.toLowerCase().replace(/ /g, '-')}`, size);
    }
  }
});
