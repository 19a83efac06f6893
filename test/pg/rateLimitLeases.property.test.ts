/**
 * Replicas share a rate limit through budget leases (http/sharedRateLimit.ts): for any
 * interleaving of requests over 2-3 replicas, any budget and any window, a window never admits
 * more than its budget, and a client that keeps to one replica is admitted exactly
 * min(requests, budget) per window (fast-check, on PostgreSQL).
 */
import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/server';
import { sharedRateLimitStore } from '../../src/server/http/sharedRateLimit';
import { dropFreshDbs, freshDb, pgTestUrl, useBackend } from '../support/serverBackends';

useBackend('postgres');
// Dropping every schema the suite made takes minutes on a loaded machine.
afterAll(dropFreshDbs, 600_000);

const T0 = 1_800_000_000_000;

type Key = 'spread' | 'solo';
const scenario = fc.record({
  replicas: fc.integer({ min: 2, max: 3 }),
  max: fc.integer({ min: 1, max: 12 }),
  windowMs: fc.integer({ min: 1, max: 60 }),
  batches: fc.array(
    // Fake milliseconds before each batch; a batch's requests are sent at once.
    fc.record({
      advance: fc.integer({ min: 0, max: 25 }),
      requests: fc.array(
        fc.record({
          replica: fc.nat({ max: 2 }),
          key: fc.constantFrom<Key>('spread', 'solo'),
        }),
        { minLength: 1, maxLength: 8 },
      ),
    }),
    { minLength: 1, maxLength: 12 },
  ),
});

function hit(limiter: FastifyRateLimitStore, key: string, windowMs: number, max: number) {
  return new Promise<{ current: number; ttl: number }>((resolve, reject) => {
    limiter.incr(key, (err, r) => (err ? reject(err) : resolve(r!)), windowMs, max);
  });
}

describe.runIf(pgTestUrl())('rate-limit leases on PostgreSQL', () => {
  it('a window admits at most its budget over any replicas; one replica admits exactly min(requests, budget)', async () => {
    const db = await freshDb();
    const stores: Store[] = [0, 1, 2].map(() => openStore(db, { leaseClock: 'process' }));
    await stores[0]!.migrate(T0);
    let clock = T0;
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(scenario, async ({ replicas, max, windowMs, batches }) => {
          run++;
          const limiters = stores
            .slice(0, replicas)
            .map((s) => new (sharedRateLimitStore(s, () => clock))({} as FastifyRateLimitOptions));
          // The model: a key's window starts at the first request at or after the last one's end.
          const windows = new Map<Key, { start: number; requests: number; admitted: number }[]>();
          for (const batch of batches) {
            clock += batch.advance;
            const sent = batch.requests.map(({ replica, key }) => ({
              key,
              replica: key === 'solo' ? 0 : replica % replicas,
            }));
            for (const key of new Set(sent.map((r) => r.key))) {
              const list = windows.get(key) ?? [];
              const open = list.at(-1);
              if (!open || clock >= open.start + windowMs)
                list.push({ start: clock, requests: 0, admitted: 0 });
              windows.set(key, list);
            }
            const answers = await Promise.all(
              sent.map((r) => hit(limiters[r.replica]!, `${run}:${r.key}`, windowMs, max)),
            );
            sent.forEach((r, i) => {
              const window = windows.get(r.key)!.at(-1)!;
              window.requests++;
              if (answers[i]!.current <= max) window.admitted++;
              expect(answers[i]!.ttl).toBe(window.start + windowMs - clock);
            });
          }
          for (const window of windows.get('spread') ?? [])
            expect(window.admitted).toBeLessThanOrEqual(max);
          for (const window of windows.get('solo') ?? [])
            expect(window.admitted).toBe(Math.min(window.requests, max));
        }),
        { numRuns: 60 },
      );
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  }, 300_000);
});
