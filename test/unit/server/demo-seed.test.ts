import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src/server/index';
import { syncAll, type TestServer, testServer } from './helpers';

describe('demo seed', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(() => s.close());

  it('loads the demo brand once and hands out working invite codes on every run', async () => {
    const first = await seedDemo(s.store, { now: s.clock.t, advocates: 2 });
    expect(first.adminKey).toMatch(/^gdk_/);
    expect(first.inviteCodes).toHaveLength(2);
    const redeemed = await s.call('POST', '/v1/auth/redeem', {
      body: { code: first.inviteCodes[0], deviceName: 'demo' },
    });
    const { changes } = await syncAll(s, redeemed.body.token);
    const count = (kind: string) => changes.filter((c) => c.kind === kind).length;
    expect(count('task')).toBe(200);
    expect(count('article')).toBeGreaterThanOrEqual(150);
    expect(count('macro')).toBeGreaterThanOrEqual(10);
    expect(changes.find((c) => c.kind === 'payout_rules').rules.currency).toBe('EUR');
    const channels = new Set(changes.filter((c) => c.kind === 'task').map((c) => c.task.channel));
    expect(channels).toEqual(new Set(['email', 'chat', 'social']));

    // Returning customers' earlier cases are resolved (and some rated), not in the open feed.
    const outcomes = await s.store.listOutcomes(first.brandId, undefined, 1000);
    expect(outcomes.length).toBeGreaterThanOrEqual(10);
    expect(
      outcomes.every((o) => o.status === 'resolved' && o.externalRef.startsWith('FH-H-')),
    ).toBe(true);
    expect(outcomes.some((o) => o.rating !== null)).toBe(true);
    const open = changes.filter((c) => c.kind === 'task').map((c) => c.task);
    expect(open.every((t) => t.status === 'open')).toBe(true);
    const overdue = open.filter((t) => t.slaDueAt < s.clock.t).length;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(25);

    // Every task names its customer; their profiles and histories are there, by tier (1 here).
    expect(open.every((t) => typeof t.customerId === 'string')).toBe(true);
    const customers = changes.filter((c) => c.kind === 'customer').map((c) => c.customer);
    const events = changes.filter((c) => c.kind === 'customer_event').map((c) => c.event);
    const cases = changes.filter((c) => c.kind === 'customer_case').map((c) => c.case);
    expect(new Set(open.map((t) => t.customerId)).size).toBeLessThan(open.length);
    for (const t of open) expect(customers.some((c) => c.id === t.customerId)).toBe(true);
    type Field = { name: string; value: string | null; visibleFromTier: number };
    const field = (name: string) =>
      customers.map((c) => (c.fields as Field[]).find((f) => f.name === name)!);
    expect(field('level').every((f) => f.value !== null)).toBe(true);
    expect(field('spend').every((f) => /^EUR -?\d+\.\d{2}$/.test(f.value ?? ''))).toBe(true);
    expect(field('email').every((f) => f.value === null && f.visibleFromTier === 2)).toBe(true);
    const kinds = new Set(events.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['order', 'return', 'subscription', 'contact']));
    const orders = events.filter((e) => e.kind === 'order');
    expect(orders.every((e) => Number.isInteger(e.amountMinor) && e.currency === 'EUR')).toBe(true);
    expect(events.filter((e) => e.kind === 'return').every((e) => e.amountMinor < 0)).toBe(true);
    expect(new Set(open.map((t) => t.language))).toEqual(new Set(['en', 'es', 'de', 'ja', 'ar']));
    // A returning customer's open ticket has earlier cases and events behind it.
    const withHistory = open.filter(
      (t) =>
        cases.some((k) => k.customerId === t.customerId) &&
        events.some((e) => e.customerId === t.customerId),
    );
    expect(withHistory.length).toBeGreaterThanOrEqual(10);

    const second = await seedDemo(s.store, { now: s.clock.t });
    expect(second).toMatchObject({ brandId: first.brandId, adminKey: null });
    const again = await s.call('POST', '/v1/auth/redeem', {
      body: { code: second.inviteCodes[0], deviceName: 'demo 2' },
    });
    expect(again.status).toBe(201);
    const after = await syncAll(s, again.body.token);
    expect(after.changes.filter((c) => c.kind === 'task')).toHaveLength(200);
    // Seeds a whole brand twice and syncs it twice: on PostgreSQL on a busy machine that takes
    // longer than the default budget; it is a correctness test, not a timing one.
  }, 180_000);
});
