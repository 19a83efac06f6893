/**
 * Positions in the feed server's change log, as carried by sync cursors and change events.
 *
 * A position is `(xid, seq)`: on PostgreSQL the writing transaction's id (`pg_current_xact_id()`)
 * and the row's sequence number, ordered by xid then seq, and read only below the oldest
 * transaction still running, so a cursor never passes a change that commits later. On SQLite
 * (one writer) xid is always 0 and the position is the seq alone.
 *
 * Text forms: `"<xid>.<seq>"`, or a bare `"<seq>"` meaning xid 0 — the form every cursor had
 * before the xid order (old cursors keep working: rows written before it carry xid 0).
 * `"<xid>.0"` is "everything written by transactions older than xid" (a snapshot's horizon).
 * Apps treat cursors as opaque except to ask whether one holds another (`cursorHolds`).
 */
export interface Position {
  xid: bigint;
  seq: bigint;
}

const FORM = /^(?:(\d{1,20})\.)?(\d{1,19})$/;
const MAX = (1n << 63n) - 1n;

/** The position a cursor names, or null when it is not a cursor a server issued. */
export function parseCursor(text: string): Position | null {
  const m = FORM.exec(text);
  if (!m) return null;
  const xid = BigInt(m[1] ?? '0');
  const seq = BigInt(m[2]!);
  if (xid > (1n << 64n) - 1n || seq > MAX) return null;
  return { xid, seq };
}

/** The cursor's text: bare seq for xid 0 (SQLite, and rows from before the xid order). */
export function formatCursor(p: Position): string {
  return p.xid === 0n ? String(p.seq) : `${p.xid}.${p.seq}`;
}

/** The cursor that continues after everything older transactions than `xmin` wrote. */
export const horizonCursor = (xmin: bigint | string): string => `${BigInt(xmin)}.0`;

export function comparePositions(a: Position, b: Position): number {
  if (a.xid !== b.xid) return a.xid < b.xid ? -1 : 1;
  return a.seq === b.seq ? 0 : a.seq < b.seq ? -1 : 1;
}

/**
 * Whether an app whose cursor is `held` already has the change at `announced` (a change
 * event's cursor): then it need not pull. False when either is missing or unreadable.
 */
export function cursorHolds(held: string | null | undefined, announced: string | null): boolean {
  if (!held || !announced) return false;
  const h = parseCursor(held);
  const a = parseCursor(announced);
  return h !== null && a !== null && comparePositions(h, a) >= 0;
}

/** The later of two cursors (unreadable ones lose); null when neither is readable. */
export function laterCursor(a: string | null, b: string | null): string | null {
  const pa = a === null ? null : parseCursor(a);
  const pb = b === null ? null : parseCursor(b);
  if (!pa) return pb ? b : null;
  if (!pb) return a;
  return comparePositions(pa, pb) >= 0 ? a : b;
}

/**
 * The earliest of the cursors (initial sync applies several snapshots, each with its own):
 * continuing from it misses nothing any of them left out. An unreadable one means "from the
 * start" ('').
 */
export function earliestCursor(cursors: readonly string[]): string {
  let earliest: { text: string; at: Position } | null = null;
  for (const text of cursors) {
    const at = parseCursor(text);
    if (!at) return '';
    if (!earliest || comparePositions(at, earliest.at) < 0) earliest = { text, at };
  }
  return earliest?.text ?? '';
}
