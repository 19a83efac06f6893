import Database from 'better-sqlite3';
import type { Db } from '../db/open';

/**
 * The search worker's own read-only connection to the app's database. WAL lets it read while
 * sync writes; a bigger page cache than SQLite's 2 MB default keeps the hot parts of the index
 * in memory (bounded: the whole index of 100,000 articles is hundreds of MB).
 */
export function openSearchConnection(file: string): Db {
  const db = new Database(file, {
    readonly: true,
    fileMustExist: true,
  });
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -16000');
  db.pragma('temp_store = MEMORY');
  return db;
}
