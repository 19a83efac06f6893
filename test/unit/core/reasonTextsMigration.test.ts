import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { migrations } from '../../../src/core/db/migrations';
import { openDatabase } from '../../../src/core/db/open';
import { readAttempt } from '../../../src/core/courses/coursesRepo';
import { readNotSent } from '../../../src/core/tickets/notSent';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A local database as the build before reason texts left it (schema 18). */
function databaseAt18(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-db-'));
  dirs.push(dir);
  const file = join(dir, 'local.sqlite');
  const raw = new Database(file);
  for (const migration of migrations.filter((m) => m.version <= 18)) migration.up(raw);
  raw.pragma('user_version = 18');
  return (raw.close(), file);
}

const body = 'Je vous rembourse aujourd’hui — 返金します';
const key = '9b2f4c1e-5d6a-4e7b-8c9d-0a1b2c3d4e5f';
const payload = JSON.stringify({ type: 'note', taskId: 't2', key, body: 'Parked note' });
const dump = (db: Database.Database) => ({
  unsent: db
    .prepare('SELECT id, task_id, subject, type, body, reason, created_at FROM unsent')
    .all(),
  outbox: db
    .prepare(
      `SELECT seq, idempotency_key, task_id, type, payload, created_at, attempts,
              next_attempt_at, last_error, parked_at, undo FROM outbox`,
    )
    .all(),
});

it('keeps every refused text and parked action stored before reasons had ids, unchanged', () => {
  const file = databaseAt18();
  const old = new Database(file);
  old
    .prepare(
      `INSERT INTO unsent (task_id, subject, type, body, reason, created_at)
       VALUES ('t1', 'Refund', 'reply', ?, 'This task requires trust tier 3', 5)`,
    )
    .run(body);
  old
    .prepare(
      `INSERT INTO outbox (idempotency_key, task_id, type, payload, created_at, attempts,
                           last_error, parked_at, undo)
       VALUES (?, 't2', 'note', ?, 6, 5, 'HTTP 503', 7, NULL)`,
    )
    .run(key, payload);
  const before = dump(old);
  old.close();

  const db = openDatabase(file);
  expect(dump(db)).toEqual(before);
  const tray = readNotSent(db);
  expect(tray.unsent).toEqual([
    {
      id: 1,
      taskId: 't1',
      subject: 'Refund',
      type: 'reply',
      body,
      reason: 'This task requires trust tier 3',
      reasonText: null,
      createdAt: 5,
    },
  ]);
  expect(tray.parked).toEqual([
    {
      key,
      taskId: 't2',
      type: 'note',
      text: 'Parked note',
      lastError: 'HTTP 503',
      lastErrorText: null,
    },
  ]);
  db.close();
});

it('keeps a quiz attempt refused before reasons had ids, answers and English unchanged', () => {
  const file = databaseAt18();
  const old = new Database(file);
  old
    .prepare(
      `INSERT INTO course_attempts (attempt_id, brand_id, skill, answers, created_at, state,
                                    reason, settled_at)
       VALUES (?, 'b1', 'returns', '[[1],[0,1]]', 3, 'refused', 'expected answers for 1 items', 4)`,
    )
    .run(key);
  const attempts = (db: Database.Database) =>
    db
      .prepare(
        `SELECT attempt_id, brand_id, skill, answers, created_at, state, outcome, reason,
                settled_at FROM course_attempts`,
      )
      .all();
  const before = attempts(old);
  old.close();

  const db = openDatabase(file);
  expect(attempts(db)).toEqual(before);
  expect(readAttempt(db, key)).toEqual({
    state: 'refused',
    attemptId: key,
    reason: 'expected answers for 1 items',
    reasonText: null,
  });
  db.close();
});
