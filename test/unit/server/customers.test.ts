/**
 * Issue 16 on the feed server: customers and their events pushed (idempotent, per-item errors),
 * the timeline's visibility by tier, the demotion purge, follow-ups reopening a resolved case
 * (offered to its resolver first when connected, else the pool), offers accepted, declined and
 * lapsing, and the languages of tasks and advocates. Runs on SQLite here and on PostgreSQL in
 * test/pg/server.test.ts.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { key, syncAll, T0, task, type TestServer, testServer } from './helpers';

let s: TestServer;
beforeEach(async () => {
  s = await testServer();
});
afterEach(async () => {
  await s.close();
});

const admin = (method: string, path: string, body?: unknown) =>
  s.call(method, path, { token: s.adminKey, body });

const customer = {
  customerRef: 'crm-1001',
  fields: [
    { name: 'plan', label: 'Plan', value: 'Gold', minTier: 0 },
    { name: 'email', label: 'E-mail', value: 'ingrid.berg@example.com', minTier: 2 },
  ],
};
const events_ = [
  {
    externalRef: 'order-1',
    customerRef: 'crm-1001',
    kind: 'order',
    occurredAt: T0 - 86_400_000,
    summary: 'Tent, 2 persons',
    amountMinor: 24_900,
    currency: 'EUR',
  },
  {
    externalRef: 'return-1',
    customerRef: 'crm-1001',
    kind: 'return',
    occurredAt: T0 - 3_600_000,
    summary: 'Returned the tent: seams leak',
    amountMinor: -24_900,
    currency: 'EUR',
    minTier: 2,
  },
];

const events = events_;

async function sseOpen(token: string, query = '') {
  const ac = new AbortController();
  const res = await fetch(`${s.url}/v1/events${query}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: ac.signal,
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  await reader.read();
  return () => ac.abort();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ofKind = (changes: any[], kind: string) => changes.filter((c) => c.kind === kind);
const last = <T>(list: T[]): T => list[list.length - 1]!;

describe('customer pushes', () => {
  it('upserts customers and events by external id: pushing twice changes nothing', async () => {
    expect((await admin('POST', '/v1/admin/customers', [customer])).body).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
    });
    expect((await admin('POST', '/v1/admin/customer-events', events)).body).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    const a = await s.advocate({ tier: 2 });
    const before = await syncAll(s, a.token);
    expect((await admin('POST', '/v1/admin/customers', [customer])).body.unchanged).toBe(1);
    expect((await admin('POST', '/v1/admin/customer-events', events)).body.unchanged).toBe(2);
    expect((await syncAll(s, a.token, before.cursor)).changes).toEqual([]);
    const ndjson = events.map((e) => JSON.stringify({ ...e, summary: `${e.summary}!` })).join('\n');
    const r = await s.call('POST', '/v1/admin/customer-events', {
      token: s.adminKey,
      raw: ndjson,
      contentType: 'application/x-ndjson',
    });
    expect(r.body).toEqual({ created: 0, updated: 2, unchanged: 0 });
  });

  it('answers a bad batch per item (index, path, message) and applies none of it', async () => {
    await admin('POST', '/v1/admin/customers', [customer]);
    const r = await admin('POST', '/v1/admin/customer-events', [
      events[0],
      { ...events[1], customerRef: 'nobody' },
      { ...events[0], externalRef: 'order-2', currency: undefined },
      { ...events[0], externalRef: 'order-3', kind: 'refund' },
    ]);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_input');
    expect(r.body.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ index: 2, path: 'currency' }),
        expect.objectContaining({ index: 3, path: 'kind' }),
      ]),
    );
    // Schema errors come first; the unknown customer is reported once the items parse.
    const unknown = await admin('POST', '/v1/admin/customer-events', [
      events[0],
      { ...events[1], customerRef: 'nobody' },
    ]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues).toEqual([
      {
        index: 1,
        path: 'customerRef',
        message: 'no such customer in this brand; push the customer first',
      },
    ]);
    const dup = await admin('POST', '/v1/admin/customers', [customer, customer]);
    expect(dup.status).toBe(400);
    expect(dup.body.error.issues).toEqual([
      expect.objectContaining({ index: 1, path: 'customerRef' }),
    ]);
    const a = await s.advocate({ tier: 3 });
    const { changes } = await syncAll(s, a.token);
    expect(ofKind(changes, 'customer_event')).toEqual([]);
  });
});

describe('gigdesk-admin customers', () => {
  const cli = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/server/cli/admin.ts', ...args], {
      env: { ...process.env, GIGDESK_URL: s.url, GIGDESK_ADMIN_KEY: s.adminKey },
    });

  it('pushes customers and events from NDJSON, and reports a bad item by index', async () => {
    const customers = join(s.dir, 'customers.ndjson');
    writeFileSync(customers, JSON.stringify(customer) + '\n');
    const events = join(s.dir, 'events.json');
    writeFileSync(events, JSON.stringify(events_));
    expect(JSON.parse((await cli('customers', 'push', customers)).stdout)).toMatchObject({
      created: 1,
    });
    expect(JSON.parse((await cli('customer-events', 'push', events)).stdout)).toMatchObject({
      created: 2,
    });
    writeFileSync(events, JSON.stringify([{ ...events_[0], occurredAt: -1 }]));
    const failed = await cli('customer-events', 'push', events).catch((e: { stderr: string }) => e);
    expect(failed.stderr).toContain('item 0');
    expect(failed.stderr).toContain('occurredAt');
  }, 90_000);
});

describe('the timeline by tier', () => {
  it('sends fields and events above the tier without their value, and purges on demotion', async () => {
    await admin('POST', '/v1/admin/customers', [customer]);
    await admin('POST', '/v1/admin/customer-events', events);
    await s.pushTasks([task(1, { customerRef: 'crm-1001' })]);
    const high = await s.advocate({ tier: 2 });
    const low = await s.advocate({ tier: 1 });

    const seenHigh = (await syncAll(s, high.token)).changes;
    const c = last(ofKind(seenHigh, 'customer')).customer;
    expect(c.fields).toContainEqual({
      name: 'email',
      label: 'E-mail',
      value: 'ingrid.berg@example.com',
      visibleFromTier: null,
    });
    const taskView = last(ofKind(seenHigh, 'task')).task;
    expect(taskView.customerId).toBe(c.id);
    expect(JSON.stringify(seenHigh)).not.toContain('crm-1001');

    const seenLow = await syncAll(s, low.token);
    expect(last(ofKind(seenLow.changes, 'customer')).customer.fields).toContainEqual({
      name: 'email',
      label: 'E-mail',
      value: null,
      visibleFromTier: 2,
    });
    const lowEvents = ofKind(seenLow.changes, 'customer_event').map((e) => e.event);
    expect(lowEvents.find((e) => e.visibleFromTier === 2)).toMatchObject({
      kind: 'return',
      summary: null,
      amountMinor: null,
      currency: null,
    });
    const customerData = (changes: { kind: string }[]) =>
      JSON.stringify(changes.filter((c) => c.kind.startsWith('customer')));
    expect(customerData(seenLow.changes)).not.toContain('seams leak');
    expect(customerData(seenLow.changes)).not.toContain('ingrid.berg@example.com');

    // Demoted: the next sync re-renders every customer and event at the new tier.
    const before = await syncAll(s, high.token);
    await admin('PATCH', `/v1/admin/advocates/${high.id}`, { tier: 1 });
    const after = (await syncAll(s, high.token, before.cursor)).changes;
    expect(last(ofKind(after, 'customer')).customer.fields).toContainEqual(
      expect.objectContaining({ name: 'email', value: null, visibleFromTier: 2 }),
    );
    expect(
      ofKind(after, 'customer_event')
        .map((e) => e.event.id)
        .sort(),
    ).toEqual(lowEvents.map((e) => e.id).sort());
    expect(JSON.stringify(after)).not.toContain('seams leak');
  });

  it('redacts personal data at tier 0 in every field that is shown', async () => {
    await admin('POST', '/v1/admin/customers', [
      {
        customerRef: 'crm-7',
        fields: [{ name: 'note', value: 'prefers a call on +47 912 34 567', minTier: 0 }],
      },
    ]);
    const a = await s.advocate({ tier: 0 });
    const { changes } = await syncAll(s, a.token);
    const field = last(ofKind(changes, 'customer')).customer.fields[0];
    expect(field.value).toContain('[phone removed]');
    expect(field.value).not.toContain('912');
  });

  it('lists an earlier case with its outcome, rating and the advocate handle only', async () => {
    await s.pushTasks([task(1, { customerRef: 'crm-1001' })]);
    const a = await s.advocate({ tier: 1 });
    const { changes } = await syncAll(s, a.token);
    const taskId = last(ofKind(changes, 'task')).task.id;
    const act = (type: string, extra = {}) =>
      s.call('POST', '/v1/actions', {
        token: a.token,
        body: { actions: [{ key: key(), type, taskId, ...extra }] },
      });
    await act('claim');
    await act('resolve');
    await admin('POST', '/v1/admin/ratings', [{ taskId, score: 5 }]);
    const other = await s.advocate({ tier: 1 });
    const seen = (await syncAll(s, other.token)).changes;
    const earlier = last(ofKind(seen, 'customer_case')).case;
    expect(earlier).toMatchObject({
      taskId,
      subject: 'Order 1 has not arrived',
      outcome: 'resolved',
      rating: 5,
      advocateHandle: a.handle,
      closedAt: T0,
    });
    expect(JSON.stringify(earlier)).not.toContain(a.id);
  });
});

describe('follow-ups', () => {
  async function resolvedCase(resolverTier = 1) {
    const a = await s.advocate({ tier: resolverTier });
    await s.pushTasks([task(9, { customerRef: 'crm-1001' })]);
    const { changes } = await syncAll(s, a.token);
    const taskId = last(ofKind(changes, 'task')).task.id;
    for (const type of ['claim', 'resolve'])
      await s.call('POST', '/v1/actions', {
        token: a.token,
        body: { actions: [{ key: key(), type, taskId }] },
      });
    return { a, taskId };
  }
  const followUp = (at: number) =>
    task(9, {
      customerRef: 'crm-1001',
      messages: [
        { author: 'customer', body: 'Order 9 is late.', createdAt: T0 - 60_000 },
        { author: 'customer', body: 'It is still not here!', createdAt: at },
      ],
    });

  it('offers the case first to the advocate who resolved it when connected, then the pool', async () => {
    const { a, taskId } = await resolvedCase();
    s.clock.advance(3_600_000);
    const close = await sseOpen(a.token);
    try {
      const r = await s.pushTasks([followUp(s.clock.t)]);
      expect(r.body).toMatchObject({ updated: 1, reopened: 1 });
    } finally {
      close();
    }
    const other = await s.advocate({ tier: 1 });
    const mine = last(ofKind((await syncAll(s, a.token)).changes, 'task')).task;
    expect(mine).toMatchObject({
      id: taskId,
      status: 'open',
      offeredTo: a.id,
      offerExpiresAt: s.clock.t + 15 * 60_000,
    });
    expect(mine.messages.map((m: { body: string }) => m.body)).toContain('It is still not here!');
    // Nobody else sees it while the offer is live...
    const otherTasks = ofKind((await syncAll(s, other.token)).changes, 'task');
    expect(otherTasks.filter((c) => c.task.id === taskId)).toEqual([]);
    // ...and it reaches the pool when the offer lapses (the sweeper, by the injected clock).
    const cursor = (await syncAll(s, other.token)).cursor;
    s.clock.advance(15 * 60_000);
    expect((await s.sweep()).offersLifted).toBe(1);
    const pooled = last(ofKind((await syncAll(s, other.token, cursor)).changes, 'task')).task;
    expect(pooled).toMatchObject({ id: taskId, status: 'open', offeredTo: null });
    const counts = (await admin('GET', '/v1/admin/reopens')).body;
    expect(counts).toEqual({
      total: 1,
      byAdvocate: [{ advocateId: a.id, handle: a.handle, reopens: 1 }],
    });
  });

  it('goes to the pool at once when the resolver is offline or in quiet hours', async () => {
    const { a, taskId } = await resolvedCase();
    s.clock.advance(60_000);
    await s.pushTasks([followUp(s.clock.t)]);
    const other = await s.advocate({ tier: 1 });
    const seen = last(ofKind((await syncAll(s, other.token)).changes, 'task')).task;
    expect(seen).toMatchObject({ id: taskId, status: 'open', offeredTo: null });

    // Resolved again, then a follow-up while the resolver's app reports quiet hours now.
    for (const type of ['claim', 'resolve'])
      await s.call('POST', '/v1/actions', {
        token: a.token,
        body: { actions: [{ key: key(), type, taskId }] },
      });
    const hour = new Date(s.clock.t).getUTCHours();
    const q = `?quietStart=${String(hour).padStart(2, '0')}:00&quietEnd=${String((hour + 1) % 24).padStart(2, '0')}:00&tz=UTC`;
    const close = await sseOpen(a.token, q);
    try {
      s.clock.advance(1_000); // connected (fresh stream), but in quiet hours
      await s.pushTasks([
        task(9, {
          customerRef: 'crm-1001',
          messages: [
            { author: 'customer', body: 'Order 9 is late.', createdAt: T0 - 60_000 },
            { author: 'customer', body: 'Hello again?', createdAt: s.clock.t },
          ],
        }),
      ]);
    } finally {
      close();
    }
    const again = last(ofKind((await syncAll(s, other.token)).changes, 'task')).task;
    expect(again).toMatchObject({ id: taskId, status: 'open', offeredTo: null });
  });

  it('refuses quiet hours it cannot read on the event stream, with a 400', async () => {
    const a = await s.advocate({ tier: 1 });
    for (const q of ['?quietStart=25:00&quietEnd=07:00', '?quietStart=22:00', '?tz=Mars/Olympus']) {
      const r = await s.call('GET', `/v1/events${q}`, { token: a.token });
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('invalid_input');
    }
  });

  it('leaves a resolved case alone outside the reopen window or without a new message', async () => {
    const { taskId } = await resolvedCase();
    await admin('PUT', '/v1/admin/reopen-settings', {
      reopenWindowHours: 1,
      followUpOfferMinutes: 10,
      reopenFeeBps: 0,
    });
    s.clock.advance(2 * 3_600_000);
    const r = await s.pushTasks([followUp(s.clock.t)]);
    expect(r.body.reopened).toBeUndefined();
    const a2 = await s.advocate({ tier: 1 });
    const seen = ofKind((await syncAll(s, a2.token)).changes, 'task');
    expect(seen.filter((c) => c.task.id === taskId)).toEqual([]);
  });

  it('charges a reopen fee as its own ledger entry with its arithmetic, once', async () => {
    await admin('PUT', '/v1/admin/reopen-settings', {
      reopenWindowHours: 48,
      followUpOfferMinutes: 10,
      reopenFeeBps: 2500,
    });
    const { a, taskId } = await resolvedCase();
    s.clock.advance(60_000);
    await s.pushTasks([followUp(s.clock.t)]);
    const ledger = ofKind((await syncAll(s, a.token)).changes, 'ledger').map((c) => c.entry);
    const kase = ledger.find((e) => e.kind === 'case');
    const fee = ledger.find((e) => e.kind === 'reopen_fee');
    expect(kase).toMatchObject({ taskId, amountMinor: 200 });
    expect(fee).toMatchObject({
      taskId,
      amountMinor: -50,
      lines: [expect.objectContaining({ kind: 'reopen_fee', amountMinor: -50, factorBps: 2500 })],
    });
    // Worked and resolved again: the case does not pay a second time.
    const b = await s.advocate({ tier: 1 });
    for (const type of ['claim', 'resolve']) {
      const r = await s.call('POST', '/v1/actions', {
        token: b.token,
        body: { actions: [{ key: key(), type, taskId }] },
      });
      expect(r.body.results[0].status).toBe('applied');
    }
    const bLedger = ofKind((await syncAll(s, b.token)).changes, 'ledger');
    expect(bLedger).toEqual([]);
  });
});

describe('offers', () => {
  async function offeredTask() {
    const a = await s.advocate({ tier: 1 });
    const b = await s.advocate({ tier: 1 });
    await s.pushTasks([task(5)]);
    const taskId = last(ofKind((await syncAll(s, a.token)).changes, 'task')).task.id;
    const act = (token: string, type: string, extra = {}) =>
      s.call('POST', '/v1/actions', {
        token,
        body: { actions: [{ key: key(), type, taskId, ...extra }] },
      });
    await act(a.token, 'claim');
    await act(a.token, 'transfer', {
      to: { kind: 'advocate', advocateId: b.id },
      note: 'You know this one',
    });
    return { a, b, taskId, act };
  }

  it('appears to the named advocate with its expiry; accept claims it', async () => {
    const { a, b, act } = await offeredTask();
    const offer = last(ofKind((await syncAll(s, b.token)).changes, 'task')).task;
    expect(offer).toMatchObject({ offeredTo: b.id, offerExpiresAt: T0 + 15 * 60_000 });
    expect((await act(a.token, 'accept')).body.results[0].status).toBe('conflict');
    expect((await act(b.token, 'accept')).body.results[0].status).toBe('applied');
    const held = last(ofKind((await syncAll(s, b.token)).changes, 'task')).task;
    expect(held).toMatchObject({ status: 'claimed', holderId: b.id, offeredTo: null });
  });

  it('returns to the pool when declined, and cannot be accepted once lapsed', async () => {
    const { a, b, taskId, act } = await offeredTask();
    expect((await act(b.token, 'decline', { reason: 'not my area' })).body.results[0].status).toBe(
      'applied',
    );
    const pooled = last(ofKind((await syncAll(s, a.token)).changes, 'task')).task;
    expect(pooled).toMatchObject({ id: taskId, status: 'open', offeredTo: null });

    const again = await offeredTask();
    s.clock.advance(15 * 60_000);
    expect((await again.act(again.b.token, 'accept')).body.results[0].status).toBe('conflict');
  });
});

describe('languages', () => {
  it('detects the language of a task pushed without one, keeps a pushed one', async () => {
    await s.pushTasks([
      task(1, {
        messages: [
          {
            author: 'customer',
            body: 'Hola, mi pedido todavía no ha llegado y necesito saber cuándo llegará.',
            createdAt: T0,
          },
        ],
      }),
      task(2, { language: 'pt-br' }),
      task(3, { messages: [{ author: 'customer', body: '?!', createdAt: T0 }] }),
    ]);
    const a = await s.advocate({ tier: 1 });
    const tasks = ofKind((await syncAll(s, a.token)).changes, 'task').map((c) => c.task);
    const byRef = new Map(tasks.map((t) => [t.externalRef, t.language]));
    expect(byRef.get('T-1')).toBe('es');
    expect(byRef.get('T-2')).toBe('pt-BR');
    expect(byRef.get('T-3')).toBeNull();
    const bad = await s.pushTasks([task(4, { language: 'not a tag!' })]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]).toMatchObject({ index: 0, path: 'language' });
  });

  it("sets an advocate's languages per brand and sends them with the membership", async () => {
    const a = await s.advocate({ tier: 1 });
    const r = await admin('PATCH', `/v1/admin/advocates/${a.id}`, { languages: ['es', 'en-gb'] });
    expect(r.body.languages).toEqual(['es', 'en-GB']);
    const m = last(ofKind((await syncAll(s, a.token)).changes, 'membership')).membership;
    expect(m.languages).toEqual(['es', 'en-GB']);
  });
});
