import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  email,
  leaks,
  ORDINARY,
  phone,
  type Pii,
  pii,
  textWithPii,
} from '../../support/personalData';
import { key, syncAll, T0, type TestServer, testServer } from './helpers';

/**
 * A tier-0 advocate receives no personal data by any route: sync (tasks, messages, ratings),
 * action answers and their replays (also after a demotion), event streams and Zendesk imports.
 * Personal data is generated (e-mails, phones in national and international formats, cards,
 * IBANs, in any script's digits) and pushed through the admin API as brands would push it.
 */

/** Every string anywhere in an answer. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function expectNoLeak(answer: unknown, secrets: Pii[], route: string) {
  for (const s of strings(answer))
    for (const p of secrets) expect(leaks(s, p), `${route} leaks ${p.text} in: ${s}`).toBe(false);
}

const name = fc.oneof(email, phone);
const pushed = fc.record({
  subject: textWithPii,
  customer: name,
  messages: fc.array(fc.record({ author: name, body: textWithPii }), {
    minLength: 1,
    maxLength: 3,
  }),
  comment: textWithPii,
});

let refs = 0;

describe('tier 0 sees no personal data', () => {
  let s: TestServer;
  let low: { id: string; token: string };
  let high: { id: string; token: string };
  beforeAll(async () => {
    s = await testServer();
    low = await s.advocate({ tier: 0 });
    high = await s.advocate({ tier: 1 });
  });
  afterAll(() => s.close());

  const act = async (token: string, action: Record<string, unknown>) => {
    const r = await s.call('POST', '/v1/actions', { token, body: { actions: [action] } });
    expect(r.status).toBe(200);
    return r.body;
  };

  it('through sync, action answers, replays and ratings', async () => {
    let cursor: string | undefined;
    await fc.assert(
      fc.asyncProperty(pushed, async (p) => {
        const ref = `PII-${++refs}`;
        const secrets = [
          ...p.subject.secrets,
          p.customer,
          ...p.messages.flatMap((m) => [m.author, ...m.body.secrets]),
          ...p.comment.secrets,
        ];
        const push = await s.pushTasks([
          {
            externalRef: ref,
            subject: p.subject.text,
            channel: 'email',
            complexity: 2,
            customerName: p.customer.text,
            messages: p.messages.map((m, i) => ({
              author: 'customer',
              authorName: m.author.text,
              body: m.body.text,
              createdAt: T0 - 1000 + i,
            })),
          },
        ]);
        expect(push.status).toBe(200);

        const first = await syncAll(s, low.token, cursor);
        cursor = first.cursor;
        expectNoLeak(first, secrets, 'sync');
        const taskId = first.changes.find((c) => c.task?.externalRef === ref).task.id;

        const claim = { key: key('claim'), type: 'claim', taskId };
        expectNoLeak(await act(low.token, claim), secrets, 'claim answer');
        expectNoLeak(await act(low.token, claim), secrets, 'claim replay');
        const resolve = { key: key('resolve'), type: 'resolve', taskId };
        expectNoLeak(await act(low.token, resolve), secrets, 'resolve answer');
        const rated = await s.call('POST', '/v1/admin/ratings', {
          token: s.adminKey,
          body: [{ externalRef: ref, score: 4, comment: p.comment.text }],
        });
        expect(rated.status).toBe(200);
        const later = await syncAll(s, low.token, cursor);
        cursor = later.cursor;
        expect(later.changes.some((c) => c.kind === 'rating')).toBe(true);
        expectNoLeak(later, secrets, 'sync after rating');
      }),
      { numRuns: 12 },
    );
  });

  it('tier 1 gets the same data unredacted (the check above can see a leak)', async () => {
    await s.pushTasks([
      {
        externalRef: 'PII-visible',
        subject: 'Refund to card 4111 1111 1111 1111',
        channel: 'email',
        complexity: 1,
        customerName: 'jose@example.com',
        messages: [{ author: 'customer', authorName: '+47 912 34 567', body: 'hi', createdAt: T0 }],
      },
    ]);
    const secrets: Pii[] = [
      { text: '', secret: '4111111111111111', kind: 'card' },
      { text: '', secret: 'jose@example.com', kind: 'email' },
      { text: '', secret: '91234567', kind: 'phone' },
    ];
    const seen = strings(await syncAll(s, high.token));
    for (const p of secrets) expect(seen.some((x) => leaks(x, p))).toBe(true);
    const low0 = await syncAll(s, low.token);
    const task = low0.changes.find((c) => c.task?.externalRef === 'PII-visible').task;
    expect(task).toMatchObject({
      subject: 'Refund to card [card number removed]',
      customerName: '[email removed]',
      messages: [{ authorName: '[phone removed]', body: 'hi', redacted: true }],
    });
  });

  it('replays answered before a demotion are redacted after it', async () => {
    await fc.assert(
      fc.asyncProperty(textWithPii, pii, async (body, customer) => {
        const ref = `PII-${++refs}`;
        await s.pushTasks([
          {
            externalRef: ref,
            subject: body.text,
            channel: 'chat',
            complexity: 1,
            customerName: customer.text,
            messages: [{ author: 'customer', body: body.text, createdAt: T0 }],
          },
        ]);
        const who = await s.advocate({ tier: 1 });
        const taskId = (await syncAll(s, who.token)).changes.find(
          (c) => c.task?.externalRef === ref,
        ).task.id;
        const claim = { key: key('claim'), type: 'claim', taskId };
        const before = await act(who.token, claim);
        expect(before.results[0].status).toBe('applied');
        const demoted = await s.call('PATCH', `/v1/admin/advocates/${who.id}`, {
          token: s.adminKey,
          body: { tier: 0 },
        });
        expect(demoted.status).toBe(200);
        expectNoLeak(await act(who.token, claim), [...body.secrets, customer], 'replay');
      }),
      { numRuns: 6 },
    );
  });

  it('through the event stream', async () => {
    const ac = new AbortController();
    const res = await fetch(`${s.url}/v1/events?token=${low.token}`, { signal: ac.signal });
    const reader = res.body!.getReader();
    let text = '';
    const sample = fc.sample(pushed, 3);
    await s.pushTasks(
      sample.map((p, i) => ({
        externalRef: `PII-sse-${i}`,
        subject: p.subject.text,
        channel: 'email',
        complexity: 1,
        customerName: p.customer.text,
        messages: [{ author: 'customer', body: p.messages[0]!.body.text, createdAt: T0 }],
      })),
    );
    while (!text.includes('event: change')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    ac.abort();
    const payloads = [...text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!));
    expect(payloads.length).toBeGreaterThan(0);
    const secrets = sample.flatMap((p) => [p.customer, ...p.subject.secrets]);
    expectNoLeak(payloads, secrets, 'event stream');
  });

  it('through a Zendesk import', async () => {
    const sample = fc.sample(pushed, 4);
    const exported = {
      tickets: sample.map((p, i) => ({
        id: 90_000 + i,
        status: 'open',
        subject: p.subject.text,
        description: p.messages[0]!.body.text,
        requester_id: 500 + i,
        tags: [],
        created_at: '2026-03-10T06:12:44Z',
        comments: p.messages.map((m, j) => ({
          id: 7_000_000 + i * 10 + j,
          author_id: j === 0 ? 500 + i : 600 + i,
          body: m.body.text,
          created_at: '2026-03-10T06:12:44Z',
        })),
      })),
      users: sample.flatMap((p, i) => [
        { id: 500 + i, name: p.customer.text },
        { id: 600 + i, name: p.messages[0]!.author.text },
      ]),
    };
    const imported = await s.call('POST', '/v1/admin/import/zendesk', {
      token: s.adminKey,
      body: exported,
    });
    expect(imported.status).toBe(200);
    const secrets = sample.flatMap((p) => [
      p.customer,
      p.messages[0]!.author,
      ...p.subject.secrets,
      ...p.messages.flatMap((m) => m.body.secrets),
    ]);
    const changes = (await syncAll(s, low.token)).changes.filter((c) =>
      c.task?.externalRef.startsWith('zendesk:9000'),
    );
    expect(changes).toHaveLength(sample.length);
    expectNoLeak(changes, secrets, 'zendesk import');
  });

  it('leaves ordinary numbers alone', async () => {
    await s.pushTasks(
      ORDINARY.map((text, i) => ({
        externalRef: `ORD-${i}`,
        subject: text,
        channel: 'email' as const,
        complexity: 1,
        customerName: 'Ingrid Berg',
        messages: [{ author: 'customer' as const, body: text, createdAt: T0 }],
      })),
    );
    const tasks = (await syncAll(s, low.token)).changes.filter((c) =>
      c.task?.externalRef.startsWith('ORD-'),
    );
    expect(tasks.map((c) => [c.task.subject, c.task.messages[0].body])).toEqual(
      ORDINARY.map((t) => [t, t]),
    );
    expect(tasks.every((c) => c.task.messages[0].redacted === false)).toBe(true);
  });
});
