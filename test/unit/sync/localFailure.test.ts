/**
 * A sync that fails on the app's own database (full, read-only, damaged) rather than on the
 * network: the app says so and is not left "syncing", and the next sync after the database
 * recovers brings everything. The real feed server and handlers over a SQLite file.
 */
import { describe, expect, it } from 'vitest';
import { startTestFeedServer } from '../../support/feedServer';
import { closedAfterEach, localTasks, signedInCore } from './helpers';

const started = closedAfterEach();

describe('a sync failing on the local database', () => {
  it('reports the failure instead of staying "syncing", and recovers with the database', async () => {
    const feed = (started.feed = await startTestFeedServer());
    await feed.pushTasks(5);
    const c = (started.core = await signedInCore(feed.url, await feed.invite('Ana')));
    await feed.pushTasks(2, 100);
    // Every write of this connection now fails, as on a full disk.
    c.db.pragma('query_only = ON');
    const failed = await c.handlers['sync:now'](undefined);
    expect(failed.state).toBe('error');
    await expect(c.handlers['sync:current'](undefined)).resolves.toMatchObject({ state: 'error' });
    c.db.pragma('query_only = OFF');
    const recovered = await c.handlers['sync:now'](undefined);
    expect(recovered.state).toBe('online');
    expect(localTasks(c)).toHaveLength(7);
  });
});
