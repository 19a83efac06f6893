/**
 * The impact metrics against a fixture computed by hand (the arithmetic is in the comments), and
 * once through the route over a real store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { impact, type ImpactInput, percentile } from '../../../../src/server/metrics/impact';
import type { TestServer } from '../helpers';
import { type BrandWorld, signIn, twoBrands } from './harness';

const ev = (taskId: string, advocateId: string, type: string, at: number) => ({
  taskId,
  advocateId,
  type,
  at,
});

const fixture: ImpactInput = {
  tasks: [
    {
      id: 'T1',
      createdAt: 0,
      skills: ['billing'],
      channel: 'email',
      complexity: 2,
      slaDueAt: 10_000,
    },
    {
      id: 'T2',
      createdAt: 0,
      skills: ['billing', 'returns'],
      channel: 'chat',
      complexity: 3,
      slaDueAt: 5_000,
    },
    {
      id: 'T3',
      createdAt: 1_000,
      skills: ['returns'],
      channel: 'email',
      complexity: 1,
      slaDueAt: null,
    },
    {
      id: 'T4',
      createdAt: 2_000,
      skills: ['billing'],
      channel: 'chat',
      complexity: 2,
      slaDueAt: 20_000,
    },
    // Never claimed: not a case.
    { id: 'T5', createdAt: 3_000, skills: [], channel: 'email', complexity: 1, slaDueAt: 1 },
  ],
  events: [
    ev('T1', 'a1', 'claim', 1_000),
    ev('T1', 'a1', 'reply', 3_000),
    ev('T1', 'a1', 'resolve', 9_000),
    ev('T2', 'a1', 'claim', 2_000),
    ev('T2', 'a1', 'transfer', 2_500),
    ev('T2', 'a2', 'claim', 4_000),
    ev('T2', 'a2', 'reply', 6_000),
    ev('T2', 'a2', 'resolve', 7_000),
    ev('T3', 'a2', 'claim', 5_000),
    ev('T3', 'a2', 'abandon', 6_000),
    ev('T3', 'a1', 'claim', 8_000),
    ev('T3', 'a1', 'escalate', 11_000),
    ev('T4', 'a2', 'claim', 2_500),
    ev('T4', 'a2', 'reply', 4_500),
    ev('T4', 'a2', 'resolve', 12_000),
    ev('T4', 'a2', 'reopen', 15_000),
  ],
  ledger: [
    { taskId: 'T1', amountMinor: 200 },
    { taskId: 'T2', amountMinor: 300 },
    { taskId: 'T2', amountMinor: 50 },
    { taskId: 'T3', amountMinor: 100 },
    { taskId: 'T4', amountMinor: 200 },
    { taskId: 'T4', amountMinor: 40 },
  ],
  ratings: [
    { taskId: 'T1', score: 5 },
    { taskId: 'T2', score: 2 },
    { taskId: 'T4', score: 4 },
  ],
  tierOf: (id) => ({ a1: 1, a2: 2 })[id],
};

describe('impact metrics (hand-computed fixture)', () => {
  it('overall', () => {
    const [all] = impact(fixture, 'overall');
    expect(all).toEqual({
      key: 'all',
      cases: 4, // T1–T4; T5 was never claimed
      resolution: { count: 3, of: 4, rate: 0.75 },
      escalation: { count: 1, of: 4, rate: 0.25 },
      transfer: { count: 1, of: 4, rate: 0.25 }, // T2
      abandon: { count: 1, of: 4, rate: 0.25 }, // T3
      reopen: { count: 1, of: 3, rate: 1 / 3 }, // T4 of T1, T2, T4
      slaHit: { count: 2, of: 3, rate: 2 / 3 }, // T1 9000 ≤ 10000, T2 7000 > 5000, T4 12000 ≤ 20000
      csat: { n: 3, mean: 11 / 3, response: { count: 3, of: 3, rate: 1 } },
      // claims after creation: 1000, 2000, 4000, 500 → sorted 500, 1000, 2000, 4000;
      // p50 = 2nd (⌈0.5·4⌉), p90 = 4th (⌈0.9·4⌉)
      timeToClaim: { n: 4, p50Ms: 1000, p90Ms: 4000 },
      // first replies: 3000, 6000, 2500 → 2500, 3000, 6000; p50 = 2nd, p90 = 3rd
      timeToFirstReply: { n: 3, p50Ms: 3000, p90Ms: 6000 },
      // resolutions: 9000, 7000, 10000 → 7000, 9000, 10000
      timeToResolution: { n: 3, p50Ms: 9000, p90Ms: 10000 },
      // 200 + 300 + 50 + 100 + 200 + 40 = 890 over 3 resolved = 296.67 → 297
      cost: { totalMinor: 890, resolved: 3, perResolvedMinor: 297 },
    });
  });

  it('by advocate (the last holder) and by tier', () => {
    const [a1, a2] = impact(fixture, 'advocate');
    // a1 closed T1 (resolved) and T3 (escalated); a2 resolved T2 and T4.
    expect(a1).toMatchObject({
      key: 'a1',
      cases: 2,
      resolution: { count: 1, of: 2 },
      escalation: { count: 1, of: 2 },
      abandon: { count: 1, of: 2 },
      slaHit: { count: 1, of: 1 },
      csat: { n: 1, mean: 5 },
      timeToClaim: { n: 2, p50Ms: 1000, p90Ms: 4000 },
      cost: { totalMinor: 300, resolved: 1, perResolvedMinor: 300 },
    });
    expect(a2).toMatchObject({
      key: 'a2',
      cases: 2,
      resolution: { count: 2, of: 2, rate: 1 },
      reopen: { count: 1, of: 2 },
      slaHit: { count: 1, of: 2 },
      csat: { n: 2, mean: 3 },
      // 300 + 50 + 200 + 40 = 590 over 2
      cost: { totalMinor: 590, resolved: 2, perResolvedMinor: 295 },
    });
    expect(impact(fixture, 'tier').map((g) => [g.key, g.cases])).toEqual([
      ['1', 2],
      ['2', 2],
    ]);
  });

  it('by skill (a task counts under each of its skills), channel and complexity', () => {
    const bySkill = impact(fixture, 'skill');
    expect(bySkill.map((g) => g.key)).toEqual(['billing', 'returns']);
    // billing: T1, T2, T4 → 200 + 350 + 240 = 790 over 3 = 263.33 → 263
    expect(bySkill[0]!.cost).toEqual({ totalMinor: 790, resolved: 3, perResolvedMinor: 263 });
    // returns: T2, T3 → 350 + 100 = 450 over 1 resolved (T2)
    expect(bySkill[1]!.cost).toEqual({ totalMinor: 450, resolved: 1, perResolvedMinor: 450 });
    expect(impact(fixture, 'channel').map((g) => [g.key, g.cases])).toEqual([
      ['chat', 2],
      ['email', 2],
    ]);
    expect(impact(fixture, 'complexity').map((g) => [g.key, g.cases])).toEqual([
      ['1', 1],
      ['2', 2],
      ['3', 1],
    ]);
  });

  it('rounds cost half up to the cent and never divides by zero', () => {
    const one = (amounts: number[], resolved: boolean) =>
      impact(
        {
          ...fixture,
          tasks: [fixture.tasks[0]!, { ...fixture.tasks[0]!, id: 'X' }],
          events: [
            ev('T1', 'a1', 'claim', 1),
            ...(resolved ? [ev('T1', 'a1', 'resolve', 2)] : []),
            ev('X', 'a1', 'claim', 1),
            ...(resolved ? [ev('X', 'a1', 'resolve', 2)] : []),
          ],
          ledger: amounts.map((a) => ({ taskId: 'T1', amountMinor: a })),
          ratings: [],
        },
        'overall',
      )[0]!;
    expect(one([5], true).cost.perResolvedMinor).toBe(3); // 2.5 → 3
    expect(one([3], true).cost.perResolvedMinor).toBe(2); // 1.5 → 2
    expect(one([1], true).cost.perResolvedMinor).toBe(1); // 0.5 → 1
    const none = one([5], false);
    expect(none.cost.perResolvedMinor).toBeNull();
    expect(none.csat).toEqual({ n: 0, mean: null, response: { count: 0, of: 0, rate: null } });
    expect(percentile([], 50)).toBeNull();
  });
});

describe('impact metrics route', () => {
  let s: TestServer;
  let A: BrandWorld;
  beforeAll(async () => {
    ({ s, A } = await twoBrands());
  });
  afterAll(() => s.close());

  it('reads the brand’s own rows over the range, beside the contact-centre cost it entered', async () => {
    const owner = await signIn(s, A.brandId, 'analyst');
    const admin = await signIn(s, A.brandId, 'admin');
    await admin.call('PUT', '/v1/admin/settings', { body: { contactCentreCostMinor: 850 } });
    const r = await owner.call('GET', `/v1/admin/metrics?from=${s.clock.t}&to=${s.clock.t + 1}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ currency: 'EUR', contactCentreCostMinor: 850 });
    // T-2 claimed, T-3 resolved (200), T-4 and T-5 escalated (100 each): 4 cases.
    expect(r.body.groups[0]).toMatchObject({
      cases: 4,
      resolution: { count: 1, of: 4 },
      escalation: { count: 2, of: 4 },
      cost: { totalMinor: 400, resolved: 1, perResolvedMinor: 400 },
    });
    const later = await owner.call(
      'GET',
      `/v1/admin/metrics?from=${s.clock.t + 1}&to=${s.clock.t + 2}`,
    );
    expect(later.body.groups).toEqual([]);
    expect((await owner.call('GET', '/v1/admin/metrics?from=5&to=5')).status).toBe(400);
  });
});
