import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimTask } from '../../../src/core/feed/claim';
import { writeSession } from '../../../src/core/repos/sessionRepo';
import { listOutbox } from '../../../src/core/sync/outboxRepo';
import { contract } from '../../../src/shared/contract';
import { computeCasePayout } from '../../../src/shared/domain/payout';
import type { Change } from '../../../src/shared/protocol';
import { AppError } from '../../../src/shared/result';
import { createTestCore, type TestCore } from '../../support/core';
import { testPayoutRules } from '../../support/feedServer';
import { feedChanges, nextSeq, taskView } from '../../support/taskViews';
import { applyPage, settleAction } from '../../support/sync';

const me = 'adv-1';
const FAR = 4_000_000_000_000;
let core: TestCore;
/** After the fixtures' messages, so the advocate's own messages come last in the thread. */
const NOW = 1_850_000_000_000;
const at = { now: () => NOW };

function signIn(c: TestCore) {
  writeSession(c.db, {
    serverUrl: 'http://127.0.0.1:9',
    advocateId: me,
    advocateName: 'Ada Lovelace',
    advocateHandle: 'ada',
    isDemo: false,
    signedInAt: 0,
  });
}

const held = (i: number, holderId = me): Change => ({
  seq: nextSeq(),
  kind: 'task',
  task: taskView(i, {
    status: 'claimed',
    holderId,
    leaseExpiresAt: FAR,
    customerName: 'Grace Hopper',
  }),
});

beforeEach(() => {
  core = createTestCore(at);
  signIn(core);
  applyPage(
    core.db,
    { changes: [...feedChanges(5), held(1), held(2), held(3, 'someone-else')], cursor: 'c1' },
    0,
  );
});
afterEach(() => core.close());

const h = () => core.handlers;
type ActInput = Parameters<TestCore['handlers']['tickets:act']>[0];
/** Acts and answers the acted ticket as the board shows it. */
const acted = async (input: ActInput) => (await h()['tickets:act'](input)).open;
const myTickets = async (c: TestCore = core) => (await c.handlers['tickets:board'](undefined)).mine;
const opened = async (taskId: string, c: TestCore = core) =>
  (await c.handlers['tickets:board']({ open: taskId })).open!;
const outboxTypes = () => listOutbox(core.db).map((r) => r.type);
const messageRows = (taskId: string) =>
  core.db
    .prepare('SELECT body, visibility, pending FROM messages WHERE task_id = ? ORDER BY rowid')
    .all(taskId) as {
    body: string;
    visibility: string;
    pending: number;
  }[];

describe('ticket actions', () => {
  it('a reply is shown at once as waiting to send, queued in the outbox, and clears the reply draft', async () => {
    await h()['tickets:saveDraft']({ taskId: 't1', kind: 'reply', body: 'Hello Grace' });
    const ticket = await acted({ type: 'reply', taskId: 't1', body: 'Hello Grace' });
    expect(ticket!.drafts.reply).toBe('');
    expect(ticket!.pendingActions.map((a) => a.type)).toEqual(['reply']);
    const mine = ticket!.messages.at(-1)!;
    expect(mine).toMatchObject({
      body: 'Hello Grace',
      pending: true,
      internal: false,
      author: 'advocate',
      authorName: 'Ada Lovelace',
    });
    const row = listOutbox(core.db)[0]!;
    expect(JSON.parse(row.payload)).toMatchObject({
      type: 'reply',
      taskId: 't1',
      body: 'Hello Grace',
      key: row.key,
    });
    expect((await myTickets()).find((t) => t.id === 't1')!.pendingActions).toEqual(['reply']);

    settleAction(core.db, row, { key: row.key, status: 'applied' }, 1);
    expect(messageRows('t1').at(-1)).toMatchObject({ body: 'Hello Grace', pending: 0 });
    expect((await opened('t1')).pendingActions).toEqual([]);
  });

  it('an internal note is marked internal', async () => {
    const ticket = await acted({
      type: 'note',
      taskId: 't1',
      body: 'Customer is a VIP',
    });
    expect(ticket!.messages.at(-1)).toMatchObject({ internal: true, pending: true });
    expect(outboxTypes()).toEqual(['note']);
  });

  it('resolve closes the ticket here, records an earnings estimate, and a conflict rolls it all back', async () => {
    const ticket = await acted({
      type: 'resolve',
      taskId: 't1',
      summary: 'Refund issued',
    });
    expect(ticket!.status).toBe('resolved');
    // Still listed, marked, until the server has it.
    expect((await myTickets()).find((t) => t.id === 't1')!.pendingActions).toEqual(['resolve']);
    const expected = computeCasePayout(testPayoutRules, 1, {
      complexity: taskView(1).complexity,
      outcome: 'resolved',
    });
    expect(ticket!.payouts.resolved!.totalMinor).toBe(expected.totalMinor);
    const estimate = core.db
      .prepare("SELECT amount_minor AS amount, status FROM ledger_entries WHERE task_id = 't1'")
      .get() as { amount: number; status: string };
    expect(estimate).toEqual({ amount: expected.totalMinor, status: 'estimated' });

    const row = listOutbox(core.db)[0]!;
    const notice = settleAction(
      core.db,
      row,
      { key: row.key, status: 'conflict', message: 'the lease moved' },
      2,
    );
    expect(notice!.message).toContain('Could not resolve');
    // The answer carries no task: the local copy goes until a pull brings the server's state.
    expect(core.db.prepare("SELECT COUNT(*) FROM tasks WHERE id = 't1'").pluck().get()).toBe(0);
    expect(
      core.db.prepare("SELECT COUNT(*) FROM messages WHERE body = 'Refund issued'").pluck().get(),
    ).toBe(0);
    // The estimate is withdrawn: it no longer counts, and the case is not counted as solved.
    const sum = (sql: string) => core.db.prepare(sql).pluck().get() as number | null;
    expect(sum('SELECT SUM(amount_minor) FROM earnings_rollup_amounts')).toBe(0);
    expect(sum('SELECT SUM(amount_minor) FROM earnings_rollup_month_amounts')).toBe(0);
    expect(sum('SELECT SUM(cases) FROM earnings_rollup_cases') ?? 0).toBe(0);
    expect(sum("SELECT COUNT(*) FROM ledger_entries WHERE task_id = 't1'")).toBe(1);
  });

  it('escalate needs a handoff note and sends the target; transfer needs a note', async () => {
    const act = contract['tickets:act'].input;
    expect(
      act.safeParse({ type: 'escalate', taskId: 't1', target: 'chatbot', handoffNote: '   ' })
        .success,
    ).toBe(false);
    expect(
      act.safeParse({
        type: 'transfer',
        taskId: 't1',
        to: { kind: 'pool', skill: null },
        note: '',
      }).success,
    ).toBe(false);

    const ticket = await acted({
      type: 'escalate',
      taskId: 't1',
      target: 'contact_center',
      handoffNote: 'Needs a refund over limit',
    });
    expect(ticket!.status).toBe('escalated');
    expect(ticket!.messages.at(-1)).toMatchObject({
      internal: true,
      body: 'Needs a refund over limit',
    });
    expect(JSON.parse(listOutbox(core.db)[0]!.payload)).toMatchObject({
      type: 'escalate',
      target: 'contact_center',
      handoffNote: 'Needs a refund over limit',
    });
  });

  it('transfer hands the ticket on: to a skill pool, or to a named advocate', async () => {
    const pooled = await acted({
      type: 'transfer',
      taskId: 't1',
      to: { kind: 'pool', skill: 'billing' },
      note: 'Billing question',
    });
    expect(pooled).toMatchObject({ status: 'open', holderId: null });
    await acted({
      type: 'transfer',
      taskId: 't2',
      to: { kind: 'advocate', advocate: '@adv-2' },
      note: 'You know this customer',
    });
    const payloads = listOutbox(core.db).map(
      (r) => JSON.parse(r.payload) as Record<string, unknown>,
    );
    expect(payloads.map((p) => p['to'])).toEqual([
      { kind: 'pool', skill: 'billing' },
      { kind: 'handle', handle: 'adv-2' },
    ]);
    expect((await opened('t2')).offeredTo).toBe('adv-2');
    await expect(
      acted({
        type: 'transfer',
        taskId: 't1',
        to: { kind: 'advocate', advocate: me },
        note: 'x',
      }),
    ).rejects.toThrow();
  });

  it('abandon puts the ticket back to open for others', async () => {
    const ticket = await acted({
      type: 'abandon',
      taskId: 't1',
      reason: 'Outside my skills',
    });
    expect(ticket).toMatchObject({ status: 'open', holderId: null });
    expect(outboxTypes()).toEqual(['abandon']);
  });

  it('refuses, by the lifecycle rules, actions on tickets that are not ours to act on', async () => {
    const err = await acted({ type: 'reply', taskId: 't3', body: 'hi' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('conflict');
    await expect(acted({ type: 'resolve', taskId: 't0', summary: '' })).rejects.toThrow(
      /claim the task/i,
    );
    await acted({ type: 'resolve', taskId: 't1', summary: '' });
    await expect(acted({ type: 'note', taskId: 't1', body: 'late' })).rejects.toThrow(
      /already resolved/,
    );
    expect(outboxTypes()).toEqual(['resolve']);
  });

  it('works a pending (offline) claim: the reply queues behind the claim', async () => {
    claimTask(core.db, 't4', me, NOW);
    await acted({ type: 'reply', taskId: 't4', body: 'On it' });
    expect(outboxTypes()).toEqual(['claim', 'reply']);
    expect((await myTickets()).find((t) => t.id === 't4')).toMatchObject({
      pendingClaim: true,
      pendingActions: ['reply'],
    });
  });

  it('renews a lease once until the renewal is answered', async () => {
    expect(await h()['tickets:renew']({ taskId: 't1' })).toEqual({ queued: true });
    expect(await h()['tickets:renew']({ taskId: 't1' })).toEqual({ queued: false });
    expect(outboxTypes()).toEqual(['renew']);
    // Renewals are housekeeping, not a pending action of the ticket.
    expect((await opened('t1')).pendingActions).toEqual([]);
  });
});

describe('drafts and macros', () => {
  it('a draft survives closing and reopening the database; a blank draft is removed', async () => {
    await h()['tickets:saveDraft']({ taskId: 't1', kind: 'reply', body: 'Dear Grace, ' });
    await h()['tickets:saveDraft']({ taskId: 't1', kind: 'note', body: 'check order' });
    const file = core.db.name;
    core.db.close();
    const reopened = createTestCore(at, { dbFile: file });
    try {
      signIn(reopened);
      expect((await opened('t1', reopened)).drafts).toEqual({
        reply: 'Dear Grace, ',
        note: 'check order',
      });
      await reopened.handlers['tickets:saveDraft']({ taskId: 't1', kind: 'note', body: '  ' });
      expect((await opened('t1', reopened)).drafts.note).toBe('');
    } finally {
      await reopened.close();
    }
    core = createTestCore(at);
  });

  it('lists the brand’s macros with the ticket’s placeholders filled in', async () => {
    applyPage(
      core.db,
      {
        changes: [
          {
            seq: nextSeq(),
            kind: 'macro',
            macro: {
              id: 'mac1',
              brandId: 'b1',
              externalRef: 'greeting',
              title: 'Greeting',
              body: 'Hi {{customer.firstName}}, order {{order.number}}. — {{advocate.name}}',
              tags: [],
              updatedAt: 1,
            },
          },
        ],
        cursor: 'c2',
      },
      1,
    );
    expect(await h()['tickets:macros']({ taskId: 't1' })).toEqual([
      { id: 'mac1', title: 'Greeting', body: 'Hi Grace, order {{order.number}}. — Ada Lovelace' },
    ]);
  });
});
