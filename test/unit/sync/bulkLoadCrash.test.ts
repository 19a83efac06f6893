/**
 * A process killed inside the snapshot's bulk transaction (indexes dropped, half the tasks
 * written) leaves the database as the first page left it: every index there, no cursor. The
 * next start loads the snapshot again and ends exactly where an uninterrupted load ends: each
 * task once, each message once, the same rows in the same order.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/core/db/open';
import { loadSnapshot } from '../../../src/core/sync/snapshotLoad';
import { readSyncState } from '../../../src/core/sync/syncStateRepo';
import { memorySnapshot } from '../../support/snapshotSource';
import { appAppliers } from '../../support/sync';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gigdesk-bulk-crash-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function killMidBulk(file: string, killAt: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'bulkLoadChild.ts'), file, String(killAt)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('MID-BULK')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL')
        reject(new Error(`child ended without being killed (${code}): ${output}${errors}`));
      else resolve(output);
    });
  });
}

const rows = (db: Db) => ({
  tasks: db.prepare('SELECT rowid, * FROM tasks ORDER BY rowid').all(),
  messages: db
    .prepare(
      'SELECT id, task_id, body, created_at FROM messages ORDER BY task_id, created_at, rowid',
    )
    .all(),
});
const indexes = (db: Db) =>
  db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all() as {
    name: string;
    sql: string | null;
  }[];

it('a load killed inside its bulk transaction leaves the first page, and the next load ends as an uninterrupted one', async () => {
  const clean = openDatabase(join(dir, 'clean.sqlite'));
  await loadSnapshot(clean, memorySnapshot(3_000), appAppliers, Date.now, () => {});
  const file = join(dir, 'local.sqlite');
  const allIndexes = indexes(openDatabase(file));
  expect(allIndexes.some((i) => i.name === 'tasks_feed_payout')).toBe(true);

  // The first page holds 200 tasks: insert 1,500 is in the middle of the bulk transaction.
  const output = await killMidBulk(file, 1_500);
  expect(output).toContain('FIRST-PAGE 200');

  const db = openDatabase(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(indexes(db)).toEqual(allIndexes);
    expect(readSyncState(db).cursor).toBeNull();
    expect(db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(200);
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(200);

    const result = await loadSnapshot(db, memorySnapshot(3_000), appAppliers, Date.now, () => {});
    expect(result).toMatchObject({ cursor: '9', tasks: 3_000 });
    expect(readSyncState(db).cursor).toBe('9');
    expect(indexes(db)).toEqual(allIndexes);
    expect(rows(db)).toEqual(rows(clean));
  } finally {
    db.close();
    clean.close();
  }
});
