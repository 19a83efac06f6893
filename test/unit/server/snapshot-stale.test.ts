/**
 * A stale brand snapshot is served at once while its replacement is built (snapshotCache.ts):
 * only the first advocate of a (brand, tier) waits for a build. Past `serveStaleMs` the request
 * waits for the new one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { task, type TestServer, testServer } from './helpers';

const SERVE_STALE_MS = 60_000;

describe('stale brand snapshots', () => {
  let s: TestServer;
  let token: string;
  const path = () => `/v1/snapshot/brands/${s.brandId}`;
  const rows = (r: { body: { tasks: { rows: unknown[] } } }) => r.body.tasks.rows.length;

  beforeAll(async () => {
    // Any change after a snapshot's cursor makes it stale, checked on every request; nothing is
    // built ahead of a push (snapshot-warm.test.ts), so a request finds the stale one.
    s = await testServer({
      snapshotCache: {
        checkEveryMs: 0,
        maxLag: 0,
        serveStaleMs: SERVE_STALE_MS,
        warmAfterMs: null,
      },
    });
    expect((await s.pushTasks([task(1), task(2)])).status).toBe(200);
    ({ token } = await s.advocate({ tier: 1 }));
  });
  afterAll(() => s.close());

  it('are served while the new build runs, then replaced by it', async () => {
    const first = await s.call('GET', path(), { token });
    expect(rows(first)).toBe(2);
    expect((await s.pushTasks([task(3)])).status).toBe(200);

    const stale = await s.call('GET', path(), { token });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('etag')).toBe(first.headers.get('etag'));

    let fresh = stale;
    for (let i = 0; i < 100 && fresh.headers.get('etag') === first.headers.get('etag'); i++) {
      await new Promise((r) => setTimeout(r, 20));
      fresh = await s.call('GET', path(), { token });
    }
    expect(rows(fresh)).toBe(3);
    expect(fresh.body.cursor).not.toBe(first.body.cursor);
  });

  it('are not served once older than serveStaleMs: the request waits for the build', async () => {
    const before = await s.call('GET', path(), { token });
    s.clock.advance(SERVE_STALE_MS + 1);
    expect((await s.pushTasks([task(4)])).status).toBe(200);
    const after = await s.call('GET', path(), { token });
    expect(rows(after)).toBe(rows(before) + 1);
  });
});
