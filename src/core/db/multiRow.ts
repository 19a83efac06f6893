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

/**
 * A statement of `rows` rows, without the columns at the positions `omit` (ascending) when the
 * writer was given `omittable` ones.
 */
export type MultiRowSql = (rows: number, omit: readonly number[]) => string;

/** Statements by key and row count, per database handle. */
const cache = new WeakMap<Db, Map<string, Statement>>();

function statement(db: Db, name: string, sql: () => string): Statement {
  let made = cache.get(db);
  if (!made) cache.set(db, (made = new Map()));
  let s = made.get(name);
  if (!s) made.set(name, (s = db.prepare(sql())));
  return s;
}

const NONE: readonly number[] = [];

/**
 * `per` × `width` must stay under SQLite's 32,766 parameters. `omittable`: positions of columns
 * whose default is NULL; one that is null in every row of a statement is left out of it (a
 * bound null costs about as much as a bound string: ~20 % of a task insert's CPU for the seven
 * a snapshot task leaves null).
 */
export function multiRow(
  db: Db,
  key: string,
  sql: MultiRowSql,
  width: number,
  per: number,
  omittable: readonly number[] = NONE,
): MultiRow {
  const values: unknown[] = new Array<unknown>(per * width);
  let rows = 0;
  const run = (from: number, size: number) => {
    const omit = omittable.filter((c) => {
      for (let at = from * width + c; at < (from + size) * width; at += width) {
        if (values[at] !== null && values[at] !== undefined) return false;
      }
      return true;
    });
    const s = statement(db, `${key}:${size}:${omit.join(',')}`, () => sql(size, omit));
    if (omit.length === 0) {
      s.run(...(size === per ? values : values.slice(from * width, (from + size) * width)));
      return;
    }
    const kept: unknown[] = [];
    for (let at = from * width, o = 0; at < (from + size) * width; at++) {
      if (at % width === omit[o]) o = (o + 1) % omit.length;
      else kept.push(values[at]);
    }
    s.run(...kept);
  };
  const flush = () => {
    if (rows === per) run(0, per);
    else {
      let from = 0;
      for (let size = 1 << Math.floor(Math.log2(per)); size >= 1; size >>= 1) {
        if (rows - from < size) continue;
        run(from, size);
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
