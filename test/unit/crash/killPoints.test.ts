import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/core/db/open';
import { TASKS_PER_PAGE } from './units';

/**
 * SIGKILL at chosen row writes inside the app's real write paths (a sync page, an enqueued
 * action, a settled action, a ledger entry): 50 kill points each, spread over several units.
 * The child reports that each kill point lies inside a transaction and that the database runs
 * WAL with synchronous=FULL; after the kill, the file must hold exactly the units the child
 * reported committed, each whole. A torn WAL tail (cut or corrupted last frames, as a power loss
 * leaves it) must reopen to the last whole transaction before the damage.
 */

const POINTS_PER_PATH = 50;
const root = resolve(__dirname, '../../..');
// Inside the repo so the bundle resolves better-sqlite3 from node_modules; plain node starts fast.
const bundle = join(root, 'node_modules/.cache/gigdesk-crash/killChild.mjs');
let dir: string;

beforeAll(async () => {
  mkdirSync(join(root, 'node_modules/.cache/gigdesk-crash'), { recursive: true });
  await build({
    entryPoints: [join(__dirname, 'killChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['better-sqlite3'],
    outfile: bundle,
    logLevel: 'error',
  });
  dir = mkdtempSync(join(tmpdir(), 'gigdesk-kill-'));
  // Each child starts from a copy of one migrated file, so it spends its time on the writes.
  openDatabase(join(dir, 'template.sqlite')).close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Killed {
  acks: string[];
  rows: string[];
  writes: number;
}

/** Runs the child until its `killAt`-th write, checks where that is, and SIGKILLs it there. */
function killAt(mode: string, file: string, at: number): Promise<Killed> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bundle, mode, file, String(at)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let point: string | null = null;
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /KILL-POINT (\d+) (\S+)\n/.exec(out);
      if (m && !point) {
        point = m[2]!;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => {
      const lines = out.split('\n');
      try {
        expect(signal, `${mode}@${at} was not killed: ${err.slice(0, 1500)}`).toBe('SIGKILL');
        // Durability needs both: WAL, and every commit synced to disk (synchronous=FULL is 2).
        expect(lines[0]).toBe('PRAGMAS wal 2');
        expect(point, `${mode}@${at}`).toBe('in-transaction');
        done({
          acks: lines.filter((l) => l.startsWith('ACK ')).map((l) => l.split(' ')[1]!),
          rows: lines.filter((l) => l.startsWith('ROW ')).map((l) => l.slice(4)),
          writes: at,
        });
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

function reopen(file: string): Db {
  const db = openDatabase(file);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  return db;
}

/** Kill points 1, 1+step, … over `span` writes, two children at a time (CI has 2 cores). */
async function eachKillPoint(
  mode: string,
  span: number,
  check: (db: Db, killed: Killed) => void,
): Promise<number> {
  const points = Array.from({ length: POINTS_PER_PATH }, (_, i) =>
    Math.max(1, Math.round(((i + 0.5) * span) / POINTS_PER_PATH)),
  );
  let done = 0;
  const run = async (at: number) => {
    const file = join(dir, `${mode}-${at}.sqlite`);
    copyFileSync(join(dir, 'template.sqlite'), file);
    const killed = await killAt(mode, file, at);
    const db = reopen(file);
    try {
      check(db, killed);
    } finally {
      db.close();
    }
    done++;
  };
  const queue = [...points];
  await Promise.all(
    [0, 1].map(async () => {
      for (let at = queue.shift(); at !== undefined; at = queue.shift()) await run(at);
    }),
  );
  return done;
}

function expectWholePages(db: Db, pages: number) {
  const cursor = db.prepare('SELECT cursor FROM sync_state WHERE id = 1').pluck().get();
  expect(cursor).toBe(pages === 0 ? null : `c-${pages}`);
  const perPage = db
    .prepare(
      `SELECT cast(substr(id, 2, instr(id, '-') - 2) AS INTEGER) AS page, count(*) AS n
         FROM tasks GROUP BY page ORDER BY page`,
    )
    .all() as { page: number; n: number }[];
  expect(perPage).toEqual(
    Array.from({ length: pages }, (_, i) => ({ page: i + 1, n: TASKS_PER_PAGE })),
  );
  expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(
    pages * TASKS_PER_PAGE * 2,
  );
}

describe('kill points inside the app’s transactions', () => {
  it('a sync page and its cursor land together or not at all', async () => {
    const n = await eachKillPoint('page', 1400, (db, { acks }) =>
      expectWholePages(db, acks.length),
    );
    expect(n).toBe(POINTS_PER_PATH);
  }, 240_000);

  it('an enqueued action and its local effect land together', async () => {
    const n = await eachKillPoint('enqueue', 150, (db, { acks }) => {
      const rows = db
        .prepare('SELECT idempotency_key AS key, undo FROM outbox ORDER BY seq')
        .all() as { key: string; undo: string }[];
      expect(rows.map((r) => r.key)).toEqual(acks);
      for (const row of rows) {
        const [id] = (JSON.parse(row.undo) as { insertedMessageIds: string[] }).insertedMessageIds;
        expect(db.prepare('SELECT pending FROM messages WHERE id = ?').pluck().get(id)).toBe(1);
      }
      expect(db.prepare('SELECT count(*) FROM messages WHERE pending = 1').pluck().get()).toBe(
        rows.length,
      );
    });
    expect(n).toBe(POINTS_PER_PATH);
  }, 240_000);

  it('a settled action leaves its row, its effect and its kept text together', async () => {
    const n = await eachKillPoint('settle', 175, (db, { acks, rows }) => {
      expect(rows).toHaveLength(60);
      const keys = rows.map((r) => r.split(' ')[0]!);
      const remaining = db.prepare('SELECT idempotency_key FROM outbox ORDER BY seq').pluck().all();
      expect(remaining).toEqual(keys.slice(acks.length));
      // Refused rows (odd positions) have their text in the tray; nothing else does.
      const refused = rows
        .slice(0, acks.length)
        .filter((_, i) => i % 2 === 1)
        .map((r) => r.slice(r.indexOf(' ') + 1));
      expect(db.prepare('SELECT body FROM unsent ORDER BY id').pluck().all()).toEqual(refused);
      expect(db.prepare('SELECT count(*) FROM messages WHERE pending = 1').pluck().get()).toBe(
        remaining.length,
      );
    });
    expect(n).toBe(POINTS_PER_PATH);
  }, 240_000);

  it('a ledger entry, its status and its roll-ups land together', async () => {
    const n = await eachKillPoint('ledger', 150, (db, { acks }) => {
      const ids = db.prepare('SELECT id FROM ledger_entries ORDER BY rowid').pluck().all();
      expect(ids).toEqual(acks);
      const orphans = db
        .prepare(
          `SELECT count(*) FROM ledger_entries e
            WHERE NOT EXISTS (SELECT 1 FROM ledger_status_events s WHERE s.entry_id = e.id)`,
        )
        .pluck()
        .get();
      expect(orphans).toBe(0);
      const ledger = db
        .prepare(
          'SELECT coalesce(sum(amount_minor), 0) AS total, count(*) AS n FROM ledger_entries',
        )
        .get();
      const rollup = db
        .prepare(
          'SELECT coalesce(sum(amount_minor), 0) AS total, coalesce(sum(entries), 0) AS n FROM earnings_rollup_amounts',
        )
        .get();
      expect(rollup).toEqual(ledger);
    });
    expect(n).toBe(POINTS_PER_PATH);
  }, 240_000);
});

/** The WAL's valid frames (salts matching its header), with which of them end a transaction. */
function walFrames(wal: Buffer): { offset: number; size: number; commit: boolean }[] {
  const pageSize = wal.readUInt32BE(8);
  const salt = wal.subarray(16, 24);
  const size = 24 + pageSize;
  const frames = [];
  for (let offset = 32; offset + size <= wal.length; offset += size) {
    if (!wal.subarray(offset + 8, offset + 16).equals(salt)) break;
    frames.push({ offset, size, commit: wal.readUInt32BE(offset + 4) !== 0 });
  }
  return frames;
}

describe('a torn WAL tail', () => {
  it('reopens to the last whole transaction before the damage', async () => {
    const file = join(dir, 'torn.sqlite');
    const { acks } = await killAt('page', file, 1800);
    const pages = acks.length;
    expect(pages).toBeGreaterThanOrEqual(3);
    const wal = readFileSync(`${file}-wal`);
    const frames = walFrames(wal);
    const commits = frames.flatMap((f, i) => (f.commit ? [i] : []));
    // The last page's transaction: the frames after the commit before it, up to its own commit.
    const last = commits.at(-1)!;
    const first = commits.at(-2)! + 1;
    expect(last - first).toBeGreaterThan(2);
    const mid = frames[Math.floor((first + last) / 2)]!;

    const variants: { name: string; damage: (walFile: string) => void; pages: number }[] = [
      {
        name: 'cut in the middle of a frame of the last transaction',
        damage: (w) => truncateSync(w, mid.offset + 100),
        pages: pages - 1,
      },
      {
        name: 'cut just before the last commit frame ends',
        damage: (w) => truncateSync(w, frames[last]!.offset + frames[last]!.size - 1),
        pages: pages - 1,
      },
      {
        name: 'a corrupted byte in a frame of the last transaction',
        damage: (w) => {
          const bytes = readFileSync(w);
          const at = mid.offset + 24 + 500;
          bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
          writeFileSync(w, bytes);
        },
        pages: pages - 1,
      },
      {
        name: 'garbage after the last commit (an unfinished transaction)',
        damage: (w) => {
          const bytes = readFileSync(w);
          const end = frames[last]!.offset + frames[last]!.size;
          writeFileSync(w, Buffer.concat([bytes.subarray(0, end), Buffer.alloc(3000, 0xab)]));
        },
        pages,
      },
    ];
    for (const variant of variants) {
      const copy = join(dir, `torn-${variants.indexOf(variant)}.sqlite`);
      copyFileSync(file, copy);
      copyFileSync(`${file}-wal`, `${copy}-wal`);
      if (existsSync(`${file}-shm`)) rmSync(`${copy}-shm`, { force: true });
      variant.damage(`${copy}-wal`);
      const db = reopen(copy);
      try {
        expectWholePages(db, variant.pages);
      } catch (error) {
        throw new Error(`${variant.name}: ${(error as Error).message}`, { cause: error });
      } finally {
        db.close();
      }
    }
  }, 60_000);
});
