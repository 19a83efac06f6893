import { readFileSync } from 'node:fs';
import {
  applyLedgerEntry,
  applyRating,
  recordClaim,
  recordEstimate,
} from '../../src/core/earnings/apply';
import { saveSettings } from '../../src/core/settings';
import { parseCsv } from '../../src/shared/domain/csv';
import { computeCasePayout, type PayoutRules } from '../../src/shared/domain/payout';
import type { LedgerEntryView } from '../../src/shared/protocol';
import { expect, test, type GigdeskApp } from './fixtures';

const rules: PayoutRules = {
  currency: 'EUR',
  basePerComplexity: { '1': 200, '2': 350, '3': 500, '4': 800, '5': 1200 },
  outcomeMultiplierBps: { resolved: 10_000, escalated: 6_000, transferred: 3_000 },
  ratingBonus: { '1': 0, '2': 0, '3': 0, '4': 50, '5': 150 },
};
const comment = 'Sorted it in minutes, "really" kind,\nwould ask again';

function entry(
  e: Partial<LedgerEntryView> &
    Pick<LedgerEntryView, 'id' | 'taskId' | 'amountMinor' | 'occurredAt'>,
): LedgerEntryView {
  return {
    brandId: 'acme',
    kind: 'case',
    outcome: 'resolved',
    currency: 'EUR',
    status: 'pending',
    ruleVersion: 2,
    lines: [],
    ...e,
  };
}

/** Seeds the local database through the same write path the sync engine uses. */
function seed({ db }: GigdeskApp) {
  saveSettings(db, { timeZone: 'Europe/Berlin', locale: 'en-US' });
  const brand = db.prepare(
    'INSERT INTO brands (id, name, currency, updated_at) VALUES (?, ?, ?, 0)',
  );
  brand.run('acme', 'Acme Outdoor', 'EUR');
  brand.run('globex', 'Globex', 'USD');
  const task = db.prepare(
    `INSERT INTO tasks (id, brand_id, external_ref, subject, channel, complexity, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'email', ?, 'resolved', 0, 0)`,
  );
  task.run('t1', 'acme', 'r1', 'Refund for a torn tent', 4);
  task.run('t2', 'acme', 'r2', 'Where is my parcel?', 1);
  task.run('t3', 'globex', 'r3', 'Card declined twice', 3);
  task.run('t4', 'acme', 'r4', 'Change of address', 2);

  const escalated = computeCasePayout(rules, 2, { complexity: 4, outcome: 'escalated' });
  const l1 = (status: LedgerEntryView['status']) =>
    entry({
      id: 'L1',
      taskId: 't1',
      outcome: 'escalated',
      amountMinor: escalated.totalMinor,
      lines: escalated.lines,
      occurredAt: Date.UTC(2026, 2, 10, 12),
      status,
    });
  applyLedgerEntry(db, l1('pending'));
  applyLedgerEntry(db, l1('confirmed'));
  applyRating(db, {
    taskId: 't1',
    brandId: 'acme',
    score: 5,
    comment,
    tipMinor: null,
    ratedAt: Date.UTC(2026, 2, 10, 14),
  });
  applyLedgerEntry(
    db,
    entry({
      id: 'L2',
      taskId: 't1',
      kind: 'rating_bonus',
      outcome: null,
      amountMinor: 150,
      lines: [{ kind: 'rating_bonus', label: 'Bonus for a 5-star rating', amountMinor: 150 }],
      occurredAt: Date.UTC(2026, 2, 10, 14),
    }),
  );
  recordClaim(db, { taskId: 't2', brandId: 'acme', claimedAt: Date.UTC(2026, 2, 12, 9) });
  recordEstimate(db, {
    taskId: 't2',
    brandId: 'acme',
    computation: computeCasePayout(rules, 2, { complexity: 1, outcome: 'resolved' }),
    occurredAt: Date.UTC(2026, 2, 12, 9, 30),
  });
  applyLedgerEntry(
    db,
    entry({
      id: 'L3',
      taskId: 't3',
      brandId: 'globex',
      currency: 'USD',
      amountMinor: 900,
      occurredAt: Date.UTC(2026, 2, 15, 20),
    }),
  );
  // Resolved a moment ago: today's card.
  applyLedgerEntry(
    db,
    entry({ id: 'L4', taskId: 't4', amountMinor: 350, occurredAt: Date.now() - 60_000 }),
  );
}

test('earnings: totals, charts, a case worked out line by line, and a CSV export', async ({
  gigdesk,
}) => {
  const { page } = gigdesk;
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  seed(gigdesk);

  await gigdesk.open();
  await page.getByRole('button', { name: 'Look around first' }).click();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Earnings' })
    .click();
  const main = page.getByRole('main', { name: 'Earnings' });
  await expect(main.getByRole('region', { name: 'Today' })).toContainText('€3.50');

  // March 2026 as a custom range.
  await main.getByRole('button', { name: 'Custom range' }).click();
  await main.getByLabel('From', { exact: true }).fill('2026-03-01');
  await main.getByLabel('To', { exact: true }).fill('2026-03-31');
  await main.getByRole('button', { name: 'Show' }).click();
  // 480 (800 × 60%) + 150 bonus + 200 estimate in EUR; 900 in USD, never added to the euros.
  await expect(page.getByTestId('range-total-EUR')).toHaveText('€8.30');
  await expect(page.getByTestId('range-total-USD')).toHaveText('$9.00');

  // A bar per day of March, two of them with earnings, each named by its own day; one bar of
  // ratings (5 stars) in the rating chart.
  const daily = main.getByRole('figure', { name: 'Earnings per day' });
  const bars = daily.getByRole('listitem');
  await expect(bars).toHaveCount(31);
  await expect(daily.locator('.bar-chart__bar:not([data-value="0"])')).toHaveCount(2);
  await expect(bars.nth(9)).toHaveAttribute('title', 'Mar 10: €6.30');
  const ratings = main.getByRole('figure', { name: 'Rating distribution' });
  await expect(ratings).toContainText('Average 5.00 from 1 rating');
  await expect(ratings.locator('.bar-chart__bar:not([data-value="0"])')).toHaveCount(1);

  const table = main.getByRole('table', { name: 'Ledger entries' });
  await expect(table.getByRole('row')).toHaveCount(5); // header + 4 entries in March
  await expect(table.getByRole('row').filter({ hasText: 'Where is my parcel?' })).toContainText(
    'Estimated',
  );
  await page.screenshot({ path: 'test-results/earnings.png', fullPage: true });

  await table.getByRole('button', { name: 'Refund for a torn tent' }).first().click();
  const breakdown = page.getByRole('dialog', { name: 'Refund for a torn tent' });
  // Each line: its label, one sentence on what it is, its amount.
  await expect(breakdown.getByRole('row')).toHaveText([
    /^Base for complexity 4What the brand pays for a case of this complexity.*€8\.00$/,
    /^× 60% for escalated with a handoffThe brand pays a share of the base.*-€3\.20$/,
    /^Bonus for a 5-star ratingAdded when the customer rates the case.*\+€1\.50$/,
    /^= Total\s*€6\.30$/,
  ]);
  // The case counts as its least advanced entry (the bonus is still pending), explained.
  await expect(breakdown).toContainText('it can still be checked or corrected');
  await expect(breakdown).toContainText('Payout rules version 2');
  await expect(breakdown).toContainText('Confirmed');
  await expect(breakdown).toContainText('"really" kind');
  await page.screenshot({ path: 'test-results/earnings-case.png' });
  await page.keyboard.press('Escape');
  await expect(breakdown).toBeHidden();

  await main.getByRole('button', { name: 'Export CSV…' }).click();
  const status = main.getByRole('status').filter({ hasText: 'Saved 4 entries to' });
  await expect(status).toBeVisible();
  const path = (await status.textContent())!.replace(/^Saved 4 entries to /, '');
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const col = (name: string) => header!.indexOf(name);
  const totals: Record<string, number> = {};
  for (const r of rows)
    totals[r[col('currency')]!] =
      (totals[r[col('currency')]!] ?? 0) + Number(r[col('amount_minor')]);
  expect(totals).toEqual({ EUR: 830, USD: 900 });
  expect(rows.find((r) => r[col('case_id')] === 't1')![col('rating_comment')]).toBe(comment);
  expect(rows.map((r) => r[col('status')]).sort()).toEqual([
    'confirmed',
    'estimated',
    'pending',
    'pending',
  ]);
  expect(pageErrors).toEqual([]);
});
