import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countOutbox } from '../../../src/core/sync/outboxRepo';
import { FaultProxy } from '../../support/faultProxy';
import { newestTaskIds, type TestCore } from '../../support/core';
import { startTestFeedServer, type TestFeedServer } from '../../support/feedServer';
import { advocateIdOf, signedInCore } from '../sync/helpers';

/** Signing out (or in as someone else) never deletes unsent work without a warning. */

let feed: TestFeedServer;
let proxy: FaultProxy;
let core: TestCore;
let taskId: string;

beforeEach(async () => {
  feed = await startTestFeedServer();
  await feed.pushTasks(3);
  proxy = FaultProxy.forUrl(feed.url);
  core = await signedInCore(await proxy.start(), await feed.invite('Ada'));
  taskId = (await newestTaskIds(core, 1))[0]!;
  await core.handlers['feed:claim']({ taskId });
  await core.handlers['sync:now'](undefined);
});
afterEach(async () => {
  await core.close();
  await proxy.close();
  await feed.close();
});

const serverMessages = async (me: string) => {
  const page = await feed.server.store.sync(me, undefined, 1000);
  return page.changes.flatMap((c) =>
    c.kind === 'task' && c.task.id === taskId ? c.task.messages.map((m) => m.body) : [],
  );
};

describe('sign-out with unsent work', () => {
  it('tries a final push first: what it sends is on the server, and nothing is left to warn about', async () => {
    proxy.down();
    await core.handlers['tickets:act']({ type: 'reply', taskId, body: 'Sent on the way out' });
    proxy.up();
    const me = advocateIdOf(core);
    await core.handlers['session:signOut']({ wipeLocalData: true });
    expect(await serverMessages(me)).toContain('Sent on the way out');
    expect(countOutbox(core.db)).toBe(0);
  });

  it('refuses to delete queued actions, drafts and refused texts until told, and keeps them on disk', async () => {
    proxy.down();
    await core.handlers['tickets:act']({ type: 'reply', taskId, body: 'Still queued' });
    await core.handlers['tickets:saveDraft']({ taskId, kind: 'note', body: 'A draft note' });
    await expect(core.handlers['session:signOut']({ wipeLocalData: true })).rejects.toMatchObject({
      code: 'unsent_work',
      message: expect.stringContaining('1 action not yet sent, 1 draft'),
    });
    // Nothing changed: still signed in, the work on disk.
    expect((await core.handlers['session:status'](undefined)).state).toBe('signed_in');
    expect(core.db.prepare('SELECT payload FROM outbox').pluck().all().join()).toContain(
      'Still queued',
    );
    expect(core.db.prepare('SELECT body FROM drafts').pluck().all()).toEqual(['A draft note']);

    // Signing out while keeping the data is allowed; signing in again then warns before the wipe.
    await core.handlers['session:signOut']({ wipeLocalData: false });
    const invite = await feed.invite('Bo');
    await expect(
      core.handlers['session:connect']({ serverUrl: feed.url, inviteCode: invite }),
    ).rejects.toMatchObject({ code: 'unsent_work' });
    expect(core.db.prepare('SELECT body FROM drafts').pluck().all()).toEqual(['A draft note']);
    // The warning came before the one-time invite was spent: it still works once confirmed.
    await core.handlers['session:connect']({
      serverUrl: feed.url,
      inviteCode: invite,
      discardUnsent: true,
    });
    expect(countOutbox(core.db)).toBe(0);
    expect(core.db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
  });
});
