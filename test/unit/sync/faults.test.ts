import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultFeedPrefs } from '../../../src/shared/contract/feed';
import { renewLease } from '../../../src/core/feed/claim';
import { listOutbox } from '../../../src/core/sync/outboxRepo';
import { FaultProxy } from '../../support/faultProxy';
import { startTestFeedServer, type TestFeedServer } from '../../support/feedServer';
import type { TestCore } from '../../support/core';
import { advocateIdOf, localTasks, serverView, signedInCore, waitFor } from './helpers';

let feed: TestFeedServer;
let proxy: FaultProxy;
let core: TestCore;

beforeEach(async () => {
  feed = await startTestFeedServer();
  await feed.pushTasks(40);
  proxy = FaultProxy.forUrl(feed.url);
  core = await signedInCore(await proxy.start(), await feed.invite('Ada'));
});
afterEach(async () => {
  await core.close();
  await proxy.close();
  await feed.close();
});

/** The server's own record of the actions it applied for this advocate, in commit order. */
function serverActionKeys(advocateId: string): { key: string; status: string }[] {
  const db = new Database(join(feed.dir, 'server.sqlite'), { readonly: true });
  try {
    return (
      db
        .prepare('SELECT key, result FROM action_keys WHERE advocate_id = ? ORDER BY rowid')
        .all(advocateId) as { key: string; result: string }[]
    ).map((r) => ({ key: r.key, status: (JSON.parse(r.result) as { status: string }).status }));
  } finally {
    db.close();
  }
}

async function openTaskIds(limit: number): Promise<string[]> {
  const page = await core.handlers['feed:list']({
    ...defaultFeedPrefs,
    sort: 'newest',
    offset: 0,
    limit,
    withTotal: false,
  });
  return page.tasks.map((t) => t.id);
}

async function settle(): Promise<void> {
  await waitFor(
    async () => {
      await core.handlers['sync:now'](undefined);
      return listOutbox(core.db).length === 0 && core.sync.status().state === 'online';
    },
    'the outbox to drain and the engine to be online',
    30_000,
  );
}

describe('sync engine through a fault-injecting proxy', () => {
  it('applies every action exactly once despite drops, delays and resets after commit', async () => {
    const ids = await openTaskIds(15);
    proxy.delayMs = 3;
    proxy.cutEvery(9);
    proxy.resetAfterCommit(3, /^POST \/v1\/actions/);
    const keys: string[] = [];
    for (const [i, id] of ids.entries()) {
      await core.handlers['feed:claim']({ taskId: id });
      keys.push(listOutbox(core.db).at(-1)!.key);
      if (i === 7) await feed.pushTasks(20, 1000);
      await new Promise((r) => setTimeout(r, 15));
    }
    await waitFor(() => proxy.resetsDone >= 1, 'a reset after commit', 20_000);
    proxy.cutEvery(0);
    proxy.delayMs = 0;
    await settle();
    expect(proxy.cuts).toBeGreaterThan(0);

    const me = advocateIdOf(core);
    const applied = serverActionKeys(me);
    // Exactly once: each key recorded once, all applied, none lost.
    expect(applied.map((a) => a.key).sort()).toEqual([...keys].sort());
    expect(applied.every((a) => a.status === 'applied')).toBe(true);
    const server = await serverView(feed.server.store, me);
    for (const id of ids) expect(server).toContainEqual({ id, status: 'claimed', holder: me });
    expect(localTasks(core)).toEqual(server);
    expect(server.length).toBe(60);
    expect(core.events.filter((e) => e.event === 'notice:new')).toEqual([]);
  });

  it('delivers actions queued offline in order once the network is back', async () => {
    const [a, b, c] = await openTaskIds(3);
    proxy.down();
    await core.handlers['feed:claim']({ taskId: a! });
    await core.handlers['feed:claim']({ taskId: b! });
    renewLease(core.db, a!, Date.now());
    await core.handlers['feed:claim']({ taskId: c! });
    await waitFor(
      () => core.sync.status().state === 'offline',
      'the engine to notice it is offline',
    );
    expect(await core.handlers['tasks:mine'](undefined)).toHaveLength(3);
    expect((await core.handlers['tasks:mine'](undefined)).every((t) => t.pendingClaim)).toBe(true);
    const queued = listOutbox(core.db).map((r) => ({ key: r.key, type: r.type, taskId: r.taskId }));
    expect(queued.map((q) => [q.type, q.taskId])).toEqual([
      ['claim', a],
      ['claim', b],
      ['renew', a],
      ['claim', c],
    ]);

    proxy.up();
    await settle();
    const applied = serverActionKeys(advocateIdOf(core));
    expect(applied).toEqual(queued.map((q) => ({ key: q.key, status: 'applied' })));
    const mine = await core.handlers['tasks:mine'](undefined);
    expect(mine.map((t) => [t.id, t.status, t.pendingClaim]).sort()).toEqual(
      [a, b, c].map((id) => [id, 'claimed', false]).sort(),
    );
    expect(localTasks(core)).toEqual(await serverView(feed.server.store, advocateIdOf(core)));
  });

  it('keeps working offline and catches up by itself when the server returns', async () => {
    proxy.down();
    await waitFor(() => core.sync.status().state === 'offline', 'offline status');
    // Reads are answered locally while offline.
    expect(
      (
        await core.handlers['feed:list']({
          ...defaultFeedPrefs,
          offset: 0,
          limit: 5,
          withTotal: true,
        })
      ).total,
    ).toBe(40);
    await feed.pushTasks(5, 2000);
    proxy.up();
    // No sync:now here: the engine's own retry and the event stream bring it back.
    await waitFor(
      async () =>
        (
          await core.handlers['feed:list']({
            ...defaultFeedPrefs,
            offset: 0,
            limit: 1,
            withTotal: true,
          })
        ).total === 45,
      'the new tasks',
      20_000,
    );
    await waitFor(() => core.sync.status().state === 'online', 'online status');
  });
});
