/**
 * The first feed page of an initial sync comes from the server's first-page read, so the feed
 * shows before the brand snapshot is even asked for (its first build takes the server seconds):
 * the real feed server behind a proxy that holds the brand snapshot's answer back, the load on
 * its worker thread over a SQLite file. A server without the route (its own 404) still works,
 * as before: the first page is then cut from the brand snapshot.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../../src/core/db/open';
import { appAppliers } from '../../../src/core/handlers/changeAppliers';
import { FeedClient } from '../../../src/core/sync/client';
import { snapshotInitialLoad } from '../../../src/core/sync/initialSync';
import { readSyncState } from '../../../src/core/sync/syncStateRepo';
import { startTestFeedServer, type TestFeedServer } from '../../support/feedServer';
import { type HoldingProxy, holdingProxy } from '../../support/holdingProxy';
import { snapshotWorkerForTests } from '../../support/snapshotWorker';
import { serverView, waitFor } from './helpers';

let feed: TestFeedServer | undefined;
let proxy: HoldingProxy | undefined;
let db: Db | undefined;
afterEach(async () => {
  db?.close();
  await proxy?.close();
  await feed?.close();
  feed = proxy = db = undefined;
});

/** The brand snapshot itself (not its first page). */
const BRAND_SNAPSHOT = /^\/v1\/snapshot\/brands\/[^/?]+(\?|$)/;
const FIRST_PAGE = /^\/v1\/snapshot\/brands\/[^/?]+\/first/;

const count = (d: Db) => d.prepare('SELECT count(*) FROM tasks').pluck().get() as number;
const tasksOf = (d: Db) =>
  d.prepare('SELECT id, status, holder_id AS holder FROM tasks ORDER BY id').all();

async function start(options: { hold?: RegExp; hide?: RegExp }) {
  feed = await startTestFeedServer();
  await feed.pushTasks(450);
  proxy = await holdingProxy(feed.url, options);
  const { token, advocate } = await feed.server.store.redeem(
    await feed.invite('Ana'),
    'test',
    Date.now(),
  );
  db = openDatabase(join(feed.dir, 'ana.sqlite'));
  let announced = 0;
  const load = snapshotInitialLoad({
    db,
    client: new FeedClient({ baseUrl: proxy.url, token }),
    baseUrl: proxy.url,
    token: async () => token,
    appliers: appAppliers,
    now: Date.now,
    worker: snapshotWorkerForTests,
    onFirstPage: () => announced++,
    pageSize: 100,
  });
  return { advocateId: advocate.id, load, announced: () => announced };
}

describe('initial sync: the first feed page', () => {
  it('is applied and announced before the brand snapshot is asked for, and the load then completes', async () => {
    const s = await start({ hold: BRAND_SNAPSHOT });
    const loading = s.load(new AbortController().signal);
    await proxy!.held;
    // The worker asks for the brand snapshot only now, and its answer is held back: the first
    // page is already in the database, without a cursor (a crash here loads again).
    expect(count(db!)).toBe(200);
    expect(readSyncState(db!).cursor).toBeNull();
    await waitFor(() => s.announced() === 1, 'the first page announced');
    expect(proxy!.answered()).toBe(false);
    expect(proxy!.requests.filter((p) => FIRST_PAGE.test(p))).toHaveLength(1);
    proxy!.release();

    expect(await loading).toBe(true);
    expect(s.announced()).toBe(1);
    expect(count(db!)).toBe(450);
    expect(tasksOf(db!)).toEqual(await serverView(feed!.server.store, s.advocateId));
    expect(readSyncState(db!).cursor).not.toBeNull();
  });

  it('from a server without the first-page route, is cut from the brand snapshot as before', async () => {
    const s = await start({ hide: FIRST_PAGE });
    expect(await s.load(new AbortController().signal)).toBe(true);
    expect(s.announced()).toBe(1);
    const asked = proxy!.requests.map((p) => p.split('?')[0]!.replace(feed!.brandId, ':id'));
    expect(asked.slice(0, 3)).toEqual([
      '/v1/snapshot',
      '/v1/snapshot/brands/:id/first',
      '/v1/snapshot/brands/:id',
    ]);
    expect(count(db!)).toBe(450);
    expect(tasksOf(db!)).toEqual(await serverView(feed!.server.store, s.advocateId));
  });
});
