import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, syncAll, task, type TestServer, testServer } from './helpers';

describe('idempotent actions', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(() => s.close());

  it('the same batch sent three times is applied once and writes the ledger once', async () => {
    await s.pushTasks([task(1, { complexity: 3 })]);
    const a = await s.advocate();
    const id = (await syncAll(s, a.token)).changes.find((c) => c.kind === 'task').task.id;
    const batch = {
      actions: [
        { key: key(), type: 'claim', taskId: id },
        { key: key(), type: 'reply', taskId: id, body: 'Your parcel is on its way.' },
        { key: key(), type: 'resolve', taskId: id },
      ],
    };
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push(await s.call('POST', '/v1/actions', { token: a.token, body: batch }));
    for (const r of answers) {
      expect(r.status).toBe(200);
      expect(r.body.results.map((x: { status: string }) => x.status)).toEqual([
        'applied',
        'applied',
        'applied',
      ]);
    }
    expect(answers[1]!.body).toEqual(answers[0]!.body);
    expect(answers[2]!.body).toEqual(answers[0]!.body);

    const { changes } = await syncAll(s, a.token);
    const ledger = changes.filter((c) => c.kind === 'ledger');
    expect(ledger).toHaveLength(1);
    expect(ledger[0].entry).toMatchObject({
      kind: 'case',
      outcome: 'resolved',
      amountMinor: 400,
      currency: 'EUR',
      status: 'pending',
      ruleVersion: 1,
    });
    const thread = changes.filter((c) => c.kind === 'task').at(-1).task.messages;
    expect(thread.filter((m: { author: string }) => m.author === 'advocate')).toHaveLength(1);
    const outcomes = await s.call('GET', '/v1/admin/outcomes', { token: s.adminKey });
    expect(outcomes.body.outcomes).toHaveLength(1);
  });

  it('concurrent copies of one action are applied once', async () => {
    await s.pushTasks([task(2)]);
    const a = await s.advocate();
    const id = (await syncAll(s, a.token)).changes.find(
      (c) => c.kind === 'task' && c.task.externalRef === 'T-2',
    ).task.id;
    const body = { actions: [{ key: key(), type: 'claim', taskId: id }] };
    await s.call('POST', '/v1/actions', { token: a.token, body });
    const resolve = { actions: [{ key: key(), type: 'resolve', taskId: id }] };
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        s.call('POST', '/v1/actions', { token: a.token, body: resolve }),
      ),
    );
    expect(new Set(replies.map((r) => r.body.results[0].status))).toEqual(new Set(['applied']));
    const ledger = (await syncAll(s, a.token)).changes.filter(
      (c) => c.kind === 'ledger' && c.entry.taskId === id,
    );
    expect(ledger).toHaveLength(1);
  });

  it('the same key with a different body is rejected, and the first answer stands', async () => {
    await s.pushTasks([task(3)]);
    const a = await s.advocate();
    const id = (await syncAll(s, a.token)).changes.find(
      (c) => c.kind === 'task' && c.task.externalRef === 'T-3',
    ).task.id;
    const k = key();
    const first = await s.call('POST', '/v1/actions', {
      token: a.token,
      body: { actions: [{ key: k, type: 'claim', taskId: id }] },
    });
    expect(first.body.results[0].status).toBe('applied');
    const reused = await s.call('POST', '/v1/actions', {
      token: a.token,
      body: { actions: [{ key: k, type: 'abandon', taskId: id }] },
    });
    expect(reused.body.results[0]).toMatchObject({
      status: 'rejected',
      message: expect.stringContaining('already used for a different action'),
    });
    const again = await s.call('POST', '/v1/actions', {
      token: a.token,
      body: { actions: [{ key: k, type: 'claim', taskId: id }] },
    });
    expect(again.body).toEqual(first.body);
  });

  it('keys are per advocate: another advocate may use the same key', async () => {
    await s.pushTasks([task(4)]);
    const a = await s.advocate();
    const b = await s.advocate();
    const id = (await syncAll(s, a.token)).changes.find(
      (c) => c.kind === 'task' && c.task.externalRef === 'T-4',
    ).task.id;
    const k = key();
    const ra = await s.call('POST', '/v1/actions', {
      token: a.token,
      body: { actions: [{ key: k, type: 'claim', taskId: id }] },
    });
    const rb = await s.call('POST', '/v1/actions', {
      token: b.token,
      body: { actions: [{ key: k, type: 'claim', taskId: id }] },
    });
    expect(ra.body.results[0].status).toBe('applied');
    expect(rb.body.results[0].status).toBe('conflict');
  });
});
