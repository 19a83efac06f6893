/**
 * Compact rows of a snapshot: a task as the array of its `TaskView` values in `TASK_COLUMNS`
 * order (the protocol's `TaskRow` tuple), its messages likewise. A 100,000-task snapshot then
 * names each field once instead of 100,000 times.
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

const messageRow = (m: MessageView): MessageRow => [
  m.id,
  m.author,
  m.authorName,
  m.kind,
  m.body,
  m.redacted,
  m.createdAt,
];

export const taskRow = (t: TaskView): TaskRow => [
  t.id,
  t.brandId,
  t.externalRef,
  t.subject,
  t.channel,
  t.skills,
  t.complexity,
  t.minTier,
  t.status,
  t.holderId,
  t.leaseExpiresAt,
  t.offeredTo,
  t.offerExpiresAt,
  t.customerName,
  t.slaDueAt,
  t.createdAt,
  t.updatedAt,
  t.messages.map(messageRow),
  t.customerId ?? null,
  t.language ?? null,
  t.ageingBonusMinor ?? null,
];

export const taskTable = (tasks: TaskView[]): TaskTableRows => ({
  columns: [...TASK_COLUMNS],
  messageColumns: [...MESSAGE_COLUMNS],
  rows: tasks.map(taskRow),
});

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
