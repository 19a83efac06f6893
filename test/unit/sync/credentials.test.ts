import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_MARGIN_MS } from '../../../src/core/sync/token';
import { TOKEN_OVERLAP_MS, TOKEN_TTL_MS } from '../../../src/server/store/tokens';
import { type TestCore } from '../../support/core';
import { type TestServer, testServer } from '../server/helpers';
import { advocateIdOf, signedInCore } from './helpers';

describe("the app's credentials", () => {
  let s: TestServer;
  let core: TestCore | undefined;
  beforeEach(async () => {
    s = await testServer();
  });
  afterEach(async () => {
    await core?.close();
    core = undefined;
    await s.close();
  });

  const invite = async (brandId: string, email: string) =>
    (await s.store.invite(brandId, { email, skills: [], tier: 1 }, s.clock.t)).inviteCode;
  const token = () => core!.services.secrets.get('device-token')!;

  it('refreshes the device token before it expires, without the advocate doing anything', async () => {
    core = await signedInCore(s.url, await invite(s.brandId, 'ana@example.com'), {
      now: s.clock.now,
    });
    const first = token();
    s.clock.advance(TOKEN_TTL_MS - REFRESH_MARGIN_MS + 1);
    expect((await core.handlers['sync:now'](undefined)).state).toBe('online');
    const second = token();
    expect(second).not.toBe(first);
    // The old one lives on only for the overlap; the app keeps working on the new one.
    s.clock.advance(TOKEN_OVERLAP_MS);
    expect((await s.call('GET', '/v1/me', { token: first })).status).toBe(401);
    expect((await s.call('GET', '/v1/me', { token: second })).status).toBe(200);
    // Past the old token's whole life too: still signed in.
    s.clock.advance(TOKEN_TTL_MS - REFRESH_MARGIN_MS);
    expect((await core.handlers['sync:now'](undefined)).state).toBe('online');
    expect(token()).not.toBe(second);
  });

  it('accepts a second brand from the signed-in app into the same identity, keeping local data', async () => {
    core = await signedInCore(s.url, await invite(s.brandId, 'ana@example.com'));
    const before = advocateIdOf(core);
    const other = await s.store.createBrand({ name: 'Second Brand', currency: 'EUR' }, s.clock.t);
    const status = await core.handlers['session:connect']({
      serverUrl: s.url,
      inviteCode: await invite(other.brand.id, 'ana@example.com'),
    });
    expect(status.state).toBe('signed_in');
    expect(advocateIdOf(core)).toBe(before);
    const me = await s.call('GET', '/v1/me', { token: token() });
    expect(me.body.brands.map((b: { id: string }) => b.id).sort()).toEqual(
      [s.brandId, other.brand.id].sort(),
    );
  });

  it('refuses a non-loopback http:// server before sending anything', async () => {
    core = await signedInCore(s.url, await invite(s.brandId, 'ana@example.com'));
    await expect(
      core.handlers['session:connect']({
        serverUrl: 'http://feed.example.com',
        inviteCode: 'ABCD-EFGH-JKMN',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/https/) });
  });
});
