import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { key, syncAll, task, type TestServer, testServer } from './helpers';

/** The attacks of docs/threat-model.md, one by one, through the HTTP API. */
describe('tenancy', () => {
  let s: TestServer;
  let brandB: { id: string; key: string };
  beforeEach(async () => {
    s = await testServer();
    const b = await s.store.createBrand({ name: 'Brand B', currency: 'EUR' }, s.clock.t);
    brandB = { id: b.brand.id, key: b.adminKey };
    expect((await s.pushTasks([task(1, { skills: [] })])).status).toBe(200);
  });
  afterEach(() => s.close());

  const invite = async (adminKey: string, email: string) => {
    const r = await s.call('POST', '/v1/admin/advocates', {
      token: adminKey,
      body: { email, tier: 2 },
    });
    expect(r.status).toBe(201);
    return r.body as { advocateId: string; inviteCode: string };
  };
  const redeem = async (code: string) => {
    const r = await s.call('POST', '/v1/auth/redeem', { body: { code, deviceName: 'laptop' } });
    expect(r.status).toBe(201);
    return r.body as { token: string; advocate: { id: string }; brands: { id: string }[] };
  };
  const brandsOf = async (token: string) =>
    ((await s.call('GET', '/v1/me', { token })).body as { brands: { id: string }[] }).brands.map(
      (b) => b.id,
    );
  const taskOfA = async (token: string) =>
    (await syncAll(s, token)).changes.find((c) => c.kind === 'task').task.id as string;
  const claim = async (token: string, taskId: string) =>
    (
      await s.call('POST', '/v1/actions', {
        token,
        body: { actions: [{ key: key(), type: 'claim', taskId }] },
      })
    ).body.results[0];

  it("brand B inviting brand A's advocate's e-mail gets a new identity that reads and claims nothing of A", async () => {
    const a = await redeem((await invite(s.adminKey, 'ana@example.com')).inviteCode);
    const taskId = await taskOfA(a.token);

    const offer = await invite(brandB.key, 'ana@example.com');
    expect(offer.advocateId).not.toBe(a.advocate.id);
    const stolen = await redeem(offer.inviteCode);
    expect(stolen.advocate.id).not.toBe(a.advocate.id);
    expect(stolen.brands.map((b) => b.id)).toEqual([brandB.id]);
    const seen = (await syncAll(s, stolen.token)).changes;
    expect(seen.some((c) => JSON.stringify(c).includes(s.brandId))).toBe(false);
    expect(await claim(stolen.token, taskId)).toMatchObject({
      status: 'rejected',
      message: 'no such task',
    });
    expect(
      (
        await s.call('POST', `/v1/admin/advocates/${a.advocate.id}/revoke-tokens`, {
          token: brandB.key,
        })
      ).status,
    ).toBe(404);
    expect(await brandsOf(a.token)).toEqual([s.brandId]);
  });

  it('a signed-in device accepts a second brand; that brand re-inviting and redeeming gets only itself', async () => {
    const a = await redeem((await invite(s.adminKey, 'ana@example.com')).inviteCode);
    const taskId = await taskOfA(a.token);
    const offer = await invite(brandB.key, 'ana@example.com');
    const accepted = await s.call('POST', '/v1/auth/accept', {
      token: a.token,
      body: { code: offer.inviteCode },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.advocate.id).toBe(a.advocate.id);
    expect((await brandsOf(a.token)).sort()).toEqual([s.brandId, brandB.id].sort());
    // Brand B still finds the member under the id its invite answered.
    const patched = await s.call('PATCH', `/v1/admin/advocates/${offer.advocateId}`, {
      token: brandB.key,
      body: { tier: 1 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.id).toBe(a.advocate.id);

    // Brand B's admin re-invites its member and redeems the code itself: same identity, B only.
    const again = await invite(brandB.key, 'ana@example.com');
    expect(again.advocateId).toBe(a.advocate.id);
    const hostile = await redeem(again.inviteCode);
    expect(hostile.advocate.id).toBe(a.advocate.id);
    expect(await brandsOf(hostile.token)).toEqual([brandB.id]);
    const seen = (await syncAll(s, hostile.token)).changes;
    expect(seen.some((c) => JSON.stringify(c).includes(s.brandId))).toBe(false);
    expect(await claim(hostile.token, taskId)).toMatchObject({ status: 'rejected' });

    // Brand B revokes: its own access goes, brand A's stays.
    const revoked = await s.call('POST', `/v1/admin/advocates/${a.advocate.id}/revoke-tokens`, {
      token: brandB.key,
    });
    expect(revoked.status).toBe(200);
    expect(await brandsOf(a.token)).toEqual([s.brandId]);
    expect((await s.call('GET', '/v1/me', { token: hostile.token })).status).toBe(401);
    expect(await claim(a.token, taskId)).toMatchObject({ status: 'applied' });
  });

  it('an invite whose identity already signed in cannot be folded into another identity', async () => {
    const offer = await invite(brandB.key, 'ben@example.com');
    await redeem((await invite(brandB.key, 'ben@example.com')).inviteCode);
    const a = await redeem((await invite(s.adminKey, 'ana@example.com')).inviteCode);
    const r = await s.call('POST', '/v1/auth/accept', {
      token: a.token,
      body: { code: offer.inviteCode },
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('conflict');
    expect(await brandsOf(a.token)).toEqual([s.brandId]);
  });

  it('suspension by one brand leaves the same advocate working for another', async () => {
    const a = await redeem((await invite(s.adminKey, 'ana@example.com')).inviteCode);
    const taskId = await taskOfA(a.token);
    const offer = await invite(brandB.key, 'ana@example.com');
    await s.call('POST', '/v1/auth/accept', { token: a.token, body: { code: offer.inviteCode } });
    const r = await s.call('PATCH', `/v1/admin/advocates/${a.advocate.id}`, {
      token: brandB.key,
      body: { suspended: true },
    });
    expect(r.status).toBe(200);
    expect(await claim(a.token, taskId)).toMatchObject({ status: 'applied' });
  });
});
