/**
 * Issue 20's fallback ladder for unclaimed work, step by step with an injected clock: the pool
 * widens to any skill, an ageing bonus is added (a payout line, paid once on resolution), and at
 * the deadline the task goes to the contact centre with a system hand-off note. A transfer to a
 * skill pool routes the task without overwriting its own skills. Runs on SQLite here and on
 * PostgreSQL in test/pg/server.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { key, syncAll, T0, task, type TestServer, testServer } from './helpers';

let s: TestServer;
beforeEach(async () => {
  s = await testServer();
});
afterEach(async () => {
  await s.close();
});

const MIN = 60_000;
const admin = (method: string, path: string, body?: unknown) =>
  s.call(method, path, { token: s.adminKey, body });
const rules = {
  widenAtPercent: 50,
  bonusAtPercent: 75,
  ageingBonusMinor: 150,
  escalateAtPercent: 100,
};

async function idOf(ref: string) {
  const { tasks } = await s.store.console.listTasks(s.brandId, { limit: 100, offset: 0 });
  return tasks.find((t) => t.externalRef === ref)!;
}
const act = async (token: string, action: Record<string, unknown>) =>
  (
    await s.call('POST', '/v1/actions', {
      token,
      body: { actions: [{ key: key(), ...action }] },
    })
  ).body.results[0];
const latest = async (token: string, taskId: string) => {
  const { changes } = await syncAll(s, token);
  return changes.filter((c) => c.task?.id === taskId || c.taskId === taskId).at(-1);
};

describe('fallback ladder for unclaimed work', () => {
  it('refuses rules whose steps are out of order, naming the field; stores good ones per brand', async () => {
    expect((await admin('GET', '/v1/admin/fallback-rules')).body).toEqual({ ageingBonusMinor: 0 });
    const bad = await admin('PUT', '/v1/admin/fallback-rules', { ...rules, widenAtPercent: 80 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.issues)).toMatch(/bonusAtPercent/);
    const noAmount = await admin('PUT', '/v1/admin/fallback-rules', { bonusAtPercent: 50 });
    expect(JSON.stringify(noAmount.body.error.issues)).toMatch(/ageingBonusMinor/);
    const money = await admin('PUT', '/v1/admin/fallback-rules', {
      ...rules,
      ageingBonusMinor: 1.5,
    });
    expect(money.status).toBe(400);
    expect((await admin('GET', '/v1/admin/fallback-rules')).body).toEqual({ ageingBonusMinor: 0 });
    expect((await admin('PUT', '/v1/admin/fallback-rules', rules)).body).toEqual(rules);
    expect((await admin('GET', '/v1/admin/fallback-rules')).body).toEqual(rules);
  });

  it('widens, then adds a bonus that is paid once on resolution, each at its share of the SLA', async () => {
    await admin('PUT', '/v1/admin/fallback-rules', rules);
    const a = await s.advocate({ tier: 1 });
    await s.pushTasks([task(1, { slaDueAt: T0 + 100 * MIN, complexity: 2 })]);
    const t = await idOf('T-1');

    s.clock.advance(49 * MIN);
    await s.sweep();
    expect((await latest(a.token, t.id)).task).toMatchObject({
      skills: ['shipping'],
      ageingBonusMinor: null,
    });

    s.clock.advance(1 * MIN); // 50 %: any skill may take it
    await s.sweep();
    expect((await latest(a.token, t.id)).task).toMatchObject({
      skills: [],
      ageingBonusMinor: null,
    });
    expect((await idOf('T-1')).skills).toEqual(['shipping']); // its own skills are kept

    s.clock.advance(25 * MIN); // 75 %: it pays more now
    await s.sweep();
    expect((await latest(a.token, t.id)).task).toMatchObject({ skills: [], ageingBonusMinor: 150 });
    await s.sweep(); // a second sweep (another process) changes nothing
    expect((await act(a.token, { type: 'claim', taskId: t.id })).status).toBe('applied');
    expect((await act(a.token, { type: 'resolve', taskId: t.id })).status).toBe('applied');
    const { changes } = await syncAll(s, a.token);
    const entries = changes.filter((c) => c.kind === 'ledger').map((c) => c.entry);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'case', amountMinor: 200 + 150 });
    expect(entries[0].lines).toContainEqual(
      expect.objectContaining({ kind: 'ageing_bonus', amountMinor: 150 }),
    );
    // A claimed or resolved task is never stepped again, also at its deadline.
    s.clock.advance(60 * MIN);
    await s.sweep();
    expect((await idOf('T-1')).status).toBe('resolved');
  });

  it('at the deadline hands the task to the contact centre with a system note; advocates see it go', async () => {
    await admin('PUT', '/v1/admin/fallback-rules', rules);
    const a = await s.advocate({ tier: 1 });
    await s.pushTasks([
      task(1, { slaDueAt: T0 + 100 * MIN }),
      task(2, { slaDueAt: T0 + 100 * MIN }),
      task(3), // no due time: never moves
    ]);
    const [t1, t2] = [await idOf('T-1'), await idOf('T-2')];
    expect((await admin('PATCH', '/v1/admin/brand', { leaseMinutes: 240 })).status).toBe(200);
    s.clock.advance(10 * MIN);
    expect((await act(a.token, { type: 'claim', taskId: t2.id })).status).toBe('applied');
    const { cursor } = await syncAll(s, a.token);
    // The sweeper ran late: every step applies at once.
    s.clock.advance(95 * MIN);
    await s.sweep();
    await s.sweep();
    expect((await idOf('T-1')).status).toBe('escalated');
    expect((await idOf('T-2')).status).toBe('claimed');
    expect((await idOf('T-3')).status).toBe('open');
    const queue = await admin('GET', '/v1/admin/escalation-queue');
    expect(queue.body.escalations).toHaveLength(1);
    expect(queue.body.escalations[0]).toMatchObject({
      taskId: t1.id,
      target: 'contact_center',
      advocateId: 'system',
      handoffNote: expect.stringMatching(/100% of its SLA window/),
    });
    const { changes } = await syncAll(s, a.token, cursor);
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'revoke', taskId: t1.id }));
    // Time to claim: one claimed after 10 minutes, one never (escalated by the ladder).
    const m = await admin('GET', `/v1/admin/time-to-claim?from=${T0}&to=${T0 + 1}`);
    expect(m.status).toBe(200);
    expect(m.body).toMatchObject({
      tasks: 3,
      claimed: 1,
      unclaimed: 2,
      p50Ms: 10 * MIN,
      p90Ms: 10 * MIN,
      p95Ms: 10 * MIN,
      widened: 1,
      withBonus: 1,
      escalatedByFallback: 1,
    });
    const bad = await admin('GET', `/v1/admin/time-to-claim?from=${T0}&to=${T0}`);
    expect(bad.status).toBe(400);
  });

  it('a transfer to a skill pool routes the task there without overwriting its own skills', async () => {
    const a = await s.advocate({ tier: 1 });
    await s.pushTasks([task(1, { skills: ['shipping', 'billing'] })]);
    const t = await idOf('T-1');
    expect((await act(a.token, { type: 'claim', taskId: t.id })).status).toBe('applied');
    const moved = await act(a.token, {
      type: 'transfer',
      taskId: t.id,
      to: { kind: 'pool', skill: 'returns' },
      note: 'needs the returns team',
    });
    expect(moved.status, JSON.stringify(moved)).toBe('applied');
    expect((await latest(a.token, t.id)).task.skills).toEqual(['returns']);
    expect((await idOf('T-1')).skills).toEqual(['shipping', 'billing']);
    // The brand re-pushing the same feed changes nothing, and its own skills still stand.
    await s.pushTasks([task(1, { skills: ['shipping', 'billing'] })]);
    expect((await idOf('T-1')).skills).toEqual(['shipping', 'billing']);
  });
});
