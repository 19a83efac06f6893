import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, openDatabase } from '../../../src/core/db/open';
import { latestSchemaVersion, migrations } from '../../../src/core/db/migrations';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-db-'));
  dirs.push(dir);
  return join(dir, 'local.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('local database', () => {
  it('migrates a new file to the latest version with WAL and foreign keys on', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name")
      .pluck()
      .all();
    for (const name of [
      'tasks',
      'messages',
      'articles',
      'articles_terms',
      'macros',
      'ledger_entries',
      'ratings',
      'outbox',
      'sync_state',
      'settings',
    ]) {
      expect(tables).toContain(name);
    }
    db.close();
  });

  it('creates a new file with 16 KiB pages and keeps an existing file at its own page size', () => {
    expect(openDatabase(tempFile()).pragma('page_size', { simple: true })).toBe(16384);
    const old = tempFile();
    const made = new Database(old);
    made.pragma('journal_mode = WAL');
    made.close();
    const db = openDatabase(old);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
  });

  it('lists migrations in strictly increasing order', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('reopens an up-to-date file without applying anything again', () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    db.close();
  });

  it('refuses a database from a newer version, naming both versions, and leaves it unchanged', () => {
    const file = tempFile();
    const future = latestSchemaVersion + 7;
    const raw = new Database(file);
    raw.exec('CREATE TABLE from_the_future (x INTEGER)');
    raw.pragma(`user_version = ${future}`);
    raw.close();
    const before = readFileSync(file);

    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    const message = (error as Error).message;
    expect(message).toContain(String(future));
    expect(message).toContain(String(latestSchemaVersion));
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('rolls back every step of a migration run that fails part-way', () => {
    const file = tempFile();
    const raw = new Database(file);
    // A table the first migration also creates makes it fail after its first statements ran.
    raw.exec('CREATE TABLE outbox (x INTEGER)');
    raw.close();
    expect(() => openDatabase(file)).toThrow(/outbox/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    const tables = check
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all();
    expect(tables).toEqual(['outbox']);
    check.close();
  });
});
