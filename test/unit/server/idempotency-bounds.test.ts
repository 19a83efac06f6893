/**
 * What one action costs is bounded whatever the thread's size, and idempotency records expire
 * after the documented retention.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_RETENTION_MS } from '../../../src/server/store/idempotency';
import { rawQuery } from '../../support/rawDb';
import { key, syncAll, task, type TestServer, testServer } from './helpers';

describe('idempotency records', () => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await testServer();
    token = (await s.advocate()).token;
  });
  afterAll(() => s.close());

  async function idOf(ref: string) {
    return (await syncAll(s, token)).changes.find(
      (c) => c.kind === 'task' && c.task.externalRef === ref,
    ).task.id as string;
  }

  const stored = async () =>
    Number(
      (await rawQuery(s.db, 'select coalesce(sum(length(result)), 0) as n from action_keys'))[0]!.n,
    );

  it('100 renewals on a 200 KB thread: a small answer and small records', async () => {
    const long = Array.from({ length: 200 }, (_, i) => ({
      author: 'customer' as const,
      body: `Message ${i}: ${'the parcel is still not here. '.repeat(34)}`,
      createdAt: s.clock.t - 1000 + i,
    }));
    await s.pushTasks([task(1, { messages: long })]);
    const id = await idOf('T-1');
    const claim = await s.call('POST', '/v1/actions', {
      token,
      body: { actions: [{ key: key(), type: 'claim', taskId: id }] },
    });
    expect(claim.body.results[0].status).toBe('applied');
    const before = await stored();
    const renewals = Array.from({ length: 100 }, () => ({ key: key(), type: 'renew', taskId: id }));
    const sent = JSON.stringify({ actions: renewals });
    const res = await fetch(`${s.url}/v1/actions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: sent,
    });
    const text = await res.text();
    expect(res.status).toBe(200);
    const body = JSON.parse(text) as { results: { status: string }[] };
    expect(body.results.every((r) => r.status === 'applied')).toBe(true);
    // Each answer: key, status, task id, version — about 120 bytes, never the thread.
    expect(text.length).toBeLessThan(100 * 200);
    expect((await stored()) - before).toBeLessThan(100 * 200);

    // A replay answers the same, as small.
    const again = await fetch(`${s.url}/v1/actions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: sent,
    });
    expect(await again.text()).toBe(text);
  });

  it('expire after the retention: the sweeper deletes them and the key is decided afresh', async () => {
    await s.pushTasks([task(2)]);
    const id = await idOf('T-2');
    const claim = { key: key(), type: 'claim', taskId: id };
    const resolve = { key: key(), type: 'resolve', taskId: id };
    const send = (a: object) =>
      s
        .call('POST', '/v1/actions', { token, body: { actions: [a] } })
        .then((r) => r.body.results[0]);
    expect((await send(claim)).status).toBe('applied');
    expect((await send(resolve)).status).toBe('applied');

    // The device token lives 30 days too: the app refreshes it on the way.
    s.clock.advance(IDEMPOTENCY_RETENTION_MS / 2);
    token = (await s.call('POST', '/v1/auth/refresh', { token })).body.token;
    s.clock.advance(IDEMPOTENCY_RETENTION_MS / 2 - 60_000);
    await s.sweep();
    expect((await send(claim)).status).toBe('applied'); // still a replay
    const count = async () =>
      Number(
        (
          await rawQuery(
            s.db,
            `select count(*) as n from action_keys where key in ('${claim.key}', '${resolve.key}')`,
          )
        )[0]!.n,
      );
    expect(await count()).toBe(2);

    s.clock.advance(120_000);
    await s.sweep();
    expect(await count()).toBe(0);
    // The task is resolved: a claim under the old key is now decided, not replayed.
    expect(await send(claim)).toMatchObject({ status: 'conflict' });
  });
});
