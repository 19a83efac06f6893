/**
 * Ordering of the opaque sync cursors the feed server issues, for the app: which of two cursors
 * holds more (a change event carries the head cursor; snapshots each carry their own). Kept in
 * one place so that a new cursor format changes only this file.
 */

/** A cursor as a comparable number, or null when it is not one this app understands. */
function position(cursor: string): number | null {
  return /^\d{1,15}$/.test(cursor) ? Number(cursor) : null;
}

/** Whether `held` is at or past `wanted` (a pull from `held` would bring nothing up to it). */
export function cursorHolds(held: string | null, wanted: string): boolean {
  if (held === null) return false;
  const h = position(held);
  const w = position(wanted);
  return h !== null && w !== null && h >= w;
}

/**
 * The earliest of the cursors: continuing from it misses nothing any of them left out. A cursor
 * this app cannot read makes it start from the beginning ('' is "from the start").
 */
export function earliestCursor(cursors: readonly string[]): string {
  if (cursors.some((c) => position(c) === null)) return '';
  let earliest = cursors[0] ?? '';
  for (const c of cursors) if (cursorHolds(earliest, c)) earliest = c;
  return earliest;
}
