/**
 * The app's initial sync from snapshots: the real feed server, the real handlers over a SQLite
 * file, and the load on its worker thread. It must end where a replay of the log ends, show the
 * first feed page before the load completes, continue with `/v1/sync` from the snapshot's
 * cursor, and leave everything the advocate wrote (outbox, drafts, "Not sent", a pending
 * claim's local state) exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { readSyncState, resetSyncState } from '../../../src/core/sync/syncStateRepo';
import type { TestCore } from '../../support/core';
import { startTestFeedServer } from '../../support/feedServer';
import {
  closedAfterEach,
  advocateIdOf,
  localTasks,
  serverView,
  signedInCore,
  waitFor,
  newAdvocateLoad,
} from './helpers';

const started = closedAfterEach();

const rows = (c: TestCore, sql: string) => c.db.prepare(sql).all();

describe('initial sync from snapshots', () => {
  it('ends where a full replay ends, showing the first feed page before it completes', async () => {
    const feed = (started.feed = await startTestFeedServer());
    await feed.pushTasks(450);
    await feed.server.store.upsertArticles(
      feed.brandId,
      [
        {
          externalRef: 'kb-1',
          title: 'Returns',
          bodyMarkdown: 'Send it back within 30 days.',
          tags: [],
        },
      ],
      Date.now(),
    );
    const core = (started.core = await signedInCore(feed.url, await feed.invite('Ana')));
    const advocateId = advocateIdOf(core);
    expect(localTasks(core)).toEqual(await serverView(feed.server.store, advocateId));
    expect(localTasks(core)).toHaveLength(450);
    expect(rows(core, 'SELECT id FROM articles')).toHaveLength(1);
    // The feed was told to show its first page while the sync was still going.
    const events = core.events.map((e) => e.event);
    const firstChange = events.indexOf('feed:changed');
    const online = core.events.findIndex(
      (e) => e.event === 'sync:status' && (e.payload as { state: string }).state === 'online',
    );
    expect(firstChange).toBeGreaterThanOrEqual(0);
    expect(firstChange).toBeLessThan(online);
    // The indexes dropped for the bulk load are all back.
    const indexes = rows(
      core,
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tasks'",
    );
    expect(indexes.length).toBeGreaterThanOrEqual(5);

    // Later changes arrive by /v1/sync from the snapshot's cursor.
    await feed.pushTasks(3, 1000);
    await core.handlers['sync:now'](undefined);
    expect(localTasks(core)).toEqual(await serverView(feed.server.store, advocateId));
    expect(localTasks(core)).toHaveLength(453);
  });

  it('brings the customers and their events (changes from before the snapshot)', async () => {
    const feed = (started.feed = await startTestFeedServer());
    const { store } = feed.server;
    const now = Date.now();
    await store.upsertCustomers(
      feed.brandId,
      [
        {
          customerRef: 'crm-1',
          fields: [{ name: 'plan', label: 'Plan', value: 'Gold', minTier: 0 }],
        },
      ],
      now,
    );
    await store.upsertCustomerEvents(
      feed.brandId,
      [
        {
          externalRef: 'o-1',
          customerRef: 'crm-1',
          kind: 'order',
          occurredAt: now - 86_400_000,
          summary: 'Tent',
          amountMinor: 24_900,
          currency: 'EUR',
          minTier: 0,
        },
      ],
      now,
    );
    await feed.pushTasks(3);
    const core = (started.core = await signedInCore(feed.url, await feed.invite('Cleo')));
    const snapshotLoaded = {
      customers: rows(core, 'SELECT id, fields FROM customers'),
      events: rows(core, 'SELECT id, summary, amount_minor FROM customer_events'),
    };
    expect(snapshotLoaded.customers).toHaveLength(1);
    expect(snapshotLoaded.events).toEqual([
      expect.objectContaining({ summary: 'Tent', amount_minor: 24_900 }),
    ]);
    expect(JSON.parse((snapshotLoaded.customers[0] as { fields: string }).fields)).toEqual([
      { name: 'plan', label: 'Plan', value: 'Gold', visibleFromTier: null },
    ]);
  });

  it('after an upgrade from an app without the customers capability, fills in what it skipped, once', async () => {
    const feed = (started.feed = await startTestFeedServer());
    const now = Date.now();
    await feed.server.store.upsertCustomers(
      feed.brandId,
      [
        {
          customerRef: 'crm-1',
          fields: [{ name: 'plan', label: 'Plan', value: 'Gold', minTier: 0 }],
        },
      ],
      now,
    );
    await feed.pushTasks(2);
    const core = (started.core = await signedInCore(feed.url, await feed.invite('Dag')));
    const capabilities = () =>
      core!.db.prepare("SELECT value FROM settings WHERE key = 'sync.capabilities'").pluck().get();
    expect(capabilities()).toBe('["customers","compact-ids"]');
    // The database as an older app leaves it: synced past the customer rows, which it never got.
    core.db.exec("DELETE FROM customers; DELETE FROM settings WHERE key = 'sync.capabilities'");
    await core.handlers['sync:now'](undefined);
    expect(rows(core, 'SELECT fields FROM customers')).toEqual([
      {
        fields: JSON.stringify([
          { name: 'plan', label: 'Plan', value: 'Gold', visibleFromTier: null },
        ]),
      },
    ]);
    expect(capabilities()).toBe('["customers","compact-ids"]');
    // Once: a later sync does not fetch the snapshots again.
    core.db.exec('DELETE FROM customers');
    await core.handlers['sync:now'](undefined);
    expect(rows(core, 'SELECT fields FROM customers')).toEqual([]);
  });

  it('leaves the outbox, drafts, "Not sent" and a pending claim as they were', async () => {
    const feed = (started.feed = await startTestFeedServer());
    await feed.pushTasks(250);
    const core = (started.core = await signedInCore(feed.url, await feed.invite('Ben')));
    const c = core;
    const [held, other] = localTasks(c).map((t) => t.id);
    const now = Date.now();
    c.db
      .prepare(
        "UPDATE tasks SET status = 'claimed', holder_id = 'me', local_state = 'pending_claim' WHERE id = ?",
      )
      .run(held);
    c.db
      .prepare(
        `INSERT INTO outbox (idempotency_key, task_id, type, payload, created_at, parked_at)
         VALUES ('key-000001', ?, 'claim', '{}', ?, ?)`,
      )
      .run(held, now, now);
    c.db
      .prepare(
        "INSERT INTO drafts (task_id, kind, body, updated_at) VALUES (?, 'reply', 'Dear customer', ?)",
      )
      .run(other, now);
    c.db
      .prepare(
        `INSERT INTO unsent (task_id, subject, type, body, reason, created_at)
         VALUES (?, 'Subject', 'reply', 'Refused text', 'conflict', ?)`,
      )
      .run(other, now);
    const written = () => ({
      outbox: rows(c, 'SELECT * FROM outbox'),
      drafts: rows(c, 'SELECT * FROM drafts'),
      unsent: rows(c, 'SELECT * FROM unsent'),
      held: rows(c, `SELECT status, holder_id, local_state FROM tasks WHERE id = '${held}'`),
    });
    const before = written();

    // Forget the cursor: the next sync loads the snapshots again over what is here.
    resetSyncState(c.db);
    await c.handlers['sync:now'](undefined);
    await waitFor(() => c.db.prepare('SELECT cursor FROM sync_state').pluck().get(), 'a cursor');
    expect(written()).toEqual(before);
    expect(localTasks(c)).toHaveLength(250);
  });

  it('catches up from the snapshot cursor on the worker thread, not on this one', async () => {
    const feed = (started.feed = await startTestFeedServer());
    await feed.pushTasks(120);
    // A first advocate's sync builds the brand's snapshot; tasks pushed after it are newer than
    // the cached snapshot the second advocate is served.
    started.core = await signedInCore(feed.url, await feed.invite('Ana'));
    await feed.pushTasks(7, 500);
    const { db, client, load } = await newAdvocateLoad(feed, 'Ben', 50);
    expect(await load(new AbortController().signal)).toBe(true);
    // No pull ran on this thread, yet the tasks pushed after the snapshot are here and the
    // cursor is at the head: the next pull has nothing to apply.
    expect(db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(127);
    const next = await client.pull(readSyncState(db).cursor, 1000);
    expect(next.changes).toEqual([]);
    db.close();
  });

  it('copies what it loaded into the database file itself, on the worker thread', async () => {
    // Its commits leave the write-ahead log as it is (the load reports done sooner); the
    // worker copies the log into the file before it exits, so that no later commit of the
    // app's main thread has a whole feed to copy.
    const feed = (started.feed = await startTestFeedServer());
    await feed.pushTasks(300);
    const { db, load } = await newAdvocateLoad(feed, 'Ben');
    const file = db.name;
    expect(await load(new AbortController().signal)).toBe(true);
    const pages = () => db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    expect(db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(300);
    // The file holds every page of the database (this thread wrote nothing since).
    await waitFor(() => statSync(file).size === pages() * pageSize, 'the log copied into the file');
    db.close();
  });
});
