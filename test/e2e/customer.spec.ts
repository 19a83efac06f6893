/**
 * The customer at the centre, end to end: the real renderer and handlers (harness.ts) against a
 * real feed server on loopback. A customer writes again on a case the advocate resolved while
 * the app is online → "customer replied" (desktop notification and the offer in My tickets) →
 * the ticket shows the customer's earlier case → reply → resolve. And a transfer offered to the
 * advocate is accepted from the list, its countdown visible.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../src/server';
import type { AdvocateAuth } from '../../src/server/store/tokens';
import { TaskPush } from '../../src/shared/protocol';
import { testPayoutRules, testTask } from '../support/feedServer';
import { rawQuery } from '../support/rawDb';
import { seriousViolations } from './axe';
import { expect, test, type GigdeskApp } from './fixtures';

interface Brand {
  server: RunningServer;
  dbFile: string;
  adminKey: string;
  brandId: string;
  /** Ada (the app) and Bo (a colleague driven through the store). */
  invites: string[];
  dir: string;
}

const FOLLOW_UP = 'Parcel never arrived';
const EARLIER = 'Tent pole snapped on the first night';
const TRANSFERRED = 'Change my delivery address';

const push = (ref: string, i: number, subject: string, customerRef: string, at: number) =>
  TaskPush.parse(
    testTask(ref, i, {
      subject,
      complexity: 3,
      skills: ['shipping'],
      customerName: 'Grace Hopper',
      customerRef,
      language: 'en',
      createdAt: at,
      slaDueAt: at + 4 * 3_600_000,
      messages: [{ author: 'customer', body: `${subject}. Order FH-41235.`, createdAt: at }],
    }),
  );

async function startBrand(): Promise<Brand> {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-customer-'));
  const dbFile = join(dir, 'server.sqlite');
  const server = await startServer({ db: dbFile, port: 0, leaseSweepMs: 0 });
  const now = Date.now();
  const { store } = server;
  const { brand, adminKey } = await store.createBrand(
    { name: 'Acme Outdoor', currency: 'EUR', leaseMinutes: 30 },
    now,
  );
  await store.setPayoutRules(brand.id, testPayoutRules, now);
  await store.upsertCustomers(
    brand.id,
    [
      {
        customerRef: 'crm-grace',
        fields: [
          { name: 'level', label: 'Club level', value: 'Gold', minTier: 0 },
          { name: 'email', label: 'E-mail', value: 'grace@example.com', minTier: 2 },
        ],
      },
    ],
    now,
  );
  await store.upsertCustomerEvents(
    brand.id,
    [
      {
        externalRef: 'order-41235',
        customerRef: 'crm-grace',
        kind: 'order',
        occurredAt: now - 10 * 86_400_000,
        summary: 'Trollvind 2 tent',
        amountMinor: 44_900,
        currency: 'EUR',
        minTier: 0,
      },
    ],
    now,
  );
  await store.upsertTasks(
    brand.id,
    [
      push('case-earlier', 0, EARLIER, 'crm-grace', now - 9 * 86_400_000),
      push('case-now', 1, FOLLOW_UP, 'crm-grace', now - 3_600_000),
      push('case-transfer', 2, TRANSFERRED, 'crm-other', now - 1_800_000),
    ],
    now,
  );
  const invites: string[] = [];
  for (const name of ['Ada Lovelace', 'Bo Berg']) {
    const inv = await store.invite(
      brand.id,
      { email: `${name.split(' ')[0]!.toLowerCase()}@example.com`, name, skills: [], tier: 1 },
      now,
    );
    invites.push(inv.inviteCode);
  }
  return { server, dbFile, adminKey, brandId: brand.id, invites, dir };
}

/** Bo, signed in through the store: claims and closes cases as a colleague's app would. */
async function colleague(brand: Brand) {
  const { store } = brand.server;
  const { token } = await store.redeem(brand.invites[1]!, 'Bo’s laptop', Date.now());
  const bo = (await store.advocateForToken(token, Date.now())) as AdvocateAuth;
  let keys = 0;
  const act = async (action: Record<string, unknown>) => {
    const [r] = await store.applyActions(
      bo,
      [{ key: `bo-${++keys}`, ...action } as never],
      Date.now(),
    );
    expect(r!.status).toBe('applied');
  };
  return { bo, act };
}

async function serverTask(brand: Brand, externalRef: string) {
  const [row] = await rawQuery(
    brand.dbFile,
    `SELECT t.id, t.status, t.offered_to AS offeredTo, a.handle AS holder
       FROM tasks t LEFT JOIN advocates a ON a.id = t.holder_id
      WHERE t.external_ref = '${externalRef}'`,
  );
  return row as { id: string; status: string; offeredTo: string | null; holder: string | null };
}

async function advocate(brand: Brand, email: string) {
  const [row] = await rawQuery(
    brand.dbFile,
    `SELECT a.id, a.handle FROM advocates a JOIN memberships m ON m.advocate_id = a.id
      WHERE m.email = '${email}'`,
  );
  return row as { id: string; handle: string };
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
const offers = (page: Page) => page.getByRole('region', { name: 'Offered to you' });

async function signIn(gigdesk: GigdeskApp, brand: Brand) {
  await gigdesk.handlers['session:connect']({
    serverUrl: brand.server.url,
    inviteCode: brand.invites[0]!,
  });
  await gigdesk.open();
  await expect(
    page(gigdesk).getByRole('main', { name: 'Feed' }).getByRole('list', { name: 'Open tasks' }),
  ).toContainText(FOLLOW_UP);
}
const page = (g: GigdeskApp) => g.page;

let brand: Brand;
test.beforeEach(async () => {
  brand = await startBrand();
});
test.afterEach(async () => {
  await brand.server.close();
  rmSync(brand.dir, { recursive: true, force: true });
});

test('a customer writes again on a resolved case → "customer replied" → the earlier case is in the timeline → reply → resolve', async ({
  gigdesk,
}) => {
  const { page, handlers } = gigdesk;
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const notified: string[] = [];
  gigdesk.services.desktop.notify = (n) => void notified.push(n.title);

  // Bo resolved this customer's earlier case weeks ago.
  const { act } = await colleague(brand);
  const earlier = await serverTask(brand, 'case-earlier');
  await act({ type: 'claim', taskId: earlier.id });
  await act({ type: 'resolve', taskId: earlier.id, summary: 'Sent a new pole.' });

  // Ada claims and resolves the current case; the app stays online (its event stream open).
  await signIn(gigdesk, brand);
  const now = await serverTask(brand, 'case-now');
  await handlers['feed:claim']({ taskId: now.id });
  await handlers['sync:now'](undefined);
  await handlers['tickets:act']({ taskId: now.id, type: 'resolve', summary: 'Re-sent it.' });
  await expect.poll(async () => (await serverTask(brand, 'case-now')).status).toBe('resolved');
  const ada = (await advocate(brand, 'ada@example.com')).id;
  await expect
    .poll(
      async () =>
        (await rawQuery(brand.dbFile, `SELECT 1 FROM presence WHERE advocate_id = '${ada}'`))
          .length,
    )
    .toBeGreaterThan(0);

  // The customer writes again: the brand pushes the case with the new message.
  const followUp = push('case-now', 1, FOLLOW_UP, 'crm-grace', Date.now() - 3_600_000);
  followUp.messages.push({
    author: 'customer',
    body: 'It still has not arrived, and the tracking page says returned to sender.',
    createdAt: Date.now(),
  });
  const pushed = await fetch(`${brand.server.url}/v1/admin/tasks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${brand.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify([followUp]),
  });
  expect(await pushed.json()).toMatchObject({ reopened: 1 });
  expect(await serverTask(brand, 'case-now')).toMatchObject({ status: 'open', offeredTo: ada });

  // "Customer replied": a desktop notification, and the offer in My tickets with its countdown.
  await nav(page, 'My tickets');
  const offer = offers(page).getByRole('listitem').filter({ hasText: FOLLOW_UP });
  await expect(offer).toContainText(`Customer replied: ${FOLLOW_UP}`, { timeout: 20_000 });
  await expect(offer).toContainText(/Acme Outdoor · 1[45]:\d\d left/);
  await expect.poll(() => notified).toContain(`The customer replied: ${FOLLOW_UP}`);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/customer-follow-up-offer.png' });

  // Accept it from the list: the ticket opens with the customer's history.
  await offer.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('heading', { level: 2, name: FOLLOW_UP })).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Customer history' });
  const earlierCase = timeline.locator('[data-kind="case"]').filter({ hasText: EARLIER });
  await expect(earlierCase).toContainText('Earlier case · Resolved');
  await expect(earlierCase).toContainText(`@${(await advocate(brand, 'bo@example.com')).handle}`);
  await expect(timeline).toContainText('Trollvind 2 tent');
  await expect(timeline).toContainText('€449.00');
  await expect(timeline).toContainText('Gold');
  await expect(timeline).toContainText('Visible from tier 2');
  await expect(timeline).not.toContainText('grace@example.com');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/customer-timeline.png' });

  // Reply, then resolve again.
  const reply = page.getByRole('textbox', { name: 'Reply to the customer' });
  await reply.fill('Sorry, Grace: a new parcel leaves today by express, tracking follows.');
  await reply.press('Control+Enter');
  const thread = page.getByRole('region', { name: 'Conversation' });
  const sent = thread.getByRole('listitem').filter({ hasText: 'a new parcel leaves today' });
  await expect(sent).toBeVisible();
  await expect(sent).not.toContainText('Waiting to send', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Resolve…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Resolve this ticket' });
  await dialog.getByRole('textbox', { name: /Resolution summary/ }).fill('Express re-send.');
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog).toHaveCount(0);
  await expect
    .poll(async () => serverTask(brand, 'case-now'), { timeout: 15_000 })
    .toMatchObject({ status: 'resolved' });
  expect(pageErrors).toEqual([]);
});

test('a transfer offered to the advocate is accepted from the list, its countdown visible', async ({
  gigdesk,
}) => {
  const { page } = gigdesk;
  const { act } = await colleague(brand);
  await signIn(gigdesk, brand);
  const adaHandle = (await advocate(brand, 'ada@example.com')).handle;
  const task = await serverTask(brand, 'case-transfer');
  await act({ type: 'claim', taskId: task.id });
  await act({
    type: 'transfer',
    taskId: task.id,
    to: { kind: 'handle', handle: adaHandle },
    note: 'Ada knows this customer.',
  });

  await nav(page, 'My tickets');
  const offer = offers(page).getByRole('listitem').filter({ hasText: TRANSFERRED });
  await expect(offer).toBeVisible({ timeout: 20_000 });
  await expect(offer).not.toContainText('Customer replied');
  // 15 minutes to accept, counting down.
  await expect(offer).toContainText(/Acme Outdoor · 1[45]:\d\d left/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/customer-offer-list.png' });
  await offer.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('heading', { level: 2, name: TRANSFERRED })).toBeVisible();
  await expect(offers(page)).toHaveCount(0);
  await expect
    .poll(async () => serverTask(brand, 'case-transfer'), { timeout: 15_000 })
    .toMatchObject({ status: 'claimed', holder: adaHandle, offeredTo: null });
});
