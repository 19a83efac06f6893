import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncAll, type TestServer, testServer } from './helpers';

const fixture = readFileSync(
  new URL('../../fixtures/zendesk/tickets-with-comments.json', import.meta.url),
  'utf8',
);

describe('Zendesk import', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(() => s.close());

  it('imports open tickets with their public comments, idempotently', async () => {
    const r = await s.call('POST', '/v1/admin/import/zendesk', { token: s.adminKey, raw: fixture });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ created: 5, updated: 0, unchanged: 0, skipped: 2 });
    const again = await s.call('POST', '/v1/admin/import/zendesk', {
      token: s.adminKey,
      raw: fixture,
    });
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 5, skipped: 2 });
    expect(again.body.customers).toMatchObject({ created: 0, updated: 0 });

    const a = await s.advocate({ tier: 1 });
    const tasks = new Map(
      (await syncAll(s, a.token)).changes
        .filter((c) => c.kind === 'task')
        .map((c) => [c.task.externalRef, c.task]),
    );
    const pole = tasks.get('zendesk:48211');
    expect(pole).toMatchObject({
      subject: 'Teltstang knakk – Trollvind 2',
      channel: 'email',
      skills: ['warranty'],
      complexity: 4,
      customerName: 'Astrid Haugen',
      slaDueAt: Date.parse('2026-03-12T06:12:44Z'),
      createdAt: Date.parse('2026-03-10T06:12:44Z'),
    });
    // The private agent note stays in Zendesk.
    expect(
      pole.messages.map(
        (m: { author: string; authorName: string }) => `${m.author}:${m.authorName}`,
      ),
    ).toEqual([
      'customer:Astrid Haugen',
      'agent:Marit (Fjellhavn Support)',
      'customer:Astrid Haugen',
    ]);
    expect(tasks.get('zendesk:48213')).toMatchObject({
      channel: 'chat',
      complexity: 5,
      minTier: 1,
      skills: ['technical'],
    });
    expect(tasks.get('zendesk:48214')).toMatchObject({
      channel: 'social',
      complexity: 1,
      customerName: '@trailpiet',
    });
    expect(tasks.get('zendesk:48215')!.messages[0].body).toContain("I can't log in");
    expect(tasks.has('zendesk:48199')).toBe(false);
  });

  it('keeps what it cannot import as-is, and reports per ticket what it changed', async () => {
    const at = '2026-03-11T08:00:00Z';
    const comment = (id: number, extra: object) => ({
      id,
      author_id: 9001,
      public: true,
      created_at: at,
      ...extra,
    });
    const r = await s.call('POST', '/v1/admin/import/zendesk', {
      token: s.adminKey,
      body: {
        tickets: [
          {
            id: 77001,
            subject: 'Broken zip',
            status: 'open',
            requester_id: 9001,
            created_at: at,
            custom_fields: [
              { id: 360, value: 'FH-99120' },
              { id: 361, value: null },
            ],
            comments: [
              comment(1, { html_body: '<p>The <b>zip</b> broke.</p><ul><li>Jacket</li></ul>' }),
              comment(2, {
                body: 'Photos attached',
                attachments: [{ file_name: 'zip.jpg', size: 204_800 }],
              }),
              comment(3, { body: 'x'.repeat(25_000) }),
            ],
          },
        ],
        users: [{ id: 9001, name: 'Kari Nordmann', email: 'kari@example.no', locale: 'nb' }],
        ticket_fields: [{ id: 360, title: 'Order number' }],
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.customers).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(r.body.tickets).toEqual([
      {
        ticketId: 77001,
        externalRef: 'zendesk:77001',
        changes: [
          'comment 1: HTML-only, converted to text',
          'comment 2: 1 attachment(s) listed by name and size',
          'comment 3: truncated from 25000 characters',
          '1 custom field(s) kept as customer fields',
        ],
      },
    ]);
    const a = await s.advocate({ tier: 2 });
    const changes = (await syncAll(s, a.token)).changes;
    const t = changes.find((c) => c.kind === 'task' && c.task.externalRef === 'zendesk:77001').task;
    const bodies = t.messages.map((m: { body: string }) => m.body);
    expect(bodies[0]).toContain('The zip broke.');
    expect(bodies[0]).toContain('Jacket');
    expect(bodies[0]).not.toContain('<');
    expect(bodies[1]).toContain('zip.jpg (200 KB)');
    expect(bodies[2]).toMatch(/\[Truncated by the import: \d+ more characters/);
    expect(t.language).toBe('nb');
    const customer = changes.find((c) => c.kind === 'customer' && c.customer.id === t.customerId);
    expect(customer.customer.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'email', value: 'kari@example.no' }),
        expect.objectContaining({ name: 'zd360', label: 'Order number', value: 'FH-99120' }),
      ]),
    );
  });

  it('rejects an export that is not one, naming the field', async () => {
    const r = await s.call('POST', '/v1/admin/import/zendesk', {
      token: s.adminKey,
      body: { tickets: [{ id: 'x', status: 'open' }] },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['body.tickets.0.id', 'body.tickets.0.created_at']),
    );
    expect(
      (await s.call('POST', '/v1/admin/import/zendesk', { token: s.adminKey, body: [] })).status,
    ).toBe(400);
  });
});
