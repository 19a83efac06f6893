/** One clock for leases on PostgreSQL: replicas whose own clocks disagree decide alike. */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import type { ActionsResponse } from '../../src/shared/protocol';
import { rawQuery } from '../support/rawDb';
import { dropFreshDbs, freshDb, pgTestUrl, useBackend } from '../support/serverBackends';
import { seedBrand, taskPush } from './brandFixture';

useBackend('postgres');

const HOUR = 60 * 60_000;
const open: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
// Dropping every schema the suite made takes minutes on a loaded machine.
afterAll(dropFreshDbs, 600_000);

const act = (server: RunningServer, token: string, type: string, taskId: string, key: string) =>
  fetch(`${server.url}/v1/actions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ actions: [{ key, type, taskId }] }),
  }).then(async (r) => ((await r.json()) as ActionsResponse).results[0]!);

describe.runIf(pgTestUrl())('leases on PostgreSQL use the database clock', () => {
  it('a replica whose clock runs an hour fast does not hand a live claim to a second advocate', async () => {
    const db = await freshDb();
    const start = (now: () => number) =>
      startServer({ db, now, leaseSweepMs: 0, logger: false, rateLimitMax: 100_000 });
    const honest = await start(Date.now);
    const fast = await start(() => Date.now() + HOUR);
    open.push(honest, fast);
    const seed = await seedBrand(honest.store, Date.now(), 2);
    await honest.store.upsertTasks(seed.brandId, [taskPush('order-1')], Date.now());
    const [row] = await rawQuery(db, `select id from tasks where external_ref = 'order-1'`);
    const taskId = String(row!.id);
    const [a, b] = [seed.advocates[0]!, seed.advocates[1]!];

    expect((await act(honest, a.token, 'claim', taskId, 'claim-a-0001')).status).toBe('applied');
    // By the fast replica's own clock the 30-minute lease ran out half an hour ago.
    expect((await act(fast, b.token, 'claim', taskId, 'claim-b-0001')).status).toBe('conflict');
    expect(await fast.sweep()).toEqual({ reopened: 0, offersLifted: 0 });
    // The holder's renewal through the fast replica is honoured, its lease from the database clock.
    expect((await act(fast, a.token, 'renew', taskId, 'renew-a-0001')).status).toBe('applied');
    const [lease] = await rawQuery(db, `select lease_expires_at from tasks where id = '${taskId}'`);
    expect(Math.abs(Number(lease!.lease_expires_at) - (Date.now() + 30 * 60_000))).toBeLessThan(
      60_000,
    );
  });
});
