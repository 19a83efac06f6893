import { mkdirSync } from 'node:fs';
import { saveSettings } from '../../src/core/settings';
import { expect, test } from './fixtures';
import { msg } from './i18nMessages';

/**
 * The main flows (feed, a ticket opened and answered, KB search, earnings, settings) in English,
 * Arabic (mirrored) and Japanese: every selector is the app's own wording from the catalogs, so
 * a view that still shows a hard-coded English string fails here. Screenshots land in
 * test-results/i18n/<view>-<locale>.png.
 */
for (const locale of ['en', 'ar', 'ja'] as const) {
  test(`main flows in ${locale}`, async ({ gigdesk }) => {
    const { page } = gigdesk;
    const m = (id: Parameters<typeof msg>[1], values?: Record<string, string | number>) =>
      msg(locale, id, values);
    const shot = (view: string) =>
      page.screenshot({ path: `test-results/i18n/${view}-${locale}.png` });
    mkdirSync('test-results/i18n', { recursive: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    saveSettings(gigdesk.db, { locale });

    await gigdesk.open();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
    await expect(page.getByRole('heading', { name: m('firstRun.welcome') })).toBeVisible();
    await shot('first-run');
    await page
      .getByRole('button', { name: m('firstRun.demo') })
      .last()
      .click();

    // Feed: the count is an ICU plural in the locale's own digits and words.
    const nav = page.getByRole('navigation', { name: m('nav.label') });
    const feed = page.getByRole('main', { name: m('nav.feed') });
    const rows = feed.getByRole('list', { name: m('feed.list.label') }).getByRole('listitem');
    await expect(rows.first()).toBeVisible();
    await expect(feed.getByRole('heading', { name: m('nav.feed'), level: 1 })).toBeVisible();
    await shot('feed');

    // Open the first task, claim it, answer the customer from My tickets.
    await rows.first().getByRole('button').first().click();
    const detail = page.getByRole('complementary').first();
    await expect(detail).toBeVisible();
    await detail.getByRole('button', { name: m('feed.detail.claim') }).click();
    await nav.getByRole('button', { name: m('nav.tickets') }).click();
    const tickets = page.getByRole('main', { name: m('nav.tickets') });
    await tickets
      .getByRole('list', { name: m('nav.tickets') })
      .getByRole('button')
      .first()
      .click();
    const reply = tickets.getByRole('textbox', { name: m('action.reply.label') });
    await expect(reply).toBeEnabled();
    const text = {
      en: 'Thanks, I am on it.',
      ar: 'شكرًا، أعمل على ذلك الآن.',
      ja: 'ありがとうございます。確認します。',
    }[locale];
    await reply.fill(text);
    await tickets.getByRole('button', { name: m('composer.send') }).click();
    await expect(tickets.getByRole('region', { name: m('thread.label') })).toContainText(text);
    await shot('ticket');

    // Knowledge base: search in the locale's UI; results or the no-match line, never English.
    await nav.getByRole('button', { name: m('nav.kb') }).click();
    const kb = page.getByRole('main', { name: m('nav.kb') });
    await kb.getByRole('searchbox', { name: m('kb.searchLabel') }).fill('refund');
    await expect(kb.getByRole('list', { name: m('kb.results') })).toBeVisible();
    await shot('kb');

    // Earnings: the estimate of nothing resolved yet is the empty state, in the locale.
    await nav.getByRole('button', { name: m('nav.earnings') }).click();
    const earnings = page.getByRole('main', { name: m('nav.earnings') });
    await expect(
      earnings.getByRole('heading', { name: m('nav.earnings'), level: 1 }),
    ).toBeVisible();
    await shot('earnings');

    // Settings: the language picker switches the whole app at once (here back and forth).
    await nav.getByRole('button', { name: m('nav.settings') }).click();
    const settings = page.getByRole('main', { name: m('nav.settings') });
    await expect(settings.getByLabel(m('settings.region.language'), { exact: true })).toHaveValue(
      locale,
    );
    await expect(settings.getByLabel(m('settings.region.timeZone'), { exact: true })).toBeVisible();
    await shot('settings');
    const other = locale === 'en' ? 'de' : 'en';
    await settings.getByLabel(m('settings.region.language'), { exact: true }).selectOption(other);
    await expect(page.getByRole('main', { name: msg(other, 'nav.settings') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    expect(pageErrors).toEqual([]);
  });
}
