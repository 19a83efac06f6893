import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_OVERLAP_MS, TOKEN_TTL_MS } from '../../../src/server/store/tokens';
import { type TestServer, testServer } from './helpers';

const run = promisify(execFile);

describe('credentials', () => {
  let s: TestServer;
  beforeEach(async () => {
    s = await testServer();
  });
  afterEach(() => s.close());

  const me = async (token: string) => (await s.call('GET', '/v1/me', { token })).status;

  it('a device token expires, and refreshing it before then carries on with the same brands', async () => {
    const r = await s.call('POST', '/v1/auth/redeem', {
      body: {
        code: (
          await s.store.invite(
            s.brandId,
            { email: 'ana@example.com', skills: [], tier: 0 },
            s.clock.t,
          )
        ).inviteCode,
        deviceName: 'laptop',
      },
    });
    expect(r.body.expiresAt).toBe(s.clock.t + TOKEN_TTL_MS);
    const old = r.body.token as string;

    s.clock.advance(TOKEN_TTL_MS / 2);
    const refreshed = await s.call('POST', '/v1/auth/refresh', { token: old });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.expiresAt).toBe(s.clock.t + TOKEN_TTL_MS);
    const next = refreshed.body.token as string;
    expect(next).not.toBe(old);
    expect((await s.call('GET', '/v1/me', { token: next })).body.brands).toHaveLength(1);

    // The old token: once only, and only for the overlap.
    const twice = await s.call('POST', '/v1/auth/refresh', { token: old });
    expect(twice.status).toBe(401);
    expect(await me(old)).toBe(200);
    s.clock.advance(TOKEN_OVERLAP_MS);
    expect(await me(old)).toBe(401);
    expect(await me(next)).toBe(200);

    s.clock.advance(TOKEN_TTL_MS);
    const expired = await s.call('GET', '/v1/me', { token: next });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/expired/);
    expect((await s.call('POST', '/v1/auth/refresh', { token: next })).status).toBe(401);
  });

  it('a rotated admin key works beside the old one for the overlap, then alone', async () => {
    const old = s.adminKey;
    const r = await s.call('POST', '/v1/admin/keys/rotate', {
      token: old,
      body: { overlapMinutes: 10 },
    });
    expect(r.status).toBe(201);
    expect(r.body.previousKeysExpireAt).toBe(s.clock.t + 10 * 60_000);
    const next = r.body.adminKey as string;
    expect((await s.call('GET', '/v1/admin/brand', { token: old })).status).toBe(200);
    expect((await s.call('GET', '/v1/admin/brand', { token: next })).status).toBe(200);
    s.clock.advance(10 * 60_000);
    expect((await s.call('GET', '/v1/admin/brand', { token: old })).status).toBe(401);
    expect((await s.call('GET', '/v1/admin/brand', { token: next })).body.id).toBe(s.brandId);
    // A second rotation never extends a key already on its way out.
    const third = await s.call('POST', '/v1/admin/keys/rotate', { token: next, body: {} });
    expect(third.body.previousKeysExpireAt).toBe(s.clock.t + 60 * 60_000);
    expect((await s.call('GET', '/v1/admin/brand', { token: old })).status).toBe(401);
    const bad = await s.call('POST', '/v1/admin/keys/rotate', {
      token: next,
      body: { overlapMinutes: -1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_input');
  });

  it('gigdesk-admin key rotate prints the new key; the old one works for the overlap', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/server/cli/admin.ts', 'key', 'rotate', '--overlap-minutes', '5'],
      { env: { ...process.env, GIGDESK_URL: s.url, GIGDESK_ADMIN_KEY: s.adminKey } },
    );
    const out = JSON.parse(stdout) as { adminKey: string; previousKeysExpireAt: number };
    expect(out.previousKeysExpireAt).toBe(s.clock.t + 5 * 60_000);
    expect((await s.call('GET', '/v1/admin/brand', { token: out.adminKey })).status).toBe(200);
    s.clock.advance(5 * 60_000);
    expect((await s.call('GET', '/v1/admin/brand', { token: s.adminKey })).status).toBe(401);
  }, 60_000);

  it('a brand key rotation leaves other brands alone', async () => {
    const other = await s.store.createBrand({ name: 'Other', currency: 'EUR' }, s.clock.t);
    await s.call('POST', '/v1/admin/keys/rotate', {
      token: s.adminKey,
      body: { overlapMinutes: 0 },
    });
    expect((await s.call('GET', '/v1/admin/brand', { token: other.adminKey })).status).toBe(200);
    expect((await s.call('GET', '/v1/admin/brand', { token: s.adminKey })).status).toBe(401);
  });

  it('every answer carries cache-control: no-store and x-content-type-options: nosniff', async () => {
    const { token } = await s.advocate();
    const answers = [
      await s.call('GET', '/v1/health'),
      await s.call('GET', '/v1/me', { token }),
      await s.call('GET', '/v1/me'),
      await s.call('GET', '/v1/nowhere'),
      await s.call('POST', '/v1/actions', { token, raw: '{', contentType: 'application/json' }),
      await s.call('GET', '/v1/admin/brand', { token: s.adminKey }),
    ];
    for (const a of answers) {
      expect(a.headers.get('cache-control')).toBe('no-store');
      expect(a.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const ctrl = new AbortController();
    const res = await fetch(`${s.url}/v1/events?token=${token}`, { signal: ctrl.signal });
    expect(res.headers.get('cache-control')).toMatch(/^no-store/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    ctrl.abort();
  });
});
