/**
 * Console accounts and sessions: argon2id passwords, one-time invite links stored hashed, an
 * HttpOnly SameSite=Strict cookie, a new session id at every sign-in (no fixation), sign-out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from '../helpers';
import { Browser, dumpDb, PASSWORD, signIn } from './harness';

describe('console sessions', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ signInLimitPerMinute: 10_000 });
  });
  afterAll(() => s.close());

  it('an invite link works once, stores only hashes, and sets an HttpOnly SameSite=Strict cookie', async () => {
    const inv = await s.store.console.inviteAccount(
      s.brandId,
      { email: 'Owner@Brand.example', role: 'owner' },
      s.clock.t,
    );
    const b = new Browser(s);
    const res = await fetch(`${s.url}/v1/console/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: inv.token, password: PASSWORD }),
    });
    expect(res.status).toBe(201);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gigdesk_console='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    const sid = cookie.split(';')[0]!.split('=')[1]!;
    const body = (await res.json()) as { account: { email: string; role: string } };
    expect(body.account).toMatchObject({ email: 'owner@brand.example', role: 'owner' });

    const again = await b.call('POST', '/v1/console/accept', {
      body: { token: inv.token, password: PASSWORD },
    });
    expect(again.status).toBe(401);
    expect(again.body.error.message).toMatch(/already used/);

    const dump = JSON.stringify(await dumpDb(s.db));
    expect(dump).not.toContain(inv.token);
    expect(dump).not.toContain(sid);
    expect(dump).not.toContain(PASSWORD);
    expect(dump).toContain('$argon2id$');
  });

  it('refuses a wrong password and an unknown address alike', async () => {
    await signIn(s, s.brandId, 'admin', 'known@brand.example');
    const b = new Browser(s);
    const wrong = await b.call('POST', '/v1/console/login', {
      body: { email: 'known@brand.example', password: 'not the password' },
    });
    const unknown = await b.call('POST', '/v1/console/login', {
      body: { email: 'nobody@brand.example', password: PASSWORD },
    });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    expect(b.cookie).toBeUndefined();
  });

  it('a session id planted before sign-in is never the signed-in one (fixation)', async () => {
    await signIn(s, s.brandId, 'admin', 'victim@brand.example');
    // The attacker holds a real session of their own and plants its cookie in the victim's browser.
    const attacker = await signIn(s, s.brandId, 'analyst', 'attacker@brand.example');
    const planted = attacker.cookie!;
    const victim = new Browser(s);
    victim.cookie = planted;
    const login = await victim.call('POST', '/v1/console/login', {
      body: { email: 'victim@brand.example', password: PASSWORD },
    });
    expect(login.status).toBe(200);
    expect(victim.cookie).toBeDefined();
    expect(victim.cookie).not.toBe(planted);
    // The planted id neither became the victim's session nor still works for the attacker.
    const withPlanted = await attacker.call('GET', '/v1/console/session');
    expect(withPlanted.status).toBe(401);
    const mine = await victim.call('GET', '/v1/console/session');
    expect(mine.body.account.email).toBe('victim@brand.example');

    // A made-up cookie value is just as useless.
    const forged = new Browser(s);
    forged.cookie = 'gigdesk_console=gds_chosen-by-the-attacker';
    await forged.call('POST', '/v1/console/login', {
      body: { email: 'victim@brand.example', password: PASSWORD },
    });
    expect(forged.cookie).not.toBe('gigdesk_console=gds_chosen-by-the-attacker');
    const stolen = new Browser(s);
    stolen.cookie = 'gigdesk_console=gds_chosen-by-the-attacker';
    expect((await stolen.call('GET', '/v1/console/session')).status).toBe(401);
  });

  it('signing out ends the session on the server, not only in the browser', async () => {
    const b = await signIn(s, s.brandId, 'admin');
    const kept = b.cookie!;
    expect((await b.call('POST', '/v1/console/logout')).status).toBe(204);
    const replay = await b.call('GET', '/v1/admin/tasks', { cookie: kept });
    expect(replay.status).toBe(401);
  });

  it('disabling an account ends its sessions; the last owner cannot be demoted', async () => {
    const owner = await signIn(s, s.brandId, 'owner', 'sole-owner@other.example');
    const admin = await signIn(s, s.brandId, 'admin');
    const off = await owner.call('PATCH', `/v1/admin/accounts/${admin.accountId}`, {
      body: { disabled: true },
    });
    expect(off.status).toBe(200);
    expect((await admin.call('GET', '/v1/admin/tasks')).status).toBe(401);
    // Other owners exist in this brand from the tests above; demote them all but one first.
    const { accounts } = (await owner.call('GET', '/v1/admin/accounts')).body as {
      accounts: { id: string; role: string; active: boolean; disabled: boolean }[];
    };
    for (const a of accounts.filter(
      (x) => x.role === 'owner' && x.id !== owner.accountId && !x.disabled,
    ))
      await owner.call('PATCH', `/v1/admin/accounts/${a.id}`, { body: { disabled: true } });
    const demote = await owner.call('PATCH', `/v1/admin/accounts/${owner.accountId}`, {
      body: { role: 'admin' },
    });
    expect(demote.status).toBe(409);
  });

  it('an owner invites by link; the link signs the new account in', async () => {
    const owner = await signIn(s, s.brandId, 'owner');
    const r = await owner.call('POST', '/v1/admin/accounts', {
      body: { email: 'new-analyst@brand.example', role: 'analyst' },
    });
    expect(r.status).toBe(201);
    expect(r.body.inviteUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/console\/#\/accept\?token=gda_/);
    const token = decodeURIComponent(r.body.inviteUrl.split('token=')[1]);
    const b = new Browser(s);
    const accepted = await b.call('POST', '/v1/console/accept', {
      body: { token, password: 'another long password' },
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.account).toMatchObject({ role: 'analyst', active: true });
    const short = await new Browser(s).call('POST', '/v1/console/accept', {
      body: { token: 'gda_whatever-whatever', password: 'short' },
    });
    expect(short.status).toBe(400);
  });

  it('limits sign-in attempts per address', async () => {
    const limited = await testServer({ signInLimitPerMinute: 3 });
    try {
      const b = new Browser(limited);
      const tries = [];
      for (let i = 0; i < 4; i++)
        tries.push(
          (
            await b.call('POST', '/v1/console/login', {
              body: { email: 'guess@brand.example', password: `guess ${i}` },
            })
          ).status,
        );
      expect(tries).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
