/**
 * Child process for the kill-point tests: runs one of the app's real write paths in a loop and
 * freezes at its `killAt`-th row write (counted by temp triggers on the tables those paths
 * write), after reporting whether that write is inside a transaction, so the parent SIGKILLs it
 * at exactly that point. Prints `PRAGMAS <journal_mode> <synchronous>` first and `ACK <unit>`
 * after each committed unit. Args: `<mode> <db file> <killAt>`; mode is page|enqueue|settle|ledger.
 */
import { writeSync } from 'node:fs';
import { openDatabase } from '../../../src/core/db/open';
import { applyLedgerEntry } from '../../../src/core/earnings/apply';
import { enqueueAction } from '../../../src/core/sync/outbox';
import { listOutbox } from '../../../src/core/sync/outboxRepo';
import { applyPage, settleAction } from '../../support/sync';
import { ledgerEntry, pageTask, T0, TASKS_PER_PAGE } from './units';

const WATCHED: [table: string, events: string[]][] = [
  ['tasks', ['INSERT', 'UPDATE', 'DELETE']],
  ['messages', ['INSERT', 'UPDATE', 'DELETE']],
  ['outbox', ['INSERT', 'UPDATE', 'DELETE']],
  ['unsent', ['INSERT']],
  ['sync_state', ['UPDATE']],
  ['ledger_entries', ['INSERT']],
  ['ledger_status_events', ['INSERT']],
  ['earnings_rollup_amounts', ['INSERT', 'UPDATE']],
];

const say = (line: string) => writeSync(1, `${line}\n`);

function main(): void {
  const [mode, file, killAtArg] = process.argv.slice(2) as [string, string, string];
  const killAt = Number(killAtArg);
  const db = openDatabase(file);
  say(
    `PRAGMAS ${db.pragma('journal_mode', { simple: true })} ${db.pragma('synchronous', { simple: true })}`,
  );
  let counting = false;
  let writes = 0;
  db.function('kill_point', () => {
    if (!counting || ++writes !== killAt) return 0;
    say(`KILL-POINT ${writes} ${db.inTransaction ? 'in-transaction' : 'autocommit'}`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
    return 0;
  });
  for (const [table, events] of WATCHED)
    for (const event of events)
      db.exec(
        `CREATE TEMP TRIGGER kill_${table}_${event} AFTER ${event} ON main.${table}
         BEGIN SELECT kill_point(); END;`,
      );

  if (mode === 'page') {
    counting = true;
    for (let page = 1; ; page++) {
      const changes = Array.from({ length: TASKS_PER_PAGE }, (_, n) => ({
        seq: page * 1000 + n + 1,
        kind: 'task' as const,
        task: pageTask(page, n),
      }));
      applyPage(db, { changes, cursor: `c-${page}` }, T0);
      say(`ACK ${page} ${writes}`);
    }
  }

  const seed = (n: number) =>
    db
      .prepare(
        `INSERT OR IGNORE INTO tasks (id, brand_id, external_ref, subject, channel, complexity, status, holder_id, created_at, updated_at)
         VALUES (?, 'brand-1', ?, 'Seeded', 'email', 1, 'claimed', 'adv-1', 0, 0)`,
      )
      .run(`task-${n}`, `ext-task-${n}`);
  const note = (n: number) =>
    enqueueAction(
      db,
      { type: 'note', taskId: `task-${n % 5}`, body: `Internal note ${n}` },
      (tx) => {
        const id = `local-${n}`;
        tx.prepare(
          `INSERT INTO messages (id, task_id, author_kind, author_name, visibility, body, created_at, pending)
           VALUES (?, ?, 'advocate', 'Ada', 'internal', ?, ?, 1)`,
        ).run(id, `task-${n % 5}`, `Internal note ${n}`, T0 + n);
        return { insertedMessageIds: [id] };
      },
      T0 + n,
    );

  if (mode === 'enqueue') {
    for (let n = 0; n < 5; n++) seed(n);
    counting = true;
    for (let n = 0; ; n++) say(`ACK ${note(n)}`);
  }

  if (mode === 'settle') {
    for (let n = 0; n < 5; n++) seed(n);
    for (let n = 0; n < 60; n++) say(`ROW ${note(n)} Internal note ${n}`);
    counting = true;
    // Odd rows are refused (undo, text to the tray), even ones applied.
    for (const [i, row] of listOutbox(db, 1000).entries()) {
      settleAction(
        db,
        row,
        i % 2 === 0
          ? { key: row.key, status: 'applied', taskId: row.taskId!, version: T0 + i }
          : { key: row.key, status: 'rejected', message: 'no' },
        T0 + i,
      );
      say(`ACK ${row.key}`);
    }
    say('DONE');
    return;
  }

  if (mode === 'ledger') {
    counting = true;
    for (let n = 1; ; n++) {
      applyLedgerEntry(db, ledgerEntry(n), T0 + n);
      say(`ACK e-${n}`);
    }
  }
  throw new Error(`unknown mode ${mode}`);
}

main();
