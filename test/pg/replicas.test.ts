/** Several feed-server processes' worth of servers on one PostgreSQL database. */
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import type { PgNotifier } from '../../src/server/notifierPg';
import type { ActionsResponse } from '../../src/shared/protocol';
import { dropFreshDbs, freshDb, pgTestUrl, useBackend } from '../support/serverBackends';
import { seedBrand, taskPush } from './brandFixture';

useBackend('postgres');

const clock = 1_800_000_000_000;
const now = () => clock;
const open: RunningServer[] = [];

/** `n` servers started at the same moment on one fresh database. */
async function replicas(n: number): Promise<{ db: string; servers: RunningServer[] }> {
  const db = await freshDb();
  const servers = await Promise.all(
    Array.from({ length: n }, () =>
      startServer({ db, now, leaseSweepMs: 0, logger: false, rateLimitMax: 100_000 }),
    ),
  );
  open.push(...servers);
  await Promise.all(servers.map((s) => (s.store.notifier as PgNotifier).ready));
  return { db, servers };
}

async function query(
  db: string,
  text: string,
  values: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

const claim = (server: RunningServer, token: string, taskId: string, key: string) =>
  fetch(`${server.url}/v1/actions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ actions: [{ key, type: 'claim', taskId }] }),
  }).then(async (r) => ((await r.json()) as ActionsResponse).results[0]!.status);

/** Two replicas on a fresh database, a brand with `advocates` advocates, and one open task. */
async function twoReplicasAndATask(advocates: number) {
  const { db, servers } = await replicas(2);
  const [a, b] = servers as [RunningServer, RunningServer];
  const seed = await seedBrand(a.store, now(), advocates);
  await a.store.upsertTasks(seed.brandId, [taskPush('order-1')], now());
  const rows = await query(db, `select id from tasks where external_ref = 'order-1'`);
  return { db, a, b, seed, taskId: rows[0]!.id as string };
}

describe.runIf(pgTestUrl())('replicas on one PostgreSQL database', () => {
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  it('start at the same moment and migrate the database once', async () => {
    const { db } = await replicas(3);
    const rows = await query(db, 'select version from schema_migrations');
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.version)).size).toBe(rows.length);
  });

  it('deliver a change made through replica A to /v1/events on replica B', async () => {
    const [a, b] = (await replicas(2)).servers as [RunningServer, RunningServer];
    const seed = await seedBrand(a.store, now(), 1);
    const controller = new AbortController();
    const res = await fetch(`${b.url}/v1/events`, {
      headers: { authorization: `Bearer ${seed.advocates[0]!.token}` },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before "${needle}"`);
        text += decoder.decode(value, { stream: true });
      }
    };
    await until('event: ready');
    await a.store.upsertTasks(seed.brandId, [taskPush('order-1')], now());
    await until('event: change');
    expect(text).toContain(seed.brandId);
    controller.abort();
  });

  it('let exactly one of many claims spread over both replicas win', async () => {
    const { a, b, seed, taskId } = await twoReplicasAndATask(40);
    const statuses = await Promise.all(
      seed.advocates.map((adv, i) =>
        claim(i % 2 === 0 ? a : b, adv.token, taskId, `claim-key-${i}`),
      ),
    );
    expect(statuses.filter((s) => s === 'applied')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'conflict')).toHaveLength(39);
  });

  it('sweep a lapsed lease once when every replica sweeps at the same moment', async () => {
    const { db, a, b, seed, taskId } = await twoReplicasAndATask(1);
    expect(await claim(a, seed.advocates[0]!.token, taskId, 'claim-key-1')).toBe('applied');
    // Leases follow the database clock here: let this one lapse in the row itself.
    await query(db, 'update tasks set lease_expires_at = lease_expires_at - $1 where id = $2', [
      31 * 60_000,
      taskId,
    ]);
    const swept = await Promise.all([a.sweep(), b.sweep(), a.sweep(), b.sweep()]);
    expect(swept.reduce((n, s) => n + s.reopened, 0)).toBe(1);
    const rows = await query(db, 'select status from tasks where id = $1', [taskId]);
    expect(rows[0]!.status).toBe('open');
  });
});

// Dropping every schema the suite made takes minutes on a loaded machine.
afterAll(dropFreshDbs, 600_000);
