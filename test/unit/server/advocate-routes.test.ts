import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChangeNotice,
  Health,
  MeResponse,
  RedeemResponse,
  SyncResponse,
} from '../../../src/shared/protocol';
import { testBackend } from '../../support/serverBackends';
import { key, syncAll, task, type TestServer, testServer } from './helpers';

describe('advocate API', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(() => s.close());

  it('GET /v1/health', async () => {
    const r = await s.call('GET', '/v1/health');
    expect(r.status).toBe(200);
    expect(Health.parse(r.body)).toMatchObject({
      ok: true,
      storage: testBackend(),
      time: s.clock.t,
    });
  });

  describe('POST /v1/auth/redeem', () => {
    it('trades a one-time code for a token', async () => {
      const inv = await s.store.invite(
        s.brandId,
        { email: 'lukas@example.com', name: 'Lukas Weber', skills: ['returns'], tier: 0 },
        s.clock.t,
      );
      const r = await s.call('POST', '/v1/auth/redeem', {
        body: { code: inv.inviteCode, deviceName: 'Work laptop' },
      });
      expect(r.status).toBe(201);
      const body = RedeemResponse.parse(r.body);
      expect(body.advocate).toEqual({
        id: inv.advocateId,
        name: 'Lukas Weber',
        handle: 'lukasweber',
      });
      expect(body.brands).toEqual([
        expect.objectContaining({ id: s.brandId, tier: 0, skills: ['returns'], suspended: false }),
      ]);
      const again = await s.call('POST', '/v1/auth/redeem', {
        body: { code: inv.inviteCode, deviceName: 'Second' },
      });
      expect(again.status).toBe(401);
      expect(again.body.error.message).toMatch(/already used/);
      const me = await s.call('GET', '/v1/me', { token: body.token });
      expect(MeResponse.parse(me.body).advocate.id).toBe(inv.advocateId);
    });

    it('refuses unknown, expired and malformed codes', async () => {
      expect(
        (
          await s.call('POST', '/v1/auth/redeem', {
            body: { code: 'AAAA-BBBB-CCCC', deviceName: 'x' },
          })
        ).status,
      ).toBe(401);
      const inv = await s.store.invite(
        s.brandId,
        { email: 'late@example.com', skills: [], tier: 0 },
        s.clock.t - 15 * 24 * 3600_000,
      );
      const expired = await s.call('POST', '/v1/auth/redeem', {
        body: { code: inv.inviteCode, deviceName: 'x' },
      });
      expect(expired.status).toBe(401);
      const wrong = await s.call('POST', '/v1/auth/redeem', {
        body: { code: 12, deviceName: 'x', admin: true },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
        'body',
        'body.code',
      ]);
      expect((await s.call('POST', '/v1/auth/redeem', {})).status).toBe(400);
    });
  });

  it('POST /v1/auth/logout revokes the token', async () => {
    const a = await s.advocate();
    expect((await s.call('POST', '/v1/auth/logout', { token: a.token })).status).toBe(204);
    expect((await s.call('GET', '/v1/me', { token: a.token })).status).toBe(401);
  });

  describe('GET /v1/sync', () => {
    it('pages in seq order with a cursor, validated against the protocol schema', async () => {
      await s.pushTasks([task(1), task(2), task(3)]);
      const a = await s.advocate();
      const first = await s.call('GET', '/v1/sync?limit=2', { token: a.token });
      const page = SyncResponse.parse(first.body);
      expect(page.hasMore).toBe(true);
      expect(page.changes).toHaveLength(2);
      const rest = await syncAll(s, a.token, page.cursor);
      const seqs = [...page.changes, ...rest.changes].map((c) => c.seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      const empty = await s.call('GET', `/v1/sync?cursor=${rest.cursor}`, { token: a.token });
      expect(empty.body).toEqual({ changes: [], cursor: rest.cursor, hasMore: false });
    });

    it('rejects bad cursors, limits and unknown parameters', async () => {
      const a = await s.advocate();
      for (const q of ['cursor=abc', 'limit=0', 'limit=5000', 'limit=x', 'since=4']) {
        const r = await s.call('GET', `/v1/sync?${q}`, { token: a.token });
        expect(r.status, q).toBe(400);
        expect(r.body.error.code).toBe('invalid_input');
      }
      expect((await s.call('GET', '/v1/sync')).status).toBe(401);
      expect((await s.call('GET', '/v1/sync', { token: 'gdt_unknown' })).status).toBe(401);
    });
  });

  describe('POST /v1/actions', () => {
    it('rejects malformed batches as a whole', async () => {
      const a = await s.advocate();
      const cases: unknown[] = [
        {},
        { actions: [] },
        { actions: [{ key: 'short', type: 'claim', taskId: 't' }] },
        { actions: [{ key: key(), type: 'dance', taskId: 't' }] },
        { actions: [{ key: key(), type: 'claim', taskId: 't', extra: 1 }] },
        { actions: [{ key: key(), type: 'reply', taskId: 't' }] },
        {
          actions: Array.from({ length: 101 }, () => ({ key: key(), type: 'claim', taskId: 't' })),
        },
      ];
      for (const body of cases) {
        const r = await s.call('POST', '/v1/actions', { token: a.token, body });
        expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      }
      const k = key();
      const dup = await s.call('POST', '/v1/actions', {
        token: a.token,
        body: {
          actions: [
            { key: k, type: 'claim', taskId: 't' },
            { key: k, type: 'renew', taskId: 't' },
          ],
        },
      });
      expect(dup.body.error.issues[0]).toMatchObject({ index: 1, path: 'actions.key' });
    });

    it('answers each action of a mixed batch in order', async () => {
      await s.pushTasks([task(50)]);
      const a = await s.advocate();
      const id = (await syncAll(s, a.token)).changes.find(
        (c) => c.kind === 'task' && c.task.externalRef === 'T-50',
      ).task.id;
      const r = await s.call('POST', '/v1/actions', {
        token: a.token,
        body: {
          actions: [
            { key: key(), type: 'reply', taskId: id, body: 'too early' },
            { key: key(), type: 'claim', taskId: id },
            { key: key(), type: 'reply', taskId: id, body: 'Hi Ingrid, the parcel is with DHL.' },
            { key: key(), type: 'note', taskId: id, body: 'Checked tracking' },
            { key: key(), type: 'claim', taskId: 'missing' },
          ],
        },
      });
      expect(r.body.results.map((x: { status: string }) => x.status)).toEqual([
        'conflict',
        'applied',
        'applied',
        'applied',
        'rejected',
      ]);
      const thread = (await syncAll(s, a.token)).changes
        .filter((c) => c.kind === 'task' && c.task.id === id)
        .at(-1).task.messages;
      expect(thread.map((m: { author: string; kind: string }) => `${m.author}/${m.kind}`)).toEqual([
        'customer/message',
        'advocate/message',
        'advocate/note',
      ]);
    });
  });

  it('GET /v1/events streams change notices and heartbeats; token in the query works', async () => {
    const h = await testServer({ heartbeatMs: 50 });
    try {
      const a = await h.advocate();
      const ac = new AbortController();
      const res = await fetch(`${h.url}/v1/events?token=${a.token}`, { signal: ac.signal });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = res.body!.getReader();
      let text = '';
      const until = async (pred: () => boolean) => {
        while (!pred()) {
          const { value, done } = await reader.read();
          if (done) throw new Error('stream ended');
          text += new TextDecoder().decode(value);
        }
      };
      await until(() => text.includes('event: ready'));
      await h.pushTasks([task(1)]);
      await until(() => text.includes('event: change'));
      await until(() => text.includes('event: heartbeat'));
      const data = /event: change\ndata: (.*)\n/.exec(text)![1]!;
      expect(ChangeNotice.parse(JSON.parse(data)).brandId).toBe(h.brandId);
      ac.abort();
      expect((await fetch(`${h.url}/v1/events`)).status).toBe(401);
      const adminTried = await fetch(`${h.url}/v1/events`, {
        headers: { authorization: `Bearer ${h.adminKey}` },
      });
      expect(adminTried.status).toBe(403);
    } finally {
      await h.close();
    }
  });
});

describe('logging', () => {
  it('never logs tokens, keys, invite codes or message bodies', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const s = await testServer({ logger: { level: 'trace', stream } });
    try {
      const inv = await s.call('POST', '/v1/admin/advocates', {
        token: s.adminKey,
        body: { email: 'x@example.com' },
      });
      const r = await s.call('POST', '/v1/auth/redeem', {
        body: { code: inv.body.inviteCode, deviceName: 'd' },
      });
      await s.pushTasks([
        task(1, { messages: [{ author: 'customer', body: 'SECRET-BODY-TEXT', createdAt: 1 }] }),
      ]);
      const ac = new AbortController();
      const sse = await fetch(`${s.url}/v1/events?token=${r.body.token}`, { signal: ac.signal });
      expect(sse.status).toBe(200);
      ac.abort();
      await s.call('GET', '/v1/sync', { token: r.body.token });
      await s.call('GET', '/v1/sync', { token: 'gdt_wrong-token-value' });
      const log = lines.join('');
      expect(log).toContain('/v1/sync');
      for (const secret of [
        s.adminKey,
        r.body.token,
        inv.body.inviteCode,
        'SECRET-BODY-TEXT',
        'gdt_wrong-token-value',
      ]) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await s.close();
    }
  });
});
