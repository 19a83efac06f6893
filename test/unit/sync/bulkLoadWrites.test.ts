/**
 * Initial sync's bulk load holds the database's write lock on its worker thread for as long as it
 * writes the whole feed. Meanwhile the app stays usable: a channel that writes waits for the load
 * to commit without blocking the main thread on SQLite's lock, and then writes; a channel that
 * only reads runs at once. The real feed server, handlers and worker thread over a SQLite file.
 */
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/shared/contract';
import { defaultFeedPrefs } from '../../../src/shared/contract/feed';
import { dispatch } from '../../../src/core/dispatch';
import { READ_ONLY_CHANNELS } from '../../../src/core/handlers/writeGated';
import { createTestCore, type TestCore } from '../../support/core';
import { startTestFeedServer, type TestFeedServer } from '../../support/feedServer';
import { writeLockHeld } from '../../support/sqliteLock';
import {
  closedAfterEach,
  fastTuning,
  newAdvocateLoad,
  localTasks,
  signedInCore,
  waitFor,
} from './helpers';

const started = closedAfterEach();

/**
 * Signs `c` in against `feed` and, once the worker's bulk load holds the write lock (the gate
 * closed, and a probe connection refused), runs `act` with a task of the first page.
 */
async function whileBulkLoads<T>(
  c: TestCore,
  feed: TestFeedServer,
  act: (taskId: string) => Promise<T>,
): Promise<T> {
  const file = c.db.name;
  let acted: Promise<T> | undefined;
  const watch = setInterval(() => {
    if (acted || c.sync.writes.isOpen || !writeLockHeld(file)) return;
    acted = act(c.db.prepare('SELECT id FROM tasks LIMIT 1').pluck().get() as string);
  }, 1);
  try {
    const status = await c.handlers['session:connect']({
      serverUrl: feed.url,
      inviteCode: await feed.invite('Ana'),
    });
    expect(status.state).toBe('signed_in');
    await waitFor(() => acted, 'the worker holding the write lock');
    return await acted!;
  } finally {
    clearInterval(watch);
  }
}

describe('writes during initial sync’s bulk load', () => {
  it('wait for the load without blocking the main thread, then are written', async () => {
    const feed = (started.feed = await startTestFeedServer());
    await feed.pushTasks(3000);
    const c = (started.core = createTestCore({}, { tuning: fastTuning }));
    const file = c.db.name;
    // This connection's commits copy the write-ahead log into the file once it passes 100 pages
    // (SQLite's default is 1,000), which a load of this size does.
    c.db.pragma('wal_autocheckpoint = 100');
    const fileHoldsAll = () =>
      statSync(file).size ===
      (c.db.pragma('page_count', { simple: true }) as number) *
        (c.db.pragma('page_size', { simple: true }) as number);
    // While the worker holds the lock, the main thread's connection gives up at once instead of
    // waiting on it: a write that reached SQLite then would fail, where waiting would block.
    const { result, taskId, copied } = await whileBulkLoads(c, feed, (taskId) => {
      c.db.pragma('busy_timeout = 0');
      void c.sync.writes.whenOpen().then(() => c.db.pragma('busy_timeout = 5000'));
      return dispatch(c.handlers, 'tickets:saveDraft', {
        taskId,
        kind: 'reply',
        body: 'Written during the load',
      }).then((result) => ({ result, taskId, copied: fileHoldsAll() }));
    });
    await c.handlers['sync:now'](undefined);
    expect(result).toMatchObject({ ok: true });
    // The write ran as soon as the load committed, and left copying the load's log into the file
    // to the worker (on its own thread, once it is done).
    expect(copied).toBe(false);
    await waitFor(() => fileHoldsAll(), 'the worker copying its log into the file');
    expect(c.db.pragma('wal_autocheckpoint', { simple: true })).toBe(100);
    expect(c.db.prepare('SELECT body FROM drafts WHERE task_id = ?').pluck().get(taskId)).toBe(
      'Written during the load',
    );
    expect(c.sync.writes.isOpen).toBe(true);
    expect(localTasks(c)).toHaveLength(3000);
  });

  it('may run once a stopped load’s thread is gone, before the stop is answered', async () => {
    // Sign-out and quitting stop sync, then close the database: what the load held must be
    // free to run by then, and the worker's transaction gone.
    const feed = (started.feed = await startTestFeedServer());
    await feed.pushTasks(3000);
    const { db, load, writes } = await newAdvocateLoad(feed, 'Ana');
    const abort = new AbortController();
    const watch = setInterval(() => {
      if (!writes.isOpen && writeLockHeld(db.name)) abort.abort();
    }, 1);
    try {
      await expect(load(abort.signal)).rejects.toThrow('Sync stopped.');
    } finally {
      clearInterval(watch);
    }
    expect(writes.isOpen).toBe(true);
    expect(writeLockHeld(db.name)).toBe(false);
    db.close();
  });

  it('are in the database when sync’s stop resolves, if sync is stopped during the load', async () => {
    const feed = (started.feed = await startTestFeedServer());
    await feed.pushTasks(3000);
    const c = (started.core = createTestCore({}, { tuning: fastTuning }));
    const body = (taskId: string) =>
      c.db.prepare('SELECT body FROM drafts WHERE task_id = ?').pluck().get(taskId);
    // Sign-out and quitting stop sync, then close the database. A stop during sign-in's first
    // sync lets that sync (and so the load) finish first: this is the app's whole path, not the
    // load stopped midway, which the test above covers.
    const { saved, taskId, atStop } = await whileBulkLoads(c, feed, async (taskId) => {
      const saved = dispatch(c.handlers, 'tickets:saveDraft', {
        taskId,
        kind: 'reply',
        body: 'Written as sync stops',
      });
      await c.sync.stop();
      return { saved, taskId, atStop: body(taskId) };
    });
    expect(atStop).toBe('Written as sync stops');
    expect(await saved).toMatchObject({ ok: true });
    expect(c.sync.writes.isOpen).toBe(true);
    expect(body(taskId)).toBe('Written as sync stops');
  });

  it('lets through only channels that read: each one runs on a read-only connection', async () => {
    const feed = (started.feed = await startTestFeedServer());
    await feed.pushTasks(20);
    const c = (started.core = await signedInCore(feed.url, await feed.invite('Ana')));
    const taskId = localTasks(c)[0]!.id;
    const inputs: Record<string, unknown> = {
      'app:info': undefined,
      'app:diagnostics': undefined,
      'settings:get': undefined,
      'session:status': undefined,
      'offers:list': undefined,
      'customers:timeline': { taskId },
      'notifications:prefs': undefined,
      'feed:list': { ...defaultFeedPrefs, offset: 0, limit: 50, withTotal: true },
      'feed:facets': undefined,
      'feed:prefs': undefined,
      'feed:task': { taskId },
      'tasks:mine': undefined,
      'kb:search': { query: 'refund' },
      'kb:suggest': { text: 'parcel refund', brandId: null, tag: null, limit: 5 },
      'kb:article': { id: 'no-such-article' },
      'kb:overview': undefined,
      'nba:panel': { taskId },
      'unsent:list': undefined,
      'sync:current': undefined,
      'sync:pending': undefined,
      'tickets:board': { open: taskId },
      'tickets:macros': { taskId },
      'trust:ladder': undefined,
      'courses:list': undefined,
      'update:status': undefined,
    };
    expect(Object.keys(inputs).sort()).toEqual([...READ_ONLY_CHANNELS].sort());
    // Sync's own writes (a pull answering a change event) are not the channels' to make.
    await c.sync.stop();
    c.db.pragma('query_only = ON');
    try {
      for (const channel of READ_ONLY_CHANNELS) {
        let failure: unknown = null;
        const result = await dispatch(c.handlers, channel satisfies Channel, inputs[channel], {
          onInternalError: (_, error) => (failure = error),
        });
        // `not_found` is an answer (the article); a write fails as `internal` (SQLITE_READONLY).
        if (!result.ok) {
          expect([channel, result.error.code, String(failure)]).toEqual([
            channel,
            'not_found',
            'null',
          ]);
        }
      }
    } finally {
      c.db.pragma('query_only = OFF');
    }
  });
});
