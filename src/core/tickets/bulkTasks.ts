import type { Statement } from 'better-sqlite3';
import type { MessageRow, TaskRow } from '../../shared/protocol';
import type { Db } from '../db/open';
import { taskOfRow } from '../../shared/snapshotRows';
import { type PageEstimates, taskEstimate } from '../earnings/estimates';
import { writeTask } from './taskChanges';

/**
 * Initial sync's bulk load of snapshot task rows, set-based: multi-row statements in the
 * caller's transaction, the indexes of `tasks` and `messages` dropped before and rebuilt once
 * after (one sort per index instead of a B-tree insert per row), and no read per row. The rows
 * end as `writeTask` would leave them one by one (test/unit/tickets/bulkTasks.test.ts).
 */

/** Rows per task statement: 22 values each, well under SQLite's 32,766 parameters. */
const TASKS_PER_STATEMENT = 500;
/** Rows per message statement: 7 values each. */
const MESSAGES_PER_STATEMENT = 1000;

const TASK_VALUES = 22;
const MESSAGE_VALUES = 7;

const TASK_COLUMNS = `id, brand_id, external_ref, subject, channel, skills, complexity, min_tier,
  status, holder_id, lease_expires_at, offered_to, offer_expires_at, customer_name, sla_due_at,
  payout_estimate_minor, currency, created_at, updated_at, customer_id, language,
  ageing_bonus_minor`;

// The rows are new; a row repeated in one snapshot replaces its earlier copy.
const taskInsert = (rows: number) =>
  `INSERT INTO tasks (${TASK_COLUMNS}) VALUES ${placeholders(rows, TASK_VALUES)}
   ON CONFLICT (id) DO UPDATE SET ${TASK_COLUMNS.split(',')
     .slice(1)
     .map((c) => `${c.trim()} = excluded.${c.trim()}`)
     .join(', ')}`;

const messageInsert = (rows: number) =>
  `INSERT OR REPLACE INTO messages (id, task_id, author_kind, author_name, visibility, body,
     created_at) VALUES ${placeholders(rows, MESSAGE_VALUES)}`;

function placeholders(rows: number, values: number): string {
  const row = `(${Array.from({ length: values }, () => '?').join(', ')})`;
  return Array.from({ length: rows }, () => row).join(', ');
}

/** Statements by row count, per database handle (a load uses the full size and one remainder). */
const cache = new WeakMap<Db, Map<string, Statement>>();

function statement(db: Db, sql: (rows: number) => string, rows: number): Statement {
  let made = cache.get(db);
  if (!made) cache.set(db, (made = new Map()));
  const key = `${sql === taskInsert ? 't' : 'm'}${rows}`;
  let s = made.get(key);
  if (!s) made.set(key, (s = db.prepare(sql(rows))));
  return s;
}

/**
 * Rows gathered into multi-row statements of `per` rows: `next()` answers where the next row's
 * `width` values go in `values` (one flat array, reused for every full statement).
 */
function batcher(db: Db, sql: (rows: number) => string, width: number, per: number) {
  const values: unknown[] = new Array<unknown>(per * width);
  let rows = 0;
  const flush = () => {
    if (rows === 0) return;
    statement(db, sql, rows).run(rows === per ? values : values.slice(0, rows * width));
    rows = 0;
  };
  return {
    values,
    next(): number {
      if (rows === per) flush();
      return rows++ * width;
    },
    flush,
  };
}

/** The indexes of these tables with the SQL that made them (automatic ones have none). */
function indexesOf(db: Db, tables: string[]): { name: string; sql: string }[] {
  return db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
        AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
    )
    .all(...tables) as { name: string; sql: string }[];
}

const visibility = (kind: MessageRow[3]) => (kind === 'message' ? 'public' : 'internal');

/**
 * Writes `rows` (TASK_COLUMNS order) into `tasks` and `messages`, leaving what
 * `writeTask` of each would leave; call inside a transaction.
 */
export function writeTaskRows(db: Db, rows: readonly TaskRow[], estimates: PageEstimates): void {
  if (rows.length === 0) return;
  // One read of the ids already here. Tasks among `rows` that are already here (normally none:
  // the first page's are not in `rows`) go through `writeTask` first, with the indexes still in
  // place, so they end exactly as a pulled change leaves them; the rest are new.
  const here = new Set(db.prepare('SELECT id FROM tasks').pluck().all() as string[]);
  const fresh: TaskRow[] = [];
  for (const r of rows) {
    if (here.has(r[0])) writeTask(db, taskOfRow(r), estimates.of(r[1]));
    else fresh.push(r);
  }
  if (fresh.length === 0) return;
  const indexes = indexesOf(db, ['tasks', 'messages']);
  for (const i of indexes) db.exec(`DROP INDEX "${i.name.replaceAll('"', '""')}"`);

  const tasks = batcher(db, taskInsert, TASK_VALUES, TASKS_PER_STATEMENT);
  const messages = batcher(db, messageInsert, MESSAGE_VALUES, MESSAGES_PER_STATEMENT);
  const t = tasks.values;
  const m = messages.values;
  // In the snapshot's order, as pulled changes would arrive: the feed breaks ties by rowid.
  for (const r of fresh) {
    const estimate = estimates.of(r[1]);
    const at = tasks.next();
    t[at] = r[0];
    t[at + 1] = r[1];
    t[at + 2] = r[2];
    t[at + 3] = r[3];
    t[at + 4] = r[4];
    t[at + 5] = JSON.stringify(r[5]);
    t[at + 6] = r[6];
    t[at + 7] = r[7];
    t[at + 8] = r[8];
    t[at + 9] = r[9];
    t[at + 10] = r[10];
    t[at + 11] = r[11];
    t[at + 12] = r[12];
    t[at + 13] = r[13];
    t[at + 14] = r[14];
    t[at + 15] = taskEstimate(estimate, r[6], r[20]);
    t[at + 16] = estimate?.currency ?? null;
    t[at + 17] = r[15];
    t[at + 18] = r[16];
    t[at + 19] = r[18];
    t[at + 20] = r[19];
    t[at + 21] = r[20];
  }
  tasks.flush();
  for (const r of fresh) {
    for (const msg of r[17]) {
      const at = messages.next();
      m[at] = msg[0];
      m[at + 1] = r[0];
      m[at + 2] = msg[1];
      m[at + 3] = msg[2];
      m[at + 4] = visibility(msg[3]);
      m[at + 5] = msg[4];
      m[at + 6] = msg[6];
    }
  }
  messages.flush();
  for (const i of indexes) db.exec(i.sql);
}
