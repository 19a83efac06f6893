/**
 * A real feed server for the console's end-to-end tests: the built console (out/console) served
 * by it, the demo brand seeded, and an owner invited. Runs on SQLite, or on PostgreSQL (a fresh
 * schema) when asked and GIGDESK_TEST_PG_URL is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type RunningServer, seedDemo, startServer } from '../../../src/server';
import { CustomerEventPush, CustomerPush, TaskPush } from '../../../src/shared/protocol';
import { type BackendName, dropFreshDbs, freshDb, useBackend } from '../../support/serverBackends';

export const PASSWORD = 'correct horse battery staple';
export const consoleDir = resolve(__dirname, '../../../out/console');

const DAY = 86_400_000;
/** The server's clock runs this far ahead of the browser's once the history is made. */
export const SHIFT_MS = 100 * DAY;

export interface ConsoleWorld {
  server: RunningServer;
  /** The demo advocate's device token (it claims, resolves and escalates the history's cases). */
  advocateToken: string;
  brandId: string;
  adminKey: string;
  /** A fresh invite link for a new account of the demo brand. */
  invite(role: 'owner' | 'admin' | 'analyst', email: string): Promise<string>;
  close(): Promise<void>;
}

/** Accepts a fresh invite for `role` in the page's browser context (which it signs in). */
export async function signInNew(
  page: Page,
  world: ConsoleWorld,
  role: 'owner' | 'admin' | 'analyst',
) {
  const email = `${role}-${Math.random().toString(36).slice(2)}@brand.example`;
  const token = /token=([^&]+)/.exec(await world.invite(role, email))![1]!;
  const res = await page.request.post(`${world.server.url}/v1/console/accept`, {
    data: { token: decodeURIComponent(token), password: PASSWORD, name: `The ${role}` },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

export async function startConsoleWorld(backend: BackendName): Promise<ConsoleWorld> {
  useBackend(backend);
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-console-e2e-'));
  const db = await freshDb({ dir });
  let shift = 0;
  const now = () => Date.now() + shift;
  const server = await startServer({
    db,
    consoleDir,
    now,
    leaseSweepMs: 0,
    rateLimitMax: 100_000,
    // One sign-in per test outruns the 10-a-minute guess limit on a fast run (unit-tested apart).
    signInLimitPerMinute: 1_000,
    storeOptions: { leaseClock: 'process' },
  });
  // The demo customers' own order histories would join the lifetime-value groups this world
  // measures exactly; the feed and the customers' profiles stay.
  const seed = await seedDemo(server.store, { advocates: 2, customerEvents: false });
  const adminKey = seed.adminKey!;
  const { token: advocateToken } = await server.store.redeem(seed.inviteCodes[0]!, 'e2e', now());
  await customerHistory(server, seed.brandId, advocateToken, now());
  // The customers' 90 days after their cases are over: the lifetime-value panel measures them.
  shift = SHIFT_MS;
  return {
    server,
    advocateToken,
    brandId: seed.brandId,
    adminKey,
    async invite(role, email) {
      const res = await fetch(`${server.url}/v1/admin/accounts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email, role }),
      });
      if (res.status !== 201) throw new Error(`invite ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { inviteUrl: string }).inviteUrl;
    },
    async close() {
      await server.close();
      if (backend === 'postgres') await dropFreshDbs();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Customers with orders, four cases of theirs worked by the demo advocate (two resolved, two
 * escalated) and two contact-centre contacts, with orders in the following weeks.
 */
async function customerHistory(server: RunningServer, brandId: string, token: string, t0: number) {
  const store = server.store;
  const refs = ['cust-1', 'cust-2', 'cust-3', 'cust-4', 'cust-5', 'cust-6'];
  await store.upsertCustomers(
    brandId,
    refs.map((customerRef) => CustomerPush.parse({ customerRef })),
    t0,
  );
  const order = (ref: string, n: number, at: number, amountMinor: number) =>
    CustomerEventPush.parse({
      externalRef: `order-${ref}-${n}`,
      customerRef: ref,
      kind: 'order',
      occurredAt: at,
      summary: `Order ${n}`,
      amountMinor,
      currency: 'EUR',
    });
  await store.upsertCustomerEvents(
    brandId,
    [
      ...refs.map((ref) => order(ref, 0, t0 - 200 * DAY, 4000)),
      order('cust-1', 1, t0 + 20 * DAY, 12900),
      order('cust-2', 1, t0 + 40 * DAY, 5900),
      order('cust-3', 1, t0 + 30 * DAY, 2500),
      order('cust-5', 1, t0 + 10 * DAY, 7900),
      ...['cust-5', 'cust-6'].map((ref) =>
        CustomerEventPush.parse({
          externalRef: `contact-${ref}`,
          customerRef: ref,
          kind: 'contact',
          occurredAt: t0 - 60_000,
          summary: 'Phoned the contact centre',
        }),
      ),
    ],
    t0,
  );
  await store.upsertTasks(
    brandId,
    refs.slice(0, 4).map((ref, i) =>
      TaskPush.parse({
        externalRef: `LTV-${i + 1}`,
        subject: `Question about order of ${ref}`,
        channel: 'email',
        skills: ['billing'],
        complexity: 2,
        customerName: `Customer ${i + 1}`,
        customerRef: ref,
        messages: [{ author: 'customer', body: 'Where is my parcel?', createdAt: t0 - 3_600_000 }],
      }),
    ),
    t0,
  );
  const ids = new Map(
    (await store.console.listTasks(brandId, { q: 'LTV-', limit: 10, offset: 0 })).tasks.map(
      (task) => [task.externalRef, task.id],
    ),
  );
  const actions = ['LTV-1', 'LTV-2', 'LTV-3', 'LTV-4'].flatMap((ref, i) => {
    const taskId = ids.get(ref)!;
    const end =
      i < 2
        ? { type: 'resolve', summary: 'Sent the tracking link.' }
        : { type: 'escalate', target: 'contact_center', handoffNote: 'Needs a refund decision.' };
    return [
      { key: `ltv-claim-${ref}`, type: 'claim', taskId },
      { key: `ltv-end-${ref}`, taskId, ...end },
    ];
  });
  const res = await fetch(`${server.url}/v1/actions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ actions }),
  });
  const body = (await res.json()) as { results: { status: string; message?: string }[] };
  const refused = body.results.filter((r) => r.status !== 'applied');
  if (refused.length) throw new Error(`history actions: ${JSON.stringify(refused)}`);
}
