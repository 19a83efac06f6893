/**
 * Issue 20's server tests on PostgreSQL alone (the whole suite also runs them, in
 * server.test.ts): a quick way to run them under the shared lock while working on them.
 */
import { afterAll, describe, it } from 'vitest';
import { dropFreshDbs, pgTestUrl, useBackend } from '../support/serverBackends';

const trustTests = import.meta.glob([
  '../unit/server/ladder.test.ts',
  '../unit/server/fallback.test.ts',
  '../unit/server/feedback.test.ts',
  '../unit/server/courses.test.ts',
]);
const url = pgTestUrl();

describe.runIf(url)('issue 20 on PostgreSQL', async () => {
  useBackend('postgres');
  for (const load of Object.values(trustTests)) await load();
});

if (!url) {
  describe.skip('issue 20 on PostgreSQL', () => {
    it('needs GIGDESK_TEST_PG_URL', () => {});
  });
}

// Dropping every schema the suite made takes minutes on a loaded machine.
afterAll(dropFreshDbs, 600_000);
