import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../src/server';
import { MacroPush, TaskPush, type Escalation } from '../../src/shared/protocol';
import { createTestCore, type TestCore } from '../support/core';
import { testPayoutRules, testTask } from '../support/feedServer';
import { seriousViolations } from './axe';
import { expect, test, type GigdeskApp } from './fixtures';

/** A brand on a real feed server whose admin key the test keeps (for the admin API). */
interface Brand {
  server: RunningServer;
  dbFile: string;
  adminKey: string;
  brandId: string;
  invites: string[];
  dir: string;
}

const subjects = [
  'Parcel never arrived',
  'Wrong size delivered',
  'Refund for a broken tent',
  'Change my address',
];

async function startBrand(): Promise<Brand> {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-tickets-'));
  const dbFile = join(dir, 'server.sqlite');
  const server = await startServer({ db: dbFile, port: 0, leaseSweepMs: 0 });
  const now = Date.now();
  const { brand, adminKey } = await server.store.createBrand(
    { name: 'Acme Outdoor', currency: 'EUR', leaseMinutes: 30 },
    now,
  );
  await server.store.setPayoutRules(brand.id, testPayoutRules, now);
  const macros = JSON.parse(
    readFileSync(resolve(__dirname, '../../resources/demo/macros.json'), 'utf8'),
  ) as unknown[];
  await server.store.upsertMacros(
    brand.id,
    macros.map((m) => MacroPush.parse(m)),
    now,
  );
  await server.store.upsertTasks(
    brand.id,
    subjects.map((subject, i) =>
      TaskPush.parse(
        testTask(`case-${i}`, i, {
          subject,
          complexity: 3,
          customerName: 'Grace Hopper',
          slaDueAt: now + (i + 1) * 40 * 60_000,
          messages: [
            {
              author: 'customer',
              body: `${subject}. Reach me at grace@example.com`,
              createdAt: now - 60_000,
            },
          ],
        }),
      ),
    ),
    now,
  );
  const invites: string[] = [];
  for (const name of ['Ada Lovelace', 'Bo Berg']) {
    const inv = await server.store.invite(
      brand.id,
      {
        email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
        name,
        skills: ['billing', 'shipping'],
        tier: 1,
      },
      now,
    );
    invites.push(inv.inviteCode);
  }
  return { server, dbFile, adminKey, brandId: brand.id, invites, dir };
}

async function signIn(gigdesk: GigdeskApp, brand: Brand) {
  await gigdesk.handlers['session:connect']({
    serverUrl: brand.server.url,
    inviteCode: brand.invites[0]!,
  });
  await gigdesk.open();
  await expect(openTasks(gigdesk.page).getByRole('listitem').first()).toBeVisible();
}

const openTasks = (page: Page) =>
  page.getByRole('main', { name: 'Feed' }).getByRole('list', { name: 'Open tasks' });
const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();

/** Claims the task with this subject from the feed, then opens it under My tickets. */
async function claimAndOpen(page: Page, subject: string) {
  await nav(page, 'Feed');
  await openTasks(page)
    .getByRole('listitem')
    .filter({ hasText: subject })
    .getByRole('button', { name: 'Claim' })
    .click();
  await nav(page, 'My tickets');
  const item = page
    .getByRole('list', { name: 'My tickets' })
    .getByRole('listitem')
    .filter({ hasText: subject });
  await expect(item).toContainText('Held until', { timeout: 15_000 });
  await item.getByRole('button').click();
  await expect(page.getByRole('heading', { level: 2, name: subject })).toBeVisible();
}

const taskIdOf = (gigdesk: GigdeskApp, subject: string) =>
  gigdesk.db.prepare('SELECT id FROM tasks WHERE subject = ?').pluck().get(subject) as string;

let brand: Brand;
test.beforeEach(async () => {
  brand = await startBrand();
});
test.afterEach(async () => {
  await brand.server.close();
  rmSync(brand.dir, { recursive: true, force: true });
});

test('claim → reply → escalate with a handoff note → the task is in the brand’s escalation queue; the view passes axe', async ({
  gigdesk,
}) => {
  const { page } = gigdesk;
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signIn(gigdesk, brand);
  await claimAndOpen(page, subjects[0]!);

  // The thread says who wrote each message.
  const thread = page.getByRole('region', { name: 'Conversation' });
  await expect(thread.getByRole('listitem').first()).toHaveAttribute(
    'aria-label',
    'Message from Grace Hopper (Customer)',
  );

  // Reply with a macro from the keyboard: r, Ctrl+Shift+M, filter, Enter, Ctrl+Enter.
  await page.locator('body').press('r');
  const reply = page.getByRole('textbox', { name: 'Reply to the customer' });
  await expect(reply).toBeFocused();
  await reply.press('Control+Shift+M');
  const filter = page.getByRole('combobox', { name: 'Filter macros' });
  await filter.fill('greet');
  await filter.press('Enter');
  await expect(reply).toHaveValue(/^Hi Grace,\n\nthanks for getting in touch/);
  await reply.press('Control+Enter');
  await expect(reply).toHaveValue('');
  await expect(reply).toBeFocused();
  const sentReply = thread.getByRole('listitem').filter({ hasText: 'thanks for getting in touch' });
  await expect(sentReply).toBeVisible();
  await expect(sentReply).not.toContainText('Waiting to send', { timeout: 15_000 });

  // Accessibility audit of the ticket view, also with a dialog open.
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/ticket-workspace.png' });

  // Escalate: e, choose the contact center, handoff note required.
  await page.getByRole('heading', { level: 2, name: subjects[0]! }).focus();
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Escalate this ticket' });
  await expect(dialog).toContainText('Pays €2.50 under Acme Outdoor’s rules');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/ticket-escalate-dialog.png' });
  await dialog.getByRole('button', { name: 'Escalate' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Write a handoff note first.');
  await dialog
    .getByRole('textbox', { name: /Handoff note/ })
    .fill('Tracking shows delivered; customer says not. Needs a carrier claim.');
  await dialog.getByRole('button', { name: 'Escalate' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator(':focus')).toHaveCount(1);

  const taskId = taskIdOf(gigdesk, subjects[0]!);
  await expect
    .poll(
      async () => {
        const res = await fetch(`${brand.server.url}/v1/admin/escalations`, {
          headers: { authorization: `Bearer ${brand.adminKey}` },
        });
        const body = (await res.json()) as { escalations: Escalation[] };
        return body.escalations.find((e) => e.taskId === taskId) ?? null;
      },
      { timeout: 15_000 },
    )
    .toMatchObject({
      target: 'contact_center',
      handoffNote: 'Tracking shows delivered; customer says not. Needs a carrier claim.',
    });
  // Once the server has it, the ticket leaves My tickets.
  await expect(
    page
      .getByRole('list', { name: 'My tickets' })
      .getByRole('listitem')
      .filter({ hasText: subjects[0]! }),
  ).toHaveCount(0, {
    timeout: 15_000,
  });
  expect(pageErrors).toEqual([]);
});

test('claim → transfer to another advocate → that advocate sees it offered', async ({
  gigdesk,
}) => {
  const { page } = gigdesk;
  let b: TestCore | null = null;
  try {
    b = createTestCore({}, { tuning: { backoff: { baseMs: 100, maxMs: 1_000 } } });
    await b.handlers['session:connect']({
      serverUrl: brand.server.url,
      inviteCode: brand.invites[1]!,
    });
    await b.handlers['sync:now'](undefined);
    const bId = b.db.prepare('SELECT advocate_id FROM session').pluck().get() as string;

    await signIn(gigdesk, brand);
    await claimAndOpen(page, subjects[1]!);
    const taskId = taskIdOf(gigdesk, subjects[1]!);
    await page.getByRole('heading', { level: 2, name: subjects[1]! }).focus();
    await page.keyboard.press('t');
    const dialog = page.getByRole('dialog', { name: 'Transfer this ticket' });
    await dialog.getByRole('textbox', { name: 'Advocate handle or ID' }).fill(bId);
    await dialog
      .getByRole('textbox', { name: /Note for the next advocate/ })
      .fill('Bo handled this customer’s last exchange.');
    await dialog.getByRole('button', { name: 'Transfer' }).click();
    await expect(dialog).toHaveCount(0);

    await expect
      .poll(
        async () => {
          await b!.handlers['sync:now'](undefined);
          const page1 = await b!.handlers['feed:list']({
            filters: {
              brandId: null,
              skill: null,
              channel: null,
              complexity: null,
              minPayoutMinor: null,
            },
            sort: 'due',
            offset: 0,
            limit: 100,
            withTotal: false,
          });
          return page1.tasks.some((t) => t.id === taskId);
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const offered = await b.handlers['feed:task']({ taskId });
    expect(
      offered.messages.some(
        (m) => m.internal && m.body === 'Bo handled this customer’s last exchange.',
      ),
    ).toBe(true);
    // B may claim it; it is reserved for B.
    await b.handlers['feed:claim']({ taskId });
    await expect
      .poll(
        async () =>
          (await b!.handlers['tasks:mine'](undefined)).some(
            (t) => t.id === taskId && !t.pendingClaim,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
  } finally {
    await b?.close();
  }
});

test('claim → resolve → an earnings estimate appears', async ({ gigdesk }) => {
  const { page } = gigdesk;
  await signIn(gigdesk, brand);
  await claimAndOpen(page, subjects[2]!);
  const taskId = taskIdOf(gigdesk, subjects[2]!);
  await page.getByRole('button', { name: 'Resolve…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Resolve this ticket' });
  await expect(dialog).toContainText('Pays €5.00 under Acme Outdoor’s rules');
  await dialog
    .getByRole('textbox', { name: /Resolution summary/ })
    .fill('Refund issued for the broken pole.');
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog).toHaveCount(0);
  const estimate = gigdesk.db
    .prepare(
      "SELECT amount_minor AS amount, source FROM ledger_entries WHERE task_id = ? AND status = 'estimated'",
    )
    .get(taskId) as { amount: number; source: string } | undefined;
  expect(estimate).toEqual({ amount: 500, source: 'local' });
  await nav(page, 'Earnings');
  const entries = page.getByRole('table', { name: 'Ledger entries' });
  await expect(entries.getByRole('row').filter({ hasText: subjects[2]! }).first()).toContainText(
    '€5.00',
  );
});

test('a reply written while the server is stopped waits, and is delivered once after it restarts; a draft survives a reload', async ({
  gigdesk,
}) => {
  const { page } = gigdesk;
  await signIn(gigdesk, brand);
  await claimAndOpen(page, subjects[3]!);
  const taskId = taskIdOf(gigdesk, subjects[3]!);
  const port = brand.server.port;
  await brand.server.close();

  await page.locator('body').press('r');
  const reply = page.getByRole('textbox', { name: 'Reply to the customer' });
  await reply.fill('Your new address is saved.');
  await reply.press('Control+Enter');
  const waiting = page
    .getByRole('region', { name: 'Conversation' })
    .getByRole('listitem')
    .filter({ hasText: 'Your new address is saved.' });
  await expect(waiting).toContainText('Waiting to send');
  await expect(
    page
      .getByRole('list', { name: 'My tickets' })
      .getByRole('listitem')
      .filter({ hasText: subjects[3]! }),
  ).toContainText('Reply waiting to send');

  // A draft typed meanwhile survives a reload of the window.
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  const note = page.getByRole('textbox', { name: /Internal note/ });
  await note.fill('Check the carrier label before shipping.');
  await expect(page.getByText('Draft saved on this device')).toBeVisible();
  await gigdesk.open();
  await nav(page, 'My tickets');
  await page
    .getByRole('list', { name: 'My tickets' })
    .getByRole('listitem')
    .filter({ hasText: subjects[3]! })
    .getByRole('button')
    .click();
  await page.getByRole('radio', { name: 'Internal note' }).check();
  await expect(page.getByRole('textbox', { name: /Internal note/ })).toHaveValue(
    'Check the carrier label before shipping.',
  );

  brand.server = await startServer({ db: brand.dbFile, port, leaseSweepMs: 0 });
  await expect(waiting).not.toContainText('Waiting to send', { timeout: 20_000 });
  const sync = await brand.server.store.sync(gigdeskAdvocate(gigdesk), undefined, 1000);
  const task = sync.changes.filter((c) => c.kind === 'task' && c.task.id === taskId).at(-1);
  const bodies = task && task.kind === 'task' ? task.task.messages.map((m) => m.body) : [];
  expect(bodies.filter((b) => b === 'Your new address is saved.')).toHaveLength(1);
});

const gigdeskAdvocate = (gigdesk: GigdeskApp) =>
  gigdesk.db.prepare('SELECT advocate_id FROM session').pluck().get() as string;

test('a reply written while the server is stopped, whose lease lapses there meanwhile, comes back visibly under Not sent', async ({
  gigdesk,
}) => {
  const { page } = gigdesk;
  await signIn(gigdesk, brand);
  await claimAndOpen(page, subjects[2]!);
  const port = brand.server.port;
  await brand.server.close();

  await page.locator('body').press('r');
  const reply = page.getByRole('textbox', { name: 'Reply to the customer' });
  const text = 'Your refund for the tent was approved today.';
  await reply.fill(text);
  await reply.press('Control+Enter');
  await expect(
    page
      .getByRole('region', { name: 'Conversation' })
      .getByRole('listitem')
      .filter({ hasText: text }),
  ).toContainText('Waiting to send');

  // The server comes back 31 minutes later by its own clock: the 30-minute lease has lapsed.
  brand.server = await startServer({
    db: brand.dbFile,
    port,
    leaseSweepMs: 0,
    now: () => Date.now() + 31 * 60_000,
  });
  const tray = page.getByRole('region', { name: 'Not sent' });
  await expect(tray).toBeVisible({ timeout: 20_000 });
  await expect(tray).toContainText(text);
  await expect(tray).toContainText(subjects[2]!);
  const kept = gigdesk.db.prepare('SELECT body FROM unsent').pluck().all();
  expect(kept).toEqual([text]);

  // Dismissed only when the advocate says so.
  await tray.getByRole('button', { name: 'Dismiss' }).click();
  await expect(tray).toBeHidden();
  expect(gigdesk.db.prepare('SELECT count(*) FROM unsent').pluck().get()).toBe(0);
});

test('the next-best action panel suggests a macro that the advocate inserts, keeping what was typed; the view passes axe', async ({
  gigdesk,
}) => {
  const { page } = gigdesk;
  await signIn(gigdesk, brand);
  await claimAndOpen(page, subjects[0]!);

  const panel = page.getByRole('region', { name: 'Next best action' });
  const macros = panel.getByRole('list', { name: 'Macros' });
  // In this 720-pixel-high window the suggestions start folded; the hand-off line shows.
  await expect(panel).toContainText('Keep it: this case is within your reach.');
  await expect(macros).toBeHidden();
  await panel.getByRole('button', { name: 'Show suggestions' }).click();
  await expect(macros.getByRole('listitem').first()).toContainText(
    'Lost parcel: investigation opened',
  );
  await expect(macros.getByRole('listitem').first()).toContainText('Matches this ticket');
  await expect(panel).toContainText('Keep it: this case is within your reach.');
  await expect(panel).toContainText('Resolving pays €5.00 (escalating would pay €2.50).');

  // What the advocate already typed stays; the macro goes in after it.
  const reply = page.getByRole('textbox', { name: 'Reply to the customer' });
  await reply.fill('Thanks for waiting.');
  await panel
    .getByRole('button', {
      name: 'Insert the macro Lost parcel: investigation opened into the reply',
    })
    .click();
  await expect(reply).toBeFocused();
  await expect(reply).toHaveValue(
    /^Thanks for waiting\.\n\nHi Grace,\n\nI'm sorry your parcel hasn't arrived\./,
  );
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/ticket-next-best-action.png' });

  // Accepted: recorded on this device, counted once for the brand's macro.
  const accepted = () =>
    gigdesk.db
      .prepare(
        `SELECT c.accepted FROM nba_counts c JOIN macros m ON m.id = c.item_id
          WHERE c.kind = 'macro' AND m.title = 'Lost parcel: investigation opened'`,
      )
      .pluck()
      .get();
  await expect.poll(accepted).toBe(1);

  // "Not useful" takes a suggestion off this ticket.
  const second = macros.getByRole('listitem').nth(1);
  const title = (await second.locator('.nba__name').textContent())!;
  await second.getByRole('button', { name: `Not useful here: ${title}` }).click();
  await expect(macros.getByRole('listitem').filter({ hasText: title })).toHaveCount(0);
  await expect(macros.getByRole('listitem').first()).toContainText(
    'Lost parcel: investigation opened',
  );

  // Folded away, the hand-off line stays and the conversation gets the room.
  await panel.getByRole('button', { name: 'Hide suggestions' }).click();
  await expect(macros).toBeHidden();
  await expect(panel).toContainText('Keep it: this case is within your reach.');
  await expect(panel.getByRole('button', { name: 'Show suggestions' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
});
