/**
 * SIGKILL at chosen row writes inside an initial sync's snapshot load (its first feed page from
 * the first-page read, and the bulk load that drops the task indexes, writes the rest and
 * rebuilds them): after the kill, the file is consistent (integrity, foreign keys, every index
 * back), holds either nothing of the snapshot or exactly its first page, never a cursor without
 * all rows, and the advocate's own rows (outbox, drafts, "Not sent") are untouched; loading
 * again (a restart) completes it, ending exactly as an uninterrupted load ends (each row once,
 * in the same order). A restart that reads changed snapshots (a task of the first page taken
 * meanwhile, another edited, a new one) ends as an uninterrupted load of those: nothing of the
 * interrupted first page is left over.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/core/db/open';
import { appAppliers } from '../../../src/core/handlers/changeAppliers';
import { loadSnapshot } from '../../../src/core/sync/snapshotLoad';
import {
  CHANGED_CURSOR,
  SNAPSHOT_CURSOR,
  SNAPSHOT_FIRST_PAGE,
  SNAPSHOT_TASKS,
  snapshotSource,
} from './snapshotUnits';
import { T0 } from './units';

const POINTS = 30;
const root = resolve(__dirname, '../../..');
const bundle = join(root, 'node_modules/.cache/gigdesk-crash/snapshotKillChild.mjs');
let dir: string;
let template: string;

const indexes = (db: Db) =>
  db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('tasks', 'messages') ORDER BY name",
    )
    .all();
const advocateRows = (db: Db) => ({
  outbox: db.prepare('SELECT * FROM outbox').all(),
  drafts: db.prepare('SELECT * FROM drafts').all(),
  unsent: db.prepare('SELECT * FROM unsent').all(),
});

let expectedIndexes: unknown[];
let expectedAdvocateRows: ReturnType<typeof advocateRows>;

beforeAll(async () => {
  mkdirSync(join(root, 'node_modules/.cache/gigdesk-crash'), { recursive: true });
  await build({
    entryPoints: [join(__dirname, 'snapshotKillChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['better-sqlite3'],
    outfile: bundle,
    logLevel: 'error',
  });
  dir = mkdtempSync(join(tmpdir(), 'gigdesk-snapshot-kill-'));
  template = join(dir, 'template.sqlite');
  const db = openDatabase(template);
  // What the advocate wrote before the initial sync: none of it may change.
  db.prepare(
    `INSERT INTO outbox (idempotency_key, task_id, type, payload, created_at, parked_at)
     VALUES ('key-000001', 'p1-t3', 'note', '{"body":"kept"}', ?, ?)`,
  ).run(T0, T0);
  db.prepare(
    "INSERT INTO drafts (task_id, kind, body, updated_at) VALUES ('p1-t3', 'reply', 'Draft', ?)",
  ).run(T0);
  db.prepare(
    `INSERT INTO unsent (task_id, subject, type, body, reason, created_at)
     VALUES ('p1-t4', 'Subject', 'reply', 'Refused text', 'conflict', ?)`,
  ).run(T0);
  expectedIndexes = indexes(db);
  expectedAdvocateRows = advocateRows(db);
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runChild(file: string, at: number): Promise<{ lines: string[]; signal: string | null }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bundle, file, String(at)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!killed && /KILL-POINT \d+ \S+\n/.test(out)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => done({ lines: out.split('\n'), signal }));
  });
}

function reopen(file: string): Db {
  const db = openDatabase(file);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  return db;
}

/** Every task and message column, by id: what a load leaves, whatever order it wrote in. */
const contents = (db: Db) => ({
  tasks: db.prepare('SELECT * FROM tasks ORDER BY id').all(),
  messages: db.prepare('SELECT * FROM messages ORDER BY id').all(),
});

/** Tasks in rowid order with it (the feed breaks ties by rowid), messages as a task shows them. */
const rows = (db: Db) => ({
  tasks: db.prepare('SELECT rowid, * FROM tasks ORDER BY rowid').all(),
  messages: db
    .prepare(
      'SELECT id, task_id, body, created_at, pending FROM messages ORDER BY task_id, created_at, rowid',
    )
    .all(),
});

const count = (db: Db, table: string) =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const cursorOf = (db: Db) => db.prepare('SELECT cursor FROM sync_state').pluck().get();

describe('kill points inside a snapshot load', () => {
  it('leaves nothing or the whole first page, every index, the advocate’s rows; a restart completes it', async () => {
    const full = join(dir, 'full.sqlite');
    copyFileSync(template, full);
    const { lines } = await runChild(full, 0);
    const span = Number(lines.find((l) => l.startsWith('DONE'))!.split(' ')[2]);
    expect(span).toBeGreaterThan(SNAPSHOT_TASKS * 3);
    const uninterrupted = reopen(full);
    const expectedRows = rows(uninterrupted);
    uninterrupted.close();
    const changedFile = join(dir, 'changed.sqlite');
    copyFileSync(template, changedFile);
    const changed = reopen(changedFile);
    await loadSnapshot(
      changed,
      snapshotSource('changed'),
      appAppliers,
      () => T0,
      () => {},
      SNAPSHOT_FIRST_PAGE,
    );
    const expectedChanged = contents(changed);
    changed.close();

    const points = Array.from({ length: POINTS }, (_, i) =>
      Math.max(1, Math.round(((i + 0.5) * span) / POINTS)),
    );
    const run = async (at: number) => {
      const file = join(dir, `kill-${at}.sqlite`);
      copyFileSync(template, file);
      const { lines: said, signal } = await runChild(file, at);
      expect(signal, `killed at ${at}`).toBe('SIGKILL');
      expect(said.find((l) => l.startsWith('KILL-POINT'))).toMatch(/in-transaction$/);
      const db = reopen(file);
      const later = join(dir, `kill-${at}-later.sqlite`);
      try {
        const firstCommitted = said.includes('FIRST');
        expect(count(db, 'tasks')).toBe(firstCommitted ? SNAPSHOT_FIRST_PAGE : 0);
        expect(count(db, 'messages')).toBe(firstCommitted ? SNAPSHOT_FIRST_PAGE * 2 : 0);
        expect(cursorOf(db)).toBeNull();
        expect(indexes(db)).toEqual(expectedIndexes);
        expect(advocateRows(db)).toEqual(expectedAdvocateRows);
        // The same file for a restart that reads the snapshots again after they changed.
        db.pragma('wal_checkpoint(TRUNCATE)');
        copyFileSync(file, later);
        // The restart: the same load again (as the child runs it) completes, over whatever the
        // kill left.
        const result = await loadSnapshot(
          db,
          snapshotSource(),
          appAppliers,
          () => T0,
          () => {},
          SNAPSHOT_FIRST_PAGE,
        );
        expect(result?.tasks).toBe(SNAPSHOT_TASKS);
        expect(count(db, 'tasks')).toBe(SNAPSHOT_TASKS);
        expect(count(db, 'messages')).toBe(SNAPSHOT_TASKS * 2);
        expect(cursorOf(db)).toBe(SNAPSHOT_CURSOR);
        expect(indexes(db)).toEqual(expectedIndexes);
        expect(advocateRows(db)).toEqual(expectedAdvocateRows);
        expect(rows(db)).toEqual(expectedRows);

        const again = reopen(later);
        try {
          const result = await loadSnapshot(
            again,
            snapshotSource('changed'),
            appAppliers,
            () => T0,
            () => {},
            SNAPSHOT_FIRST_PAGE,
          );
          expect(result?.cursor).toBe(CHANGED_CURSOR);
          expect(again.pragma('foreign_key_check')).toEqual([]);
          expect(indexes(again)).toEqual(expectedIndexes);
          expect(advocateRows(again)).toEqual(expectedAdvocateRows);
          expect(contents(again)).toEqual(expectedChanged);
        } finally {
          again.close();
        }
      } finally {
        db.close();
      }
    };
    const queue = [...points];
    await Promise.all(
      [0, 1].map(async () => {
        for (let at = queue.shift(); at !== undefined; at = queue.shift()) await run(at);
      }),
    );
  }, 240_000);
});
