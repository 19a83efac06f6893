/**
 * Issue 20: "helpful / outdated" on KB articles in the app, against the real feed server behind
 * a proxy that can cut the network. A vote works offline, changing it replaces it, it reaches
 * the server once online (one vote per advocate), a retry after a lost answer changes nothing,
 * and a vote the server refuses stays on this device, marked as not counted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticlePush } from '../../../src/shared/protocol';
import { sendKbVotes } from '../../../src/core/handlers/kbFeedbackSend';
import { FeedClient } from '../../../src/core/sync/client';
import { freshDeviceToken } from '../../../src/core/sync/token';
import { FaultProxy } from '../../support/faultProxy';
import { startTestFeedServer, type TestFeedServer } from '../../support/feedServer';
import type { TestCore } from '../../support/core';
import { signedInCore, waitFor } from '../sync/helpers';

let feed: TestFeedServer;
let proxy: FaultProxy;
let core: TestCore;
let articleId: string;
let proxyUrl: string;

beforeEach(async () => {
  feed = await startTestFeedServer();
  await feed.server.store.upsertArticles(
    feed.brandId,
    [ArticlePush.parse({ externalRef: 'kb-1', title: 'Returns', bodyMarkdown: '30 days.' })],
    Date.now(),
  );
  proxy = FaultProxy.forUrl(feed.url);
  proxyUrl = await proxy.start();
  core = await signedInCore(proxyUrl, await feed.invite('Ada'));
  articleId = core.db.prepare('SELECT id FROM articles').pluck().get() as string;
});
afterEach(async () => {
  await core.close();
  await proxy.close();
  await feed.close();
});

const serverCounts = async () =>
  (await feed.server.store.trust.articleFeedback(feed.brandId)).articles.map(
    ({ articleId: id, helpful, outdated }) => ({ id, helpful, outdated }),
  );

describe('KB feedback in the app', () => {
  it('votes offline, replaces a changed vote, and sends the last one once online', async () => {
    proxy.down();
    expect(await core.handlers['kb:vote']({ articleId })).toEqual({ vote: null, state: 'none' });
    expect(await core.handlers['kb:setVote']({ articleId, vote: 'helpful' })).toEqual({
      vote: 'helpful',
      state: 'pending',
    });
    await core.handlers['kb:setVote']({ articleId, vote: 'outdated' });
    await core.handlers['sync:now'](undefined);
    expect(await core.handlers['kb:vote']({ articleId })).toEqual({
      vote: 'outdated',
      state: 'pending',
    });
    expect(await serverCounts()).toEqual([]);

    proxy.up();
    await core.handlers['sync:now'](undefined);
    await waitFor(
      async () => (await core.handlers['kb:vote']({ articleId })).state === 'sent',
      'the vote to be sent',
    );
    expect(await serverCounts()).toEqual([{ id: articleId, helpful: 0, outdated: 1 }]);

    // The answer was lost: the same vote goes again and the server still counts it once.
    core.db.prepare('UPDATE kb_votes SET sent_at = NULL').run();
    const client = new FeedClient({
      baseUrl: proxyUrl,
      token: freshDeviceToken(core.services.secrets, proxyUrl, Date.now),
    });
    await sendKbVotes(core.db, client, new AbortController().signal, Date.now);
    expect(await serverCounts()).toEqual([{ id: articleId, helpful: 0, outdated: 1 }]);

    // Changing one's mind replaces the vote on the server too.
    await core.handlers['kb:setVote']({ articleId, vote: 'helpful' });
    await waitFor(
      async () => (await core.handlers['kb:vote']({ articleId })).state === 'sent',
      'the changed vote to be sent',
    );
    expect(await serverCounts()).toEqual([{ id: articleId, helpful: 1, outdated: 0 }]);
  });

  it('keeps a refused vote here, marked, and sends the rest', async () => {
    await core.handlers['kb:setVote']({ articleId, vote: 'helpful' });
    core.db
      .prepare("INSERT INTO kb_votes (article_id, vote, voted_at) VALUES ('gone', 'outdated', 1)")
      .run();
    await core.handlers['sync:now'](undefined);
    await waitFor(
      async () => (await core.handlers['kb:vote']({ articleId: 'gone' })).state === 'refused',
      'the refusal',
    );
    expect(await core.handlers['kb:vote']({ articleId })).toMatchObject({ state: 'sent' });
    expect(await serverCounts()).toEqual([{ id: articleId, helpful: 1, outdated: 0 }]);
  });

  it('refuses a vote on an article this device does not hold', async () => {
    await expect(
      core.handlers['kb:setVote']({ articleId: 'nope', vote: 'helpful' }),
    ).rejects.toThrow(/no longer in the knowledge base/);
  });
});
