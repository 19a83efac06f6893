import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteDialect } from '../../../src/server/store/dialect';
import { walCheckpoints } from '../../../src/server/store/walCheckpoints';

const dirs: string[] = [];
const freshFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-wal-'));
  dirs.push(dir);
  return join(dir, 'feed.sqlite');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openWal(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('create table t (id integer primary key, body text)');
  return db;
}

/** One commit per row: each appends at least one page to the log. */
const writeRows = (db: Database.Database, n: number) => {
  const insert = db.prepare('insert into t (body) values (?)');
  for (let i = 0; i < n; i++) insert.run('x'.repeat(200));
};

const NEVER = 2 ** 31 - 1;

describe('WAL checkpoints run on a worker, never on the connection that serves requests', () => {
  it('the connection leaves a log past 1,000 pages alone; the worker copies it all back, then it starts over', async () => {
    const file = freshFile();
    const db = openWal(file);
    const checkpoints = walCheckpoints(db, file, NEVER);
    try {
      writeRows(db, 1500);
      const first = await checkpoints.checkpoint();
      // Had the connection checkpointed at 1,000 pages, its next commit would have restarted
      // the log: fewer frames than commits.
      expect(first.log).toBeGreaterThanOrEqual(1500);
      expect(first.checkpointed).toBe(first.log);
      // All copied back: the next commit writes the log from its beginning.
      writeRows(db, 1);
      const next = await checkpoints.checkpoint();
      expect(next.log).toBeLessThan(10);
      expect(next.checkpointed).toBe(next.log);
    } finally {
      checkpoints.stop();
      db.close();
    }
  });

  it('when the worker cannot run, the connection checkpoints itself again', async () => {
    const file = freshFile();
    const db = openWal(file);
    const checkpoints = walCheckpoints(db, file, NEVER, join(tmpdir(), 'no-such-driver.js'));
    try {
      await expect(checkpoints.checkpoint()).rejects.toThrow('the WAL checkpointer stopped');
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    } finally {
      checkpoints.stop();
      db.close();
    }
  });

  it("the server's SQLite connection does not checkpoint, and closing it stops its worker", async () => {
    const kysely = sqliteDialect(freshFile()).createKysely();
    const r = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(kysely);
    expect(r.rows[0]!.wal_autocheckpoint).toBe(0);
    await kysely.destroy();
  });
});
