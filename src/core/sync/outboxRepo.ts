import type { TextRef } from '../../shared/i18n/catalogs';
import type { Db } from '../db/open';

export interface OutboxRow {
  seq: number;
  key: string;
  taskId: string | null;
  type: string;
  payload: string;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  /** `lastError` as a TextRef (JSON); null before the first failure and on older rows. */
  lastErrorText: string | null;
  undo: string | null;
}

/** The task columns an optimistic effect may change, as they were before it. */
export interface TaskSnapshot {
  status: string;
  holder_id: string | null;
  lease_expires_at: number | null;
  offered_to: string | null;
  offer_expires_at: number | null;
}

const rowColumns = `seq, idempotency_key AS key, task_id AS taskId, type, payload,
  created_at AS createdAt, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError,
  last_error_text AS lastErrorText, undo`;

export function insertOutboxRow(
  db: Db,
  row: {
    key: string;
    taskId: string;
    type: string;
    payload: string;
    createdAt: number;
    undo: string;
  },
): number {
  const info = db
    .prepare(
      `INSERT INTO outbox (idempotency_key, task_id, type, payload, created_at, undo)
       VALUES (@key, @taskId, @type, @payload, @createdAt, @undo)`,
    )
    .run(row);
  return Number(info.lastInsertRowid);
}

/** Rows to send, in send order (parked rows wait for the advocate's retry). */
export function listOutbox(db: Db, limit = 100): OutboxRow[] {
  return db
    .prepare(`SELECT ${rowColumns} FROM outbox WHERE parked_at IS NULL ORDER BY seq LIMIT ?`)
    .all(limit) as OutboxRow[];
}

export function listParked(db: Db): OutboxRow[] {
  return db
    .prepare(`SELECT ${rowColumns} FROM outbox WHERE parked_at IS NOT NULL ORDER BY seq`)
    .all() as OutboxRow[];
}

/**
 * Parks a row that kept failing and every later row of its task: those were written on top of
 * it, so sending them first would reorder the advocate's work. Rows of other tasks go on.
 */
export function parkTaskRows(db: Db, row: OutboxRow, now: number): number {
  return db
    .prepare(
      `UPDATE outbox SET parked_at = ?
        WHERE parked_at IS NULL AND (seq = ? OR (task_id = ? AND seq > ?))`,
    )
    .run(now, row.seq, row.taskId, row.seq).changes;
}

/** The advocate's "Retry": parked rows are sent again with a fresh count of attempts. */
export function unparkAll(db: Db): number {
  return db
    .prepare('UPDATE outbox SET parked_at = NULL, attempts = 0 WHERE parked_at IS NOT NULL')
    .run().changes;
}

export function countOutbox(db: Db): number {
  return db.prepare('SELECT COUNT(*) FROM outbox').pluck().get() as number;
}

export function deleteOutboxRow(db: Db, seq: number): void {
  db.prepare('DELETE FROM outbox WHERE seq = ?').run(seq);
}

export function laterRowsForTask(db: Db, taskId: string, afterSeq: number): OutboxRow[] {
  return db
    .prepare(`SELECT ${rowColumns} FROM outbox WHERE task_id = ? AND seq > ? ORDER BY seq`)
    .all(taskId, afterSeq) as OutboxRow[];
}

export function latestPendingType(db: Db, taskId: string): string | null {
  return (
    (db
      .prepare('SELECT type FROM outbox WHERE task_id = ? ORDER BY seq DESC LIMIT 1')
      .pluck()
      .get(taskId) as string | undefined) ?? null
  );
}

export function readUndo(db: Db, seq: number): string | null {
  return (
    (db.prepare('SELECT undo FROM outbox WHERE seq = ?').pluck().get(seq) as
      string | null | undefined) ?? null
  );
}

export function updateUndo(db: Db, seq: number, undo: string): void {
  db.prepare('UPDATE outbox SET undo = ? WHERE seq = ?').run(undo, seq);
}

export function recordAttemptFailure(
  db: Db,
  seqs: number[],
  nextAttemptAt: number,
  error: string,
  errorText: TextRef,
): void {
  const stmt = db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
            last_error_text = ? WHERE seq = ?`,
  );
  const text = JSON.stringify(errorText);
  db.transaction(() => {
    for (const seq of seqs) stmt.run(nextAttemptAt, error.slice(0, 500), text, seq);
  })();
}

export function readTaskSnapshot(
  db: Db,
  taskId: string,
): (TaskSnapshot & { subject: string }) | null {
  return (
    (db
      .prepare(
        `SELECT status, holder_id, lease_expires_at, offered_to, offer_expires_at, subject
           FROM tasks WHERE id = ?`,
      )
      .get(taskId) as (TaskSnapshot & { subject: string }) | undefined) ?? null
  );
}

export function restoreTaskSnapshot(db: Db, taskId: string, s: TaskSnapshot): void {
  db.prepare(
    `UPDATE tasks SET status = @status, holder_id = @holder_id, lease_expires_at = @lease_expires_at,
       offered_to = @offered_to, offer_expires_at = @offer_expires_at WHERE id = @taskId`,
  ).run({ ...s, taskId });
}

/** An applied claim: the pending claim is the advocate's until the next pull brings the task. */
export function confirmClaim(db: Db, taskId: string): void {
  db.prepare(
    `UPDATE tasks SET status = 'claimed' WHERE id = ? AND status = 'open' AND holder_id IS NOT NULL`,
  ).run(taskId);
}

export function setLocalState(db: Db, taskId: string, state: string | null): void {
  db.prepare('UPDATE tasks SET local_state = ? WHERE id = ?').run(state, taskId);
}

export function deleteLocalMessages(db: Db, ids: readonly string[]): void {
  const stmt = db.prepare('DELETE FROM messages WHERE id = ? AND pending = 1');
  for (const id of ids) stmt.run(id);
}

export function confirmLocalMessages(db: Db, ids: readonly string[]): void {
  const stmt = db.prepare('UPDATE messages SET pending = 0 WHERE id = ?');
  for (const id of ids) stmt.run(id);
}

export function deleteTaskRow(db: Db, taskId: string): void {
  db.prepare('DELETE FROM tasks WHERE id = ?').run(taskId);
}
