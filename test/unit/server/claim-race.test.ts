import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, syncAll, task, type TestServer, testServer } from './helpers';

// Run twice: as is, and with the store yielding to the event loop between deciding and writing
// (what a networked database does), so that a claim without the conditional UPDATE would let
// several advocates through.
describe.each([
  ['as is', undefined],
  ['with interleaving', () => yieldToLoop()],
])('claim race over real HTTP (%s)', (_label, interleave) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ storeOptions: interleave ? { interleave } : {} });
  });
  afterAll(() => s.close());

  it('of 200 simultaneous claims on one task exactly one is applied, the rest conflict', async () => {
    await s.pushTasks([task(1)]);
    const advocates = await Promise.all(Array.from({ length: 200 }, () => s.advocate()));
    const id = (await syncAll(s, advocates[0]!.token)).changes.find((c) => c.kind === 'task').task
      .id as string;

    // Warm one keep-alive connection per advocate so the 200 claims arrive as one burst.
    await Promise.all(advocates.map((a) => s.call('GET', '/v1/me', { token: a.token })));
    const replies = await Promise.all(
      advocates.map((a) =>
        s.call('POST', '/v1/actions', {
          token: a.token,
          body: { actions: [{ key: key('claim'), type: 'claim', taskId: id }] },
        }),
      ),
    );
    const statuses = replies.map((r) => {
      expect(r.status).toBe(200);
      return r.body.results[0].status as string;
    });
    expect(statuses.filter((x) => x === 'applied')).toHaveLength(1);
    expect(statuses.filter((x) => x === 'conflict')).toHaveLength(199);

    const winner = advocates[statuses.indexOf('applied')]!;
    const held = await s.call('POST', '/v1/actions', {
      token: winner.token,
      body: { actions: [{ key: key('note'), type: 'note', taskId: id, body: 'mine' }] },
    });
    expect(held.body.results[0].status).toBe('applied');
    const loser = advocates[statuses.indexOf('conflict')]!;
    const denied = await s.call('POST', '/v1/actions', {
      token: loser.token,
      body: { actions: [{ key: key('note'), type: 'note', taskId: id, body: 'x' }] },
    });
    expect(denied.body.results[0]).toMatchObject({
      status: 'conflict',
      message: 'another advocate holds this task',
    });
  });
});
