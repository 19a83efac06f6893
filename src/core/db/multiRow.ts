import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

/**
 * Rows gathered into multi-row statements (`INSERT … VALUES (…), (…)`): one call into SQLite
 * per `per` rows instead of one per row. `next()` answers where the next row's `width` values go
 * in `values` (one flat array, reused for every full statement); `flush()` writes what is
 * gathered, a remainder in power-of-two statements so that a handle prepares at most a dozen
 * sizes of each statement whatever the row counts. The values are passed to `run` as arguments,
 * not as one array: better-sqlite3 then reads each value from the call's arguments instead of
 * asking V8 for each array element, ~20 % less CPU binding strings and ~40 % numbers.
 */
export interface MultiRow {
  values: unknown[];
  next(): number;
  flush(): void;
}

/** Statements by key and row count, per database handle. */
const cache = new WeakMap<Db, Map<string, Statement>>();

function statement(db: Db, key: string, sql: (rows: number) => string, rows: number): Statement {
  let made = cache.get(db);
  if (!made) cache.set(db, (made = new Map()));
  const name = `${key}:${rows}`;
  let s = made.get(name);
  if (!s) made.set(name, (s = db.prepare(sql(rows))));
  return s;
}

/** `per` × `width` must stay under SQLite's 32,766 parameters. */
export function multiRow(
  db: Db,
  key: string,
  sql: (rows: number) => string,
  width: number,
  per: number,
): MultiRow {
  const values: unknown[] = new Array<unknown>(per * width);
  let rows = 0;
  const flush = () => {
    if (rows === per) statement(db, key, sql, per).run(...values);
    else {
      let from = 0;
      for (let size = 1 << Math.floor(Math.log2(per)); size >= 1; size >>= 1) {
        if (rows - from < size) continue;
        statement(db, key, sql, size).run(...values.slice(from * width, (from + size) * width));
        from += size;
      }
    }
    rows = 0;
  };
  return {
    values,
    next(): number {
      if (rows === per) flush();
      return rows++ * width;
    },
    flush: () => {
      if (rows > 0) flush();
    },
  };
}
