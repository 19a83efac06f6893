/**
 * On PostgreSQL a change is announced only once it is readable (src/server/horizonGate.ts):
 * while an older transaction is still open, a later commit's row stays below no reader's horizon,
 * and its change event waits with it. And a revoked token is refused on another replica at once,
 * not when that replica's token cache would have lapsed (store/tokenCache.ts).
 */
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import type { PgNotifier } from '../../src/server/notifierPg';
import { allReadable } from '../support/allReadable';
import { dropFreshDbs, freshDb, pgTestUrl, useBackend } from '../support/serverBackends';
import { seedBrand, taskPush } from './brandFixture';

useBackend('postgres');
const now = () => 1_800_000_000_000;
const open: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
// Dropping every schema the suite made takes minutes on a loaded machine.
afterAll(dropFreshDbs, 600_000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function replicas(n: number) {
  const db = await freshDb();
  const servers = await Promise.all(
    Array.from({ length: n }, () =>
      startServer({ db, now, leaseSweepMs: 0, logger: false, rateLimitMax: 100_000 }),
    ),
  );
  open.push(...servers);
  await Promise.all(servers.map((s) => (s.store.notifier as unknown as PgNotifier).ready));
  return { db, servers };
}

/** Reads `/v1/events` into `events` as they arrive. */
async function stream(url: string, token: string, signal: AbortSignal) {
  const res = await fetch(`${url}/v1/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal,
  });
  const events: { at: number; data: string }[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      text += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = text.indexOf('\n\n')) >= 0) {
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        const m = /^event: change\ndata: (.*)$/m.exec(block);
        if (m) events.push({ at: Date.now(), data: m[1]! });
      }
    }
  })();
  return events;
}

describe.runIf(pgTestUrl())('change events on PostgreSQL', () => {
  it('wait until the change is readable, then the pull they ask for returns it', async () => {
    const { db, servers } = await replicas(1);
    const server = servers[0]!;
    const seed = await seedBrand(server.store, now(), 1);
    const me = seed.advocates[0]!;
    // The seed is readable once every older transaction on the cluster has ended (another
    // test's may still run): start after it.
    await allReadable(db);
    const start = (await server.store.sync(me.id, undefined, 1000)).cursor;
    const controller = new AbortController();
    const events = await stream(server.url, me.token, controller.signal);
    // The seed's own announcement may still be on its way (one per brand per 1-2 s): let it
    // pass, then watch only what the late commit causes.
    await sleep(2500);
    events.length = 0;

    // An older transaction holds the horizon: it has written (so it has an xid) and stays open.
    const old = new pg.Client({ connectionString: db });
    await old.connect();
    await old.query('begin');
    await old.query(`insert into rate_limits (key, window_start, hits) values ('hold', 0, 0)`);
    await server.store.upsertTasks(seed.brandId, [taskPush('late-1')], now());
    await sleep(400);
    expect(events.map((e) => e.data)).toEqual([]); // committed, but not readable yet: not announced
    expect((await server.store.sync(me.id, start, 1000)).changes).toEqual([]);

    await old.query('rollback');
    await old.end();
    // Readable once this and every other transaction older than the push has ended; announced
    // at the brand's next turn.
    for (let i = 0; i < 500 && events.length === 0; i++) await sleep(20);
    expect(events).toHaveLength(1);
    const notice = JSON.parse(events[0]!.data) as { cursor: string };
    const page = await server.store.sync(me.id, start, 1000);
    expect(page.changes.map((c) => c.kind)).toEqual(['task']);
    expect(page.cursor).toBe(notice.cursor);
    controller.abort();
  });

  it('a token revoked through one replica is refused by the other at once', async () => {
    const { servers } = await replicas(2);
    const [a, b] = servers as [RunningServer, RunningServer];
    const seed = await seedBrand(a.store, now(), 1);
    const token = seed.advocates[0]!.token;
    const me = (url: string) =>
      fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } }).then(
        (r) => r.status,
      );
    expect(await me(b.url)).toBe(200); // b has it cached from here on
    expect(await me(b.url)).toBe(200);
    const logout = await fetch(`${a.url}/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(logout.status).toBe(204);
    const revokedAt = Date.now();
    let status = await me(b.url);
    while (status === 200 && Date.now() - revokedAt < 3000) {
      await sleep(20);
      status = await me(b.url);
    }
    expect(status).toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan(1000);
  });
});
