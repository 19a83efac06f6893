import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countOutbox } from '../../../src/core/sync/outboxRepo';
import { listUnsent } from '../../../src/core/sync/unsentRepo';
import { FaultProxy } from '../../support/faultProxy';
import { newestTaskIds, type TestCore } from '../../support/core';
import { startTestFeedServer, type TestFeedServer } from '../../support/feedServer';
import { signedInCore, waitFor } from '../sync/helpers';

/** Text the advocate wrote, on paths where the server takes the task away underneath it. */

let clock = Date.now();
let feed: TestFeedServer;
let proxy: FaultProxy;
let core: TestCore;

beforeEach(async () => {
  clock = Date.now();
  feed = await startTestFeedServer({ now: () => clock });
  await feed.pushTasks(4);
  proxy = FaultProxy.forUrl(feed.url);
  core = await signedInCore(await proxy.start(), await feed.invite('Ada'));
});
afterEach(async () => {
  await core.close();
  await proxy.close();
  await feed.close();
});

async function firstTaskId(): Promise<string> {
  return (await newestTaskIds(core, 1))[0]!;
}

async function drain(): Promise<void> {
  await waitFor(async () => {
    await core.handlers['sync:now'](undefined);
    return countOutbox(core.db) === 0 && core.sync.status().state === 'online';
  }, 'the outbox to drain');
}

const draftsOnDisk = () =>
  core.db.prepare('SELECT task_id AS taskId, kind, body, subject FROM drafts').all();

describe('nothing authored is lost when the task goes away', () => {
  it('a reply written offline whose lease lapsed on the server lands in the Not sent tray', async () => {
    const id = await firstTaskId();
    await core.handlers['feed:claim']({ taskId: id });
    await drain();
    proxy.down();
    const body = 'Written on the train: your refund is on its way.';
    await core.handlers['tickets:act']({ type: 'reply', taskId: id, body });
    clock += 31 * 60_000; // the 30-minute lease lapses on the server
    proxy.up();
    await drain();

    expect(listUnsent(core.db)).toEqual([
      expect.objectContaining({
        taskId: id,
        type: 'reply',
        body,
        subject: 'Customer question 3',
        // Why, kept as the refusal's code worded, for the tray to say in the advocate's language.
        reasonText: { id: 'error.lifecycle.claimExpired', values: {} },
      }),
    ]);
    // Not among the messages as if sent, and the notice says where the text is.
    const local = core.db.prepare('SELECT body FROM messages WHERE task_id = ?').pluck().all(id);
    expect(local).not.toContain(body);
    const notices = core.events.filter((e) => e.event === 'notice:new').map((e) => e.payload);
    expect(JSON.stringify(notices)).toContain('Not sent');
  });

  it('a draft outlives its task when another advocate wins the claim, and keeps its subject', async () => {
    const id = await firstTaskId();
    proxy.down();
    await core.handlers['feed:claim']({ taskId: id });
    await core.handlers['tickets:saveDraft']({ taskId: id, kind: 'reply', body: 'Half a reply' });
    const rival = await feed.server.store.redeem(await feed.invite('Bo'), 'rival', clock);
    const [answer] = await feed.server.store.applyActions(
      (await feed.server.store.advocateForToken(rival.token, clock))!,
      [{ key: 'rival-claim-1', type: 'claim', taskId: id }],
      clock,
    );
    expect(answer!.status).toBe('applied');
    proxy.up();
    await drain();

    expect(core.db.prepare('SELECT count(*) FROM tasks WHERE id = ?').pluck().get(id)).toBe(0);
    expect(draftsOnDisk()).toEqual([
      { taskId: id, kind: 'reply', body: 'Half a reply', subject: 'Customer question 3' },
    ]);
  });
});
