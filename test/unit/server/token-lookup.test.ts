import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreContext } from '../../../src/server/store/context';
import { LogTails } from '../../../src/server/store/logTail';
import { syncPage } from '../../../src/server/store/sync';
import { TokenCache } from '../../../src/server/store/tokenCache';
import { advocateForToken } from '../../../src/server/store/tokens';
import { heldAnswers } from '../../support/heldAnswers';
import { ownKysely } from '../../support/ownKysely';
import { type TestServer, testServer } from './helpers';

describe('the token lookup', () => {
  let s: TestServer;
  beforeEach(async () => {
    s = await testServer();
  });
  afterEach(() => s.close());

  /**
   * Another process's store context over the test's database, as `openStore` wires one (its
   * token cache and tails told of invalidations through the notifier), its statements counted.
   */
  const context = (plugins: KyselyPlugin[] = []) => {
    const own = ownKysely(s.db);
    const statements: string[] = [];
    let db = own.kdb;
    for (const p of plugins) db = db.withPlugin(p);
    const tokens = new TokenCache();
    const ctx: StoreContext = {
      db: db.withPlugin({
        transformQuery: (args) => {
          statements.push(JSON.stringify(args.node));
          return args.node;
        },
        transformResult: async (args) => args.result,
      }),
      dialect: own.dialect,
      notifier: s.store.notifier,
      tokens,
      interleave: async () => {},
    };
    ctx.tails = new LogTails(ctx);
    const stop = s.store.notifier.onInvalidate((id) => tokens.invalidate(id));
    const close = () => {
      stop();
      ctx.tails!.stop();
      return own.close();
    };
    return { ctx, statements, close };
  };
  const membershipReads = (statements: string[]) =>
    statements.filter((q) => q.includes('"SelectQueryNode"') && q.includes('"memberships"')).length;

  it('a lookup read before a revocation committed does not keep the revoked token cached', async () => {
    const a = await s.advocate();
    const answers = heldAnswers();
    const { ctx, close } = context([answers.plugin]);
    try {
      answers.hold();
      const lookup = advocateForToken(ctx, a.token, s.clock.t);
      // The lookup has read the live token; before it is told, the token is revoked.
      await answers.read();
      await s.store.revokeToken(a.token, s.clock.t);
      answers.release();
      // What it read, it answers (the request began before the revocation) ...
      expect((await lookup)?.id).toBe(a.id);
      // ... but it does not keep it: the next request with the revoked token is refused.
      expect(await advocateForToken(ctx, a.token, s.clock.t)).toBeUndefined();
    } finally {
      await close();
    }
  });

  it('a pull after an uncached lookup reads no memberships: the lookup brought them', async () => {
    const a = await s.advocate();
    const other = await s.advocate();
    const { ctx, statements, close } = context();
    try {
      // The brand's tail is here already, as on a replica that serves the brand.
      await syncPage(ctx, other.id, undefined, 100, [s.brandId]);
      const auth = (await advocateForToken(ctx, a.token, s.clock.t))!;
      expect(auth.brandIds).toEqual([s.brandId]);
      const before = statements.length;
      await syncPage(ctx, auth.id, undefined, 100, auth.brandIds);
      expect(statements.length).toBeGreaterThan(before);
      expect(membershipReads(statements.slice(before))).toBe(0);
    } finally {
      await close();
    }
  });

  it('memberships a lookup read before a tier change are not kept over the change', async () => {
    const a = await s.advocate({ tier: 1 });
    const answers = heldAnswers();
    const { ctx, close } = context([answers.plugin]);
    try {
      // The brand's tail is here already, as on a replica that serves the brand.
      await syncPage(ctx, a.id, undefined, 100, [s.brandId]);
      answers.hold();
      const lookup = advocateForToken(ctx, a.token, s.clock.t);
      await answers.read();
      await s.store.patchAdvocate(s.brandId, a.id, { tier: 2 }, s.clock.t);
      // A pull meanwhile: its tail reads the membership's change row.
      await new Promise((r) => setTimeout(r, 100));
      await syncPage(ctx, a.id, undefined, 100, [s.brandId]);
      answers.release();
      await lookup;
      const members = await ctx.tails!.membershipsOf(a.id, [s.brandId]);
      expect(members.map((m) => m.tier)).toEqual([2]);
    } finally {
      await close();
    }
  });
});
