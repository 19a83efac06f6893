/**
 * Webhooks against a real local HTTP receiver: each event once, HMAC-signed with the endpoint's
 * secret and a timestamp, retried with capped exponential backoff by the injected clock, logged.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs, MAX_ATTEMPTS } from '../../../../src/server/store/webhooks';
import { key, type TestServer, task } from '../helpers';
import { type BrandWorld, signIn, twoBrands } from './harness';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function receiver(answers: number[]) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answers.shift() ?? 200;
      res.end();
    });
  });
  return { server, received };
}

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`),
    ),
  );

function verify(secret: string, r: Received) {
  const sig = String(r.headers['x-gigdesk-signature']);
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sig);
  if (!m) return false;
  const want = createHmac('sha256', secret).update(`${m[1]}.${r.body}`).digest();
  return timingSafeEqual(want, Buffer.from(m[2]!, 'hex'));
}

describe('webhooks', () => {
  let s: TestServer;
  let A: BrandWorld;
  let B: BrandWorld;
  const hook = receiver([500, 500, 500, 500, 503, 503, 503, 503]);
  let url: string;
  beforeAll(async () => {
    ({ s, A, B } = await twoBrands());
    url = await listen(hook.server);
  });
  afterAll(async () => {
    hook.server.close();
    await s.close();
  });

  it('backs off exponentially, capped at an hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(30)).toBe(3600_000);
  });

  it('signs, retries and logs each event once', async () => {
    const owner = await signIn(s, A.brandId, 'owner');
    // The worlds' own endpoints (an unreachable port) would count too: switch them off.
    expect((await owner.call('DELETE', `/v1/admin/webhooks/${A.webhookId}`)).status).toBe(200);
    await s.store.console.disableEndpoint(B.brandId, B.webhookId, s.clock.t);
    s.clock.advance(1000);
    const created = await owner.call('POST', '/v1/admin/webhooks', {
      body: {
        url,
        events: ['escalation.created', 'case.resolved', 'rating.bad', 'task.unclaimed_past_sla'],
      },
    });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^whsec_/);
    // Events from before the endpoint existed are not sent.
    expect((await s.deliverWebhooks()).queued).toBe(0);

    s.clock.advance(1000);
    await s.pushTasks([task(10, { slaDueAt: s.clock.t + 10 * 60_000 }), task(11), task(12)]);
    const ids = Object.fromEntries(
      (await owner.call('GET', '/v1/admin/tasks?limit=100')).body.tasks.map(
        (t: { externalRef: string; id: string }) => [t.externalRef, t.id],
      ),
    );
    const act = (type: string, ref: string, extra: object = {}) =>
      s.call('POST', '/v1/actions', {
        token: A.advocateToken,
        body: { actions: [{ key: key(), type, taskId: ids[ref], ...extra }] },
      });
    await act('claim', 'T-11');
    await act('resolve', 'T-11');
    await act('claim', 'T-12');
    await act('escalate', 'T-12', { target: 'chatbot', handoffNote: 'Needs a refund' });
    await owner.call('POST', '/v1/admin/ratings', {
      body: [{ externalRef: 'T-11', score: 1, comment: 'Slow' }],
    });
    s.clock.advance(10 * 60_000); // T-10 is now past its SLA, still unclaimed.

    const first = await s.deliverWebhooks();
    expect(first).toMatchObject({ queued: 4, attempted: 4, delivered: 0 });
    expect(await s.deliverWebhooks()).toMatchObject({ queued: 0, attempted: 0 });
    s.clock.advance(30_000);
    expect(await s.deliverWebhooks()).toMatchObject({ attempted: 4, delivered: 0 });
    s.clock.advance(59_000);
    expect((await s.deliverWebhooks()).attempted).toBe(0);
    s.clock.advance(1000);
    expect(await s.deliverWebhooks()).toMatchObject({ attempted: 4, delivered: 4 });
    s.clock.advance(3600_000);
    expect(await s.deliverWebhooks()).toMatchObject({ queued: 0, attempted: 0 });

    expect(hook.received).toHaveLength(12);
    for (const r of hook.received) expect(verify(secret, r)).toBe(true);
    const tampered = { ...hook.received[0]!, body: hook.received[0]!.body.replace('T-', 'X-') };
    expect(verify(secret, tampered)).toBe(false);
    const delivered = hook.received.slice(8).map((r) => JSON.parse(r.body));
    const byEvent = Object.fromEntries(delivered.map((p) => [p.event, p]));
    expect(Object.keys(byEvent).sort()).toEqual([
      'case.resolved',
      'escalation.created',
      'rating.bad',
      'task.unclaimed_past_sla',
    ]);
    expect(byEvent['escalation.created'].data).toMatchObject({
      externalRef: 'T-12',
      target: 'chatbot',
      handoffNote: 'Needs a refund',
    });
    expect(byEvent['rating.bad'].data).toMatchObject({ externalRef: 'T-11', score: 1 });
    expect(byEvent['task.unclaimed_past_sla'].data.externalRef).toBe('T-10');
    expect(byEvent['case.resolved'].brandId).toBe(A.brandId);

    const log = await owner.call(
      'GET',
      `/v1/admin/webhooks/deliveries?endpointId=${created.body.id}`,
    );
    expect(log.body.deliveries).toHaveLength(4);
    for (const d of log.body.deliveries)
      expect(d).toMatchObject({ attempts: 3, lastStatus: 200, nextAttemptAt: null });
  });

  it('gives up after the last attempt and keeps the failure in the log', async () => {
    const down = receiver(Array(MAX_ATTEMPTS + 2).fill(500));
    const downUrl = await listen(down.server);
    try {
      const owner = await signIn(s, A.brandId, 'owner');
      const ep = await owner.call('POST', '/v1/admin/webhooks', {
        body: { url: downUrl, events: ['task.unclaimed_past_sla'] },
      });
      s.clock.advance(1000);
      await s.pushTasks([task(20, { slaDueAt: s.clock.t })]);
      for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
        await s.deliverWebhooks();
        s.clock.advance(3600_000);
      }
      expect(down.received).toHaveLength(MAX_ATTEMPTS);
      const log = await owner.call('GET', `/v1/admin/webhooks/deliveries?endpointId=${ep.body.id}`);
      expect(log.body.deliveries[0]).toMatchObject({
        attempts: MAX_ATTEMPTS,
        lastStatus: 500,
        lastError: 'HTTP 500',
        deliveredAt: null,
        nextAttemptAt: null,
      });
    } finally {
      down.server.close();
    }
  });
});
