/**
 * Issue 20, feedback that comes back: "helpful / outdated" votes on KB articles, one per
 * advocate and article (the latest by `votedAt` counts, a delayed retry of an older vote never
 * replaces it), only on articles of the advocate's own brands, and summed per article for the
 * brand's admins. Runs on SQLite here and on PostgreSQL in test/pg/trust.test.ts.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncAll, T0, type TestServer, testServer } from './helpers';

let s: TestServer;
beforeEach(async () => {
  s = await testServer();
});
afterEach(async () => {
  await s.close();
});

/** A brand with `n` articles and `advocates` advocates: their ids and credentials. */
async function brandWorld(name: string, n: number, advocates: number) {
  const { brand, adminKey } = await s.store.createBrand({ name, currency: 'EUR' }, T0);
  const articles = Array.from({ length: n }, (_, i) => ({
    externalRef: `kb-${i}`,
    title: `${name} article ${i}`,
    bodyMarkdown: 'Text.',
    tags: [],
  }));
  const pushed = await s.call('POST', '/v1/admin/articles', { token: adminKey, body: articles });
  expect(pushed.status).toBe(200);
  const people = [];
  for (let i = 0; i < advocates; i++) people.push(await s.advocate({ brandId: brand.id }));
  const { changes } = await syncAll(s, people[0]!.token);
  const ids = changes
    .filter((c) => c.kind === 'article')
    .sort((a, b) => a.article.externalRef.localeCompare(b.article.externalRef))
    .map((c) => c.article.id as string);
  return { brandId: brand.id, adminKey, articleIds: ids, advocates: people };
}

const vote = (token: string, votes: unknown[]) =>
  s.call('POST', '/v1/kb-feedback', { token, body: { votes } });
const counts = async (adminKey: string) => {
  const r = await s.call('GET', '/v1/admin/kb-feedback', { token: adminKey });
  expect(r.status).toBe(200);
  return r.body.articles as {
    articleId: string;
    externalRef: string;
    helpful: number;
    outdated: number;
  }[];
};

describe('KB feedback', () => {
  it('counts one vote per advocate; changing it replaces it; a retry changes nothing', async () => {
    const w = await brandWorld('Acme', 2, 2);
    const [a1, a2] = w.advocates;
    const [k0, k1] = w.articleIds;
    const first = await vote(a1!.token, [{ articleId: k0, vote: 'outdated', votedAt: T0 }]);
    expect(first.body).toEqual({ results: [{ articleId: k0, status: 'applied' }] });
    await vote(a1!.token, [{ articleId: k0, vote: 'outdated', votedAt: T0 }]); // a retry
    await vote(a2!.token, [
      { articleId: k0, vote: 'outdated', votedAt: T0 },
      { articleId: k1, vote: 'helpful', votedAt: T0 },
    ]);
    expect(await counts(w.adminKey)).toEqual([
      { articleId: k0, externalRef: 'kb-0', title: 'Acme article 0', helpful: 0, outdated: 2 },
      { articleId: k1, externalRef: 'kb-1', title: 'Acme article 1', helpful: 1, outdated: 0 },
    ]);
    // a1 changes their mind; then an older vote of theirs arrives late: it does not count.
    await vote(a1!.token, [{ articleId: k0, vote: 'helpful', votedAt: T0 + 2 }]);
    await vote(a1!.token, [{ articleId: k0, vote: 'outdated', votedAt: T0 + 1 }]);
    expect((await counts(w.adminKey))[0]).toMatchObject({ helpful: 1, outdated: 1 });
  });

  it('refuses a vote on another brand’s article and bad input, changing nothing', async () => {
    const a = await brandWorld('Acme', 1, 1);
    const b = await brandWorld('Bolt', 1, 1);
    const r = await vote(b.advocates[0]!.token, [
      { articleId: a.articleIds[0], vote: 'outdated', votedAt: T0 },
      { articleId: 'no-such-article', vote: 'outdated', votedAt: T0 },
      { articleId: b.articleIds[0], vote: 'helpful', votedAt: T0 },
    ]);
    expect(r.body.results.map((x: { status: string }) => x.status)).toEqual([
      'rejected',
      'rejected',
      'applied',
    ]);
    // The same answer for another brand's article as for none: nothing to learn about brand A.
    expect(r.body.results[0].message).toBe(r.body.results[1].message);
    expect(await counts(a.adminKey)).toEqual([]);
    expect((await counts(b.adminKey)).map((x) => x.articleId)).toEqual(b.articleIds);

    const bad = await vote(b.advocates[0]!.token, [
      { articleId: b.articleIds[0], vote: 'stale', votedAt: T0 },
    ]);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toMatch(/vote/);
    expect((await s.call('POST', '/v1/kb-feedback', { body: { votes: [] } })).status).toBe(401);
    const adminAsAdvocate = await s.call('POST', '/v1/kb-feedback', {
      token: a.adminKey,
      body: { votes: [{ articleId: a.articleIds[0], vote: 'outdated', votedAt: T0 }] },
    });
    expect(adminAsAdvocate.status).toBe(403);
    expect((await counts(b.adminKey))[0]).toMatchObject({ helpful: 1, outdated: 0 });
  });

  it('counts equal the last vote of each advocate under any sequence of votes and retries', async () => {
    let run = 0;
    const cmd = fc.record({
      advocate: fc.nat(3), // 3: an advocate of the other brand
      article: fc.nat(2),
      vote: fc.constantFrom('helpful' as const, 'outdated' as const),
      // Later by this much, or a retry of an older vote (negative).
      step: fc.integer({ min: -3, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 1, maxLength: 25 }), async (cmds) => {
        run++;
        const w = await brandWorld(`A${run}`, 3, 3);
        const other = await brandWorld(`B${run}`, 1, 1);
        const model = new Map<string, { vote: string; votedAt: number }>();
        let clock = T0;
        for (const c of cmds) {
          clock += Math.max(c.step, 0);
          const votedAt = clock + Math.min(c.step, 0);
          const articleId = w.articleIds[c.article]!;
          const who = c.advocate < 3 ? w.advocates[c.advocate]! : other.advocates[0]!;
          const r = await vote(who.token, [{ articleId, vote: c.vote, votedAt }]);
          expect(r.status).toBe(200);
          if (c.advocate === 3) continue; // refused: another brand's advocate
          const key = `${c.advocate}/${c.article}`;
          const held = model.get(key);
          if (!held || held.votedAt <= votedAt) model.set(key, { vote: c.vote, votedAt });
        }
        const expected = w.articleIds
          .map((articleId, i) => {
            const votes = [...model].filter(([k]) => k.endsWith(`/${i}`)).map(([, v]) => v.vote);
            return {
              articleId,
              helpful: votes.filter((v) => v === 'helpful').length,
              outdated: votes.filter((v) => v === 'outdated').length,
            };
          })
          .filter((a) => a.helpful + a.outdated > 0);
        const actual = (await counts(w.adminKey)).map(({ articleId, helpful, outdated }) => ({
          articleId,
          helpful,
          outdated,
        }));
        const byId = (x: { articleId: string }, y: { articleId: string }) =>
          x.articleId.localeCompare(y.articleId);
        expect([...actual].sort(byId)).toEqual([...expected].sort(byId));
        // Most outdated first.
        const outdated = actual.map((a) => a.outdated);
        expect(outdated).toEqual([...outdated].sort((x, y) => y - x));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
