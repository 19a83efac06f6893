import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultFeedPrefs } from '../../../src/shared/contract/feed';
import { ServerClock } from '../../../src/core/sync/serverClock';
import type { TestCore } from '../../support/core';
import { startTestFeedServer, type TestFeedServer } from '../../support/feedServer';
import { signedInCore, waitFor } from './helpers';

const HOUR = 60 * 60_000;

describe('the server clock estimate', () => {
  it('stays within half a second plus half a round trip of the true offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3 * HOUR, max: 3 * HOUR }),
        fc.array(fc.record({ at: fc.nat(10 * HOUR), rtt: fc.nat(400), lag: fc.nat(400) }), {
          minLength: 1,
          maxLength: 20,
        }),
        (offset, samples) => {
          const clock = new ServerClock(() => 0);
          let worst = 0;
          for (const { at, rtt, lag } of samples) {
            const served = at + Math.min(lag, rtt); // when the server stamped its answer (local time)
            const date = new Date(Math.floor((served + offset) / 1000) * 1000).toUTCString();
            clock.observe(date, at, at + rtt);
            worst = Math.max(worst, rtt);
          }
          expect(Math.abs(clock.offsetMs() - offset)).toBeLessThanOrEqual(500 + worst / 2 + 1);
        },
      ),
    );
  });
});

describe('a laptop whose clock runs an hour fast', () => {
  let feed: TestFeedServer;
  let core: TestCore | undefined;
  beforeEach(async () => {
    feed = await startTestFeedServer();
    await feed.pushTasks(3);
  });
  afterEach(async () => {
    await core?.close();
    await feed.close();
  });

  it('still acts on a claim the server holds valid', async () => {
    core = await signedInCore(feed.url, await feed.invite('Ada'), {
      now: () => Date.now() + HOUR,
    });
    const [task] = (
      await core.handlers['feed:list']({
        ...defaultFeedPrefs,
        offset: 0,
        limit: 1,
        withTotal: false,
      })
    ).tasks;
    await core.handlers['feed:claim']({ taskId: task!.id });
    await waitFor(async () => {
      const [mine] = await core!.handlers['tasks:mine'](undefined);
      return mine && !mine.pendingClaim && mine.status === 'claimed';
    }, 'the claim to be confirmed');
    // By the laptop's own clock the 30-minute lease lapsed half an hour ago; by the server's not.
    const { open } = await core.handlers['tickets:act']({
      type: 'reply',
      taskId: task!.id,
      body: 'Your parcel left the warehouse today.',
    });
    expect(open!.messages.map((m) => m.body)).toContain('Your parcel left the warehouse today.');
    expect(Math.abs(core.sync.serverNow() - Date.now())).toBeLessThan(2000);
    // The renderer learns the same offset with the sync status (its lease state uses it).
    expect(Math.abs(core.sync.status().clockOffsetMs! + HOUR)).toBeLessThan(2000);
  });
});
