import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultFeedPrefs } from '../../../src/shared/contract/feed';
import type { Notice } from '../../../src/shared/contract/events';
import { FaultProxy } from '../../support/faultProxy';
import { startTestFeedServer, type TestFeedServer } from '../../support/feedServer';
import type { TestCore } from '../../support/core';
import type { SyncTuning } from '../../../src/core/sync/controller';
import { advocateIdOf, localTasks, serverView, signedInCore, waitFor } from './helpers';

let feed: TestFeedServer;
const cores: TestCore[] = [];
const proxies: FaultProxy[] = [];

beforeEach(async () => {
  feed = await startTestFeedServer();
  await feed.pushTasks(30);
});
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const proxy of proxies.splice(0)) await proxy.close();
  await feed.close();
});

async function advocate(name: string, viaProxy = false, tuning: SyncTuning = {}) {
  let url = feed.url;
  let proxy: FaultProxy | null = null;
  if (viaProxy) {
    proxy = FaultProxy.forUrl(feed.url);
    url = await proxy.start();
    proxies.push(proxy);
  }
  const core = await signedInCore(url, await feed.invite(name), {}, { tuning });
  cores.push(core);
  return { core, proxy };
}

const notices = (core: TestCore) =>
  core.events.filter((e) => e.event === 'notice:new').map((e) => e.payload as Notice);

describe('sign-in, pull and claim against the real feed server', () => {
  it('keeps the token only in the secret store and pulls the feed with payout estimates', async () => {
    const { core } = await advocate('Ada');
    expect(core.services.secrets.get('device-token')).toMatch(/.{16,}/);
    const files = core.db.prepare('SELECT * FROM session').all();
    expect(JSON.stringify(files)).not.toContain(core.services.secrets.get('device-token')!);

    const page = await core.handlers['feed:list']({
      ...defaultFeedPrefs,
      offset: 0,
      limit: 50,
      withTotal: true,
    });
    expect(page.total).toBe(30);
    // Sorted by payout: complexity 5 (1200) first.
    expect(page.tasks[0]).toMatchObject({
      complexity: 5,
      payoutMinor: 1200,
      currency: 'EUR',
      brandName: 'Acme Outdoor',
    });

    const filtered = await core.handlers['feed:list']({
      filters: { ...defaultFeedPrefs.filters, complexity: 2, channel: 'email', skill: 'shipping' },
      sort: 'due',
      offset: 0,
      limit: 50,
      withTotal: true,
    });
    expect(filtered.tasks.length).toBeGreaterThan(0);
    for (const t of filtered.tasks) {
      expect(t).toMatchObject({ complexity: 2, channel: 'email', payoutMinor: 350 });
      expect(t.skills).toContain('shipping');
    }
    const dues = filtered.tasks.map((t) => t.slaDueAt!);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(
      core.events.some(
        (e) => e.event === 'sync:status' && (e.payload as { state: string }).state === 'online',
      ),
    ).toBe(true);
  });

  it('claims a task: pending at once, then confirmed by the server and listed under My tickets', async () => {
    const { core } = await advocate('Ada');
    const [first] = (
      await core.handlers['feed:list']({
        ...defaultFeedPrefs,
        offset: 0,
        limit: 1,
        withTotal: false,
      })
    ).tasks;
    const mine = await core.handlers['feed:claim']({ taskId: first!.id });
    expect(mine.pendingClaim).toBe(true);
    await waitFor(async () => {
      const list = await core.handlers['tasks:mine'](undefined);
      return list.length === 1 && !list[0]!.pendingClaim && list[0]!.status === 'claimed';
    }, 'the claim to be confirmed');
    const feedNow = await core.handlers['feed:list']({
      ...defaultFeedPrefs,
      offset: 0,
      limit: 100,
      withTotal: true,
    });
    expect(feedNow.total).toBe(29);
    expect(await serverView(feed.server.store, advocateIdOf(core))).toContainEqual({
      id: first!.id,
      status: 'claimed',
      holder: advocateIdOf(core),
    });
    expect((await core.handlers['sync:pending'](undefined)).actions).toBe(0);
  });

  it('an offline claim that another advocate beat is undone with a notice', async () => {
    const a = await advocate('Ada', true);
    const b = await advocate('Bea');
    const [task] = (
      await a.core.handlers['feed:list']({
        ...defaultFeedPrefs,
        offset: 0,
        limit: 1,
        withTotal: false,
      })
    ).tasks;

    a.proxy!.down();
    await a.core.handlers['feed:claim']({ taskId: task!.id });
    const pending = await a.core.handlers['tasks:mine'](undefined);
    expect(pending).toMatchObject([{ id: task!.id, pendingClaim: true }]);
    await waitFor(() => a.core.sync.status().state === 'offline', 'offline status');

    await b.core.handlers['feed:claim']({ taskId: task!.id });
    await waitFor(
      async () => (await b.core.handlers['tasks:mine'](undefined))[0]?.pendingClaim === false,
      'B to win',
    );

    a.proxy!.up();
    await a.core.handlers['sync:now'](undefined);
    await waitFor(() => notices(a.core).length > 0, 'a notice');
    expect(notices(a.core)[0]).toMatchObject({ level: 'warning', taskId: task!.id });
    expect(notices(a.core)[0]!.message).toContain('Another advocate claimed');
    expect(await a.core.handlers['tasks:mine'](undefined)).toEqual([]);
    const feedA = await a.core.handlers['feed:list']({
      ...defaultFeedPrefs,
      offset: 0,
      limit: 100,
      withTotal: false,
    });
    expect(feedA.tasks.map((t) => t.id)).not.toContain(task!.id);
    expect(localTasks(a.core)).toEqual(await serverView(feed.server.store, advocateIdOf(a.core)));
  });

  it('refuses a bad invite code with a clear message, and signs out wiping the token and, on request, the data', async () => {
    const { core } = await advocate('Ada');
    await expect(
      core.handlers['session:connect']({ serverUrl: feed.url, inviteCode: 'WRONG-CODE-1' }),
    ).rejects.toMatchObject({ code: 'unauthorized' });
    // Still signed in after a failed second sign-in.
    expect((await core.handlers['sync:now'](undefined)).state).toBe('online');

    const kept = await core.handlers['session:signOut']({ wipeLocalData: false });
    expect(kept).toEqual({ state: 'signed_out' });
    expect(core.services.secrets.get('device-token')).toBeNull();
    expect(core.db.prepare('SELECT COUNT(*) FROM tasks').pluck().get()).toBe(30);
    expect(core.sync.status().state).toBe('offline');

    await core.handlers['session:connect']({
      serverUrl: feed.url,
      inviteCode: await feed.invite('Ada again'),
    });
    await core.handlers['session:signOut']({ wipeLocalData: true });
    expect(core.db.prepare('SELECT COUNT(*) FROM tasks').pluck().get()).toBe(0);
    expect(core.db.prepare('SELECT cursor FROM sync_state').pluck().get()).toBeNull();
  });

  it('warns once when a held claim is about to lapse', async () => {
    // The brand's lease is 30 minutes: warn when less than 31 remain, i.e. right away.
    const { core } = await advocate('Ada', false, { leaseWarningMs: 31 * 60_000 });
    const [task] = (
      await core.handlers['feed:list']({
        ...defaultFeedPrefs,
        offset: 0,
        limit: 1,
        withTotal: false,
      })
    ).tasks;
    await core.handlers['feed:claim']({ taskId: task!.id });
    await waitFor(() => notices(core).length > 0, 'a lease warning');
    expect(notices(core)[0]).toMatchObject({ level: 'warning', taskId: task!.id });
    expect(notices(core)[0]!.message).toMatch(/lapses in (29|30) min/);
    await core.handlers['sync:now'](undefined);
    expect(notices(core)).toHaveLength(1);
  });
});
