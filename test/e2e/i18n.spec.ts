import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { saveSettings } from '../../src/core/settings';
import { catalogs } from '../../src/renderer/src/i18n/catalogs';
import { coreCatalogs } from '../../src/shared/i18n/catalogs';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { msg } from './i18nMessages';

/**
 * Every view in English, Arabic (mirrored) and Japanese: first run, the feed with a task open,
 * a ticket claimed and answered, the Not sent tray and an offer, the knowledge base with an
 * article open, earnings with a case worked out, and settings. Every selector is the app's own
 * wording from the catalogs, and at each view:
 * - no English text of the app is left on screen in Arabic or Japanese (any English catalog
 *   message of three words or more that the locale words differently);
 * - axe finds nothing serious or critical;
 * - a screenshot lands in test-results/i18n/<view>-<locale>.png.
 */

/** English UI sentences a translated screen must not show (demo content is English anyway). */
const englishSentences = (locale: 'ar' | 'ja') =>
  Object.entries(catalogs.en)
    .filter(([, en]) => !/[{<]/.test(en) && en.split(/\s+/).length >= 3)
    .filter(([id, en]) => catalogs[locale][id as keyof typeof catalogs.en] !== en)
    .map(([, en]) => en);

async function englishLeft(page: Page, locale: 'en' | 'ar' | 'ja'): Promise<string[]> {
  if (locale === 'en') return [];
  const shown = await page.evaluate(() => document.body.innerText);
  return englishSentences(locale).filter((sentence) => shown.includes(sentence));
}

for (const locale of ['en', 'ar', 'ja'] as const) {
  test(`every view in ${locale}`, async ({ gigdesk }) => {
    test.setTimeout(120_000);
    const { page } = gigdesk;
    const m = (id: Parameters<typeof msg>[1], values?: Record<string, string | number>) =>
      msg(locale, id, values);
    mkdirSync('test-results/i18n', { recursive: true });
    /** One view: in the locale's words only, accessible, photographed. */
    const view = async (name: string) => {
      expect(await englishLeft(page, locale), `${name}: English left`).toEqual([]);
      expect(await seriousViolations(page), `${name}: axe`).toEqual([]);
      await page.screenshot({ path: `test-results/i18n/${name}-${locale}.png` });
    };
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
    // A server address over plain http is refused in the locale's words, naming the host.
    await page.getByLabel(m('firstRun.address')).fill('http://feed.example.com');
    await page.getByLabel(m('firstRun.code')).fill('ABCD-EFGH');
    await page.getByRole('button', { name: m('firstRun.connect'), exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(
      m('error.serverUrl.plainHttp', { host: 'feed.example.com' }),
    );
    await view('first-run');
    await page
      .getByRole('button', { name: m('firstRun.demo') })
      .last()
      .click();

    // Feed, mirrored in Arabic: the sidebar sits at the inline start (the right).
    const nav = page.getByRole('navigation', { name: m('nav.label') });
    const feed = page.getByRole('main', { name: m('nav.feed') });
    const rows = feed.getByRole('list', { name: m('feed.list.label') }).getByRole('listitem');
    await expect(rows.first()).toBeVisible();
    await expect(feed.getByRole('heading', { name: m('nav.feed'), level: 1 })).toBeVisible();
    const [navBox, mainBox] = [await nav.boundingBox(), await feed.boundingBox()];
    if (locale === 'ar') expect(navBox!.x).toBeGreaterThan(mainBox!.x);
    else expect(navBox!.x).toBeLessThan(mainBox!.x);
    await view('feed');

    // A task open beside the feed, then claimed.
    await rows.first().getByRole('button').first().click();
    const detail = page.getByRole('complementary').first();
    await expect(detail.getByRole('list', { name: m('feed.detail.conversation') })).toBeVisible();
    await view('feed-task');
    await detail.getByRole('button', { name: m('feed.detail.claim') }).click();

    // My tickets: the ticket open, answered.
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
    await view('ticket');

    // The Not sent tray and an offer. The demo server refuses nothing and offers nothing to a
    // lone advocate, so the local database is given what a refused reply and a transfer leave
    // behind (the same rows core writes), and the view reads them as it would.
    const me = gigdesk.db.prepare('SELECT advocate_id FROM session').pluck().get() as string;
    const [offered] = gigdesk.db
      .prepare("SELECT id, subject FROM tasks WHERE status = 'open' AND holder_id IS NULL LIMIT 1")
      .all() as { id: string; subject: string }[];
    gigdesk.db
      .prepare('UPDATE tasks SET offered_to = ?, offer_expires_at = ? WHERE id = ?')
      .run(me, Date.now() + 9 * 60_000, offered!.id);
    gigdesk.db
      .prepare(
        `INSERT INTO unsent (task_id, subject, type, body, reason, reason_text, created_at)
         VALUES (NULL, ?, 'reply', ?, 'lease lapsed', ?, ?)`,
      )
      .run(
        offered!.subject,
        text,
        JSON.stringify({ id: 'error.lifecycle.claimExpired', values: {} }),
        Date.now(),
      );
    await nav.getByRole('button', { name: m('nav.feed') }).click();
    await nav.getByRole('button', { name: m('nav.tickets') }).click();
    const tray = tickets.getByRole('region', { name: m('notSent.label') });
    await expect(
      tray.getByRole('heading', { name: m('notSent.title', { count: 1 }) }),
    ).toBeVisible();
    await expect(tray.getByRole('button', { name: m('notSent.copy') })).toBeVisible();
    // Why, in the language shown (core's catalog), never the server's English.
    await expect(tray).toContainText(coreCatalogs[locale]['error.lifecycle.claimExpired']);
    await expect(tray).not.toContainText('lease lapsed');
    const offers = tickets.getByRole('region', { name: m('offers.title') });
    await expect(offers).toContainText(offered!.subject);
    await expect(offers.getByRole('button', { name: m('action.accept.label') })).toBeVisible();
    await view('not-sent-and-offers');
    await offers.getByRole('button', { name: m('action.decline.label') }).click();
    await tray.getByRole('button', { name: m('notSent.dismiss') }).click();
    await expect(tray).toHaveCount(0);

    // Resolve the ticket: its estimate is what Earnings explains.
    await tickets.getByRole('button', { name: m('action.resolve.label') }).click();
    const resolve = page.getByRole('dialog', { name: m('dialog.title', { kind: 'resolve' }) });
    await resolve.getByRole('button', { name: m('dialog.confirm', { kind: 'resolve' }) }).click();
    await expect(resolve).toHaveCount(0);

    // Knowledge base: search, then an article open.
    await nav.getByRole('button', { name: m('nav.kb') }).click();
    const kb = page.getByRole('main', { name: m('nav.kb') });
    await kb.getByRole('searchbox', { name: m('kb.searchLabel') }).fill('refund');
    const results = kb.getByRole('list', { name: m('kb.results') });
    await expect(results).toBeVisible();
    await view('kb');
    await results.getByRole('button').first().click();
    await expect(kb.getByRole('button', { name: m('kb.closeArticle') })).toBeVisible();
    await view('kb-article');

    // Earnings: totals with every status explained, the hourly rate or why it is missing, the
    // Excel BOM box, and the case worked out line by line with each line explained.
    await nav.getByRole('button', { name: m('nav.earnings') }).click();
    const earnings = page.getByRole('main', { name: m('nav.earnings') });
    await expect(earnings.getByRole('region', { name: m('earnings.today') })).toBeVisible();
    const legend = earnings.getByLabel(m('earnings.legend'));
    for (const status of ['estimated', 'pending', 'confirmed', 'paid'] as const)
      await expect(legend).toContainText(m(`earnings.statusHelp.${status}`));
    await expect(earnings.getByRole('checkbox', { name: m('earnings.export.bom') })).toBeVisible();
    await view('earnings');
    await earnings
      .getByRole('table', { name: m('earnings.ledger') })
      .getByRole('button')
      .first()
      .click();
    const breakdown = page.getByRole('dialog');
    await expect(breakdown).toContainText(m('earnings.lineHelp.base'));
    // The case's status (estimated, or pending once the demo server's entry arrived) explained.
    const statusHelp = (['estimated', 'pending', 'confirmed', 'paid'] as const).map((s) =>
      m(`earnings.statusHelp.${s}`),
    );
    await expect(breakdown).toContainText(
      new RegExp(statusHelp.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')),
    );
    await view('earnings-case');
    await page.keyboard.press('Escape');
    await expect(breakdown).toHaveCount(0);

    // Settings, then the language picker switches the whole app at once.
    await nav.getByRole('button', { name: m('nav.settings') }).click();
    const settings = page.getByRole('main', { name: m('nav.settings') });
    await expect(settings.getByLabel(m('settings.region.language'), { exact: true })).toHaveValue(
      locale,
    );
    await expect(settings.getByLabel(m('settings.region.timeZone'), { exact: true })).toBeVisible();
    await expect(
      settings.getByRole('button', { name: m('settings.diagnostics.copy') }),
    ).toBeVisible();
    await view('settings');
    const other = locale === 'en' ? 'de' : 'en';
    await settings.getByLabel(m('settings.region.language'), { exact: true }).selectOption(other);
    await expect(page.getByRole('main', { name: msg(other, 'nav.settings') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    expect(pageErrors).toEqual([]);
  });
}
