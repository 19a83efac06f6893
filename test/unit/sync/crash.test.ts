import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/core/db/open';
import { FeedClient } from '../../../src/core/sync/client';
import { SyncEngine } from '../../../src/core/sync/engine';
import { readSyncState } from '../../../src/core/sync/syncStateRepo';
import { startTestFeedServer, type TestFeedServer } from '../../support/feedServer';
import { appAppliers } from '../../support/sync';

let feed: TestFeedServer;
let dir: string;
beforeEach(async () => {
  feed = await startTestFeedServer();
  await feed.pushTasks(1000);
  dir = mkdtempSync(join(tmpdir(), 'gigdesk-crash-'));
});
afterEach(async () => {
  await feed.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the child until it reports it is frozen mid-page, then SIGKILLs it. */
function killMidPage(args: string[]): Promise<{ output: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'applyChild.ts'), ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('MID-PAGE')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL')
        reject(new Error(`child ended without being killed (${code}): ${output}${errors}`));
      else resolve({ output, signal });
    });
  });
}

const taskIds = (db: Db) =>
  db.prepare('SELECT id FROM tasks ORDER BY id').pluck().all() as string[];

it('a process killed in the middle of applying a page leaves a consistent database that resumes exactly', async () => {
  const code = await feed.invite('Ada');
  const { token, advocate } = await feed.server.store.redeem(code, 'crash test', Date.now());
  const file = join(dir, 'local.sqlite');
  openDatabase(file).close();

  // Pages of 200 changes: the first page also carries brand, membership and rules changes, so
  // the 450th task insert falls in the middle of the third page.
  const { output } = await killMidPage([file, feed.url, token, '450']);
  const committed = [...output.matchAll(/PAGE (\S+)/g)].map((m) => m[1]!);
  expect(committed).toHaveLength(2);

  const db = openDatabase(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const cursor = readSyncState(db).cursor;
    expect(cursor).toBe(committed[1]);
    // Exactly the tasks of the committed pages: none of the page that was being applied.
    const expected: string[] = [];
    let c: string | undefined;
    do {
      const page = await feed.server.store.sync(advocate.id, c, 200);
      for (const ch of page.changes) if (ch.kind === 'task') expected.push(ch.task.id);
      c = page.cursor;
    } while (c !== cursor);
    expect(taskIds(db)).toEqual([...expected].sort());

    // The next sync continues from the cursor: nothing skipped, nothing doubled.
    const engine = new SyncEngine({
      db,
      client: new FeedClient({ baseUrl: feed.url, token }),
      appliers: appAppliers,
      now: Date.now,
      onStatus: () => undefined,
      onNotice: () => undefined,
      onSynced: () => undefined,
      pageSize: 200,
    });
    await engine.syncNow();
    expect(engine.currentStatus.state).toBe('online');
    const all = taskIds(db);
    expect(all).toHaveLength(1000);
    expect(new Set(all).size).toBe(1000);
    expect(db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(1000);
    await engine.stop();
  } finally {
    db.close();
  }
});
