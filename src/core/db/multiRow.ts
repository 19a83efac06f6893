import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

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
 * Rows gathered into multi-row statements (`INSERT … VALUES (…), (…)`): one call into SQLite
 * per `per` rows instead of one per row. `next()` answers where the next row's `width` values go
 * in `values` (one flat array, reused for every full statement); `flush()` writes what is
 * gathered, a remainder in power-of-two statements so that a handle prepares at most a dozen
 * sizes of each statement whatever the row counts. The values are passed to `run` as arguments,
 * not as one array: better-sqlite3 then reads each value from the call's arguments instead of
 * asking V8 for each array element, ~20 % less CPU binding strings and ~40 % numbers.
 *
 * A class, not closures made per writer: a page's row loop calls `next()` of a new writer each
 * page, and a new closure there is a new call target, which throws away the loop's optimised
 * code (V8 "wrong call target") and has it compiled again while the page is written.
 */
export class MultiRow {
  readonly values: unknown[];
  private rows = 0;
  private readonly scratch = new Map<string, unknown[]>();

  /**
   * `per` × `width` must stay under SQLite's 32,766 parameters. `omittable`: positions of columns
   * whose default is NULL; one that is null in every row of a statement is left out of it (a
   * bound null costs about as much as a bound string: ~20 % of a task insert's CPU for the seven
   * a snapshot task leaves null).
   */
  constructor(
    private readonly db: Db,
    private readonly key: string,
    private readonly sql: MultiRowSql,
    private readonly width: number,
    private readonly per: number,
    private readonly omittable: readonly number[] = NONE,
  ) {
    this.values = new Array<unknown>(per * width);
  }

  next(): number {
    if (this.rows === this.per) this.write();
    return this.rows++ * this.width;
  }

  flush(): void {
    if (this.rows > 0) this.write();
  }

  private write(): void {
    if (this.rows === this.per) this.run(0, this.per);
    else {
      let from = 0;
      for (let size = 1 << Math.floor(Math.log2(this.per)); size >= 1; size >>= 1) {
        if (this.rows - from < size) continue;
        this.run(from, size);
        from += size;
      }
    }
    this.rows = 0;
  }

  private run(from: number, size: number): void {
    const { values, width } = this;
    const omit = this.omittable.filter((c) => allNull(values, width, from, size, c));
    const key = `${this.key}:${size}:${omit.join(',')}`;
    const s = statement(this.db, key, () => this.sql(size, omit));
    if (omit.length > 0) s.run(...this.kept(key, from, size, omit));
    else s.run(...(size === this.per ? values : values.slice(from * width, (from + size) * width)));
  }

  /**
   * The values of rows `from` to `from + size` without the columns at the positions `omit`, in
   * an array kept per statement and refilled: a new one for each statement was half of what a
   * bulk load of 100,000 tasks allocated (~47 of 105 MB), each a young-generation collection
   * sooner.
   */
  private kept(key: string, from: number, size: number, omit: readonly number[]): unknown[] {
    let out = this.scratch.get(key);
    if (!out) this.scratch.set(key, (out = new Array<unknown>(size * (this.width - omit.length))));
    fillKept(out, this.values, this.width, from, size, omit);
    return out;
  }
}

// The loops over a statement's values are functions of their own: a loop of thousands of
// values inside `run` was compiled on the stack (OSR) at every statement and its code thrown
// away at the `run(...)` after it (V8 traced 60 such deoptimisations in two 10,000-task pages).

/** Whether column `c` of rows `from` to `from + size` is null (or unset) in every row. */
function allNull(values: unknown[], width: number, from: number, size: number, c: number) {
  for (let at = from * width + c; at < (from + size) * width; at += width) {
    if (values[at] !== null && values[at] !== undefined) return false;
  }
  return true;
}

/** Writes into `out` the values of rows `from` to `from + size` without the columns `omit`. */
function fillKept(
  out: unknown[],
  values: unknown[],
  width: number,
  from: number,
  size: number,
  omit: readonly number[],
): void {
  let i = 0;
  for (let at = from * width, o = 0; at < (from + size) * width; at++) {
    if (at % width === omit[o]) o = (o + 1) % omit.length;
    else out[i++] = values[at];
  }
}
