import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sidecarPath, writeSidecar } from '../../../src/core/db/keepsake';
import { latestSchemaVersion } from '../../../src/core/db/migrations';
import { openDatabase, type Db } from '../../../src/core/db/open';
import { openOrRecover } from '../../../src/core/db/recovery';
import { writeSession } from '../../../src/core/repos/sessionRepo';
import { insertAttempt } from '../../../src/core/courses/coursesRepo';
import { enqueueAction } from '../../../src/core/sync/outbox';
import { countOutbox } from '../../../src/core/sync/outboxRepo';
import { insertUnsent } from '../../../src/core/sync/unsentRepo';
import { saveDraft } from '../../../src/core/tickets/draftsRepo';
import { createTestCore, newestTaskIds, type TestCore } from '../../support/core';
import { FaultProxy } from '../../support/faultProxy';
import { startTestFeedServer } from '../../support/feedServer';
import { applyPage } from '../../support/sync';
import { feedChanges } from '../../support/taskViews';
import { signedInCore, waitFor } from '../sync/helpers';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gigdesk-recover-'));
  file = join(dir, 'gigdesk.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = 1_850_000_000_000;

/** A database with everything the advocate made here, plus 300 synced tasks. */
function populate(): string {
  const db = openDatabase(file);
  writeSession(db, {
    serverUrl: 'http://127.0.0.1:9',
    advocateId: 'adv-1',
    advocateName: 'Ada',
    advocateHandle: 'ada',
    isDemo: false,
    signedInAt: 1,
  });
  applyPage(db, { changes: feedChanges(300), cursor: 'c1' }, NOW);
  const taskId = db.prepare('SELECT id FROM tasks LIMIT 1').pluck().get() as string;
  const key = enqueueAction(db, { type: 'note', taskId, body: 'A queued note' }, () => ({}), NOW);
  saveDraft(db, taskId, 'reply', 'A reply in the making', NOW);
  insertUnsent(db, {
    taskId,
    subject: 'Refund',
    type: 'reply',
    body: 'A refused reply',
    reason: 'lease lapsed',
    reasonText: { id: 'error.lifecycle.claimExpired', values: {} },
    createdAt: NOW,
  });
  insertAttempt(db, {
    attemptId: 'att-1',
    brandId: 'brand-1',
    skill: 'returns',
    answers: [[1], [0, 2]],
    createdAt: NOW,
  });
  writeSidecar(db, file, NOW);
  db.close();
  return key;
}

function expectKept(db: Db, key: string, session = true) {
  expect(db.prepare('SELECT idempotency_key FROM outbox').pluck().all()).toEqual([key]);
  expect(db.prepare('SELECT body FROM drafts').pluck().all()).toEqual(['A reply in the making']);
  expect(db.prepare('SELECT body FROM unsent').pluck().all()).toEqual(['A refused reply']);
  expect(db.prepare('SELECT answers FROM course_attempts').pluck().all()).toEqual(['[[1],[0,2]]']);
  expect(db.prepare('SELECT count(*) FROM session').pluck().get()).toBe(session ? 1 : 0);
  // Everything else is the server's, to be synced again from the start.
  expect(db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(0);
  expect(db.prepare('SELECT cursor FROM sync_state').pluck().get()).toBeNull();
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
}

/** Overwrites one page of the file (1-based) with random bytes. */
function smashPage(page: number, pageSize = 4096) {
  const bytes = readFileSync(file);
  const start = (page - 1) * pageSize + (page === 1 ? 100 : 0);
  randomBytes(pageSize - (page === 1 ? 100 : 0)).copy(bytes, start);
  writeFileSync(file, bytes);
}

describe('the app always starts', () => {
  it('moves a database from a newer version aside and keeps what was made here, read from it', () => {
    const key = populate();
    rmSync(sidecarPath(file)); // the old file itself is readable: no copy needed
    const raw = openDatabase(file);
    raw.pragma(`user_version = ${latestSchemaVersion + 1}`);
    raw.close();

    const { db, recovery } = openOrRecover(file, NOW);
    try {
      expect(recovery?.reason).toBe('newer');
      expect(recovery?.message).toContain('newer version');
      expect(recovery?.message).toContain(recovery!.movedTo);
      expect(recovery?.restored).toEqual({
        session: 1,
        outbox: 1,
        drafts: 1,
        unsent: 1,
        course_attempts: 1,
      });
      expect(existsSync(recovery!.movedTo)).toBe(true);
      expectKept(db, key);
    } finally {
      db.close();
    }
  });

  it('a file of garbage: restores from the sidecar copy', () => {
    const key = populate();
    writeFileSync(file, randomBytes(64 * 1024));
    rmSync(`${file}-wal`, { force: true });
    const { db, recovery } = openOrRecover(file, NOW);
    try {
      expect(recovery?.reason).toBe('corrupt');
      expect(recovery?.message).toContain('1 queued action, 1 draft and 1 unsent text were kept');
      expectKept(db, key);
    } finally {
      db.close();
    }
  });

  it('a corrupt schema page: restores from the sidecar copy', () => {
    const key = populate();
    smashPage(1);
    const { db, recovery } = openOrRecover(file, NOW);
    try {
      expect(recovery?.reason).toBe('corrupt');
      expectKept(db, key);
    } finally {
      db.close();
    }
  });

  it('a corrupt outbox page: keeps what the old file still reads and completes it from the sidecar', () => {
    const key = populate();
    const raw = openDatabase(file);
    const root = raw
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'outbox'")
      .pluck()
      .get() as number;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    smashPage(root, pageSize);
    // The sidecar no longer has the draft: it must come from the readable part of the old file.
    const sidecar = JSON.parse(readFileSync(sidecarPath(file), 'utf8')) as {
      tables: { drafts: unknown[] };
    };
    sidecar.tables.drafts = [];
    writeFileSync(sidecarPath(file), JSON.stringify(sidecar));

    const { db, recovery } = openOrRecover(file, NOW);
    try {
      expect(recovery?.reason).toBe('corrupt');
      expectKept(db, key);
    } finally {
      db.close();
    }
  });

  it('opens a healthy file as it is', () => {
    populate();
    const { db, recovery } = openOrRecover(file, NOW);
    expect(recovery).toBeNull();
    expect(db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(300);
    db.close();
  });

  it('after recovery the queued action reaches the server and the rest syncs again', async () => {
    const feed = await startTestFeedServer();
    const proxy = FaultProxy.forUrl(feed.url);
    let core: TestCore | null = null;
    try {
      await feed.pushTasks(5);
      core = await signedInCore(
        await proxy.start(),
        await feed.invite('Ada'),
        {},
        { dbFile: file },
      );
      const taskId = (await newestTaskIds(core, 1))[0]!;
      await core.handlers['feed:claim']({ taskId });
      await core.handlers['sync:now'](undefined);
      proxy.down();
      await core.handlers['tickets:act']({
        type: 'note',
        taskId,
        body: 'Noted before the disk went bad',
      });
      await core.sync.stop();
      writeSidecar(core.db, file, Date.now());
      core.db.close();
      writeFileSync(file, randomBytes(32 * 1024));
      rmSync(`${file}-wal`, { force: true });

      const { db, recovery } = openOrRecover(file, Date.now());
      expect(recovery?.restored.outbox).toBe(1);
      db.close();
      const secrets = core.services.secrets;
      core = createTestCore({ secrets }, { dbFile: file });
      proxy.up();
      const after = core;
      await waitFor(async () => {
        await after.handlers['sync:now'](undefined);
        return countOutbox(after.db) === 0 && after.sync.status().state === 'online';
      }, 'the recovered outbox to drain');
      expect(core.db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(5);
      const notes = core.db
        .prepare('SELECT body FROM messages WHERE task_id = ? AND visibility = ?')
        .pluck()
        .all(taskId, 'internal');
      expect(notes).toContain('Noted before the disk went bad');
    } finally {
      await core?.close();
      await proxy.close();
      await feed.close();
    }
  });
});
