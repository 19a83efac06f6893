/**
 * Compact rows of a snapshot: a task as the array of its `TaskView` values in `TASK_COLUMNS`
 * order (the protocol's `TaskRow` tuple), its messages likewise. A 100,000-task snapshot then
 * names each field once instead of 100,000 times.
 *
 * Ids may be written short (`ids: 'base64url'`, only for an app that names the `compact-ids`
 * capability): a UUID as its 16 bytes in base64url, 22 characters instead of 36. Random ids are
 * what compression cannot shrink, and hex spends 8 bits of text on 4 bits of id.
 */
import type { MessageRow, MessageView, TaskRow, TaskTableRows, TaskView } from './protocol';

export const MESSAGE_COLUMNS = [
  'id',
  'author',
  'authorName',
  'kind',
  'body',
  'redacted',
  'createdAt',
] as const satisfies readonly (keyof MessageView)[];

export const TASK_COLUMNS = [
  'id',
  'brandId',
  'externalRef',
  'subject',
  'channel',
  'skills',
  'complexity',
  'minTier',
  'status',
  'holderId',
  'leaseExpiresAt',
  'offeredTo',
  'offerExpiresAt',
  'customerName',
  'slaDueAt',
  'createdAt',
  'updatedAt',
  'messages',
  'customerId',
  'language',
  'ageingBonusMinor',
] as const satisfies readonly (keyof TaskView)[];

const same = (id: string): string => id;
const orNull = (f: (id: string) => string) => (id: string | null) => (id === null ? null : f(id));

/** A message as its row, its id written by `f`. */
const messageRow = (m: MessageView, f: (id: string) => string): MessageRow => [
  f(m.id),
  m.author,
  m.authorName,
  m.kind,
  m.body,
  m.redacted,
  m.createdAt,
];

/** A task as its row, its ids (task, brand, holder, offer, customer, messages') written by `f`. */
const rowWithIds = (t: TaskView, f: (id: string) => string): TaskRow => {
  const opt = orNull(f);
  return [
    f(t.id),
    f(t.brandId),
    t.externalRef,
    t.subject,
    t.channel,
    t.skills,
    t.complexity,
    t.minTier,
    t.status,
    opt(t.holderId),
    t.leaseExpiresAt,
    opt(t.offeredTo),
    t.offerExpiresAt,
    t.customerName,
    t.slaDueAt,
    t.createdAt,
    t.updatedAt,
    t.messages.map((m) => messageRow(m, f)),
    opt(t.customerId ?? null),
    t.language ?? null,
    t.ageingBonusMinor ?? null,
  ];
};

export const taskRow = (t: TaskView): TaskRow => rowWithIds(t, same);

const SHORT = 22;
/** Marks an id written as it is where it could be read as a short one. */
const ESCAPE = '~';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;
const sextet = (text: string, i: number): number => B64_VALUE[text.charCodeAt(i) & 127]!;

/** Each lowercase hex digit's value by character code, -1 for any other character. */
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;
/** Where a UUID's 32 hex digits are in its 36 characters (8-4-4-4-12, dashes between). */
const UUID_DIGIT_AT = Uint8Array.from(
  { length: 32 },
  (_, d) => d + (d >= 8 ? 1 : 0) + (d >= 12 ? 1 : 0) + (d >= 16 ? 1 : 0) + (d >= 20 ? 1 : 0),
);
const DASH = '-'.charCodeAt(0);
const B64_CODES = Uint8Array.from(B64, (c) => c.charCodeAt(0));
/** The short id being written, as character codes. */
const s = new Uint8Array(SHORT);

/**
 * A lowercase UUID's 16 bytes as 22 base64url characters (five 3-byte groups, then one byte), or
 * null for any other text. Built from character codes, with no closure or regular expression: a
 * snapshot writes two or three ids a row, 100,000 rows at a time.
 */
function uuidToShort(id: string): string | null {
  if (
    id.length !== 36 ||
    id.charCodeAt(8) !== DASH ||
    id.charCodeAt(13) !== DASH ||
    id.charCodeAt(18) !== DASH ||
    id.charCodeAt(23) !== DASH
  )
    return null;
  // Any character that is not a lowercase hex digit makes `bad` negative.
  let bad = 0;
  let n = 0;
  for (let d = 0; d < 32; d++) {
    const c = id.charCodeAt(UUID_DIGIT_AT[d]!);
    const v = c < 128 ? HEX_VALUE[c]! : -1;
    bad |= v;
    n = (n << 4) | (v & 15);
    if (d % 6 === 5) {
      const o = ((d - 5) / 6) * 4;
      s[o] = B64_CODES[n >> 18]!;
      s[o + 1] = B64_CODES[(n >> 12) & 63]!;
      s[o + 2] = B64_CODES[(n >> 6) & 63]!;
      s[o + 3] = B64_CODES[n & 63]!;
      n = 0;
    }
  }
  if (bad < 0) return null;
  s[20] = B64_CODES[n >> 2]!;
  s[21] = B64_CODES[(n & 3) << 4]!;
  // prettier-ignore
  return String.fromCharCode(
    s[0]!, s[1]!, s[2]!, s[3]!, s[4]!, s[5]!, s[6]!, s[7]!, s[8]!, s[9]!, s[10]!,
    s[11]!, s[12]!, s[13]!, s[14]!, s[15]!, s[16]!, s[17]!, s[18]!, s[19]!, s[20]!, s[21]!,
  );
}

/** Each byte's two lowercase hex digits, as character codes (byte b at 2b and 2b + 1). */
const HEX_CODES = new Uint8Array(512);
for (let b = 0; b < 256; b++) {
  HEX_CODES[2 * b] = '0123456789abcdef'.charCodeAt(b >> 4);
  HEX_CODES[2 * b + 1] = '0123456789abcdef'.charCodeAt(b & 15);
}
/** Where each of a UUID's 16 bytes goes in its 36 characters (8-4-4-4-12, dashes between). */
const UUID_BYTE_AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
/** The UUID being read, as character codes; the dashes stay. */
const uuidCodes: number[] = Array.from({ length: 36 }, () => '-'.charCodeAt(0));

function putByte(i: number, byte: number): void {
  uuidCodes[UUID_BYTE_AT[i]!] = HEX_CODES[2 * byte]!;
  uuidCodes[UUID_BYTE_AT[i]! + 1] = HEX_CODES[2 * byte + 1]!;
}

/**
 * The UUID `uuidToShort` wrote the bytes of, or null for text it cannot have written. Built from
 * character codes: a snapshot reads two or three ids a row, 100,000 rows at a time.
 */
function shortToUuid(text: string): string | null {
  for (let i = 0; i < SHORT; i++) if (sextet(text, i) < 0 || text.charCodeAt(i) > 127) return null;
  for (let i = 0, byte = 0; i < 20; i += 4, byte += 3) {
    const n =
      (sextet(text, i) << 18) |
      (sextet(text, i + 1) << 12) |
      (sextet(text, i + 2) << 6) |
      sextet(text, i + 3);
    putByte(byte, n >> 16);
    putByte(byte + 1, (n >> 8) & 255);
    putByte(byte + 2, n & 255);
  }
  putByte(15, (sextet(text, 20) << 2) | (sextet(text, 21) >> 4));
  return String.fromCharCode.apply(null, uuidCodes);
}

/** A lowercase UUID in 22 characters; any other id as it is (escaped where it could be misread). */
export function shortId(id: string): string {
  const short = uuidToShort(id);
  if (short !== null) return short;
  return id.length === SHORT || id.startsWith(ESCAPE) ? ESCAPE + id : id;
}

/** The id `shortId` wrote. */
export function longId(text: string): string {
  if (text.startsWith(ESCAPE)) return text.slice(1);
  return (text.length === SHORT ? shortToUuid(text) : null) ?? text;
}

/**
 * Rewrites a row's ids (task, brand, holder, offer, customer, messages) with `f` (the brand's
 * with `brand`), in a copy or `inPlace`.
 */
function mapIds(r: TaskRow, f: (id: string) => string, inPlace = false, brand = f): TaskRow {
  // Indexed loops and no closure made per row: initial sync calls this for 100,000 rows, and
  // each iterator result or closure is an allocation the collector then has to go through.
  const out: TaskRow = inPlace ? r : [...r];
  out[0] = f(r[0]);
  out[1] = brand(r[1]);
  out[9] = r[9] === null ? null : f(r[9]);
  out[11] = r[11] === null ? null : f(r[11]);
  out[17] = inPlace ? r[17] : r[17].map((m): MessageRow => [...m]);
  const messages = out[17];
  for (let i = 0; i < messages.length; i++) messages[i]![0] = f(messages[i]![0]);
  out[18] = r[18] === null ? null : f(r[18]);
  return out;
}

/** Tasks as the rows of a table, ids written short or as they are. */
export const taskRows = (tasks: TaskView[], shortIds = false): TaskRow[] =>
  tasks.map((t) => rowWithIds(t, shortIds ? shortId : same));

export const taskTable = (tasks: TaskView[], shortIds = false): TaskTableRows => ({
  columns: [...TASK_COLUMNS],
  messageColumns: [...MESSAGE_COLUMNS],
  ...(shortIds ? { ids: 'base64url' as const } : {}),
  rows: taskRows(tasks, shortIds),
});

/** A table's rows with their ids as the rest of the protocol writes them. */
export const plainRows = (t: TaskTableRows): TaskRow[] =>
  t.ids === 'base64url' ? t.rows.map((r) => mapIds(r, longId)) : t.rows;

/**
 * `plainRows` for a table its reader owns (initial sync's, just parsed): the ids are rewritten in
 * place and the table marked plain, so that 100,000 rows are not copied (each copy, live to the
 * end of the load, is garbage the collector moves and marks meanwhile).
 */
export function ownPlainRows(t: TaskTableRows): TaskRow[] {
  if (t.ids !== 'base64url') return t.rows;
  // The rows of a brand's snapshot share their brand: its id read once.
  let text: string | null = null;
  let id = '';
  const brand = (short: string) => (short === text ? id : (id = longId((text = short))));
  const rows = t.rows;
  for (let i = 0; i < rows.length; i++) mapIds(rows[i]!, longId, true, brand);
  delete t.ids;
  return t.rows;
}

/** Whether a table was written with the columns this app reads (else: fall back to the log). */
export const readableTable = (t: Pick<TaskTableRows, 'columns' | 'messageColumns'>): boolean =>
  t.columns.length === TASK_COLUMNS.length &&
  t.columns.every((c, i) => c === TASK_COLUMNS[i]) &&
  t.messageColumns.length === MESSAGE_COLUMNS.length &&
  t.messageColumns.every((c, i) => c === MESSAGE_COLUMNS[i]);

export const taskOfRow = (r: TaskRow): TaskView => ({
  id: r[0],
  brandId: r[1],
  externalRef: r[2],
  subject: r[3],
  channel: r[4],
  skills: r[5],
  complexity: r[6],
  minTier: r[7],
  status: r[8],
  holderId: r[9],
  leaseExpiresAt: r[10],
  offeredTo: r[11],
  offerExpiresAt: r[12],
  customerName: r[13],
  slaDueAt: r[14],
  createdAt: r[15],
  updatedAt: r[16],
  messages: r[17].map((m) => ({
    id: m[0],
    author: m[1],
    authorName: m[2],
    kind: m[3],
    body: m[4],
    redacted: m[5],
    createdAt: m[6],
  })),
  customerId: r[18],
  language: r[19],
  ageingBonusMinor: r[20],
});
