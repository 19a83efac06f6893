/** Replicas on one PostgreSQL database share their rate-limit counters. */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { dropFreshDbs, freshDb, pgTestUrl, useBackend } from '../support/serverBackends';

useBackend('postgres');

const open: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
// Dropping every schema the suite made takes minutes on a loaded machine.
afterAll(dropFreshDbs, 600_000);

describe.runIf(pgTestUrl())('rate limits on PostgreSQL', () => {
  it('a client spreading requests over two replicas gets one budget, not one per replica', async () => {
    const db = await freshDb();
    const start = () => startServer({ db, leaseSweepMs: 0, logger: false, rateLimitMax: 4 });
    const [a, b] = [await start(), await start()];
    open.push(a, b);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const replica = i % 2 === 0 ? a : b;
      const res = await fetch(`${replica.url}/v1/me`, {
        headers: { authorization: `Bearer gdt_${randomBytes(16).toString('hex')}` },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});
