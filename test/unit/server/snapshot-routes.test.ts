/**
 * `GET /v1/snapshot` and `GET /v1/snapshot/brands/:id` as HTTP: auth, bad input (a clear 4xx in
 * the error shape), another brand (404, as for no brand), content negotiation, ETag, and one
 * shared build per (brand, tier) however many advocates ask.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { task, type TestServer, testServer } from './helpers';

describe('snapshot routes', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
    expect((await s.pushTasks([task(1), task(2)])).status).toBe(200);
  });
  afterAll(() => s.close());

  it('need a device token', async () => {
    expect((await s.call('GET', '/v1/snapshot')).status).toBe(401);
    const r = await s.call('GET', `/v1/snapshot/brands/${s.brandId}`, { token: s.adminKey });
    expect(r.status).toBe(403);
  });

  it('refuse unknown query parameters with the error shape', async () => {
    const { token } = await s.advocate();
    const r = await s.call('GET', '/v1/snapshot?cursor=5', { token });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_input');
    const b = await s.call('GET', `/v1/snapshot/brands/${s.brandId}?full=1`, { token });
    expect(b.status).toBe(400);
  });

  it('answer 404 for a brand the token does not reach, as for one that does not exist', async () => {
    const { token } = await s.advocate();
    const other = await s.store.createBrand({ name: 'Other', currency: 'EUR' }, s.clock.t);
    const foreign = await s.call('GET', `/v1/snapshot/brands/${other.brand.id}`, { token });
    const missing = await s.call('GET', '/v1/snapshot/brands/no-such-brand', { token });
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.body.error.code).toBe(missing.body.error.code);
  });

  it('compress by Accept-Encoding and answer 304 for the ETag held', async () => {
    const { token } = await s.advocate();
    const path = `/v1/snapshot/brands/${s.brandId}`;
    const plain = await s.call('GET', path, { token, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const gz = await s.call('GET', path, {
      token,
      headers: { 'accept-encoding': 'gzip;q=1, br;q=0' },
    });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.body).toEqual(plain.body);
    expect(plain.body.tasks.rows).toHaveLength(2);
    const etag = plain.headers.get('etag')!;
    const again = await s.call('GET', path, { token, headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serve every advocate of the same (brand, tier) the same build', async () => {
    const path = `/v1/snapshot/brands/${s.brandId}`;
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const { token } = await s.advocate({ tier: 1 });
      answers.push(await s.call('GET', path, { token }));
    }
    expect(new Set(answers.map((a) => a.headers.get('etag'))).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.builtAt)).size).toBe(1);
    // Another tier is another snapshot.
    const { token } = await s.advocate({ tier: 0 });
    const low = await s.call('GET', path, { token });
    expect(low.body.tier).toBe(0);
    expect(low.headers.get('etag')).not.toBe(answers[0]!.headers.get('etag'));
  });
});
