import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreContext } from '../../../src/server/store/context';
import { TokenCache } from '../../../src/server/store/tokenCache';
import { advocateForToken } from '../../../src/server/store/tokens';
import { ownKysely } from '../../support/ownKysely';
import { type TestServer, testServer } from './helpers';

/** Holds every query's answer until `release()`: the read is done, its caller not yet told. */
function heldAnswers() {
  let release = () => {};
  let held = Promise.resolve();
  let answered = () => {};
  let read = Promise.resolve();
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      answered();
      await held;
      return args.result;
    },
  };
  return {
    plugin,
    /** Holds the next answers; resolves `read` once one of them is in. */
    hold() {
      held = new Promise<void>((resolve) => (release = resolve));
      read = new Promise<void>((resolve) => (answered = resolve));
    },
    read: () => read,
    release: () => release(),
  };
}

describe('the token cache and revocation', () => {
  let s: TestServer;
  beforeEach(async () => {
    s = await testServer();
  });
  afterEach(() => s.close());

  it('a lookup read before a revocation committed does not keep the revoked token cached', async () => {
    const a = await s.advocate();
    const answers = heldAnswers();
    const own = ownKysely(s.db);
    const tokens = new TokenCache();
    // Another process's view: its own cache, told of invalidations through the notifier.
    const ctx: StoreContext = {
      db: own.kdb.withPlugin(answers.plugin),
      dialect: own.dialect,
      notifier: s.store.notifier,
      tokens,
      interleave: async () => {},
    };
    const stop = s.store.notifier.onInvalidate((id) => tokens.invalidate(id));
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
      stop();
      await own.close();
    }
  });
});
