/**
 * Webhooks may not target the server's own loopback, its private network or link-local
 * addresses (cloud metadata) unless the operator allows it for development.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverWebhooks } from '../../../../src/server/webhooks/dispatcher';
import { isInternalAddress, refusedTarget } from '../../../../src/server/webhooks/targets';
import { type TestServer, testServer } from '../helpers';

describe('internal addresses', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '[::1]',
    '::',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('%s is internal', (ip) => expect(isInternalAddress(ip)).toBe(true));

  it.each(['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700:4700::1111', 'hooks.example'])(
    '%s is not',
    (ip) => expect(isInternalAddress(ip)).toBe(false),
  );

  it('refuses localhost by name, and literal internal addresses in any spelling', () => {
    for (const url of [
      'http://localhost:8080/hook',
      'https://api.localhost/hook',
      'http://127.0.0.1/hook',
      'http://[::1]:9000/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://0x7f000001/hook',
      'http://2130706433/hook',
    ])
      expect(refusedTarget(url), url).toMatch(/loopback, private or link-local/);
    expect(refusedTarget('https://hooks.brand.example/gigdesk')).toBeNull();
  });
});

describe('the webhook routes and deliveries', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ allowInternalWebhooks: false });
  });
  afterAll(() => s.close());

  it('refuses an internal target with a clear 400 and stores nothing', async () => {
    const r = await s.call('POST', '/v1/admin/webhooks', {
      token: s.adminKey,
      body: { url: 'http://169.254.169.254/latest', events: ['case.resolved'] },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/169\.254\.169\.254 is a loopback, private or link-local/);
    expect(r.body.error.issues[0].path).toBe('url');
    const list = await s.call('GET', '/v1/admin/webhooks', { token: s.adminKey });
    expect(list.body.endpoints).toEqual([]);
    const ok = await s.call('POST', '/v1/admin/webhooks', {
      token: s.adminKey,
      body: { url: 'https://hooks.brand.example/gigdesk', events: ['case.resolved'] },
    });
    expect(ok.status).toBe(201);
  });

  it('does not send a delivery whose target became internal; the log says why', async () => {
    // Added while the operator allowed internal targets, then delivered without that flag.
    await s.store.console.createEndpoint(
      s.brandId,
      { url: 'http://127.0.0.1:9/hook', events: ['escalation.created'] },
      s.clock.t,
    );
    const adv = await s.advocate();
    await s.pushTasks([
      {
        externalRef: 'W-1',
        subject: 'Refund please',
        channel: 'email',
        skills: ['billing'],
        complexity: 1,
        customerName: 'Kim',
        messages: [{ author: 'customer', body: 'Refund please', createdAt: s.clock.t }],
      },
    ]);
    const { tasks } = await s.store.console.listTasks(s.brandId, { limit: 5, offset: 0 });
    const taskId = tasks[0]!.id;
    for (const action of [
      { key: 'wt-claim-1', type: 'claim', taskId },
      { key: 'wt-esc-1', type: 'escalate', taskId, target: 'contact_center', handoffNote: 'x' },
    ]) {
      const r = await s.call('POST', '/v1/actions', {
        token: adv.token,
        body: { actions: [action] },
      });
      expect(r.body.results[0].status).toBe('applied');
    }
    const sent: string[] = [];
    const fake = (async (url: string) => {
      sent.push(url);
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    const res = await deliverWebhooks(s.store, s.clock.t, { fetch: fake });
    expect(res.attempted).toBeGreaterThan(0);
    expect(sent).toEqual([]);
    const log = await s.call('GET', '/v1/admin/webhooks/deliveries', { token: s.adminKey });
    const internal = log.body.deliveries.filter((d: { lastError: string | null }) =>
      d.lastError?.includes('127.0.0.1'),
    );
    expect(internal.length).toBeGreaterThan(0);
    expect(internal.every((d: { deliveredAt: number | null }) => d.deliveredAt === null)).toBe(
      true,
    );
  });
});
