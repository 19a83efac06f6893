/**
 * The lifetime-value panel against a fixture computed by hand (the arithmetic is in the
 * comments; z = 1.96), then once through the metrics route over a real store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedCases, impact, type ImpactInput } from '../../../../src/server/metrics/impact';
import {
  type CustomerEventRow,
  lifetimeValue,
  meanWithInterval,
  wilson,
} from '../../../../src/server/metrics/lifetimeValue';
import { key, T0, type TestServer, testServer } from '../helpers';
import { signIn } from './harness';

const D = 86_400_000;
const ev = (
  customerId: string,
  kind: string,
  day: number,
  amountMinor: number | null = null,
  currency: string | null = amountMinor === null ? null : 'EUR',
): CustomerEventRow => ({ customerId, kind, at: day * D, amountMinor, currency });

/** Range [day 0, day 10); measured as of day 98: anchors up to day 8 have their 90 days. */
const input = {
  from: 0,
  to: 10 * D,
  asOf: 98 * D,
  currency: 'EUR',
  cases: [
    { customerId: 'c1', outcome: 'resolved' as const, at: 1 * D },
    { customerId: 'c2', outcome: 'resolved' as const, at: 2 * D },
    // c2's later escalation does not move c2 out of the resolved group.
    { customerId: 'c2', outcome: 'escalated' as const, at: 3 * D },
    { customerId: 'c3', outcome: 'escalated' as const, at: 3 * D },
    { customerId: 'c4', outcome: 'escalated' as const, at: 4 * D },
    { customerId: 'c7', outcome: 'resolved' as const, at: 8 * D },
    { customerId: 'c8', outcome: 'resolved' as const, at: 9 * D },
    // Outside the range: c9 is in no group.
    { customerId: 'c9', outcome: 'resolved' as const, at: 10 * D },
  ],
  customerEvents: [
    // c1: order 1,000 on day 20, return 200 on day 30 → value 800; repeat, retained.
    ev('c1', 'order', -5, 500),
    ev('c1', 'order', 20, 1000),
    ev('c1', 'return', 30, 200),
    // c2: a subscription of 3,000 on day 50 → value 3,000; retained, no repeat purchase.
    ev('c2', 'subscription', 50, 3000),
    // c3: orders only before the anchor and after its 90 days (day 3 + 90 = 93) → 0; neither.
    ev('c3', 'order', -5, 700),
    ev('c3', 'order', 100, 500),
    // c4: order 2,000 on day 10 → value 2,000; repeat, retained. The USD order counts as a
    // purchase but not in EUR value.
    ev('c4', 'order', 10, 2000),
    ev('c4', 'order', 11, 9999, 'USD'),
    // c5: contact centre only (contact day 5), order 1,500 on day 6.
    ev('c5', 'contact', 5),
    ev('c5', 'order', 6, 1500),
    // c6: contact centre, but no value event ever: not counted.
    ev('c6', 'contact', 6),
    // c7: a contact on day 7 and an advocate's resolution on day 8: the advocate's group wins.
    ev('c7', 'contact', 7),
    ev('c7', 'order', 9, 100),
    // c8: resolved on day 9: 9 + 90 = 99 > 98, so pending.
    ev('c8', 'order', -1, 300),
    ev('c9', 'order', 12, 300),
  ],
};

describe('lifetime value (hand-computed fixture)', () => {
  const ltv = lifetimeValue(input);
  const group = (key: string) => ltv.groups.find((g) => g.key === key)!;

  it('groups customers by what the advocates did, else by a contact-centre contact', () => {
    expect(ltv.groups.map((g) => [g.key, g.customers, g.pending])).toEqual([
      ['advocate_resolved', 3, 1], // c1, c2, c7 measured; c8 pending
      ['escalated', 2, 0], // c3, c4
      ['contact_centre', 1, 0], // c5 (c6 has no value events)
    ]);
    expect(ltv.windowDays).toBe(90);
  });

  it('gives repeat purchase and retention with Wilson 95 % intervals', () => {
    const resolved = group('advocate_resolved');
    // Repeat 2/3 (c1, c7): p = 0.6667, z²/n = 1.28053, centre = (0.6667 + 0.64027)/2.28053 =
    // 0.57308, half = (1.96/2.28053)·√(0.2222/3 + 3.8416/36) = 0.85945·0.42519 = 0.36543.
    expect(resolved.repeatPurchase).toMatchObject({ count: 2, of: 3 });
    expect(resolved.repeatPurchase.low).toBeCloseTo(0.20765, 4);
    expect(resolved.repeatPurchase.high).toBeCloseTo(0.93851, 4);
    // Retention 3/3: centre = (1 + 0.64027)/2.28053 = 0.71925, half = 0.85945·0.32667 = 0.28075.
    expect(resolved.retention).toMatchObject({ count: 3, of: 3, rate: 1 });
    expect(resolved.retention.low).toBeCloseTo(0.43849, 4);
    expect(resolved.retention.high).toBe(1);
    // Escalated: 1/2 each: centre 0.5, half = (1.96/2.9208)·√(0.125 + 0.2401) = 0.40547.
    const escalated = group('escalated');
    expect(escalated.repeatPurchase).toMatchObject({ count: 1, of: 2, rate: 0.5 });
    expect(escalated.repeatPurchase.low).toBeCloseTo(0.09453, 4);
    expect(escalated.repeatPurchase.high).toBeCloseTo(0.90547, 4);
    expect(escalated.retention).toMatchObject({ count: 1, of: 2 });
    // Contact centre 1/1: centre = (1 + 1.9208)/4.8416 = 0.60327, half = 0.40483·0.98 = 0.39673.
    const contact = group('contact_centre');
    expect(contact.repeatPurchase.low).toBeCloseTo(0.20654, 4);
  });

  it('gives value per customer to the cent with a 95 % interval', () => {
    // (800 + 3,000 + 100)/3 = 1,300; s² = (500² + 1,700² + 1,200²)/2 = 2,290,000, s = 1,513.27;
    // half = 1.96·1,513.27/√3 = 1,712.43 → [−412.43, 3,012.43] → [−412, 3,012].
    expect(group('advocate_resolved').valuePerCustomer).toEqual({
      n: 3,
      meanMinor: 1300,
      lowMinor: -412,
      highMinor: 3012,
    });
    // (0 + 2,000)/2 = 1,000; s = 1,414.21; half = 1.96·1,414.21/√2 = 1,960.
    expect(group('escalated').valuePerCustomer).toEqual({
      n: 2,
      meanMinor: 1000,
      lowMinor: -960,
      highMinor: 2960,
    });
    // One customer: a mean, no interval.
    expect(group('contact_centre').valuePerCustomer).toEqual({
      n: 1,
      meanMinor: 1500,
      lowMinor: null,
      highMinor: null,
    });
  });

  it('never divides by an empty group', () => {
    expect(wilson(0, 0)).toEqual({ count: 0, of: 0, rate: null, low: null, high: null });
    expect(meanWithInterval([])).toEqual({
      n: 0,
      meanMinor: null,
      lowMinor: null,
      highMinor: null,
    });
    const empty = lifetimeValue({ ...input, cases: [], customerEvents: [] });
    expect(empty.groups.every((g) => g.customers === 0 && g.repeatPurchase.rate === null)).toBe(
      true,
    );
  });

  it('rounds a mean half up to the minor unit', () => {
    expect(meanWithInterval([1, 2]).meanMinor).toBe(2); // 1.5 → 2
    expect(meanWithInterval([-1, -2]).meanMinor).toBe(-1); // −1.5 → −1
  });
});

describe('closed cases and grouping by language', () => {
  const rows: ImpactInput = {
    tasks: [
      {
        id: 'T1',
        createdAt: 0,
        skills: [],
        channel: 'email',
        complexity: 1,
        slaDueAt: null,
        language: 'de',
        customerId: 'c1',
      },
      {
        id: 'T2',
        createdAt: 0,
        skills: [],
        channel: 'email',
        complexity: 1,
        slaDueAt: null,
        language: 'es',
        customerId: 'c2',
      },
      {
        id: 'T3',
        createdAt: 0,
        skills: [],
        channel: 'email',
        complexity: 1,
        slaDueAt: null,
        language: null,
        customerId: null,
      },
      {
        id: 'T4',
        createdAt: 0,
        skills: [],
        channel: 'email',
        complexity: 1,
        slaDueAt: null,
        language: 'de',
        customerId: 'c4',
      },
    ],
    events: [
      { taskId: 'T1', advocateId: 'a1', type: 'claim', at: 1 },
      { taskId: 'T1', advocateId: 'a1', type: 'escalate', at: 2 },
      { taskId: 'T2', advocateId: 'a1', type: 'claim', at: 1 },
      { taskId: 'T2', advocateId: 'a1', type: 'resolve', at: 5 },
      { taskId: 'T3', advocateId: 'a2', type: 'claim', at: 1 },
      { taskId: 'T3', advocateId: 'a2', type: 'resolve', at: 3 },
      // Claimed, never closed: a case, but no closed case.
      { taskId: 'T4', advocateId: 'a2', type: 'claim', at: 1 },
    ],
    ledger: [],
    ratings: [],
    tierOf: () => 1,
  };

  it('takes each known customer’s case with how it ended', () => {
    expect(closedCases(rows)).toEqual([
      { customerId: 'c1', outcome: 'escalated', at: 2 },
      { customerId: 'c2', outcome: 'resolved', at: 5 },
    ]);
  });

  it('groups cases by their language', () => {
    expect(impact(rows, 'language').map((g) => [g.key, g.cases, g.resolution.count])).toEqual([
      ['(unknown)', 1, 1],
      ['de', 2, 0],
      ['es', 1, 1],
    ]);
  });
});

describe('the metrics route', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(() => s.close());

  it('answers the lifetime-value panel from the brand’s customer events', async () => {
    const adv = await s.advocate();
    await s.call('POST', '/v1/admin/customers', {
      token: s.adminKey,
      body: [{ customerRef: 'cust-1' }],
    });
    await s.call('POST', '/v1/admin/customer-events', {
      token: s.adminKey,
      body: [
        {
          externalRef: 'o-1',
          customerRef: 'cust-1',
          kind: 'order',
          occurredAt: T0 - D,
          summary: 'Tent',
          amountMinor: 5000,
          currency: 'EUR',
        },
        {
          externalRef: 'o-2',
          customerRef: 'cust-1',
          kind: 'order',
          occurredAt: T0 + 10 * D,
          summary: 'Stove',
          amountMinor: 2500,
          currency: 'EUR',
        },
      ],
    });
    const pushed = await s.pushTasks([
      {
        externalRef: 'L-1',
        subject: 'Wo ist meine Bestellung?',
        channel: 'email',
        skills: ['billing'],
        complexity: 1,
        customerName: 'Kundin',
        customerRef: 'cust-1',
        language: 'de',
        messages: [{ author: 'customer', body: 'Wo ist meine Bestellung?', createdAt: T0 }],
      },
    ]);
    expect(pushed.status).toBe(200);
    const taskId = (await s.store.console.listTasks(s.brandId, { limit: 10, offset: 0 })).tasks[0]!
      .id;
    for (const [i, action] of [
      { type: 'claim', taskId },
      { type: 'resolve', taskId, summary: 'Sent the tracking link.' },
    ].entries()) {
      s.clock.advance(60_000);
      const r = await s.call('POST', '/v1/actions', {
        token: adv.token,
        body: { actions: [{ ...action, key: key(`ltv${i}`) }] },
      });
      expect(r.body.results[0].status, JSON.stringify(r.body)).toBe('applied');
    }
    s.clock.advance(100 * D);
    const analyst = await signIn(s, s.brandId, 'analyst');
    const r = await analyst.call(
      'GET',
      `/v1/admin/metrics?from=${T0 - D}&to=${T0 + D}&groupBy=language`,
    );
    expect(r.status).toBe(200);
    expect(r.body.groups.map((g: { key: string }) => g.key)).toEqual(['de']);
    const resolved = r.body.lifetimeValue.groups[0];
    expect(resolved).toMatchObject({
      key: 'advocate_resolved',
      customers: 1,
      pending: 0,
      repeatPurchase: { count: 1, of: 1, rate: 1 },
      valuePerCustomer: { n: 1, meanMinor: 2500 },
    });
  });
});
