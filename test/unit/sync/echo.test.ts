import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core';
import { listOutbox } from '../../../src/core/sync/outboxRepo';
import type { Channel, EventName, Input, Output } from '../../../src/shared/contract';
import type { TestCore } from '../../support/core';
import { startTestFeedServer, type TestFeedServer } from '../../support/feedServer';
import { signedInCore, waitFor } from './helpers';

let feed: TestFeedServer;
let core: TestCore;
/** Server-side counters of what the app asked for: pushes (POST /v1/actions) and pulls. */
const server = { pushes: 0, pulls: 0, published: 0 };
/** What the renderer did: IPC calls, and the `feed:changed` events it heard. */
const renderer = { calls: [] as string[], feedChanged: 0 };
let open: string | null = null;
/** The ticket view is showing (after sign-in). */
let viewing = false;

/** The renderer's side of the bridge: every call goes through `dispatch`, like IPC. */
const ipc = async <C extends Channel>(channel: C, input: Input<C>) => {
  renderer.calls.push(channel);
  const result = await dispatch(core.handlers, channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Output<C>;
};

beforeEach(async () => {
  feed = await startTestFeedServer();
  await feed.pushTasks(3);
  const store = feed.server.store;
  const sync = store.sync.bind(store);
  const applyActions = store.applyActions.bind(store);
  store.sync = (...args) => (server.pulls++, sync(...args));
  store.applyActions = (...args) => (server.pushes++, applyActions(...args));
  store.notifier.subscribe(() => void server.published++);
  // The ticket view as the renderer runs it: on `feed:changed`, one board read.
  const emit = (event: EventName) => {
    if (event !== 'feed:changed' || !viewing) return;
    renderer.feedChanged++;
    void ipc('tickets:board', { open });
  };
  core = await signedInCore(feed.url, await feed.invite('Ada'), { emit });
});
afterEach(async () => {
  viewing = false;
  await core.close();
  await feed.close();
});

const reset = () => {
  Object.assign(server, { pushes: 0, pulls: 0, published: 0 });
  Object.assign(renderer, { calls: [], feedChanged: 0 });
};

/** Waits for the outbox to empty and every change event to land, then for a quiet spell. */
async function settled(published: number) {
  await waitFor(() => listOutbox(core.db).length === 0, 'the outbox to empty');
  await waitFor(() => server.published >= published, 'the change event');
  let seen = -1;
  while (seen !== server.pulls + renderer.calls.length) {
    seen = server.pulls + renderer.calls.length;
    await new Promise((r) => setTimeout(r, 400));
  }
}

describe('no echo: the app hears of its own action once', () => {
  it('one resolve costs 1 push, at most 1 pull and at most 2 IPC calls', async () => {
    const taskId = core.db
      .prepare('SELECT id FROM tasks ORDER BY id LIMIT 1')
      .pluck()
      .get() as string;
    await core.handlers['feed:claim']({ taskId });
    await settled(1);
    open = taskId;
    viewing = true;
    reset();

    const board = await ipc('tickets:act', { type: 'resolve', taskId, summary: 'Refund issued' });
    expect(board.open).toMatchObject({ status: 'resolved' });
    await settled(1);

    expect(server.pushes).toBe(1);
    expect(server.pulls).toBeLessThanOrEqual(1);
    expect(renderer.feedChanged).toBe(1);
    expect(renderer.calls).toEqual(['tickets:act', 'tickets:board']);
    // The server's answer reached the ticket: nothing is waiting to send any more.
    const after = await core.handlers['tickets:board']({ open: taskId });
    expect(after.open?.pendingActions).toEqual([]);
    expect(after.mine.map((t) => t.id)).not.toContain(taskId);
  });
});
