import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules, syncAll, task, type TestServer, testServer } from './helpers';

describe('admin API', () => {
  let s: TestServer;
  let otherKey: string;
  let advocateToken: string;
  beforeAll(async () => {
    s = await testServer({ bodyLimit: 64 * 1024 });
    otherKey = (await s.store.createBrand({ name: 'Other brand', currency: 'SEK' }, s.clock.t))
      .adminKey;
    advocateToken = (await s.advocate()).token;
  });
  afterAll(() => s.close());

  const admin = (method: string, path: string, body?: unknown) =>
    s.call(method, path, { token: s.adminKey, body });

  describe('auth', () => {
    const routes: [string, string][] = [
      ['GET', '/v1/admin/brand'],
      ['POST', '/v1/admin/tasks'],
      ['GET', '/v1/admin/outcomes'],
      ['GET', '/v1/admin/escalations'],
      ['PUT', '/v1/admin/payout-rules'],
    ];
    it.each(routes)(
      '%s %s: 401 without or with an unknown key, 403 with an advocate token',
      async (method, path) => {
        const none = await s.call(method, path, { body: method === 'GET' ? undefined : [] });
        expect(none.status).toBe(401);
        expect(none.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
        expect((await s.call(method, path, { token: 'gdk_not-a-key' })).status).toBe(401);
        expect((await s.call(method, path, { token: 'garbage' })).status).toBe(401);
        const wrongKind = await s.call(method, path, { token: advocateToken });
        expect(wrongKind.status).toBe(403);
        expect(wrongKind.body.error.code).toBe('forbidden');
      },
    );

    it('an admin key cannot use the advocate API', async () => {
      const r = await s.call('GET', '/v1/sync', { token: s.adminKey });
      expect(r.status).toBe(403);
    });

    it("another brand's key sees only its own brand", async () => {
      const mine = await admin('GET', '/v1/admin/brand');
      const theirs = await s.call('GET', '/v1/admin/brand', { token: otherKey });
      expect(mine.body).toMatchObject({
        name: 'Acme Outdoor',
        currency: 'EUR',
        leaseMinutes: 30,
        payoutRulesVersion: 1,
      });
      expect(theirs.body).toMatchObject({
        name: 'Other brand',
        currency: 'SEK',
        payoutRulesVersion: 0,
      });
      const advocates = await s.call('GET', '/v1/admin/advocates', { token: otherKey });
      expect(advocates.body.advocates).toEqual([]);
      const mineList = await admin('GET', '/v1/admin/advocates');
      const id = mineList.body.advocates[0].id;
      const patch = await s.call('PATCH', `/v1/admin/advocates/${id}`, {
        token: otherKey,
        body: { tier: 3 },
      });
      expect(patch.status).toBe(404);
      expect(
        (await s.call('POST', `/v1/admin/advocates/${id}/revoke-tokens`, { token: otherKey }))
          .status,
      ).toBe(404);
    });
  });

  describe('brand', () => {
    it('patches the lease length and rejects unknown fields', async () => {
      const ok = await admin('PATCH', '/v1/admin/brand', { leaseMinutes: 45 });
      expect(ok.body.leaseMinutes).toBe(45);
      const bad = await admin('PATCH', '/v1/admin/brand', { leaseMinutes: '45', colour: 'red' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
        'body',
        'body.leaseMinutes',
      ]);
      const empty = await admin('PATCH', '/v1/admin/brand', {});
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toContain('at least one of name, leaseMinutes');
      await admin('PATCH', '/v1/admin/brand', { leaseMinutes: 30 });
    });
  });

  describe('tasks', () => {
    it('upserts by externalRef: the same feed twice changes nothing', async () => {
      const feed = [task(100), task(101)];
      expect((await admin('POST', '/v1/admin/tasks', feed)).body).toEqual({
        created: 2,
        updated: 0,
        unchanged: 0,
      });
      expect((await admin('POST', '/v1/admin/tasks', feed)).body).toEqual({
        created: 0,
        updated: 0,
        unchanged: 2,
      });
      const changed = [task(100, { subject: 'Order 100: wrong colour' }), task(101)];
      expect((await admin('POST', '/v1/admin/tasks', changed)).body).toEqual({
        created: 0,
        updated: 1,
        unchanged: 1,
      });
    });

    it('accepts NDJSON', async () => {
      const raw = `${JSON.stringify(task(200))}\n\n${JSON.stringify(task(201))}\n`;
      const r = await s.call('POST', '/v1/admin/tasks', {
        token: s.adminKey,
        raw,
        contentType: 'application/x-ndjson',
      });
      expect(r.body).toEqual({ created: 2, updated: 0, unchanged: 0 });
    });

    it('rejects malformed NDJSON with the bad item, applying nothing', async () => {
      const raw = `${JSON.stringify(task(300))}\n{"externalRef": "T-301",\n`;
      const r = await s.call('POST', '/v1/admin/tasks', {
        token: s.adminKey,
        raw,
        contentType: 'application/x-ndjson',
      });
      expect(r.status).toBe(400);
      expect(r.body.error.issues).toEqual([
        { index: 1, path: '(line 2)', message: 'not valid JSON' },
      ]);
      const again = await admin('POST', '/v1/admin/tasks', [task(300)]);
      expect(again.body.created).toBe(1);
    });

    it('a batch with bad items answers 400 naming every bad item and applies nothing', async () => {
      const bad = [
        task(400),
        { ...task(401), complexity: 7 },
        { ...task(402), channel: 'fax', priority: 'high' },
        { ...task(403), messages: 'hello' },
        task(400),
      ];
      const r = await admin('POST', '/v1/admin/tasks', bad);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalid_input');
      const issues = r.body.error.issues.map(
        (i: { index: number; path: string }) => `${i.index}:${i.path}`,
      );
      expect(issues).toEqual(
        expect.arrayContaining(['1:complexity', '2:channel', '2:(item)', '3:messages']),
      );
      expect(
        r.body.error.issues.find(
          (i: { index: number; path: string }) => i.index === 2 && i.path === '(item)',
        ).message,
      ).toMatch(/priority/);
      const good = [task(400)];
      expect((await admin('POST', '/v1/admin/tasks', good)).body.created).toBe(1);
      const dup = await admin('POST', '/v1/admin/tasks', [task(500), task(500)]);
      expect(dup.body.error.issues).toEqual([
        { index: 1, path: 'externalRef', message: 'duplicate externalRef in this batch' },
      ]);
    });

    it('rejects a body that is not an array, invalid JSON, and an unsupported media type', async () => {
      expect((await admin('POST', '/v1/admin/tasks', { tasks: [] })).status).toBe(400);
      expect((await admin('POST', '/v1/admin/tasks', [])).status).toBe(400);
      const broken = await s.call('POST', '/v1/admin/tasks', { token: s.adminKey, raw: '[{"a":' });
      expect(broken.status).toBe(400);
      expect(broken.body.error.code).toBe('invalid_input');
      const xml = await s.call('POST', '/v1/admin/tasks', {
        token: s.adminKey,
        raw: '<tasks/>',
        contentType: 'application/xml',
      });
      expect(xml.status).toBe(415);
      expect(xml.body.error.code).toBe('unsupported_media_type');
    });

    it('answers 413 above the body limit', async () => {
      const big = Array.from({ length: 200 }, (_, i) =>
        task(1000 + i, {
          messages: [{ author: 'customer', body: 'x'.repeat(1000), createdAt: 1 }],
        }),
      );
      const r = await admin('POST', '/v1/admin/tasks', big);
      expect(r.status).toBe(413);
      expect(r.body).toEqual({ error: { code: 'payload_too_large', message: expect.any(String) } });
    });
  });

  describe('articles and macros', () => {
    it('upserts, updates and deletes articles; sync carries tombstones', async () => {
      const a = await s.advocate();
      const article = {
        externalRef: 'kb-1',
        title: 'Returns policy',
        bodyMarkdown: '# Returns\n30 days.',
        tags: ['returns'],
      };
      const articlesSince = async (cursor?: string) => {
        const r = await syncAll(s, a.token, cursor);
        return { cursor: r.cursor, changes: r.changes.filter((c) => c.kind.startsWith('article')) };
      };
      const start = (await syncAll(s, a.token)).cursor;
      expect((await admin('POST', '/v1/admin/articles', [article])).body).toEqual({
        created: 1,
        updated: 0,
        unchanged: 0,
      });
      expect((await admin('POST', '/v1/admin/articles', [article])).body).toEqual({
        created: 0,
        updated: 0,
        unchanged: 1,
      });
      const created = await articlesSince(start);
      expect(created.changes).toEqual([
        expect.objectContaining({
          kind: 'article',
          article: expect.objectContaining({ title: 'Returns policy', tags: ['returns'] }),
        }),
      ]);
      expect(
        (await admin('POST', '/v1/admin/articles', [{ ...article, title: 'Our returns policy' }]))
          .body.updated,
      ).toBe(1);
      const updated = await articlesSince(created.cursor);
      expect(updated.changes.map((c) => c.article.title)).toEqual(['Our returns policy']);
      expect((await admin('DELETE', '/v1/admin/articles/kb-1')).body).toEqual({ deleted: true });
      expect((await admin('DELETE', '/v1/admin/articles/kb-1')).status).toBe(404);
      const deleted = await articlesSince(updated.cursor);
      expect(deleted.changes).toEqual([
        expect.objectContaining({
          kind: 'article_delete',
          articleId: created.changes[0].article.id,
        }),
      ]);

      const bad = await admin('POST', '/v1/admin/articles', [
        { externalRef: 'kb-2', title: '', bodyMarkdown: 3 },
      ]);
      expect(bad.status).toBe(400);
      expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
        'bodyMarkdown',
        'title',
      ]);
    });

    it('upserts and deletes macros', async () => {
      const macro = {
        externalRef: 'm-1',
        title: 'Greeting',
        body: 'Hi {{customer.firstName}}, — {{advocate.name}}',
        tags: [],
      };
      expect((await admin('POST', '/v1/admin/macros', [macro])).body.created).toBe(1);
      expect((await admin('DELETE', '/v1/admin/macros/m-1')).body).toEqual({ deleted: true });
      expect((await admin('DELETE', '/v1/admin/macros/m-404')).status).toBe(404);
      expect((await admin('POST', '/v1/admin/macros', [{ ...macro, shortcut: 'g' }])).status).toBe(
        400,
      );
    });
  });

  describe('payout rules', () => {
    it('are versioned and validated', async () => {
      const before = await admin('GET', '/v1/admin/payout-rules');
      expect(before.body.version).toBe(1);
      const next = await admin('PUT', '/v1/admin/payout-rules', {
        ...rules,
        ratingBonus: { ...rules.ratingBonus, '5': 200 },
      });
      expect(next.body.version).toBe(2);
      expect((await admin('GET', '/v1/admin/payout-rules')).body.rules.ratingBonus['5']).toBe(200);
      const wrongCurrency = await admin('PUT', '/v1/admin/payout-rules', {
        ...rules,
        currency: 'USD',
      });
      expect(wrongCurrency.status).toBe(400);
      const float = await admin('PUT', '/v1/admin/payout-rules', {
        ...rules,
        basePerComplexity: { ...rules.basePerComplexity, '1': 1.5 },
      });
      expect(float.status).toBe(400);
      expect(float.body.error.issues[0].path).toBe('body.basePerComplexity.1');
    });
  });

  describe('advocates', () => {
    it('invites, sets tier and skills, suspends, revokes tokens', async () => {
      const inv = await admin('POST', '/v1/admin/advocates', {
        email: 'Sofia.Rossi@Example.com',
        skills: ['billing', 'returns'],
        tier: 0,
      });
      expect(inv.status).toBe(201);
      expect(inv.body.inviteCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const redeemed = await s.call('POST', '/v1/auth/redeem', {
        body: { code: inv.body.inviteCode.toLowerCase(), deviceName: 'Sofia laptop' },
      });
      expect(redeemed.status).toBe(201);
      expect(redeemed.body.advocate).toMatchObject({
        id: inv.body.advocateId,
        name: 'Sofia',
        handle: 'sofia',
      });
      const set = await admin('PATCH', `/v1/admin/advocates/${inv.body.advocateId}`, {
        tier: 2,
        skills: ['technical'],
      });
      expect(set.body).toMatchObject({
        tier: 2,
        skills: ['technical'],
        email: 'sofia.rossi@example.com',
        suspended: false,
      });
      expect((await admin('PATCH', `/v1/admin/advocates/${inv.body.advocateId}`, {})).status).toBe(
        400,
      );
      expect(
        (await admin('PATCH', `/v1/admin/advocates/${inv.body.advocateId}`, { tier: 9 })).status,
      ).toBe(400);
      expect(
        (await admin('PATCH', `/v1/admin/advocates/${inv.body.advocateId}`, { suspended: true }))
          .body.suspended,
      ).toBe(true);
      expect(
        (await admin('POST', `/v1/admin/advocates/${inv.body.advocateId}/revoke-tokens`)).body,
      ).toEqual({ revoked: 1 });
      expect((await s.call('GET', '/v1/me', { token: redeemed.body.token })).status).toBe(401);
      expect((await admin('POST', '/v1/admin/advocates', { email: 'not-an-email' })).status).toBe(
        400,
      );
    });
  });

  describe('reports', () => {
    it('validate their query', async () => {
      expect((await admin('GET', '/v1/admin/outcomes?limit=0')).status).toBe(400);
      expect((await admin('GET', '/v1/admin/outcomes?since=yesterday')).status).toBe(400);
      expect((await admin('GET', '/v1/admin/outcomes?limit=5')).status).toBe(200);
    });
    it('ratings reject unknown tasks and bad scores per item', async () => {
      const r = await admin('POST', '/v1/admin/ratings', [
        { externalRef: 'nope', score: 5 },
        { taskId: 'x', externalRef: 'y', score: 6 },
      ]);
      expect(r.status).toBe(400);
      expect(
        r.body.error.issues.map((i: { index: number; path: string }) => `${i.index}:${i.path}`),
      ).toEqual(['1:score', '1:(item)']);
      const unknown = await admin('POST', '/v1/admin/ratings', [{ externalRef: 'nope', score: 5 }]);
      expect(unknown.body.error.issues).toEqual([
        { index: 0, path: 'externalRef', message: 'no such task in this brand' },
      ]);
    });
  });

  it('unknown routes answer 404 in the error format', async () => {
    const r = await admin('GET', '/v1/admin/nothing');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After per token', async () => {
    const s = await testServer({ rateLimitMax: 5 });
    try {
      const a = await s.advocate();
      const b = await s.advocate();
      const replies = [];
      for (let i = 0; i < 6; i++) replies.push(await s.call('GET', '/v1/me', { token: a.token }));
      expect(replies.slice(0, 5).every((r) => r.status === 200)).toBe(true);
      expect(replies[5]!.status).toBe(429);
      expect(Number(replies[5]!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(replies[5]!.body.error.code).toBe('rate_limited');
      expect((await s.call('GET', '/v1/me', { token: b.token })).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
