import type { Statement } from 'better-sqlite3';
import type { MacroView, MessageView, TaskView } from '../../shared/protocol';
import { MultiRow } from '../db/multiRow';
import type { Db } from '../db/open';
import type { BrandEstimate } from '../earnings/estimates';
import {
  LOCALLY_HELD_COLUMNS,
  MESSAGE_WRITE_COLUMNS,
  MESSAGE_WRITE_WIDTH,
  placeholders,
  putMessageValues,
  putTaskValues,
  TASK_WRITE_COLUMNS,
  TASK_WRITE_WIDTH,
} from './taskColumns';

/**
 * SQL that writes the server's tasks (with their messages) and macros into the local tables.
 * Statements are prepared once per database handle: a 10,000-task page runs the same few statements thousands of times.
 */
interface Statements {
  task: Statement;
  currentTask: Statement;
  currentTasks: Statement;
  serverMessages: Statement;
  serverMessagesOf: Statement;
  deleteServerMessages: Statement;
  deleteServerMessagesOf: Statement;
  message: Statement;
  revoke: Statement;
  macro: Statement;
  macroDelete: Statement;
  /** `nullByDefault` of this handle's schema. */
  nullable: readonly number[];
}

const cache = new WeakMap<Db, Statements>();

const writeColumns = TASK_WRITE_COLUMNS.join(', ');
/** A task's columns as `writeTask` compares them: those the upsert writes, then local_state. */
const taskStateColumns = `${writeColumns}, local_state`;
/** A server message's columns as `writeTask` compares them. */
const messageColumns = 'id, author_kind, author_name, visibility, body, created_at';

/**
 * The upsert of `rows` tasks. While an action of ours waits in the outbox (`local_state` set),
 * the columns it holds keep the optimistic effect (see LOCALLY_HELD_COLUMNS).
 */
function taskUpsert(rows: number): string {
  return `INSERT INTO tasks (${writeColumns}) VALUES ${placeholders(rows, TASK_WRITE_WIDTH)}
    ON CONFLICT (id) DO UPDATE SET ${upsertSet}`;
}

const upsertSet = TASK_WRITE_COLUMNS.slice(1)
  .map((c) =>
    LOCALLY_HELD_COLUMNS.has(c)
      ? `${c} = CASE WHEN tasks.local_state IS NULL THEN excluded.${c} ELSE tasks.${c} END`
      : `${c} = excluded.${c}`,
  )
  .join(', ');

/**
 * The insert of `rows` tasks known to be new (none here, ids unique among them): a pulled
 * page's new tasks. OR FAIL, because a multi-row statement that may abort (the default for its
 * NOT NULL and unique checks) keeps a statement journal, a copy of every page it changes, so as
 * to undo its own earlier rows; with six indexes on `tasks` that is most of a hundred rows'
 * worth of index pages copied per statement. A failure still throws out of the page's
 * transaction, which rolls back whole. A 10,000-task delta measured ~10 % less CPU.
 */
const taskInsert = (rows: number, omit: readonly number[] = []): string => {
  const columns = writtenBut(omit);
  return `INSERT OR FAIL INTO tasks (${columns.join(', ')})
    VALUES ${placeholders(rows, columns.length)}`;
};

/** The written columns but those at the positions `omit` (see `MultiRow`). */
const writtenBut = (omit: readonly number[]): readonly string[] =>
  omit.length === 0 ? TASK_WRITE_COLUMNS : TASK_WRITE_COLUMNS.filter((_, i) => !omit.includes(i));

/** `notified` 1: initial sync's bulk load writes its new tasks as already announced. */
const announcedRows = (rows: number, width = TASK_WRITE_WIDTH): string => {
  const row = `(${Array.from({ length: width }, () => '?').join(', ')}, 1)`;
  return Array.from({ length: rows }, () => row).join(', ');
};

/**
 * `taskUpsert` of new tasks written announced (`notified` 1): initial sync's bulk load, whose
 * tasks the first sync never announces (feed/notifications.ts), so that nothing has to mark
 * 100,000 rows after it.
 */
const announcedTaskUpsert = (rows: number): string =>
  `INSERT INTO tasks (${writeColumns}, notified) VALUES ${announcedRows(rows)}
    ON CONFLICT (id) DO UPDATE SET ${upsertSet}`;

/** `taskInsert` of tasks written announced, likewise. */
const announcedTaskInsert = (rows: number, omit: readonly number[] = []): string => {
  const columns = writtenBut(omit);
  return `INSERT OR FAIL INTO tasks (${columns.join(', ')}, notified)
    VALUES ${announcedRows(rows, columns.length)}`;
};

/**
 * Positions in `TASK_WRITE_COLUMNS` of the `tasks` columns without a default: an insert that
 * leaves one out writes NULL there, exactly as binding null would.
 */
const nullByDefault = (db: Db): number[] => {
  const names = new Set(
    db
      .prepare("SELECT name FROM pragma_table_info('tasks') WHERE dflt_value IS NULL")
      .pluck()
      .all() as string[],
  );
  return TASK_WRITE_COLUMNS.flatMap((c, i) => (names.has(c) ? [i] : []));
};

/** The insert of `rows` server messages (a message id seen again replaces its row). */
const messageInsert = (rows: number): string =>
  `INSERT OR REPLACE INTO messages (${MESSAGE_WRITE_COLUMNS.join(', ')})
   VALUES ${placeholders(rows, MESSAGE_WRITE_WIDTH)}`;

/** The insert of `rows` server messages none of which is here (see `taskInsert`: OR FAIL). */
const newMessageInsert = (rows: number): string =>
  `INSERT OR FAIL INTO messages (${MESSAGE_WRITE_COLUMNS.join(', ')})
   VALUES ${placeholders(rows, MESSAGE_WRITE_WIDTH)}`;

function statements(db: Db): Statements {
  const hit = cache.get(db);
  if (hit) return hit;
  // A 100,000-task feed with its indexes outgrows SQLite's default 2 MB page cache, and an
  // initial sync then spends its time re-reading index pages.
  db.pragma('cache_size = -65536');
  const made: Statements = {
    task: db.prepare(taskUpsert(1)),
    currentTask: db.prepare(`SELECT ${taskStateColumns} FROM tasks WHERE id = ?`).raw(),
    currentTasks: db
      .prepare(`SELECT ${taskStateColumns} FROM tasks WHERE id IN (SELECT value FROM json_each(?))`)
      .raw(),
    // In the order the task shows them (created_at, then insertion), read from messages_task.
    serverMessages: db
      .prepare(
        `SELECT ${messageColumns} FROM messages
          WHERE task_id = ? AND pending = 0 ORDER BY created_at, rowid`,
      )
      .raw(),
    serverMessagesOf: db
      .prepare(
        `SELECT task_id, ${messageColumns} FROM messages
          WHERE task_id IN (SELECT value FROM json_each(?)) AND pending = 0
          ORDER BY task_id, created_at, rowid`,
      )
      .raw(),
    deleteServerMessages: db.prepare('DELETE FROM messages WHERE task_id = ? AND pending = 0'),
    deleteServerMessagesOf: db.prepare(
      `DELETE FROM messages WHERE task_id IN (SELECT value FROM json_each(?)) AND pending = 0`,
    ),
    message: db.prepare(messageInsert(1)),
    revoke: db.prepare('DELETE FROM tasks WHERE id = ? AND local_state IS NULL'),
    macro: db.prepare(
      `INSERT INTO macros (id, brand_id, title, body, updated_at)
       VALUES (@id, @brandId, @title, @body, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET brand_id = excluded.brand_id, title = excluded.title,
         body = excluded.body, updated_at = excluded.updated_at`,
    ),
    macroDelete: db.prepare('DELETE FROM macros WHERE id = ?'),
    nullable: nullByDefault(db),
  };
  cache.set(db, made);
  return made;
}

/**
 * Writes one server task: the reference semantics that `writeTasks` reproduces for a run of
 * them (test/unit/tickets/writeTasks.test.ts).
 */
export function writeTask(db: Db, task: TaskView, estimate: BrandEstimate | null): void {
  const s = statements(db);
  // Positional parameters: binding 21 named values per row costs a third of the upsert.
  const values: unknown[] = new Array<unknown>(TASK_WRITE_WIDTH);
  putTaskValues(values, 0, task, estimate);
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
  if (sameMessages(held, 0, held.length, 0, task.messages)) return;
  if (held.length > 0) s.deleteServerMessages.run(task.id);
  insertMessages(s, task);
}

/** Tasks per multi-row upsert (22 values each, well under SQLite's 32,766 parameters). */
const TASKS_PER_STATEMENT = 500;
/** Messages per multi-row insert (7 values each). */
const MESSAGES_PER_STATEMENT = 1000;

/**
 * Multi-row task and server-message writes, for the bulk load: its tables have no indexes but
 * the primary keys while it writes, and one call per 500 rows beats one per row. A pulled page
 * writes smaller statements (`writeChunk`). `announced`: new tasks are written as already
 * announced (see `announcedTaskUpsert`). `fresh`: plain inserts (OR FAIL, see `taskInsert`) of
 * rows whose task and message ids are neither here nor repeated among them, which keep no
 * statement journal; else upserts of tasks and replacing inserts of messages, whose statement
 * journal copies each page of the primary-key indexes a statement changes (100,000 tasks: ~15 %
 * more CPU for these writes).
 */
export function multiRowWriters(
  db: Db,
  announced = false,
  fresh = false,
): { tasks: MultiRow; messages: MultiRow } {
  const [key, sql] = fresh
    ? announced
      ? ['task-announced-new', announcedTaskInsert]
      : ['task-new', taskInsert]
    : announced
      ? ['task-announced', announcedTaskUpsert]
      : ['task', taskUpsert];
  return {
    // The plain inserts leave out the columns a whole statement's rows leave null.
    tasks: new MultiRow(
      db,
      key,
      sql,
      TASK_WRITE_WIDTH,
      TASKS_PER_STATEMENT,
      fresh ? statements(db).nullable : [],
    ),
    messages: fresh
      ? new MultiRow(
          db,
          'message-new',
          newMessageInsert,
          MESSAGE_WRITE_WIDTH,
          MESSAGES_PER_STATEMENT,
        )
      : new MultiRow(db, 'message', messageInsert, MESSAGE_WRITE_WIDTH, MESSAGES_PER_STATEMENT),
  };
}

/**
 * Writes a run of server tasks (consecutive `task` changes of a page), leaving exactly what
 * `writeTask` of each in turn leaves, set-based: one read of the tasks and of their server
 * messages, then only the writes that change something. A task or message id seen twice in the
 * run splits it there (the second write must see the first).
 */
export function writeTasks(
  db: Db,
  tasks: readonly TaskView[],
  estimateOf: (brandId: string) => BrandEstimate | null,
): void {
  let from = 0;
  const taskIds = new Set<string>();
  const messageIds = new Set<string>();
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i]!;
    let clash = taskIds.has(t.id);
    for (const m of t.messages) clash ||= messageIds.has(m.id);
    if (clash) {
      writeChunk(db, tasks.slice(from, i), estimateOf);
      from = i;
      taskIds.clear();
      messageIds.clear();
    }
    taskIds.add(t.id);
    for (const m of t.messages) messageIds.add(m.id);
  }
  writeChunk(db, from === 0 ? tasks : tasks.slice(from), estimateOf);
}

/**
 * A run without repeated task or message ids: every decision from the state before it. A changed
 * task already here is written one row per statement; new tasks and the messages written go in
 * multi-row statements (`pageWriters`; the new tasks after the changed ones: ids are unique
 * within the run, so the order between the two does not matter).
 */
function writeChunk(
  db: Db,
  tasks: readonly TaskView[],
  estimateOf: (brandId: string) => BrandEstimate | null,
): void {
  if (tasks.length === 0) return;
  const s = statements(db);
  const ids = JSON.stringify(tasks.map((t) => t.id));
  const current = new Map<string, unknown[]>();
  for (const row of s.currentTasks.all(ids) as unknown[][]) current.set(row[0] as string, row);
  // Each task's server messages: a run of rows in `held`, found by the task's first row. Only
  // of the tasks here: a new task's messages are written without looking at what is held.
  const held =
    current.size === 0
      ? []
      : (s.serverMessagesOf.all(JSON.stringify([...current.keys()])) as unknown[][]);
  const heldAt = new Map<string, [number, number]>();
  for (let i = 0; i < held.length;) {
    const taskId = held[i]![0] as string;
    let end = i + 1;
    while (end < held.length && held[end]![0] === taskId) end++;
    heldAt.set(taskId, [i, end]);
    i = end;
  }

  const scratch: unknown[] = new Array<unknown>(TASK_WRITE_WIDTH);
  const replaced: string[] = [];
  const withMessages: TaskView[] = [];
  const w = pageWriters(db);
  for (const t of tasks) {
    const row = current.get(t.id);
    if (row === undefined) {
      // New: gathered into multi-row inserts (`taskInsert`: not here, and ids are unique in the
      // run), in page order (the feed breaks ties by rowid).
      putTaskValues(w.tasks.values, w.tasks.next(), t, estimateOf(t.brandId));
      withMessages.push(t);
      continue;
    }
    putTaskValues(scratch, 0, t, estimateOf(t.brandId));
    if (!sameTask(row, scratch)) s.task.run(scratch);
    const [start, end] = heldAt.get(t.id) ?? [0, 0];
    if (sameMessages(held, start, end, 1, t.messages)) continue;
    if (end > start) replaced.push(t.id);
    withMessages.push(t);
  }
  w.tasks.flush();
  if (replaced.length > 0) s.deleteServerMessagesOf.run(JSON.stringify(replaced));
  for (const t of withMessages) {
    for (const m of t.messages) putMessageValues(w.messages.values, w.messages.next(), t.id, m);
  }
  w.messages.flush();
}

/**
 * Server messages per multi-row statement of a pulled page. Small statements, as a message
 * insert keeps a journal of the index pages it changes (its foreign key may abort it, whatever
 * its conflict clause): a 10,000-task delta measured ~12 % less CPU than with one row per
 * statement. A page's new tasks keep no journal (`taskInsert`), so they go `TASKS_PER_STATEMENT`
 * at a time, leaving out the columns a statement's rows all leave null, as the bulk load does.
 */
const PAGE_MESSAGES_PER_STATEMENT = 100;

const pageWriters = (db: Db): { tasks: MultiRow; messages: MultiRow } => ({
  tasks: new MultiRow(
    db,
    'page-task',
    taskInsert,
    TASK_WRITE_WIDTH,
    TASKS_PER_STATEMENT,
    statements(db).nullable,
  ),
  messages: new MultiRow(
    db,
    'page-message',
    messageInsert,
    MESSAGE_WRITE_WIDTH,
    PAGE_MESSAGES_PER_STATEMENT,
  ),
});

/** Whether the upsert would leave the row as it is (`current`: id, written columns, local_state). */
function sameTask(current: unknown[], values: unknown[]): boolean {
  const localState = current[TASK_WRITE_WIDTH];
  for (let v = 1; v < TASK_WRITE_WIDTH; v++) {
    if (localState !== null && LOCALLY_HELD_AT.has(v)) continue;
    if (current[v] !== values[v]) return false;
  }
  return true;
}

const LOCALLY_HELD_AT = new Set(
  TASK_WRITE_COLUMNS.flatMap((c, i) => (LOCALLY_HELD_COLUMNS.has(c) ? [i] : [])),
);

function insertMessages(s: Statements, task: TaskView): void {
  const values: unknown[] = new Array<unknown>(MESSAGE_WRITE_WIDTH);
  for (const m of task.messages) {
    putMessageValues(values, 0, task.id, m);
    s.message.run(values);
  }
}

const visibility = (m: MessageView) => (m.kind === 'message' ? 'public' : 'internal');

/**
 * Rows `from` to `to` of `serverMessages` (their columns from `skip`) against the server's list,
 * column by column.
 */
function sameMessages(
  held: unknown[][],
  from: number,
  to: number,
  skip: number,
  messages: readonly MessageView[],
): boolean {
  if (to - from !== messages.length) return false;
  for (let i = 0; i < messages.length; i++) {
    const row = held[from + i]!;
    const m = messages[i]!;
    if (
      row[skip] !== m.id ||
      row[skip + 1] !== m.author ||
      row[skip + 2] !== m.authorName ||
      row[skip + 3] !== visibility(m) ||
      row[skip + 4] !== m.body ||
      row[skip + 5] !== m.createdAt
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
