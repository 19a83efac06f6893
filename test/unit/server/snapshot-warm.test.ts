/**
 * Brand snapshots are built ahead after an admin push (snapshotCache.ts, `warm`): the first
 * advocate after a brand's import is served a snapshot built before it asked, and an advocate
 * after a later push is served one that holds the push, not the stale one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES_HEADER, capabilitiesHeaderValue } from '../../../src/shared/capabilities';
import { task, type TestServer, testServer } from './helpers';

describe('brand snapshots built ahead of an admin push', () => {
  let s: TestServer;
  let token: string;
  let builds = 0;
  const path = () => `/v1/snapshot/brands/${s.brandId}`;
  /** Asked as today's app asks (its capabilities decide which shared snapshot it is). */
  const ask = () =>
    s.call('GET', path(), {
      token,
      headers: { [CAPABILITIES_HEADER]: capabilitiesHeaderValue() },
    });
  const rows = (r: { body: { tasks: { rows: unknown[] } } }) => r.body.tasks.rows.length;
  /** Waits (up to 5 s) until the server has started `count` brand snapshot builds. */
  const buildsReach = async (count: number) => {
    for (let i = 0; i < 250 && builds < count; i++) await new Promise((r) => setTimeout(r, 20));
    return builds;
  };

  beforeAll(async () => {
    s = await testServer({ snapshotCache: { warmAfterMs: 0, checkEveryMs: 0 } });
    const brandParts = s.store.snapshots.brandParts.bind(s.store.snapshots);
    s.store.snapshots.brandParts = (...args) => {
      builds++;
      return brandParts(...args);
    };
    ({ token } = await s.advocate({ tier: 1 }));
  });
  afterAll(() => s.close());

  it('builds after a push, before any advocate asks; the first to ask gets that build', async () => {
    expect((await s.pushTasks([task(1), task(2)])).status).toBe(200);
    expect(await buildsReach(1)).toBe(1);
    const first = await ask();
    expect(first.status).toBe(200);
    expect(rows(first)).toBe(2);
    expect(builds).toBe(1);
  });

  it('rebuilds a cached snapshot after a push: the next advocate gets the push at once', async () => {
    const before = await ask();
    expect((await s.pushTasks([task(3)])).status).toBe(200);
    expect(await buildsReach(2)).toBe(2);
    // Let the build ahead finish replacing the entry (a request meanwhile gets the old one).
    let after = before;
    for (let i = 0; i < 100 && rows(after) === rows(before); i++) {
      await new Promise((r) => setTimeout(r, 20));
      after = await ask();
    }
    expect(rows(after)).toBe(3);
    expect(builds).toBe(2);
  });
});
