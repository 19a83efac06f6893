import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase } from '../../../src/core/db/open';
import { WriteGate } from '../../../src/core/db/writeGate';
import { appAppliers } from '../../../src/core/handlers/changeAppliers';
import { FeedClient } from '../../../src/core/sync/client';
import { snapshotInitialLoad } from '../../../src/core/sync/initialSync';
import type { SyncTuning } from '../../../src/core/sync/controller';
import type { Services } from '../../../src/core';
import type { Store } from '../../../src/server';
import { listParked } from '../../../src/core/sync/outboxRepo';
import { createTestCore, type TestCore } from '../../support/core';
import type { TestFeedServer } from '../../support/feedServer';
import { snapshotWorkerForTests } from '../../support/snapshotWorker';

/** Fast retries so fault tests settle in seconds. */
export const fastTuning: SyncTuning = {
  backoff: { baseMs: 20, maxMs: 200 },
  pageSize: 200,
  pollMs: 60_000,
  idleTimeoutMs: 5_000,
};

/** What a test starts: a feed server and an app core, closed after each test (the core first). */
export function closedAfterEach(): { feed?: TestFeedServer; core?: TestCore } {
  const started: { feed?: TestFeedServer; core?: TestCore } = {};
  afterEach(async () => {
    await started.core?.close();
    await started.feed?.close();
    started.core = started.feed = undefined;
  });
  return started;
}

/**
 * A new advocate's database file and its initial load on the worker thread, as the engine runs
 * it (with the app's write gate, `writes`).
 */
export async function newAdvocateLoad(server: TestFeedServer, name: string, pageSize?: number) {
  const { token } = await server.server.store.redeem(await server.invite(name), 'test', Date.now());
  const db = openDatabase(join(server.dir, `${name}.sqlite`));
  const client = new FeedClient({ baseUrl: server.url, token });
  const writes = new WriteGate();
  const load = snapshotInitialLoad({
    db,
    client,
    baseUrl: server.url,
    token: async () => token,
    appliers: appAppliers,
    now: Date.now,
    worker: snapshotWorkerForTests,
    writes,
    onFirstPage: () => {},
    pageSize,
  });
  return { db, client, load, writes };
}

/** A signed-in app core (real handlers + SQLite) against `serverUrl`. */
export async function signedInCore(
  serverUrl: string,
  inviteCode: string,
  overrides: Partial<Services> = {},
  options: { dbFile?: string; tuning?: SyncTuning } = {},
): Promise<TestCore> {
  const core = createTestCore(overrides, {
    ...options,
    tuning: { ...fastTuning, ...options.tuning },
  });
  const status = await core.handlers['session:connect']({ serverUrl, inviteCode });
  if (status.state !== 'signed_in') throw new Error('sign-in failed');
  await core.handlers['sync:now'](undefined);
  return core;
}

export async function waitFor<T>(
  probe: () => T | Promise<T>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Syncs until the outbox head is parked (after PARK_AFTER_FAILURES server failures). */
export const syncUntilParked = (core: TestCore): Promise<boolean> =>
  waitFor(
    async () => {
      await core.handlers['sync:now'](undefined);
      return listParked(core.db).length === 1;
    },
    'the row to be parked',
    30_000,
  );

/** The local tasks as comparable rows (no local-only columns). */
export function localTasks(
  core: TestCore,
): { id: string; status: string; holder: string | null }[] {
  return core.db.prepare('SELECT id, status, holder_id AS holder FROM tasks ORDER BY id').all() as {
    id: string;
    status: string;
    holder: string | null;
  }[];
}

/** The tasks the server shows this advocate, replayed from its change stream. */
export async function serverView(
  store: Store,
  advocateId: string,
): Promise<{ id: string; status: string; holder: string | null }[]> {
  const tasks = new Map<string, { id: string; status: string; holder: string | null }>();
  let cursor: string | undefined;
  for (;;) {
    const page = await store.sync(advocateId, cursor, 1000);
    for (const c of page.changes) {
      if (c.kind === 'task')
        tasks.set(c.task.id, { id: c.task.id, status: c.task.status, holder: c.task.holderId });
      if (c.kind === 'revoke') tasks.delete(c.taskId);
    }
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return [...tasks.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function advocateIdOf(core: TestCore): string {
  return core.db.prepare('SELECT advocate_id FROM session').pluck().get() as string;
}
