import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countOutbox, listParked, unparkAll } from '../../../src/core/sync/outboxRepo';
import { PARK_AFTER_FAILURES } from '../../../src/core/sync/push';
import { performAction } from '../../../src/core/tickets/ticketActions';
import { listUnsent } from '../../../src/core/sync/unsentRepo';
import { ActionFaultProxy } from '../../support/actionFaults';
import { newestTaskIds, type TestCore } from '../../support/core';
import { startTestFeedServer, type TestFeedServer } from '../../support/feedServer';
import { signedInCore, syncUntilParked, waitFor } from '../sync/helpers';

/**
 * The outbox head failing in every way the server can refuse a batch, against the real feed
 * server behind a proxy that answers chosen batches itself. Every path ends with the advocate's
 * text either on the server or on disk (the "Not sent" tray).
 */

let feed: TestFeedServer;
let proxy: ActionFaultProxy;
let core: TestCore;

beforeEach(async () => {
  feed = await startTestFeedServer();
  await feed.pushTasks(6);
  proxy = new ActionFaultProxy(new URL(feed.url));
  // Retries only when a test asks (sync:now), so the count of failures is the test's own.
  core = await signedInCore(
    await proxy.start(),
    await feed.invite('Ada'),
    {},
    { tuning: { backoff: { baseMs: 60_000, maxMs: 60_000 } } },
  );
});
afterEach(async () => {
  await core.close();
  await proxy.close();
  await feed.close();
});

async function claimAll(): Promise<string[]> {
  const ids = await newestTaskIds(core, 3);
  for (const id of ids) await core.handlers['feed:claim']({ taskId: id });
  await core.handlers['sync:now'](undefined);
  expect(countOutbox(core.db)).toBe(0);
  proxy.batches.length = 0;
  return ids;
}

/** The replies the server holds for a task (the advocate's public messages). */
async function serverBodies(taskId: string): Promise<string[]> {
  const me = core.db.prepare('SELECT advocate_id FROM session').pluck().get() as string;
  const bodies: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await feed.server.store.sync(me, cursor, 1000);
    for (const c of page.changes)
      if (c.kind === 'task' && c.task.id === taskId)
        bodies.splice(0, bodies.length, ...c.task.messages.map((m) => m.body));
    cursor = page.cursor;
    if (!page.hasMore) return bodies;
  }
}

/** An action context for queueing directly, without the handler's immediate sync. */
function ctx() {
  const me = core.db.prepare('SELECT advocate_id FROM session').pluck().get() as string;
  return { db: core.db, actor: { id: me, name: 'Ada', handle: 'ada' }, now: Date.now() };
}

const unsentBodies = () => listUnsent(core.db).map((u) => u.body);
const hasPoison = (actions: { type: string }[]) =>
  actions.some((a) => 'body' in a && String(a.body).includes('POISON'));

describe('nothing authored is lost when the server refuses a batch', () => {
  it('a 400 without item indexes resends rows one at a time and refuses only the bad one', async () => {
    const [a, b] = await claimAll();
    proxy.fault = (actions) =>
      hasPoison(actions)
        ? { status: 400, body: { error: { code: 'bad_request', message: 'Bad batch.' } } }
        : null;
    // Queued without waking the engine, so the three go out as one batch.
    const c = ctx();
    performAction(c, { type: 'reply', taskId: a!, body: 'First, a valid reply.' });
    performAction(c, { type: 'note', taskId: b!, body: 'POISON note the server hates' });
    performAction(c, { type: 'reply', taskId: b!, body: 'Then another valid reply.' });
    await waitFor(async () => {
      await core.handlers['sync:now'](undefined);
      return countOutbox(core.db) === 0;
    }, 'the outbox to drain');

    expect(await serverBodies(a!)).toContain('First, a valid reply.');
    expect(await serverBodies(b!)).toContain('Then another valid reply.');
    expect(unsentBodies()).toEqual(['POISON note the server hates']);
    // The batch that had the bad row was split, not refused whole.
    expect(proxy.batches.filter((n) => n === 1).length).toBeGreaterThanOrEqual(2);
  });

  it('a 413 halves the batch until it fits; a single row too large is refused into the tray', async () => {
    const [a] = await claimAll();
    proxy.fault = (actions) =>
      actions.length > 2 || hasPoison(actions)
        ? { status: 413, body: { error: { code: 'too_large', message: 'Too large.' } } }
        : null;
    // Queued without waking the engine, so the proxy sees them as one batch.
    const bodies = ['one', 'two', 'three', 'POISON four', 'five'].map((b) => `Reply ${b}`);
    for (const body of bodies) performAction(ctx(), { type: 'reply', taskId: a!, body: body });
    await waitFor(async () => {
      await core.handlers['sync:now'](undefined);
      return countOutbox(core.db) === 0;
    }, 'the outbox to drain');
    const onServer = await serverBodies(a!);
    for (const body of bodies.filter((b) => !b.includes('POISON')))
      expect(onServer).toContain(body);
    expect(unsentBodies()).toEqual(['Reply POISON four']);
    expect(proxy.batches[0]).toBe(5);
    expect(proxy.batches).toContain(3);
    expect(Math.max(...proxy.batches.slice(1))).toBeLessThan(5);
  });

  it('pulls go on while the head fails with 5xx; after N failures the row is parked, kept and retryable', async () => {
    const [a] = await claimAll();
    let failing = true;
    proxy.fault = () =>
      failing ? { status: 503, body: { error: { code: 'down', message: 'Down.' } } } : null;
    await core.handlers['tickets:act']({
      type: 'reply',
      taskId: a!,
      body: 'A reply the server chokes on',
    });
    // New work reaches the feed while the outbox head keeps failing.
    await feed.pushTasks(4, 100);
    const status = await core.handlers['sync:now'](undefined);
    expect(status.state).toBe('error');
    expect(core.db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(10);
    expect(countOutbox(core.db)).toBe(1);
    expect(listParked(core.db)).toEqual([]);

    await syncUntilParked(core);
    const notices = core.events.filter((e) => e.event === 'notice:new');
    expect(JSON.stringify(notices)).toContain(`failed ${PARK_AFTER_FAILURES} times`);
    // Parked, not lost: the row and its text are on disk, and pushes no longer send it.
    const parked = listParked(core.db)[0]!;
    expect(parked.payload).toContain('A reply the server chokes on');
    // Its last failure kept worded too, for the tray to say in the advocate's language.
    expect(JSON.parse(parked.lastErrorText!)).toEqual({
      id: 'reason.serverError',
      values: { status: 503 },
    });
    const seen = proxy.batches.length;
    await core.handlers['sync:now'](undefined);
    expect(proxy.batches.length).toBe(seen);
    expect(core.sync.status().state).toBe('online');

    failing = false;
    expect(unparkAll(core.db)).toBe(1);
    await core.handlers['sync:now'](undefined);
    expect(countOutbox(core.db)).toBe(0);
    expect(await serverBodies(a!)).toContain('A reply the server chokes on');
  });

  it('rows settled before the push fails still tell the views to re-read (no stale “Waiting to send”)', async () => {
    const [a, b] = await claimAll();
    proxy.fault = (actions) =>
      hasPoison(actions)
        ? { status: 503, body: { error: { code: 'down', message: 'Down.' } } }
        : null;
    const c = ctx();
    performAction(c, { type: 'reply', taskId: a!, body: 'This one goes through' });
    performAction(c, { type: 'reply', taskId: b!, body: 'POISON reply' });
    await core.handlers['sync:now'](undefined); // both in one batch: 503, next tries go one by one
    core.events.length = 0;
    proxy.failPulls = true; // so only the push can say that something changed
    await core.handlers['sync:now'](undefined); // the first alone: applied; then the second: 503
    const sent = core.db
      .prepare('SELECT pending FROM messages WHERE body = ?')
      .pluck()
      .all('This one goes through');
    expect(sent.every((p) => p === 0)).toBe(true);
    expect(countOutbox(core.db)).toBe(1);
    expect(core.events.map((e) => e.event)).toContain('feed:changed');
  });
});
