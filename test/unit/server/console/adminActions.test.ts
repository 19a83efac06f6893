/**
 * The console's admin actions through the API: tasks listed, withdrawn and closed; the
 * escalation queue acknowledged and closed (the escalating advocate hears the outcome); payout
 * runs pending → confirmed → paid as new rows (the advocate's app sees each status); statements
 * and CSV; identical payout rules make no version; ratings re-posted change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTasks, outcomeFor } from '../../../../src/server/store/views';
import { ownKysely } from '../../../support/ownKysely';
import { parseCsv } from '../../../../src/shared/domain/csv';
import { rules, syncAll, type TestServer } from '../helpers';
import { type BrandWorld, dumpDb, signIn, twoBrands } from './harness';

describe('console admin actions', () => {
  let s: TestServer;
  let A: BrandWorld;
  let owner: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    ({ s, A } = await twoBrands());
    owner = await signIn(s, A.brandId, 'owner');
  });
  afterAll(() => s.close());

  it('lists and filters tasks, and withdraws or closes them out of every advocate’s view', async () => {
    const all = await owner.call('GET', '/v1/admin/tasks');
    expect(all.body.total).toBe(5);
    const esc = await owner.call('GET', '/v1/admin/tasks?status=escalated');
    expect(esc.body.tasks.map((t: { externalRef: string }) => t.externalRef).sort()).toEqual([
      'T-4',
      'T-5',
    ]);
    const q = await owner.call('GET', '/v1/admin/tasks?q=subject%203');
    expect(q.body.tasks.map((t: { externalRef: string }) => t.externalRef)).toEqual(['T-3']);
    expect((await owner.call('GET', '/v1/admin/tasks?status=bogus')).status).toBe(400);

    const { cursor } = await syncAll(s, A.advocateToken);
    const w = await owner.call('POST', `/v1/admin/tasks/${A.tasks['T-1']}/withdraw`, { body: {} });
    expect(w.body.status).toBe('withdrawn');
    // T-2 is claimed: it cannot be withdrawn, but it can be closed from under its holder.
    const w2 = await owner.call('POST', `/v1/admin/tasks/${A.tasks['T-2']}/withdraw`, { body: {} });
    expect(w2.status).toBe(409);
    const c = await owner.call('POST', `/v1/admin/tasks/${A.tasks['T-2']}/close`, { body: {} });
    expect(c.body).toMatchObject({ status: 'closed', holderId: null });
    const escClose = await owner.call('POST', `/v1/admin/tasks/${A.tasks['T-4']}/close`, {
      body: {},
    });
    expect(escClose.status).toBe(409);
    expect(escClose.body.error.message).toMatch(/escalation queue/);

    const after = (await syncAll(s, A.advocateToken, cursor)).changes;
    const revoked = after.filter((ch) => ch.kind === 'revoke').map((ch) => ch.taskId);
    expect(revoked).toEqual(expect.arrayContaining([A.tasks['T-1'], A.tasks['T-2']]));
    expect(after.filter((ch) => ch.kind === 'task').map((ch) => ch.task.id)).not.toContain(
      A.tasks['T-2'],
    );
  });

  it('works the escalation queue; the outcome reaches the advocate who escalated', async () => {
    const queue = await owner.call('GET', '/v1/admin/escalation-queue');
    expect(queue.body.escalations.map((e: { state: string }) => e.state)).toEqual(['new', 'new']);
    const { cursor } = await syncAll(s, A.advocateToken);
    const t4 = A.tasks['T-4']!;
    const ack = await owner.call('POST', `/v1/admin/escalations/${t4}/acknowledge`);
    expect(ack.body.state).toBe('acknowledged');
    const ackAgain = await owner.call('POST', `/v1/admin/escalations/${t4}/acknowledge`);
    expect(ackAgain.body.acknowledgedAt).toBe(ack.body.acknowledgedAt);
    const closed = await owner.call('POST', `/v1/admin/escalations/${t4}/close`, {
      body: { outcome: 'refunded', note: 'Refunded the order.' },
    });
    expect(closed.body).toMatchObject({ state: 'closed', outcome: 'refunded' });
    const twice = await owner.call('POST', `/v1/admin/escalations/${t4}/close`, {
      body: { outcome: 'resolved' },
    });
    expect(twice.status).toBe(409);
    expect(
      (await owner.call('GET', '/v1/admin/escalation-queue?state=new')).body.escalations,
    ).toHaveLength(1);

    const changes = (await syncAll(s, A.advocateToken, cursor)).changes;
    const seen = changes.filter((ch) => ch.kind === 'task' && ch.task.id === t4);
    expect(seen).toHaveLength(1);
    expect(seen[0].task.status).toBe('escalated');
    expect(seen[0].task.messages.at(-1)).toMatchObject({
      author: 'system',
      kind: 'note',
      body: 'Escalation closed: resolved with a refund. Refunded the order.',
    });
    // The outcome as codes for the app to word: no note, no name (tier 0 reads it as it is).
    expect(seen[0].task.escalationOutcome).toEqual({
      outcome: 'refunded',
      closedAt: closed.body.closedAt,
      rating: null,
    });
    const t5 = changes.find((ch) => ch.kind === 'task' && ch.task.id === A.tasks['T-5']);
    expect(t5?.task.escalationOutcome).toBeUndefined();
  });

  it('tells only the advocate who escalated, with the case’s rating once there is one', async () => {
    const t4 = A.tasks['T-4']!;
    const own = ownKysely(s.db);
    const kdb = own.kdb;
    try {
      await kdb
        .insertInto('ratings')
        .values({
          task_id: t4,
          brand_id: A.brandId,
          advocate_id: A.advocateId,
          score: 4,
          comment: null,
          tip_minor: null,
          rated_at: s.clock.t,
        })
        .execute();
      const loaded = (await loadTasks(kdb, own.dialect, [t4, A.tasks['T-5']!])).get(t4)!;
      const escalator = { advocateId: A.advocateId, tier: 0, suspended: false };
      expect(outcomeFor(loaded, escalator)).toMatchObject({ outcome: 'refunded', rating: 4 });
      expect(outcomeFor(loaded, { ...escalator, advocateId: 'someone-else' })).toBeUndefined();
    } finally {
      // The later tests count the brand's ratings: this one was only for this read.
      await kdb.deleteFrom('ratings').where('task_id', '=', t4).execute();
      await own.close();
    }
  });

  it('runs payouts pending → confirmed → paid as new rows; the app sees each status', async () => {
    const ledgerBefore = (await dumpDb(s.db)).ledger;
    const { cursor } = await syncAll(s, A.advocateToken);
    const paidEarly = await owner.call('POST', '/v1/admin/payouts/runs', { body: { to: 'paid' } });
    expect(paidEarly.body).toMatchObject({ runId: null, entries: 0 });

    const confirm = await owner.call('POST', '/v1/admin/payouts/runs', {
      body: { to: 'confirmed' },
    });
    expect(confirm.status).toBe(201);
    // T-3 resolved (complexity 2: 200) and T-4, T-5 escalated (half: 100 each).
    expect(confirm.body).toMatchObject({ entries: 3, totalMinor: 400, currency: 'EUR' });
    const again = await owner.call('POST', '/v1/admin/payouts/runs', { body: { to: 'confirmed' } });
    expect(again.body.entries).toBe(0);
    let changes = (await syncAll(s, A.advocateToken, cursor)).changes;
    expect(changes.filter((c) => c.kind === 'ledger').map((c) => c.entry.status)).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
    ]);

    const pay = await owner.call('POST', '/v1/admin/payouts/runs', { body: { to: 'paid' } });
    expect(pay.body).toMatchObject({ entries: 3, totalMinor: 400 });
    changes = (await syncAll(s, A.advocateToken)).changes;
    const latest = new Map(
      changes.filter((c) => c.kind === 'ledger').map((c) => [c.entry.id, c.entry.status]),
    );
    expect([...latest.values()]).toEqual(['paid', 'paid', 'paid']);
    // The ledger's own rows were never touched.
    expect((await dumpDb(s.db)).ledger).toEqual(ledgerBefore);

    const st = await owner.call('GET', `/v1/admin/payouts/statements?advocateId=${A.advocateId}`);
    expect(st.body.statements).toHaveLength(1);
    expect(st.body.statements[0]).toMatchObject({ paidMinor: 400, pendingMinor: 0 });
    const csv = await owner.call('GET', '/v1/admin/payouts/statements?format=csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsv(csv.body as string);
    expect(rows[0]).toContain('amount_minor');
    expect(
      rows
        .slice(1)
        .map((r) => r[6])
        .sort(),
    ).toEqual(['100', '100', '200']);
  });

  it('identical payout rules make no new version; versions differ by a diff', async () => {
    const v0 = (await owner.call('GET', '/v1/admin/payout-rules')).body.version;
    const same = await owner.call('PUT', '/v1/admin/payout-rules', { body: rules });
    expect(same.body.version).toBe(v0);
    const changed = { ...rules, ratingBonus: { ...rules.ratingBonus, '5': 250 } };
    const next = await owner.call('PUT', '/v1/admin/payout-rules', { body: changed });
    expect(next.body.version).toBe(v0 + 1);
    expect(
      (await owner.call('PUT', '/v1/admin/payout-rules', { body: changed })).body.version,
    ).toBe(v0 + 1);
    const versions = await owner.call('GET', '/v1/admin/payout-rules/versions');
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([v0 + 1, v0]);
    const diff = await owner.call('GET', `/v1/admin/payout-rules/diff?from=${v0}&to=${v0 + 1}`);
    expect(diff.body.changes).toEqual([{ path: 'ratingBonus.5', before: 100, after: 250 }]);
    expect((await owner.call('GET', '/v1/admin/payout-rules/diff?from=1&to=99')).status).toBe(404);
  });

  it('re-posting the same ratings file succeeds and changes nothing', async () => {
    const file = [{ externalRef: 'T-3', score: 4, comment: 'Quick and kind' }];
    const t3 = A.tasks['T-3'];
    const first = await owner.call('POST', '/v1/admin/ratings', { body: file });
    expect(first.body).toEqual({
      rated: 1,
      unchanged: 0,
      results: [{ index: 0, taskId: t3, result: 'rated' }],
    });
    const before = await dumpDb(s.db);
    const again = await owner.call('POST', '/v1/admin/ratings', { body: file });
    expect(again.body).toEqual({
      rated: 0,
      unchanged: 1,
      results: [{ index: 0, taskId: t3, result: 'unchanged' }],
    });
    const after = await dumpDb(s.db);
    expect({ ...after, audit_log: [] }).toEqual({ ...before, audit_log: [] });
    const different = await owner.call('POST', '/v1/admin/ratings', {
      body: [{ externalRef: 'T-3', score: 2 }],
    });
    expect(different.status).toBe(400);
    // Refused per item, with the reason; nothing of a refused file is applied.
    const mixed = await owner.call('POST', '/v1/admin/ratings', {
      body: [
        { externalRef: 'T-3', score: 4, comment: 'Quick and kind' },
        { externalRef: 'T-1', score: 5 },
      ],
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.issues).toEqual([
      {
        index: 1,
        path: 'externalRef',
        message: 'only resolved cases can be rated; this one is withdrawn',
      },
    ]);
    expect({ ...(await dumpDb(s.db)), audit_log: [] }).toEqual({ ...before, audit_log: [] });
  });

  it('shows per-advocate figures', async () => {
    const f = await owner.call('GET', `/v1/admin/advocates/${A.advocateId}/figures`);
    expect(f.body).toMatchObject({
      resolved: 1,
      escalated: 2,
      ratings: 1,
      csatMean: 4,
      currency: 'EUR',
    });
  });

  it('records the languages an advocate works in', async () => {
    const inv = await owner.call('POST', '/v1/admin/advocates', {
      body: { email: 'polyglot@example.com', languages: ['es', 'pt-BR'] },
    });
    expect(inv.status).toBe(201);
    const set = await owner.call('PATCH', `/v1/admin/advocates/${A.advocateId}`, {
      body: { languages: ['en', 'de'] },
    });
    expect(set.body.languages).toEqual(['en', 'de']);
    const list = (await owner.call('GET', '/v1/admin/advocates')).body.advocates as {
      id: string;
      languages: string[];
    }[];
    expect(list.find((a) => a.id === inv.body.advocateId)!.languages).toEqual(['es', 'pt-BR']);
    const bad = await owner.call('PATCH', `/v1/admin/advocates/${A.advocateId}`, {
      body: { languages: ['not a tag'] },
    });
    expect(bad.status).toBe(400);
    // Skills and languages together, as the console's editor sends them; the change is audited.
    const both = await owner.call('PATCH', `/v1/admin/advocates/${A.advocateId}`, {
      body: { skills: ['billing', 'returns'], languages: ['es'] },
    });
    expect(both.body).toMatchObject({ skills: ['billing', 'returns'], languages: ['es'] });
    const badSkill = await owner.call('PATCH', `/v1/admin/advocates/${A.advocateId}`, {
      body: { skills: ['billing', 'Returns!'], languages: ['de'] },
    });
    expect(badSkill.status).toBe(400);
    expect(badSkill.body.error.issues[0].path).toBe('body.skills.1');
    const now = (await owner.call('GET', '/v1/admin/advocates')).body.advocates.find(
      (a: { id: string }) => a.id === A.advocateId,
    );
    expect(now).toMatchObject({ skills: ['billing', 'returns'], languages: ['es'] });
    const analyst = await signIn(s, A.brandId, 'analyst');
    const refused = await analyst.call('PATCH', `/v1/admin/advocates/${A.advocateId}`, {
      body: { skills: ['x'] },
    });
    expect(refused.status).toBe(403);
    const audit = (await owner.call('GET', '/v1/admin/audit')).body.entries as {
      action: string;
      detail: { params: { id: string } };
    }[];
    expect(
      audit.filter(
        (e) => e.action === 'PATCH /v1/admin/advocates/:id' && e.detail.params.id === A.advocateId,
      ),
    ).toHaveLength(2);
  });
});
