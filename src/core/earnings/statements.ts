import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

const cache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, compiled once per database handle (the hot summary paths reuse them). */
export function prepared<P extends unknown[] = unknown[], R = unknown>(
  db: Db,
  sql: string,
): Statement<P, R> {
  let map = cache.get(db);
  if (!map) {
    map = new Map();
    cache.set(db, map);
  }
  let statement = map.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    map.set(sql, statement);
  }
  return statement as unknown as Statement<P, R>;
}
