import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/open';
import { SEARCH_WORKER_LIMITS, SearchRunner } from '../../../src/core/kb/searchRunner';
import { kbSearchWorkerForTests } from '../../support/kbWorker';

describe('the KB search worker', () => {
  it('runs with a bounded young generation (the memory a burst of searches keeps)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gigdesk-kb-limits-'));
    const db = openDatabase(join(dir, 'app.sqlite'));
    const runner = new SearchRunner(db, kbSearchWorkerForTests);
    try {
      expect(runner.workerLimits()).toBeUndefined();
      const outcome = await runner.run('search', {
        query: 'refund',
        brandId: null,
        tag: null,
        limit: 5,
      });
      expect(outcome).toMatchObject({ hits: [] });
      const young = runner.workerLimits()?.maxYoungGenerationSizeMb;
      expect(young).toBe(SEARCH_WORKER_LIMITS.maxYoungGenerationSizeMb);
      // V8's own default here is 192 MB; the bench's added memory (≤ 50 MB) needs a small one.
      expect(young).toBeLessThanOrEqual(16);
    } finally {
      await runner.close();
      await runner.analysis.done;
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
