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
    expect(r.body).toEqual({ created: 5, updated: 0, unchanged: 0, skipped: 2 });
    const again = await s.call('POST', '/v1/admin/import/zendesk', {
      token: s.adminKey,
      raw: fixture,
    });
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 5, skipped: 2 });

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
