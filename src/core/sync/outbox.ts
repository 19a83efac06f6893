import { randomUUID } from 'node:crypto';
import { Action, type ActionResult, type ActionType } from '../../shared/protocol';
import type { Notice } from '../../shared/contract/events';
import { actionTable } from '../../shared/domain/actions';
import type { Db } from '../db/open';
import { because, refusalReason } from './reasons';
import { worded } from '../i18n/translate';
import type { SyncAppliers } from './appliers';
import {
  confirmClaim,
  confirmLocalMessages,
  deleteLocalMessages,
  deleteOutboxRow,
  deleteTaskRow,
  insertOutboxRow,
  laterRowsForTask,
  latestPendingType,
  readTaskSnapshot,
  readUndo,
  restoreTaskSnapshot,
  setLocalState,
  updateUndo,
  type OutboxRow,
  type TaskSnapshot,
} from './outboxRepo';
import { authoredText, insertUnsent } from './unsentRepo';

/** An action as the app queues it; the idempotency key is made here. */
export type QueuedAction = Action extends infer A
  ? A extends Action
    ? Omit<A, 'key'>
    : never
  : never;

/** What a local effect reports so it can be undone: local message rows it inserted. */
export interface LocalEffect {
  insertedMessageIds?: string[];
}

/**
 * How to take an optimistic effect back. The task's lifecycle columns as they were before the
 * action, and the local (pending) messages it added. Works for every action type because every
 * action's local effect is confined to those.
 */
export interface UndoRecord {
  task: TaskSnapshot | null;
  subject: string | null;
  insertedMessageIds: string[];
}

/**
 * Writes an action's local effect and its outbox row in ONE transaction, so the app never shows
 * an effect the server will not hear about, nor sends an action whose effect was lost.
 * `applyLocalEffect` runs inside the transaction; it may write the task's lifecycle columns and
 * insert messages with `pending = 1` (returning their ids). Returns the idempotency key.
 */
export function enqueueAction(
  db: Db,
  action: QueuedAction,
  applyLocalEffect: (db: Db) => LocalEffect | void,
  now: number,
): string {
  const key = randomUUID();
  db.transaction(() => {
    const before = readTaskSnapshot(db, action.taskId);
    const effect = applyLocalEffect(db) ?? {};
    const undo: UndoRecord = {
      task: before
        ? {
            status: before.status,
            holder_id: before.holder_id,
            lease_expires_at: before.lease_expires_at,
            offered_to: before.offered_to,
            offer_expires_at: before.offer_expires_at,
          }
        : null,
      subject: before?.subject ?? null,
      insertedMessageIds: effect.insertedMessageIds ?? [],
    };
    insertOutboxRow(db, {
      key,
      taskId: action.taskId,
      type: action.type,
      payload: JSON.stringify({ ...action, key }),
      createdAt: now,
      undo: JSON.stringify(undo),
    });
    setLocalState(db, action.taskId, `pending_${action.type}`);
  }).immediate();
  return key;
}

/** The table entry of a stored row's type (rows are written from `Action`, so it has one). */
const specOf = (type: string): (typeof actionTable)[ActionType] | undefined =>
  Object.hasOwn(actionTable, type) ? actionTable[type as ActionType] : undefined;

function noticeFor(
  row: OutboxRow,
  undo: UndoRecord,
  result: ActionResult,
  now: number,
  kept: boolean,
): Notice {
  const subject = { hasSubject: undo.subject ? 'yes' : 'no', subject: undo.subject ?? '' };
  const text =
    row.type === 'claim' && result.status === 'conflict'
      ? worded({ id: 'notice.claimLost', values: subject })
      : worded(
          {
            id: 'notice.actionRefused',
            values: because(refusalReason(result), {
              ...subject,
              type: row.type,
              kept: kept ? 'yes' : 'no',
            }),
          },
          result.message,
        );
  return {
    id: `${row.key}:${result.status}`,
    level: result.status === 'conflict' ? 'warning' : 'error',
    ...text,
    taskId: row.taskId,
    at: now,
  };
}

function looseText(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const fields = payload as Record<string, unknown>;
  for (const name of ['body', 'handoffNote', 'note', 'summary', 'reason']) {
    if (typeof fields[name] === 'string') return fields[name];
  }
  return null;
}

/**
 * A refused action's text goes to the "Not sent" tray, in the transaction that deletes its row,
 * so the words the advocate wrote outlive the refusal. True when there was text to keep.
 */
function keepAuthoredText(
  db: Db,
  row: OutboxRow,
  undo: UndoRecord,
  result: ActionResult,
  now: number,
): boolean {
  const payload: unknown = JSON.parse(row.payload);
  const parsed = Action.safeParse(payload);
  // A payload the schema no longer takes (the server's 400) still holds the advocate's words.
  const text = parsed.success ? authoredText(parsed.data) : looseText(payload);
  if (!text || text.trim() === '') return false;
  insertUnsent(db, {
    taskId: row.taskId,
    subject: undo.subject,
    type: row.type,
    body: text,
    reason: result.message ?? result.status,
    reasonText: refusalReason(result),
    createdAt: now,
  });
  return true;
}

/**
 * Settles one outbox row with the server's answer, in one transaction: the row is deleted only
 * here (after an answer); `applied` confirms the effect, `conflict`/`rejected` undo it and
 * return a notice. The task itself arrives with the next pull.
 */
export function settleAction(
  db: Db,
  row: OutboxRow,
  result: ActionResult,
  now: number,
  appliers: Pick<SyncAppliers, 'refusedPayout'>,
): Notice | null {
  let notice: Notice | null = null;
  db.transaction(() => {
    // Read afresh: settling an earlier row of the same task may have rewritten this undo.
    const stored = readUndo(db, row.seq) ?? row.undo;
    const undo: UndoRecord = stored
      ? (JSON.parse(stored) as UndoRecord)
      : { task: null, subject: null, insertedMessageIds: [] };
    deleteOutboxRow(db, row.seq);
    const taskId = row.taskId;
    if (result.status === 'applied') {
      // Kept until the next pull brings the thread (the answer never carries the task).
      confirmLocalMessages(db, undo.insertedMessageIds);
      if (taskId && row.type === 'claim') confirmClaim(db, taskId);
    } else {
      deleteLocalMessages(db, undo.insertedMessageIds);
      // A refused action that earns a payout must not leave its earnings estimate behind.
      if (taskId && specOf(row.type)?.payout) appliers.refusedPayout(db, taskId, now);
      if (taskId && undo.task) {
        restoreTaskSnapshot(db, taskId, undo.task);
        // Later queued actions on this task were built on the state just undone: their undo
        // must now lead back to the state before this one.
        for (const later of laterRowsForTask(db, taskId, row.seq)) {
          const laterUndo = JSON.parse(later.undo ?? 'null') as UndoRecord | null;
          if (laterUndo)
            updateUndo(db, later.seq, JSON.stringify({ ...laterUndo, task: undo.task }));
        }
      }
      const kept = keepAuthoredText(db, row, undo, result, now);
      notice = noticeFor(row, undo, result, now, kept);
    }
    if (!taskId) return;
    const pending = latestPendingType(db, taskId);
    setLocalState(db, taskId, pending ? `pending_${pending}` : null);
    if (result.status === 'conflict' && !pending) {
      // The server no longer shows us this task (someone else holds it, or it closed).
      deleteTaskRow(db, taskId);
    }
  }).immediate();
  return notice;
}
