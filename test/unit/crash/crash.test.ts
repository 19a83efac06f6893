import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/core/db/open';
import { TASKS_PER_PAGE } from './worker';

/**
 * SIGKILL a child process in the middle of the app's real write paths (a sync page, outbox
 * rows, ledger entries), then reopen the file as the app would and check that every committed
 * unit is there exactly once and nothing is half-applied.
 */

const worker = join(__dirname, 'worker.ts');
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Killed {
  /** Units the child reported committed before it died, in order. */
  acked: string[];
  signal: NodeJS.Signals | null;
}

/** Runs the worker until it has committed at least `minAcks` units, then kills it mid-write. */
function runAndKill(mode: string, file: string, minAcks: number): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, mode, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let buffer = '';
    let stderr = '';
    let killing = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`worker ${mode} made no progress: ${stderr.slice(0, 2000)}`));
    }, 60_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) if (line !== 'ready') acked.push(line);
      if (!killing && acked.length >= minAcks) {
        killing = true;
        // A few ms later, so the kill lands at a random point inside the next write.
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 15));
      }
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (!killing) reject(new Error(`worker ${mode} exited on its own: ${stderr.slice(0, 2000)}`));
      else resolve({ acked, signal });
    });
  });
}

function reopen(file: string): Db {
  const db = openDatabase(file);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  return db;
}

describe('crash safety under SIGKILL', () => {
  it('a sync page and its cursor land together or not at all', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gigdesk-crash-'));
    const file = join(dir, 'gigdesk.sqlite');
    for (const round of [1, 2]) {
      const { acked, signal } = await runAndKill('sync', file, round * 5);
      expect(signal).toBe('SIGKILL');
      const lastAcked = Number(acked.at(-1)!.split(' ')[1]);
      const db = reopen(file);
      try {
        const cursor = (
          db.prepare('SELECT cursor FROM sync_state WHERE id = 1').get() as { cursor: string }
        ).cursor;
        const cursorPage = Number(cursor.replace('c-', ''));
        // The child may have committed one more page than it managed to report.
        expect(cursorPage === lastAcked || cursorPage === lastAcked + 1).toBe(true);
        const perPage = db
          .prepare(
            `SELECT cast(substr(id, 2, instr(id, '-') - 2) AS INTEGER) AS page, count(*) AS tasks
             FROM tasks GROUP BY page ORDER BY page`,
          )
          .all() as { page: number; tasks: number }[];
        // Exactly the pages up to the cursor, each one whole.
        expect(perPage.map((p) => p.page)).toEqual(
          Array.from({ length: cursorPage }, (_, i) => i + 1),
        );
        expect(perPage.every((p) => p.tasks === TASKS_PER_PAGE)).toBe(true);
        const messages = db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number };
        expect(messages.n).toBe(cursorPage * TASKS_PER_PAGE * 2);
      } finally {
        db.close();
      }
    }
  }, 120_000);

  it('every committed action is in the outbox exactly once, with its local effect', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gigdesk-crash-'));
    const file = join(dir, 'gigdesk.sqlite');
    const allAcked: string[] = [];
    for (const round of [1, 2]) {
      const { acked } = await runAndKill('outbox', file, round * 40);
      allAcked.push(...acked.map((line) => line.split(' ')[1]!));
      const db = reopen(file);
      try {
        const rows = db
          .prepare('SELECT seq, idempotency_key AS key, payload, undo FROM outbox ORDER BY seq')
          .all() as { seq: number; key: string; payload: string; undo: string }[];
        const keys = rows.map((r) => r.key);
        for (const key of allAcked) expect(keys.filter((k) => k === key)).toHaveLength(1);
        // At most the one action per child that committed but was not reported yet.
        expect(rows.length - allAcked.length).toBeGreaterThanOrEqual(0);
        expect(rows.length - allAcked.length).toBeLessThanOrEqual(round);
        for (const row of rows) {
          expect((JSON.parse(row.payload) as { key: string }).key).toBe(row.key);
          const undo = JSON.parse(row.undo) as { insertedMessageIds: string[] };
          const found = db
            .prepare(`SELECT count(*) AS n FROM messages WHERE id = ? AND pending = 1`)
            .get(undo.insertedMessageIds[0]) as { n: number };
          expect(found.n).toBe(1);
        }
        // No local effect without its outbox row.
        const pending = db
          .prepare('SELECT count(*) AS n FROM messages WHERE pending = 1')
          .get() as {
          n: number;
        };
        expect(pending.n).toBe(rows.length);
      } finally {
        db.close();
      }
    }
  }, 120_000);

  it('ledger entries land whole: entry, status and roll-ups agree', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gigdesk-crash-'));
    const file = join(dir, 'gigdesk.sqlite');
    for (const round of [1, 2]) {
      const { acked } = await runAndKill('ledger', file, round * 40);
      const lastAcked = Number(acked.at(-1)!.replace('entry e-', ''));
      const db = reopen(file);
      try {
        const ids = (db.prepare('SELECT id FROM ledger_entries').all() as { id: string }[])
          .map((r) => Number(r.id.replace('e-', '')))
          .sort((a, b) => a - b);
        expect(ids.length === lastAcked || ids.length === lastAcked + 1).toBe(true);
        expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
        const orphans = db
          .prepare(
            `SELECT count(*) AS n FROM ledger_entries e
             WHERE NOT EXISTS (SELECT 1 FROM ledger_status_events s WHERE s.entry_id = e.id)`,
          )
          .get() as { n: number };
        expect(orphans.n).toBe(0);
        const ledger = db
          .prepare(
            'SELECT coalesce(sum(amount_minor), 0) AS total, count(*) AS n FROM ledger_entries',
          )
          .get() as { total: number; n: number };
        const rollup = db
          .prepare(
            'SELECT coalesce(sum(amount_minor), 0) AS total, coalesce(sum(entries), 0) AS n FROM earnings_rollup_amounts',
          )
          .get() as { total: number; n: number };
        expect(rollup).toEqual(ledger);
      } finally {
        db.close();
      }
    }
  }, 120_000);
});
