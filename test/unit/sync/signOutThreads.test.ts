/**
 * When sync stops (sign-out, quit), no thread of the app still uses the database: the announce
 * worker, which reads the feed on its own connection, has exited. Otherwise the file is not
 * closed when the app closes it (its write-ahead log stays), and a folder removed right after
 * (a wiped profile, a test's) can find files reappearing.
 */
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startTestFeedServer, type TestFeedServer } from '../../support/feedServer';
import type { TestCore } from '../../support/core';
import { signedInCore, waitFor } from './helpers';

let feed: TestFeedServer;
let core: TestCore | undefined;
beforeEach(async () => {
  feed = await startTestFeedServer();
  await feed.pushTasks(5);
});
afterEach(async () => {
  await core?.close();
  await feed.close();
});

it('stops the announce worker before sync.stop() resolves', async () => {
  core = await signedInCore(feed.url, await feed.invite('Ada'));
  // The badge is counted on the announce worker after a sync: the worker is running.
  await waitFor(() => core!.desktop.badge !== null, 'the badge');
  await core.sync.stop();
  const file = core.db.name;
  core.db.close(); // the last connection to close checkpoints the log and removes it
  expect(existsSync(`${file}-wal`)).toBe(false);
});
