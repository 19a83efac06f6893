import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { key, syncAll, task, type TestServer, testServer } from './helpers';

const act = (s: TestServer, token: string, action: Record<string, unknown>) =>
  s
    .call('POST', '/v1/actions', { token, body: { actions: [{ key: key(), ...action }] } })
    .then((r) => {
      expect(r.status).toBe(200);
      return r.body.results[0];
    });

/** The task as this advocate's sync shows it now (action answers never carry it). */
async function viewOf(s: TestServer, token: string, id: string) {
  return (await syncAll(s, token)).changes
    .filter((c) => c.kind === 'task' && c.task.id === id)
    .at(-1).task;
}

async function taskIdOf(s: TestServer, token: string, ref: string): Promise<string> {
  return (await syncAll(s, token)).changes.find(
    (c) => c.kind === 'task' && c.task.externalRef === ref,
  ).task.id;
}

describe('task lifecycle on the server', () => {
  let s: TestServer;
  beforeEach(async () => {
    s = await testServer();
  });
  afterEach(() => s.close());

  it('a lapsed lease is reopened by the sweeper and another advocate can take the task', async () => {
    await s.pushTasks([task(1)]);
    const a = await s.advocate();
    const b = await s.advocate();
    const id = await taskIdOf(s, a.token, 'T-1');
    const claimed = await act(s, a.token, { type: 'claim', taskId: id });
    expect(claimed).toEqual({
      key: claimed.key,
      status: 'applied',
      taskId: id,
      version: s.clock.t,
    });
    expect(await viewOf(s, a.token, id)).toMatchObject({
      status: 'claimed',
      holderId: a.id,
      leaseExpiresAt: s.clock.t + 30 * 60_000,
    });
    const { cursor } = await syncAll(s, b.token);

    s.clock.advance(20 * 60_000);
    expect(await act(s, a.token, { type: 'renew', taskId: id })).toMatchObject({
      status: 'applied',
    });
    expect((await viewOf(s, a.token, id)).leaseExpiresAt).toBe(s.clock.t + 30 * 60_000);
    expect(await s.sweep()).toEqual({ reopened: 0, offersLifted: 0 });
    expect(await act(s, b.token, { type: 'claim', taskId: id })).toMatchObject({
      status: 'conflict',
    });

    s.clock.advance(31 * 60_000);
    expect(await s.sweep()).toEqual({ reopened: 1, offersLifted: 0 });
    const bSees = await syncAll(s, b.token, cursor);
    expect(bSees.changes.filter((c) => c.kind === 'task').at(-1).task).toMatchObject({
      id,
      status: 'open',
      holderId: null,
    });
    expect(await act(s, a.token, { type: 'reply', taskId: id, body: 'late' })).toMatchObject({
      status: 'conflict',
    });
    expect(await act(s, b.token, { type: 'claim', taskId: id })).toMatchObject({
      status: 'applied',
    });
  });

  it('a lapsed lease can be claimed before the sweeper runs', async () => {
    await s.pushTasks([task(1)]);
    const a = await s.advocate();
    const b = await s.advocate();
    const id = await taskIdOf(s, a.token, 'T-1');
    await act(s, a.token, { type: 'claim', taskId: id });
    s.clock.advance(30 * 60_000);
    expect(await act(s, b.token, { type: 'claim', taskId: id })).toMatchObject({
      status: 'applied',
    });
    expect(await act(s, a.token, { type: 'renew', taskId: id })).toMatchObject({
      status: 'conflict',
    });
  });

  it('claimed tasks reach other advocates as revokes, and abandon reopens them', async () => {
    await s.pushTasks([task(1)]);
    const a = await s.advocate();
    const b = await s.advocate();
    const id = await taskIdOf(s, a.token, 'T-1');
    const { cursor } = await syncAll(s, b.token);
    await act(s, a.token, { type: 'claim', taskId: id });
    const afterClaim = await syncAll(s, b.token, cursor);
    expect(afterClaim.changes).toEqual([expect.objectContaining({ kind: 'revoke', taskId: id })]);
    await act(s, a.token, { type: 'abandon', taskId: id, reason: 'Out of my depth on this one' });
    const afterAbandon = await syncAll(s, b.token, afterClaim.cursor);
    expect(afterAbandon.changes[0]).toMatchObject({ kind: 'task', task: { id, status: 'open' } });
    expect(afterAbandon.changes[0].task.messages.at(-1)).toMatchObject({
      kind: 'note',
      author: 'advocate',
    });
  });

  it('transfer to a named advocate offers it to them first; to the pool reopens it for a skill', async () => {
    await s.pushTasks([task(1), task(2)]);
    const a = await s.advocate();
    const b = await s.advocate();
    const c = await s.advocate();
    const id = await taskIdOf(s, a.token, 'T-1');
    await act(s, a.token, { type: 'claim', taskId: id });
    const cCursor = (await syncAll(s, c.token)).cursor;
    const t = await act(s, a.token, {
      type: 'transfer',
      taskId: id,
      to: { kind: 'advocate', advocateId: b.id },
      note: 'Customer speaks German',
    });
    expect(t.status).toBe('applied');
    // c saw the task revoked at the claim; an offer to b is b's and a's business only, so
    // c is not woken for it, and its view stays a revoke.
    expect((await syncAll(s, c.token, cCursor)).changes).toEqual([]);
    expect(
      (await syncAll(s, c.token)).changes
        .filter((x) => (x.kind === 'revoke' ? x.taskId : x.task?.id) === id)
        .at(-1),
    ).toMatchObject({ kind: 'revoke', taskId: id });
    expect(await act(s, c.token, { type: 'claim', taskId: id })).toMatchObject({
      status: 'conflict',
      message: expect.stringContaining('offered'),
    });
    const bView = (await syncAll(s, b.token)).changes
      .filter((x) => x.kind === 'task' && x.task.id === id)
      .at(-1).task;
    expect(bView).toMatchObject({ status: 'open', offeredTo: b.id });
    expect(await act(s, b.token, { type: 'claim', taskId: id })).toMatchObject({
      status: 'applied',
    });

    const id2 = await taskIdOf(s, a.token, 'T-2');
    await act(s, a.token, { type: 'claim', taskId: id2 });
    const pool = await act(s, a.token, {
      type: 'transfer',
      taskId: id2,
      to: { kind: 'pool', skill: 'returns' },
    });
    expect(pool.status).toBe('applied');
    expect(await viewOf(s, a.token, id2)).toMatchObject({ status: 'open', holderId: null });
    const open = (await syncAll(s, c.token)).changes
      .filter((x) => x.kind === 'task' && x.task.id === id2)
      .at(-1).task;
    expect(open).toMatchObject({ status: 'open', holderId: null, skills: ['returns'] });
    // A transfer pays nothing: the case pays whoever closes it (docs/server.md).
    const ledger = (await syncAll(s, a.token)).changes.filter((x) => x.kind === 'ledger');
    expect(ledger).toEqual([]);
  });

  it('transfer to an advocate by handle (as typed, with or without @) offers it to them', async () => {
    await s.pushTasks([task(1), task(2)]);
    const a = await s.advocate();
    const b = await s.advocate();
    const id = await taskIdOf(s, a.token, 'T-1');
    await act(s, a.token, { type: 'claim', taskId: id });
    const unknown = await act(s, a.token, {
      type: 'transfer',
      taskId: id,
      to: { kind: 'handle', handle: '@nobody-here' },
    });
    expect(unknown).toMatchObject({
      status: 'rejected',
      message: 'no such advocate in this brand',
    });
    const t = await act(s, a.token, {
      type: 'transfer',
      taskId: id,
      to: { kind: 'handle', handle: `@${b.handle}` },
    });
    expect(t.status).toBe('applied');
    const bView = (await syncAll(s, b.token)).changes
      .filter((x) => x.kind === 'task' && x.task.id === id)
      .at(-1).task;
    expect(bView).toMatchObject({ status: 'open', offeredTo: b.id });
  });

  it('an expired offer is lifted by the sweeper', async () => {
    await s.pushTasks([task(1)]);
    const a = await s.advocate();
    const b = await s.advocate();
    const c = await s.advocate();
    const id = await taskIdOf(s, a.token, 'T-1');
    await act(s, a.token, { type: 'claim', taskId: id });
    await act(s, a.token, {
      type: 'transfer',
      taskId: id,
      to: { kind: 'advocate', advocateId: b.id },
    });
    s.clock.advance(16 * 60_000);
    expect(await s.sweep()).toEqual({ reopened: 0, offersLifted: 1 });
    expect(await act(s, c.token, { type: 'claim', taskId: id })).toMatchObject({
      status: 'applied',
    });
  });

  it('escalate needs a handoff note, lands in the escalation queue and pays the escalation rate', async () => {
    await s.pushTasks([task(1, { complexity: 4 })]);
    const a = await s.advocate();
    const id = await taskIdOf(s, a.token, 'T-1');
    await act(s, a.token, { type: 'claim', taskId: id });
    const noNote = await s.call('POST', '/v1/actions', {
      token: a.token,
      body: { actions: [{ key: key(), type: 'escalate', taskId: id, target: 'contact_center' }] },
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.issues[0].path).toBe('body.actions.0.handoffNote');
    const e = await act(s, a.token, {
      type: 'escalate',
      taskId: id,
      target: 'contact_center',
      handoffNote: 'Needs a refund over my limit',
    });
    expect(e).toMatchObject({ status: 'applied', taskId: id });
    const q = await s.call('GET', '/v1/admin/escalations', { token: s.adminKey });
    expect(q.body.escalations).toEqual([
      expect.objectContaining({
        taskId: id,
        target: 'contact_center',
        handoffNote: 'Needs a refund over my limit',
        advocateId: a.id,
      }),
    ]);
    const ledger = (await syncAll(s, a.token)).changes.filter((x) => x.kind === 'ledger');
    expect(ledger.map((x) => x.entry.amountMinor)).toEqual([300]);
    expect(await act(s, a.token, { type: 'resolve', taskId: id })).toMatchObject({
      status: 'conflict',
      message: 'the task is already escalated',
    });
  });

  it('only the holder can act; unknown tasks and other brands are rejected', async () => {
    await s.pushTasks([task(1)]);
    const a = await s.advocate();
    const b = await s.advocate();
    const id = await taskIdOf(s, a.token, 'T-1');
    expect(await act(s, a.token, { type: 'reply', taskId: id, body: 'hi' })).toMatchObject({
      status: 'conflict',
      message: 'claim the task before acting on it',
    });
    await act(s, a.token, { type: 'claim', taskId: id });
    for (const type of ['renew', 'resolve', 'abandon']) {
      expect(await act(s, b.token, { type, taskId: id })).toMatchObject({ status: 'conflict' });
    }
    expect(
      await act(s, a.token, {
        type: 'transfer',
        taskId: id,
        to: { kind: 'advocate', advocateId: a.id },
      }),
    ).toMatchObject({ status: 'rejected' });
    expect(await act(s, a.token, { type: 'claim', taskId: 'nope' })).toMatchObject({
      status: 'rejected',
      message: 'no such task',
    });

    const other = await s.store.createBrand({ name: 'Other', currency: 'EUR' }, s.clock.t);
    await s.pushTasks([task(9)], other.adminKey);
    const outsider = await s.advocate({ brandId: other.brand.id });
    const otherId = await taskIdOf(s, outsider.token, 'T-9');
    expect(await act(s, a.token, { type: 'claim', taskId: otherId })).toMatchObject({
      status: 'rejected',
      message: 'no such task',
    });
    expect(
      (await syncAll(s, a.token)).changes.some(
        (c) => c.brandId === other.brand.id || c.task?.brandId === other.brand.id,
      ),
    ).toBe(false);
  });

  it('ratings and tips on resolved cases add ledger entries that reach the advocate', async () => {
    await s.pushTasks([task(1, { complexity: 2 })]);
    const a = await s.advocate();
    const id = await taskIdOf(s, a.token, 'T-1');
    await act(s, a.token, { type: 'claim', taskId: id });
    const early = await s.call('POST', '/v1/admin/ratings', {
      token: s.adminKey,
      body: [{ taskId: id, score: 5 }],
    });
    expect(early.status).toBe(400);
    expect(early.body.error.issues[0]).toMatchObject({
      index: 0,
      path: 'taskId',
      message: expect.stringContaining('only resolved'),
    });
    await act(s, a.token, { type: 'resolve', taskId: id, summary: 'Reshipped' });
    const rated = await s.call('POST', '/v1/admin/ratings', {
      token: s.adminKey,
      body: [{ externalRef: 'T-1', score: 5, comment: 'Super quick!', tipMinor: 300 }],
    });
    expect(rated.status).toBe(200);
    const again = await s.call('POST', '/v1/admin/ratings', {
      token: s.adminKey,
      body: [{ taskId: id, score: 4 }],
    });
    expect(again.body.error.issues[0].message).toBe('this case is already rated');
    const changes = (await syncAll(s, a.token)).changes;
    expect(
      changes.filter((c) => c.kind === 'ledger').map((c) => [c.entry.kind, c.entry.amountMinor]),
    ).toEqual([
      ['case', 200],
      ['rating_bonus', 100],
      ['tip', 300],
    ]);
    expect(changes.find((c) => c.kind === 'rating').rating).toMatchObject({
      taskId: id,
      score: 5,
      comment: 'Super quick!',
      tipMinor: 300,
    });
    const outcomes = await s.call('GET', '/v1/admin/outcomes', { token: s.adminKey });
    expect(outcomes.body.outcomes[0]).toMatchObject({
      taskId: id,
      outcome: 'resolved',
      payoutMinor: 200,
      rating: 5,
    });
  });
});

describe('trust tiers', () => {
  let s: TestServer;
  beforeEach(async () => {
    s = await testServer();
  });
  afterEach(() => s.close());

  it('tier 0 sees personal data redacted and never sees tier-gated tasks; tier 1 sees it all', async () => {
    await s.pushTasks([task(1), task(2, { minTier: 2 })]);
    const low = await s.advocate({ tier: 0 });
    const mid = await s.advocate({ tier: 1 });
    const lowTasks = (await syncAll(s, low.token)).changes.filter(
      (c) => c.kind === 'task' || c.kind === 'revoke',
    );
    expect(lowTasks.map((c) => c.kind)).toEqual(['task', 'revoke']);
    expect(lowTasks[0].task.messages[0]).toMatchObject({
      body: 'Hi, order 1 is late. Mail me at [email removed] or call [phone removed].',
      redacted: true,
    });
    const midTask = (await syncAll(s, mid.token)).changes.find((c) => c.kind === 'task');
    expect(midTask.task.messages[0]).toMatchObject({
      redacted: false,
      body: expect.stringContaining('ingrid.berg@example.com'),
    });
    const gated = (await syncAll(s, low.token)).changes.find((c) => c.kind === 'revoke');
    expect(
      await s
        .call('POST', '/v1/actions', {
          token: low.token,
          body: { actions: [{ key: key(), type: 'claim', taskId: gated.taskId }] },
        })
        .then((r) => r.body.results[0]),
    ).toMatchObject({ status: 'rejected' });
  });

  it('demotion revokes now-forbidden tasks on the next sync, redacts the rest and drops held claims', async () => {
    await s.pushTasks([task(1), task(2, { minTier: 1 })]);
    const a = await s.advocate({ tier: 1 });
    const first = await syncAll(s, a.token);
    const gatedId = first.changes.find((c) => c.kind === 'task' && c.task.externalRef === 'T-2')
      .task.id;
    await act(s, a.token, { type: 'claim', taskId: gatedId });
    const after = await syncAll(s, a.token);

    const patched = await s.call('PATCH', `/v1/admin/advocates/${a.id}`, {
      token: s.adminKey,
      body: { tier: 0 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.tier).toBe(0);
    const next = await syncAll(s, a.token, after.cursor);
    expect(next.changes.find((c) => c.kind === 'membership').membership.tier).toBe(0);
    const last = new Map(
      next.changes
        .filter((c) => c.kind === 'task' || c.kind === 'revoke')
        .map((c) => [c.taskId ?? c.task.id, c]),
    );
    expect(last.get(gatedId)).toMatchObject({ kind: 'revoke' });
    const visible = [...last.values()].find((c) => c.kind === 'task');
    expect(visible.task.messages[0].redacted).toBe(true);
    const row = await s.call('GET', '/v1/admin/advocates', { token: s.adminKey });
    expect(row.body.advocates[0]).toMatchObject({ id: a.id, tier: 0 });
    expect(await act(s, a.token, { type: 'resolve', taskId: gatedId })).toMatchObject({
      status: 'rejected',
    });
  });

  it('suspension hides the pool and refuses actions', async () => {
    await s.pushTasks([task(1)]);
    const a = await s.advocate();
    const { cursor, changes } = await syncAll(s, a.token);
    const id = changes.find((c) => c.kind === 'task').task.id;
    await s.call('PATCH', `/v1/admin/advocates/${a.id}`, {
      token: s.adminKey,
      body: { suspended: true },
    });
    const next = await syncAll(s, a.token, cursor);
    expect(next.changes.filter((c) => c.kind === 'revoke').map((c) => c.taskId)).toEqual([id]);
    expect(await act(s, a.token, { type: 'claim', taskId: id })).toMatchObject({
      status: 'rejected',
      message: expect.stringContaining('suspended'),
    });
  });
});
