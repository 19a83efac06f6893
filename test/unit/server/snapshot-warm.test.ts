/**
 * Brand snapshots are built ahead after an admin push (snapshotCache.ts, `warm`): the first
 * advocate after a brand's import is served a snapshot built before it asked; a later push that
 * leaves a cached snapshot within the staleness bound (`maxLag` change rows) does not rebuild it,
 * one past it does, and the next advocate is served the push, not the stale one. A first-page
 * read starts the build of its brand snapshot, which the app asks for next.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES_HEADER, capabilitiesHeaderValue } from '../../../src/shared/capabilities';
import { task, type TestServer, testServer } from './helpers';

describe('brand snapshots built ahead of an admin push', () => {
  let s: TestServer;
  let token: string;
  let builds = 0;
  let failNextBuild = false;
  /** Staleness checks the cache made (each one a `lag` read). */
  let lagReads = 0;
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
    s = await testServer({ snapshotCache: { warmAfterMs: 0, checkEveryMs: 0, maxLag: 1 } });
    const brandParts = s.store.snapshots.brandParts.bind(s.store.snapshots);
    s.store.snapshots.brandParts = (...args) => {
      builds++;
      if (failNextBuild) {
        failNextBuild = false;
        return Promise.reject(new Error('the read failed'));
      }
      return brandParts(...args);
    };
    const lag = s.store.snapshots.lag.bind(s.store.snapshots);
    s.store.snapshots.lag = (...args) => {
      lagReads++;
      return lag(...args);
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

  it('leaves a cached snapshot a push left within the staleness bound', async () => {
    const cached = await ask();
    const checked = lagReads;
    expect((await s.pushTasks([task(3)])).status).toBe(200);
    // The build ahead checks the cached snapshot's lag (one change row: within maxLag 1) …
    for (let i = 0; i < 250 && lagReads === checked; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(lagReads).toBeGreaterThan(checked);
    await new Promise((r) => setTimeout(r, 100));
    // … and builds nothing: the app pulls that row after the snapshot.
    expect(builds).toBe(1);
    expect(rows(await ask())).toBe(rows(cached));
  });

  it('rebuilds a cached snapshot a push left past the bound: the next advocate gets the push', async () => {
    const before = await ask();
    expect((await s.pushTasks([task(4)])).status).toBe(200);
    expect(await buildsReach(2)).toBe(2);
    // Let the build ahead finish replacing the entry (a request meanwhile gets the old one).
    let after = before;
    for (let i = 0; i < 100 && rows(after) === rows(before); i++) {
      await new Promise((r) => setTimeout(r, 20));
      after = await ask();
    }
    expect(rows(after)).toBe(4);
    expect(builds).toBe(2);
  });

  it('starts the build of a snapshot nobody built when its first page is read; the ask after gets that build', async () => {
    // A tier no member held at the pushes: nothing was built ahead for it.
    ({ token } = await s.advocate({ tier: 2 }));
    const before = builds;
    const page = await s.call('GET', `${path()}/first?limit=1`, {
      token,
      headers: { [CAPABILITIES_HEADER]: capabilitiesHeaderValue() },
    });
    expect(page.status).toBe(200);
    expect(await buildsReach(before + 1)).toBe(before + 1);
    const snapshot = await ask();
    expect(snapshot.status).toBe(200);
    expect(rows(snapshot)).toBe(4);
    expect(builds).toBe(before + 1);
  });

  it('survives a build started by a first-page read that fails: the ask after builds again', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      ({ token } = await s.advocate({ tier: 3 }));
      const before = builds;
      failNextBuild = true;
      const page = await s.call('GET', `${path()}/first?limit=1`, {
        token,
        headers: { [CAPABILITIES_HEADER]: capabilitiesHeaderValue() },
      });
      expect(page.status).toBe(200);
      expect(await buildsReach(before + 1)).toBe(before + 1);
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
      const snapshot = await ask();
      expect(snapshot.status).toBe(200);
      expect(rows(snapshot)).toBe(4);
      expect(builds).toBe(before + 2);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});
