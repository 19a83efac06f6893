/**
 * Issue 20 on the feed server: the brand's tier ladder, the advocate's exact progress, promotion
 * suggestions with evidence, approve and decline (audited), and a demotion that purges what the
 * advocate may no longer see. Runs on SQLite here and on PostgreSQL in test/pg/server.test.ts.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { key, syncAll, task, type TestServer, testServer } from './helpers';

let s: TestServer;
beforeEach(async () => {
  // Yields between a write's last statement and its commit (what a networked database does), so
  // concurrent decisions interleave on SQLite too.
  s = await testServer({ storeOptions: { interleave: () => yieldToLoop() } });
});
afterEach(async () => {
  await s.close();
});

const admin = (method: string, path: string, body?: unknown, token = s.adminKey) =>
  s.call(method, path, { token, body });

const ladder = {
  rungs: [
    { tier: 1, minResolved: 3, minRating: 4.5, ratingWindow: 5, unlocks: ['Order history'] },
    {
      tier: 2,
      minResolved: 6,
      maxReopenRatePercent: 10,
      certifications: ['billing'],
      unlocks: ['Customer e-mail', 'Refund proposal (staff approve)'],
    },
  ],
};

/** Pushes, claims and resolves `n` tasks as `token`, rating each with `score`. */
async function resolveCases(token: string, from: number, n: number, score: number) {
  const refs = Array.from({ length: n }, (_, i) => from + i);
  expect((await s.pushTasks(refs.map((r) => task(r)))).status).toBe(200);
  const { tasks } = await s.store.console.listTasks(s.brandId, { limit: 500, offset: 0 });
  for (const r of refs) {
    const id = tasks.find((t) => t.externalRef === `T-${r}`)!.id;
    for (const type of ['claim', 'resolve']) {
      const res = await s.call('POST', '/v1/actions', {
        token,
        body: { actions: [{ key: key(), type, taskId: id }] },
      });
      expect(res.body.results[0].status, JSON.stringify(res.body)).toBe('applied');
    }
  }
  const rated = await admin(
    'POST',
    '/v1/admin/ratings',
    refs.map((r) => ({ externalRef: `T-${r}`, score })),
  );
  expect(rated.status).toBe(200);
}

describe('tier ladder', () => {
  it('is set per brand; a bad rung is refused naming its field, and nothing changes', async () => {
    expect((await admin('GET', '/v1/admin/ladder')).body).toEqual({ rungs: [] });
    const bad = await admin('PUT', '/v1/admin/ladder', {
      rungs: [ladder.rungs[0], { ...ladder.rungs[0], minRating: 4.55 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_input');
    expect(JSON.stringify(bad.body.error.issues)).toMatch(/rungs\.1\.(minRating|tier)/);
    expect((await admin('GET', '/v1/admin/ladder')).body).toEqual({ rungs: [] });
    const put = await admin('PUT', '/v1/admin/ladder', ladder);
    expect(put.status).toBe(200);
    expect(put.body.rungs[0]).toMatchObject({ tier: 1, minRating: 4.5, ratingWindow: 5 });
    expect(put.body.rungs[1]).toMatchObject({ tier: 2, maxReopenRatePercent: 10 });
    // Another brand's admin sees its own (empty) ladder.
    const other = await s.store.createBrand({ name: 'Other', currency: 'EUR' }, s.clock.t);
    expect((await admin('GET', '/v1/admin/ladder', undefined, other.adminKey)).body).toEqual({
      rungs: [],
    });
  });

  it('tells the advocate its tier, exact progress to the next and what that unlocks', async () => {
    await admin('PUT', '/v1/admin/ladder', ladder);
    const a = await s.advocate({ tier: 0 });
    await resolveCases(a.token, 1, 2, 5);
    const r = await s.call('GET', '/v1/ladder', { token: a.token });
    expect(r.status).toBe(200);
    expect(r.body.brands).toEqual([
      {
        brandId: s.brandId,
        tier: 0,
        next: {
          tier: 1,
          criteria: [
            { kind: 'resolved', have: 2, need: 3, met: false },
            { kind: 'rating', haveTenths: 50, needTenths: 45, rated: 2, window: 5, met: true },
            { kind: 'tenure', haveDays: 0, needDays: 0, met: true },
          ],
          unlocks: ['Order history'],
        },
        unlocked: [],
        atRisk: [],
        evaluatedAt: s.clock.t,
      },
    ]);
    // Admin keys are not advocate tokens.
    expect((await s.call('GET', '/v1/ladder', { token: s.adminKey })).status).toBe(403);
  });

  it('suggests a promotion with its evidence; approving it changes the tier, once, and is audited', async () => {
    await admin('PUT', '/v1/admin/ladder', ladder);
    const a = await s.advocate({ tier: 0 });
    await resolveCases(a.token, 1, 3, 5);
    const list = await admin('GET', '/v1/admin/promotions');
    expect(list.body.suggestions).toEqual([
      {
        advocateId: a.id,
        handle: a.handle,
        kind: 'promote',
        fromTier: 0,
        toTier: 1,
        evidence: [
          { kind: 'resolved', have: 3, need: 3, met: true },
          { kind: 'rating', haveTenths: 50, needTenths: 45, rated: 3, window: 5, met: true },
          { kind: 'tenure', haveDays: 0, needDays: 0, met: true },
        ],
      },
    ]);
    // A decision for a move the ladder does not suggest is refused and changes nothing.
    const wrong = await admin('POST', `/v1/admin/promotions/${a.id}/approve`, { toTier: 2 });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.message).toMatch(/suggests tier 1/);
    const ok = await admin('POST', `/v1/admin/promotions/${a.id}/approve`, { toTier: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      advocateId: a.id,
      fromTier: 0,
      toTier: 1,
      decision: 'approved',
    });
    expect(ok.body.decidedBy).toMatch(/^API key /);
    const me = await s.call('GET', '/v1/me', { token: a.token });
    expect(me.body.brands[0].tier).toBe(1);
    const again = await admin('POST', `/v1/admin/promotions/${a.id}/approve`, { toTier: 1 });
    expect(again.status).toBe(409);
    const after = await admin('GET', '/v1/admin/promotions');
    expect(after.body.suggestions).toEqual([]);
    expect(after.body.decisions).toHaveLength(1);
    const audit = await s.store.console.listAudit(s.brandId, undefined, 100);
    expect(audit.map((e) => e.action)).toContain('POST /v1/admin/promotions/:id/approve');
    // The advocate now sees the rung above.
    const standing = await s.call('GET', '/v1/ladder', { token: a.token });
    expect(standing.body.brands[0]).toMatchObject({
      tier: 1,
      unlocked: ['Order history'],
      next: { tier: 2, unlocks: ['Customer e-mail', 'Refund proposal (staff approve)'] },
    });
  });

  it('a decline hides the suggestion for a week and keeps the tier', async () => {
    await admin('PUT', '/v1/admin/ladder', ladder);
    const a = await s.advocate({ tier: 0 });
    await resolveCases(a.token, 1, 3, 5);
    const no = await admin('POST', `/v1/admin/promotions/${a.id}/decline`, { toTier: 1 });
    expect(no.status).toBe(200);
    expect(no.body.decision).toBe('declined');
    const audit = await s.store.console.listAudit(s.brandId, undefined, 100);
    expect(audit.map((e) => e.action)).toContain('POST /v1/admin/promotions/:id/decline');
    expect((await admin('GET', '/v1/admin/promotions')).body.suggestions).toEqual([]);
    expect((await s.call('GET', '/v1/me', { token: a.token })).body.brands[0].tier).toBe(0);
    s.clock.advance(7 * 86_400_000 + 1);
    expect((await admin('GET', '/v1/admin/promotions')).body.suggestions).toHaveLength(1);
  });

  it('a declined move is decided once; approving it again needs "reconsider"', async () => {
    await admin('PUT', '/v1/admin/ladder', ladder);
    const a = await s.advocate({ tier: 0 });
    await resolveCases(a.token, 1, 3, 5);
    expect(
      (await admin('POST', `/v1/admin/promotions/${a.id}/decline`, { toTier: 1 })).status,
    ).toBe(200);
    const twice = await admin('POST', `/v1/admin/promotions/${a.id}/decline`, { toTier: 1 });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'conflict', message: /declined this move at/ });
    const plain = await admin('POST', `/v1/admin/promotions/${a.id}/approve`, { toTier: 1 });
    expect(plain.status).toBe(409);
    expect(plain.body.error.message).toMatch(/reconsider/);
    expect((await s.call('GET', '/v1/me', { token: a.token })).body.brands[0].tier).toBe(0);
    s.clock.advance(60_000);
    const changed = await admin('POST', `/v1/admin/promotions/${a.id}/approve`, {
      toTier: 1,
      reconsider: true,
    });
    expect(changed.status).toBe(200);
    expect((await s.call('GET', '/v1/me', { token: a.token })).body.brands[0].tier).toBe(1);
    expect(
      (await admin('GET', '/v1/admin/promotions')).body.decisions.map(
        (d: { decision: string }) => d.decision,
      ),
    ).toEqual(['approved', 'declined']);
  });

  it('of many admins deciding one suggestion at once, one decision and one tier change win', async () => {
    await admin('PUT', '/v1/admin/ladder', ladder);
    // The server tells admins apart only by the label it records: one key stands for them all.
    for (const [n, [round, verbs]] of (
      [
        ['approvals', ['approve', 'approve']],
        ['mixed', ['approve', 'decline']],
        ['declines', ['decline', 'decline']],
      ] as const
    ).entries()) {
      const a = await s.advocate({ tier: 0 });
      await resolveCases(a.token, 100 * (n + 1), 3, 5);
      // Warm one keep-alive connection per request, so that they arrive as one burst; the
      // store is called in the same tick too, as requests that overlap exactly would.
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          admin('POST', `/v1/admin/promotions/adv_missing${i}/approve`, { toTier: 1 }),
        ),
      );
      const decision = (i: number) => (verbs[i % 2] === 'approve' ? 'approved' : 'declined');
      const [overHttp, direct] = await Promise.all([
        Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            admin('POST', `/v1/admin/promotions/${a.id}/${verbs[i % 2]}`, { toTier: 1 }),
          ),
        ),
        Promise.allSettled(
          Array.from({ length: 8 }, (_, i) =>
            s.store.trust.decidePromotion(
              s.brandId,
              a.id,
              { toTier: 1 },
              decision(i),
              `admin ${i}`,
              s.clock.t,
            ),
          ),
        ),
      ]);
      const replies = [
        ...overHttp,
        ...direct.map((r) =>
          r.status === 'fulfilled'
            ? { status: 200, body: r.value }
            : { status: 409, body: { error: { code: r.reason.code, message: r.reason.message } } },
        ),
      ];
      const won = replies.filter((r) => r.status === 200);
      expect(won, round).toHaveLength(1);
      for (const r of replies.filter((x) => x.status !== 200)) {
        expect(r.status, round).toBe(409);
        expect(r.body.error.code).toBe('conflict');
        expect(r.body.error.message).toMatch(/suggests no tier change|declined this move/);
      }
      const mine = (await admin('GET', '/v1/admin/promotions')).body.decisions.filter(
        (d: { advocateId: string }) => d.advocateId === a.id,
      );
      expect(mine, round).toHaveLength(1);
      expect(mine[0].id).toBe(won[0]!.body.id);
      const tier = (await s.call('GET', '/v1/me', { token: a.token })).body.brands[0].tier;
      expect(tier).toBe(won[0]!.body.decision === 'approved' ? 1 : 0);
      // One audited change at most (none when a direct store call won): refusals change nothing.
      const audit = await s.store.console.listAudit(s.brandId, undefined, 500);
      expect(
        audit.filter(
          (e) =>
            e.action.startsWith('POST /v1/admin/promotions/') &&
            (e.detail as { params: { id: string } }).params.id === a.id,
        ),
      ).toHaveLength(overHttp.includes(won[0] as never) ? 1 : 0);
    }
  });

  it('another brand cannot see, approve or decline this brand’s advocates', async () => {
    await admin('PUT', '/v1/admin/ladder', ladder);
    const a = await s.advocate({ tier: 0 });
    await resolveCases(a.token, 1, 3, 5);
    const other = await s.store.createBrand({ name: 'Other', currency: 'EUR' }, s.clock.t);
    await admin('PUT', '/v1/admin/ladder', ladder, other.adminKey);
    expect(
      (await admin('GET', '/v1/admin/promotions', undefined, other.adminKey)).body.suggestions,
    ).toEqual([]);
    for (const verb of ['approve', 'decline']) {
      const r = await admin(
        'POST',
        `/v1/admin/promotions/${a.id}/${verb}`,
        { toTier: 1 },
        other.adminKey,
      );
      expect(r.status).toBe(404);
    }
    expect((await admin('GET', '/v1/admin/promotions')).body.suggestions).toHaveLength(1);
  });

  it('a demotion purges what the lower tier may not see: claims reopen, tier-2 tasks are revoked', async () => {
    const a = await s.advocate({ tier: 2 });
    await s.pushTasks([task(50, { minTier: 2, subject: 'VIP order 50' })]);
    const { tasks } = await s.store.console.listTasks(s.brandId, { limit: 50, offset: 0 });
    const vip = tasks.find((t) => t.externalRef === 'T-50')!.id;
    const claim = await s.call('POST', '/v1/actions', {
      token: a.token,
      body: { actions: [{ key: key(), type: 'claim', taskId: vip }] },
    });
    expect(claim.body.results[0].status).toBe('applied');
    const { cursor } = await syncAll(s, a.token);
    // Tier 2 asks for a certification this advocate lacks: the ladder suggests tier 1.
    await admin('PUT', '/v1/admin/ladder', {
      rungs: [
        { tier: 1, minResolved: 0 },
        { tier: 2, minResolved: 0, certifications: ['billing'] },
      ],
    });
    const list = await admin('GET', '/v1/admin/promotions');
    expect(list.body.suggestions).toMatchObject([
      {
        advocateId: a.id,
        kind: 'demote',
        fromTier: 2,
        toTier: 1,
        evidence: expect.arrayContaining([{ kind: 'certification', skill: 'billing', met: false }]),
      },
    ]);
    const ok = await admin('POST', `/v1/admin/promotions/${a.id}/approve`, { toTier: 1 });
    expect(ok.status).toBe(200);
    const { changes } = await syncAll(s, a.token, cursor);
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'revoke', taskId: vip, brandId: s.brandId }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        kind: 'membership',
        membership: expect.objectContaining({ tier: 1 }),
      }),
    );
    const row = (await s.store.console.listTasks(s.brandId, { limit: 50, offset: 0 })).tasks.find(
      (t) => t.id === vip,
    )!;
    expect(row.status).toBe('open');
    // Once certified, tier 2 is suggested again.
    await s.store.trust.certify(s.brandId, a.id, 'billing', s.clock.t);
    expect((await admin('GET', '/v1/admin/promotions')).body.suggestions).toMatchObject([
      { advocateId: a.id, kind: 'promote', fromTier: 1, toTier: 2 },
    ]);
  });
});

describe('gigdesk-admin ladder and promotion commands', () => {
  it('sets the ladder from a file, lists the suggestion and approves it', async () => {
    const { execFile } = await import('node:child_process');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const cli = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', 'src/server/cli/admin.ts', ...args],
          { env: { ...process.env, GIGDESK_URL: s.url, GIGDESK_ADMIN_KEY: s.adminKey } },
          (err, stdout, stderr) =>
            resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      });
    const file = join(s.dir, 'ladder.json');
    writeFileSync(file, JSON.stringify({ rungs: [{ tier: 1, minResolved: 0 }] }));
    expect((await cli(['ladder', 'set', file])).code).toBe(0);
    const a = await s.advocate({ tier: 0 });
    const list = await cli(['promotions']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).suggestions).toMatchObject([{ advocateId: a.id, toTier: 1 }]);
    const missing = await cli(['promotion', 'approve', a.id]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--tier N is required/);
    const ok = await cli(['promotion', 'approve', a.id, '--tier', '1']);
    expect(ok.code, ok.stderr).toBe(0);
    expect((await s.call('GET', '/v1/me', { token: a.token })).body.brands[0].tier).toBe(1);
  }, 120_000);
});
