import type { Statement } from 'better-sqlite3';
import type { MacroView, MessageView, TaskView } from '../../shared/protocol';
import type { Db } from '../db/open';
import { type BrandEstimate, taskEstimate } from '../earnings/estimates';

/**
 * SQL that writes the server's tasks (with their messages) and macros into the local tables.
 * Statements are prepared once per database handle: a 10,000-task page runs the same few statements thousands of times.
 */
interface Statements {
  task: Statement;
  currentTask: Statement;
  serverMessages: Statement;
  deleteServerMessages: Statement;
  message: Statement;
  revoke: Statement;
  macro: Statement;
  macroDelete: Statement;
}

const cache = new WeakMap<Db, Statements>();

/** A task's columns as `writeTask` compares them: those the upsert writes, then local_state. */
const taskStateColumns = `brand_id, external_ref, subject, channel, skills, complexity, min_tier,
  status, holder_id, lease_expires_at, offered_to, offer_expires_at, customer_name, sla_due_at,
  payout_estimate_minor, currency, created_at, updated_at, customer_id, language,
  ageing_bonus_minor, local_state`;
/** A server message's columns as `writeTask` compares them. */
const messageColumns = 'id, author_kind, author_name, visibility, body, created_at';

function statements(db: Db): Statements {
  const hit = cache.get(db);
  if (hit) return hit;
  // A 100,000-task feed with its indexes outgrows SQLite's default 2 MB page cache, and an
  // initial sync then spends its time re-reading index pages.
  db.pragma('cache_size = -65536');
  // While an action of ours waits in the outbox (`local_state` set), the server's view of who
  // holds the task must not overwrite the optimistic effect; the action's answer settles it.
  const keepLocal = (col: string) =>
    `${col} = CASE WHEN tasks.local_state IS NULL THEN excluded.${col} ELSE tasks.${col} END`;
  const made: Statements = {
    task: db.prepare(
      `INSERT INTO tasks (id, brand_id, external_ref, subject, channel, skills, complexity, min_tier,
         status, holder_id, lease_expires_at, offered_to, offer_expires_at, customer_name, sla_due_at,
         payout_estimate_minor, currency, created_at, updated_at, customer_id, language,
         ageing_bonus_minor)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET brand_id = excluded.brand_id,
         external_ref = excluded.external_ref, subject = excluded.subject,
         channel = excluded.channel, skills = excluded.skills, complexity = excluded.complexity,
         min_tier = excluded.min_tier, ${keepLocal('status')}, ${keepLocal('holder_id')},
         ${keepLocal('lease_expires_at')}, offered_to = excluded.offered_to,
         offer_expires_at = excluded.offer_expires_at, customer_name = excluded.customer_name,
         sla_due_at = excluded.sla_due_at, payout_estimate_minor = excluded.payout_estimate_minor,
         currency = excluded.currency, created_at = excluded.created_at,
         updated_at = excluded.updated_at, customer_id = excluded.customer_id,
         language = excluded.language, ageing_bonus_minor = excluded.ageing_bonus_minor`,
    ),
    currentTask: db.prepare(`SELECT ${taskStateColumns} FROM tasks WHERE id = ?`).raw(),
    // In the order the task shows them (created_at, then insertion), read from messages_task.
    serverMessages: db
      .prepare(
        `SELECT ${messageColumns} FROM messages
          WHERE task_id = ? AND pending = 0 ORDER BY created_at, rowid`,
      )
      .raw(),
    deleteServerMessages: db.prepare('DELETE FROM messages WHERE task_id = ? AND pending = 0'),
    message: db.prepare(
      `INSERT OR REPLACE INTO messages (id, task_id, author_kind, author_name, visibility, body,
         created_at, pending)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0)`,
    ),
    revoke: db.prepare('DELETE FROM tasks WHERE id = ? AND local_state IS NULL'),
    macro: db.prepare(
      `INSERT INTO macros (id, brand_id, title, body, updated_at)
       VALUES (@id, @brandId, @title, @body, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET brand_id = excluded.brand_id, title = excluded.title,
         body = excluded.body, updated_at = excluded.updated_at`,
    ),
    macroDelete: db.prepare('DELETE FROM macros WHERE id = ?'),
  };
  cache.set(db, made);
  return made;
}

// Positional parameters: binding 22 named values per row costs a third of the upsert.
export function writeTask(db: Db, task: TaskView, estimate: BrandEstimate | null): void {
  const s = statements(db);
  // In the order of the upsert's placeholders (and of `current`'s columns, after the id).
  const values = [
    task.id,
    task.brandId,
    task.externalRef,
    task.subject,
    task.channel,
    JSON.stringify(task.skills),
    task.complexity,
    task.minTier,
    task.status,
    task.holderId,
    task.leaseExpiresAt,
    task.offeredTo,
    task.offerExpiresAt,
    task.customerName,
    task.slaDueAt,
    taskEstimate(estimate, task.complexity, task.ageingBonusMinor),
    estimate?.currency ?? null,
    task.createdAt,
    task.updatedAt,
    task.customerId ?? null,
    task.language ?? null,
    task.ageingBonusMinor ?? null,
  ];
  const current = s.currentTask.get(task.id) as unknown[] | undefined;
  if (current === undefined) {
    // A new task: it has no messages yet (they go with their task, ON DELETE CASCADE).
    s.task.run(values);
    insertMessages(s, task);
    return;
  }
  // A re-sent task that would not change is not rewritten (nor its index entries).
  if (!sameTask(current, values)) s.task.run(values);
  // The server's messages replace ours, unless they are already exactly what we hold, in the
  // same order: then deleting and re-inserting them would change nothing.
  const held = s.serverMessages.all(task.id) as unknown[][];
  if (sameMessages(held, task.messages)) return;
  if (held.length > 0) s.deleteServerMessages.run(task.id);
  insertMessages(s, task);
}

// Indexes in `values` of the columns kept while an action of ours is queued (see `keepLocal`).
const localValues = new Set([8, 9, 10]);

/** Whether the upsert would leave the row as it is (`current`: its columns after the id). */
function sameTask(current: unknown[], values: unknown[]): boolean {
  const localState = current[values.length - 1];
  for (let v = 1; v < values.length; v++) {
    if (localState !== null && localValues.has(v)) continue;
    if (current[v - 1] !== values[v]) return false;
  }
  return true;
}

function insertMessages(s: Statements, task: TaskView): void {
  for (const m of task.messages) {
    s.message.run(m.id, task.id, m.author, m.authorName, visibility(m), m.body, m.createdAt);
  }
}

const visibility = (m: MessageView) => (m.kind === 'message' ? 'public' : 'internal');

/** Rows of `serverMessages` against the server's list, column by column. */
function sameMessages(held: unknown[][], messages: readonly MessageView[]): boolean {
  if (held.length !== messages.length) return false;
  for (let i = 0; i < held.length; i++) {
    const row = held[i]!;
    const m = messages[i]!;
    if (
      row[0] !== m.id ||
      row[1] !== m.author ||
      row[2] !== m.authorName ||
      row[3] !== visibility(m) ||
      row[4] !== m.body ||
      row[5] !== m.createdAt
    ) {
      return false;
    }
  }
  return true;
}

export function revokeTask(db: Db, taskId: string): void {
  statements(db).revoke.run(taskId);
}

export function writeMacro(db: Db, m: MacroView): void {
  statements(db).macro.run({
    id: m.id,
    brandId: m.brandId,
    title: m.title,
    body: m.body,
    updatedAt: m.updatedAt,
  });
}

export function deleteMacro(db: Db, macroId: string): void {
  statements(db).macroDelete.run(macroId);
}
