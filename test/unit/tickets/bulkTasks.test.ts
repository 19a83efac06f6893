/**
 * The set-based task writers against the per-row applier they replace (`writeTask` of each
 * task in turn): initial sync's bulk load (`writeTaskRows`) and a pulled page's run of task
 * changes (`writeTasks`). Over any local state (tasks already here, an action of ours queued on
 * one, our pending replies, server messages held) and any tasks, both leave the same tasks and
 * the same messages in the order the app shows them, with every index back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/core/db/open';
import { pageEstimates } from '../../../src/core/earnings/estimates';
import { writeTaskRows } from '../../../src/core/tickets/bulkTasks';
import { writeTask, writeTasks } from '../../../src/core/tickets/taskChanges';
import type { TaskView } from '../../../src/shared/protocol';
import { taskRow } from '../../../src/shared/snapshotRows';
import { applyPage } from '../../support/sync';
import { taskView, testPayoutRules } from '../../support/taskViews';

const at = 1_800_000_000_000;

function freshDb(): Db {
  const db = openDatabase(':memory:');
  applyPage(
    db,
    {
      changes: [
        {
          seq: 1,
          kind: 'brand',
          brand: { id: 'b1', name: 'Acme', currency: 'EUR', leaseMinutes: 30 },
        },
        {
          seq: 2,
          kind: 'payout_rules',
          brandId: 'b1',
          version: 1,
          rules: testPayoutRules,
          effectiveAt: 0,
        },
      ],
      cursor: '2',
    },
    at,
  );
  return db;
}

/**
 * Tasks over a small id space (so the local and snapshot sets overlap), equal times (ties).
 * `shared`: message ids drawn from one pool for all tasks (a message that moves to another task).
 */
const message = (task: number, shared = false) =>
  fc
    .record({
      n: fc.integer({ min: 0, max: 3 }),
      kind: fc.constantFrom('message' as const, 'note' as const),
      body: fc.constantFrom('Hi', 'Thanks', 'Refund?'),
      createdAt: fc.integer({ min: 0, max: 2 }).map((t) => at + t),
    })
    .map((m) => ({
      id: shared ? `m${m.n}` : `m${task}-${m.n}`,
      author: 'customer' as const,
      authorName: 'Cleo',
      kind: m.kind,
      body: m.body,
      redacted: false,
      createdAt: m.createdAt,
    }));

const taskOf = (shared: boolean) =>
  fc.integer({ min: 0, max: 11 }).chain((i) =>
    fc
      .record({
        status: fc.constantFrom('open' as const, 'claimed' as const),
        skills: fc.subarray(['billing', 'shipping', 'returns']),
        complexity: fc.integer({ min: 1, max: 5 }),
        subject: fc.constantFrom('Where is it?', 'Broken'),
        slaDueAt: fc.option(fc.constant(at + 5_000)),
        messages: fc.uniqueArray(message(i, shared), { selector: (m) => m.id, maxLength: 3 }),
        ageingBonusMinor: fc.option(fc.integer({ min: 1, max: 500 })),
      })
      .map((o): TaskView =>
        taskView(i, { ...o, holderId: o.status === 'claimed' ? 'adv-9' : null }),
      ),
  );

const task = taskOf(false);
const tasks = fc.uniqueArray(task, { selector: (t) => t.id, maxLength: 10 });
/** A page's run of task changes: a task may come twice, a message may move between tasks. */
const pulledRun = fc.array(fc.oneof(task, taskOf(true)), { maxLength: 12 });

const local = fc.record({
  tasks,
  /** Of the local tasks: one with a claim of ours queued, one with a pending reply of ours. */
  pendingClaim: fc.nat(),
  pendingReply: fc.nat(),
  replyAt: fc.integer({ min: 0, max: 2 }).map((t) => at + t),
});

type Local = typeof local extends fc.Arbitrary<infer T> ? T : never;

function prepare(db: Db, state: Local): void {
  const estimates = pageEstimates(db);
  for (const t of state.tasks) writeTask(db, t, estimates.of(t.brandId));
  const ids = state.tasks.map((t) => t.id);
  if (ids.length === 0) return;
  db.prepare(
    "UPDATE tasks SET status = 'claimed', holder_id = 'me', local_state = 'pending_claim' WHERE id = ?",
  ).run(ids[state.pendingClaim % ids.length]);
  db.prepare(
    `INSERT INTO messages (id, task_id, author_kind, author_name, visibility, body, created_at, pending)
     VALUES ('mine', ?, 'advocate', 'Me', 'public', 'On it', ?, 1)`,
  ).run(ids[state.pendingReply % ids.length], state.replyAt);
}

const everything = (db: Db) => ({
  // In rowid order, with it: the feed breaks ties by rowid.
  tasks: db.prepare('SELECT rowid, * FROM tasks ORDER BY rowid').all(),
  // The order the app shows a task's messages in (ticketRepo: created_at, then rowid).
  messages: db
    .prepare(
      `SELECT id, task_id, author_kind, author_name, visibility, body, created_at, pending
         FROM messages ORDER BY task_id, created_at, rowid`,
    )
    .all(),
  indexes: db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
    .all(),
});

describe('bulk load of snapshot task rows', () => {
  it('leaves what writing each row as a pulled change leaves', () => {
    const one = freshDb();
    const bulk = freshDb();
    fc.assert(
      fc.property(local, tasks, (state, snapshot) => {
        // Each run starts from the same empty feed: its writes are rolled back at the end.
        one.exec('BEGIN');
        bulk.exec('BEGIN');
        prepare(one, state);
        prepare(bulk, state);
        const estimates = pageEstimates(one);
        one.transaction(() => {
          for (const t of snapshot) writeTask(one, t, estimates.of(t.brandId));
        })();
        bulk.transaction(() => writeTaskRows(bulk, snapshot.map(taskRow), pageEstimates(bulk)))();
        try {
          expect(everything(bulk)).toEqual(everything(one));
        } finally {
          one.exec('ROLLBACK');
          bulk.exec('ROLLBACK');
        }
      }),
      { numRuns: 300 },
    );
    one.close();
    bulk.close();
  });

  it('writes more rows than one statement holds, with their messages', () => {
    const db = freshDb();
    const rows = Array.from({ length: 1_234 }, (_, i) => taskRow(taskView(i)));
    db.transaction(() => writeTaskRows(db, rows, pageEstimates(db)))();
    expect(db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(1_234);
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(1_234);
    // The payout estimate of the brand's rules, as a pulled task gets it.
    expect(
      db.prepare("SELECT payout_estimate_minor, currency FROM tasks WHERE id = 't2'").get(),
    ).toEqual({ payout_estimate_minor: 500, currency: 'EUR' });
    db.close();
  });

  it('writes a task repeated in the snapshot once, and a message id already here over its row', () => {
    const db = freshDb();
    writeTask(db, taskView(9), pageEstimates(db).of('b1'));
    const t1 = taskView(1);
    const rows = [
      t1,
      // Takes over message m9 of task t9.
      taskView(2, { messages: [{ ...t1.messages[0]!, id: 'm9', body: 'Moved' }] }),
      { ...t1, subject: 'Changed', messages: [{ ...t1.messages[0]!, body: 'Changed' }] },
    ].map(taskRow);
    db.transaction(() => writeTaskRows(db, rows, pageEstimates(db)))();
    // The repeated task keeps its first place (rowid) with its last copy's values.
    expect(db.prepare('SELECT id, subject FROM tasks ORDER BY rowid').raw().all()).toEqual([
      ['t9', 'Subject 9'],
      ['t1', 'Changed'],
      ['t2', 'Subject 2'],
    ]);
    expect(db.prepare('SELECT id, task_id, body FROM messages ORDER BY id').raw().all()).toEqual([
      ['m1', 't1', 'Changed'],
      ['m9', 't2', 'Moved'],
    ]);
    db.close();
  });

  it('writes a message id already here over its row, the tasks new', () => {
    const db = freshDb();
    writeTask(db, taskView(9), pageEstimates(db).of('b1'));
    const moved = taskView(2, { messages: [{ ...taskView(9).messages[0]!, body: 'Moved' }] });
    db.transaction(() => writeTaskRows(db, [taskRow(moved)], pageEstimates(db)))();
    expect(db.prepare('SELECT id FROM tasks ORDER BY rowid').pluck().all()).toEqual(['t9', 't2']);
    expect(db.prepare('SELECT id, task_id, body FROM messages').raw().all()).toEqual([
      ['m9', 't2', 'Moved'],
    ]);
    db.close();
  });
});

describe("a pulled page's run of task changes written at once", () => {
  it('leaves what writing each change in turn leaves', () => {
    const one = freshDb();
    const run = freshDb();
    fc.assert(
      fc.property(local, pulledRun, (state, pulled) => {
        one.exec('BEGIN');
        run.exec('BEGIN');
        prepare(one, state);
        prepare(run, state);
        const estimates = pageEstimates(one);
        for (const t of pulled) writeTask(one, t, estimates.of(t.brandId));
        const runEstimates = pageEstimates(run);
        writeTasks(run, pulled, (brandId) => runEstimates.of(brandId));
        try {
          expect(everything(run)).toEqual(everything(one));
        } finally {
          one.exec('ROLLBACK');
          run.exec('ROLLBACK');
        }
      }),
      { numRuns: 400 },
    );
    one.close();
    run.close();
  });

  it('writes a long run: new tasks, changed ones and unchanged ones', () => {
    const one = freshDb();
    const run = freshDb();
    const before = Array.from({ length: 700 }, (_, i) => taskView(i));
    // Half of them again (every third changed), and 600 new ones.
    const pulled = [
      ...before
        .slice(350)
        .map((t, i) => (i % 3 === 0 ? { ...t, subject: `${t.subject} (updated)` } : t)),
      ...Array.from({ length: 600 }, (_, i) => taskView(700 + i)),
    ];
    for (const db of [one, run]) {
      const estimates = pageEstimates(db);
      db.transaction(() => writeTasks(db, before, (b) => estimates.of(b)))();
    }
    const estimates = pageEstimates(one);
    one.transaction(() => {
      for (const t of pulled) writeTask(one, t, estimates.of(t.brandId));
    })();
    const runEstimates = pageEstimates(run);
    run.transaction(() => writeTasks(run, pulled, (b) => runEstimates.of(b)))();
    expect(everything(run)).toEqual(everything(one));
    expect(run.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(1_300);
    expect(
      run.prepare("SELECT count(*) FROM tasks WHERE subject LIKE '%(updated)'").pluck().get(),
    ).toBe(117);
    one.close();
    run.close();
  });
});
