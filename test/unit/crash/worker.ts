/**
 * Child process for the crash tests: writes through the app's real write paths as fast as it
 * can and prints one line per COMMITTED unit ("page 7", "key <uuid>", "entry e-12"), until the
 * parent kills it with SIGKILL. Run as `node --import tsx worker.ts <mode> <db file>`.
 */
import { openDatabase } from '../../../src/core/db/open';
import { applyLedgerEntry } from '../../../src/core/earnings/apply';
import { enqueueAction } from '../../../src/core/sync/outbox';
import type { LedgerEntryView, TaskView } from '../../../src/shared/protocol';
import { taskView } from '../../support/taskViews';
import { applyPage } from '../../support/sync';

export const TASKS_PER_PAGE = 150;
export const T0 = Date.UTC(2026, 2, 14, 9, 0, 0);

export function pageTask(page: number, n: number): TaskView {
  const id = `p${page}-t${n}`;
  return taskView(n, {
    id,
    brandId: 'brand-1',
    externalRef: `ext-${id}`,
    updatedAt: T0 + page,
    messages: [0, 1].map((m) => ({
      id: `${id}-m${m}`,
      author: 'customer' as const,
      authorName: 'Ingrid Berg',
      kind: 'message' as const,
      body: `Message ${m} of ${id}: `.padEnd(400, 'x'),
      redacted: false,
      createdAt: T0 + m,
    })),
  });
}

export function ledgerEntry(n: number): LedgerEntryView {
  return {
    id: `e-${n}`,
    taskId: `task-${n}`,
    brandId: 'brand-1',
    kind: 'case',
    outcome: 'resolved',
    amountMinor: 100 + n,
    currency: 'EUR',
    status: 'pending',
    ruleVersion: 1,
    lines: [{ kind: 'base', label: 'Base', amountMinor: 100 + n }],
    occurredAt: T0 + n * 60_000,
  };
}

function lastPage(cursor: string | null): number {
  return cursor ? Number(cursor.replace('c-', '')) : 0;
}

function main(): void {
  const [mode, file] = process.argv.slice(2);
  if (!mode || !file) throw new Error('usage: worker.ts <sync|outbox|ledger> <db file>');
  const db = openDatabase(file);
  const say = (line: string) => process.stdout.write(`${line}\n`);

  if (mode === 'sync') {
    const row = db.prepare('SELECT cursor FROM sync_state WHERE id = 1').get() as {
      cursor: string | null;
    };
    say('ready');
    for (let page = lastPage(row.cursor) + 1; ; page++) {
      const changes = Array.from({ length: TASKS_PER_PAGE }, (_, n) => ({
        seq: page * 1000 + n + 1,
        kind: 'task' as const,
        task: pageTask(page, n),
      }));
      applyPage(db, { changes, cursor: `c-${page}` }, T0);
      say(`page ${page}`);
    }
  }

  if (mode === 'outbox') {
    say('ready');
    for (let n = 0; ; n++) {
      const taskId = `task-${n % 5}`;
      const messageId = `local-${process.pid}-${n}`;
      const key = enqueueAction(
        db,
        { type: 'note', taskId, body: `Internal note ${n}` },
        (tx) => {
          tx.prepare(
            `INSERT OR IGNORE INTO tasks (id, brand_id, external_ref, subject, channel, complexity, status, created_at, updated_at)
             VALUES (?, 'brand-1', ?, 'Seeded', 'email', 1, 'claimed', 0, 0)`,
          ).run(taskId, `ext-${taskId}`);
          tx.prepare(
            `INSERT INTO messages (id, task_id, author_kind, author_name, visibility, body, created_at, pending)
             VALUES (?, ?, 'advocate', 'Ada', 'internal', ?, ?, 1)`,
          ).run(messageId, taskId, `Internal note ${n}`, T0 + n);
          return { insertedMessageIds: [messageId] };
        },
        T0 + n,
      );
      say(`key ${key}`);
    }
  }

  if (mode === 'ledger') {
    const row = db.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number };
    say('ready');
    for (let n = row.n + 1; ; n++) {
      applyLedgerEntry(db, ledgerEntry(n), T0 + n);
      say(`entry e-${n}`);
    }
  }
  throw new Error(`unknown mode ${mode}`);
}

if (process.argv[1]?.endsWith('worker.ts')) main();
