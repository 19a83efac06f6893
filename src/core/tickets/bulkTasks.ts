import Database from 'better-sqlite3';
import type { TaskRow } from '../../shared/protocol';
import type { Db } from '../db/open';
import { taskOfRow } from '../../shared/snapshotRows';
import type { PageEstimates } from '../earnings/estimates';
import { putMessageRowValues, putRowValues } from './taskColumns';
import { multiRowWriters, revokeTask, writeTasks } from './taskChanges';

/**
 * Initial sync's bulk load of snapshot task rows, set-based: multi-row statements in the
 * caller's transaction, the indexes of `tasks` and `messages` dropped before and rebuilt once
 * after (one sort per index instead of a B-tree insert per row), and no read per row. The rows
 * end as `writeTask` would leave them one by one (test/unit/tickets/bulkTasks.test.ts).
 */

/** The indexes of these tables with the SQL that made them (automatic ones have none). */
function indexesOf(db: Db, tables: string[]): { name: string; sql: string }[] {
  return db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
        AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
    )
    .all(...tables) as { name: string; sql: string }[];
}

/**
 * Writes snapshot `rows` into `tasks` and `messages`, leaving what `writeTask` of each would
 * leave, and (given `keep`) revokes every other task here that is not in `keep`, as a pulled
 * `revoke` would; call inside a transaction (foreign-key checks may be off: messages go with
 * their task here). `announced`: the new tasks are written as already announced (`notified`).
 */
export function writeTaskRows(
  db: Db,
  rows: readonly TaskRow[],
  estimates: PageEstimates,
  keep?: ReadonlySet<string>,
  options: { announced?: boolean } = {},
): void {
  // One read of the ids already here (a first page's few hundred). Tasks among `rows` that are
  // here are written as pulled changes first, with the indexes still in place, so they end
  // exactly as a pulled change leaves them; the rest are new.
  const here = new Set(db.prepare('SELECT id FROM tasks').pluck().all() as string[]);
  const fresh: TaskRow[] = [];
  const known: TaskRow[] = [];
  for (let i = 0; i < rows.length; i++) (here.has(rows[i]![0]) ? known : fresh).push(rows[i]!);
  if (keep) {
    const written = new Set(known.map((r) => r[0]));
    revokeTaskRows(
      db,
      [...here].filter((id) => !written.has(id) && !keep.has(id)),
    );
  }
  if (known.length > 0) writeTasks(db, known.map(taskOfRow), (brandId) => estimates.of(brandId));
  if (fresh.length === 0) return;
  const indexes = indexesOf(db, ['tasks', 'messages']);
  for (const i of indexes) db.exec(`DROP INDEX "${i.name.replaceAll('"', '""')}"`);

  // In the snapshot's order, as pulled changes would arrive: the feed breaks ties by rowid.
  // Indexed loops: an iterator result per row (here and in the split above) was ~12 MB of
  // garbage in a 100,000-task load.
  const write = ({ tasks, messages }: ReturnType<typeof multiRowWriters>) => {
    for (let i = 0; i < fresh.length; i++) {
      const r = fresh[i]!;
      putRowValues(tasks.values, tasks.next(), r, estimates.of(r[1]));
    }
    tasks.flush();
    for (let i = 0; i < fresh.length; i++) {
      const r = fresh[i]!;
      for (let j = 0; j < r[17].length; j++)
        putMessageRowValues(messages.values, messages.next(), r[0], r[17][j]!);
    }
    messages.flush();
  };
  const announced = options.announced ?? false;
  try {
    // Plain inserts, as the ids are new (the case of every snapshot the server sends), in a
    // savepoint: a task id repeated in the snapshot, or a message id that is, or is already
    // here, fails them and leaves nothing of them; the upserts then write the rows instead
    // (a repeated task replaces its earlier copy, a message id seen again its row).
    db.transaction(() => write(multiRowWriters(db, announced, true)))();
  } catch (error) {
    if (!(error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT')))
      throw error;
    write(multiRowWriters(db, announced));
  }
  for (const i of indexes) db.exec(i.sql);
}

/**
 * Tasks revoked as pulled `revoke` changes revoke them (one holding local state stays), with
 * their messages: the bulk load runs with foreign-key checks off, so nothing cascades.
 */
function revokeTaskRows(db: Db, ids: string[]): void {
  if (ids.length === 0) return;
  for (const id of ids) revokeTask(db, id);
  db.prepare(
    `DELETE FROM messages WHERE task_id IN (SELECT value FROM json_each(?))
       AND task_id NOT IN (SELECT id FROM tasks)`,
  ).run(JSON.stringify(ids));
}
