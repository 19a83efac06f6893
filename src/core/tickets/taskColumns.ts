import type { MessageRow, MessageView, TaskRow, TaskView } from '../../shared/protocol';
import { TASK_COLUMNS } from '../../shared/snapshotRows';
import { type BrandEstimate, taskEstimate } from '../earnings/estimates';

/**
 * The one list of what a server task writes into the local `tasks` table: each column with the
 * `TaskView` field it comes from, then the two columns of the brand's payout estimate. The
 * per-change upsert, the batched page write and the snapshot bulk load all take their column
 * lists and values from here (a new task column is one line here).
 */
const FROM_TASK = [
  ['id', 'id'],
  ['brand_id', 'brandId'],
  ['external_ref', 'externalRef'],
  ['subject', 'subject'],
  ['channel', 'channel'],
  ['skills', 'skills'],
  ['complexity', 'complexity'],
  ['min_tier', 'minTier'],
  ['status', 'status'],
  ['holder_id', 'holderId'],
  ['lease_expires_at', 'leaseExpiresAt'],
  ['offered_to', 'offeredTo'],
  ['offer_expires_at', 'offerExpiresAt'],
  ['customer_name', 'customerName'],
  ['sla_due_at', 'slaDueAt'],
  ['created_at', 'createdAt'],
  ['updated_at', 'updatedAt'],
  ['customer_id', 'customerId'],
  ['language', 'language'],
  ['ageing_bonus_minor', 'ageingBonusMinor'],
  // Not in snapshot rows (only `task` changes carry it): a row writes NULL.
  ['escalation_outcome', 'escalationOutcome'],
] as const satisfies readonly (readonly [string, keyof TaskView])[];

/** The written columns, in the order of `taskValues` (the id first). */
export const TASK_WRITE_COLUMNS: readonly string[] = [
  ...FROM_TASK.map(([column]) => column),
  'payout_estimate_minor',
  'currency',
];

export const TASK_WRITE_WIDTH = TASK_WRITE_COLUMNS.length;

/**
 * Columns an action of ours waiting in the outbox (`local_state` set) keeps: the server's view
 * of who holds the task must not overwrite the optimistic effect; the action's answer settles it.
 */
export const LOCALLY_HELD_COLUMNS: ReadonlySet<string> = new Set([
  'status',
  'holder_id',
  'lease_expires_at',
]);

const FIELDS: readonly (keyof TaskView)[] = FROM_TASK.map(([, field]) => field);
/** Where each field sits in a snapshot's `TaskRow` (-1: rows do not carry it). */
const ROW_INDEX: readonly number[] = FROM_TASK.map(([, field]) =>
  (TASK_COLUMNS as readonly string[]).indexOf(field),
);
const SKILLS = FIELDS.indexOf('skills');
const OUTCOME = FIELDS.indexOf('escalationOutcome');
const COMPLEXITY = FIELDS.indexOf('complexity');
const AGEING_BONUS = FIELDS.indexOf('ageingBonusMinor');
const PAYOUT = FIELDS.length;

/** Skills and an escalation's outcome are stored as JSON; absent optional fields as NULL. */
const stored = (k: number, value: unknown): unknown =>
  k === SKILLS || (k === OUTCOME && value) ? JSON.stringify(value) : (value ?? null);

function putEstimate(into: unknown[], at: number, estimate: BrandEstimate | null): void {
  const complexity = into[at + COMPLEXITY] as number;
  const bonus = into[at + AGEING_BONUS] as number | null;
  into[at + PAYOUT] = taskEstimate(estimate, complexity, bonus);
  into[at + PAYOUT + 1] = estimate?.currency ?? null;
}

/** A task's values of `TASK_WRITE_COLUMNS`, written into `into` from `at`. */
export function putTaskValues(
  into: unknown[],
  at: number,
  t: TaskView,
  estimate: BrandEstimate | null,
): void {
  for (let k = 0; k < FIELDS.length; k++) into[at + k] = stored(k, t[FIELDS[k]!]);
  putEstimate(into, at, estimate);
}

/** The same from a snapshot's compact row. */
export function putRowValues(
  into: unknown[],
  at: number,
  r: TaskRow,
  estimate: BrandEstimate | null,
): void {
  for (let k = 0; k < ROW_INDEX.length; k++)
    into[at + k] = ROW_INDEX[k]! < 0 ? null : stored(k, r[ROW_INDEX[k]!]);
  putEstimate(into, at, estimate);
}

/** The `messages` columns a server message writes (`pending` is 0), in order. */
export const MESSAGE_WRITE_COLUMNS = [
  'id',
  'task_id',
  'author_kind',
  'author_name',
  'visibility',
  'body',
  'created_at',
] as const;

export const MESSAGE_WRITE_WIDTH = MESSAGE_WRITE_COLUMNS.length;

const visibility = (kind: MessageView['kind']) => (kind === 'message' ? 'public' : 'internal');

export function putMessageValues(into: unknown[], at: number, taskId: string, m: MessageView) {
  into[at] = m.id;
  into[at + 1] = taskId;
  into[at + 2] = m.author;
  into[at + 3] = m.authorName;
  into[at + 4] = visibility(m.kind);
  into[at + 5] = m.body;
  into[at + 6] = m.createdAt;
}

export function putMessageRowValues(into: unknown[], at: number, taskId: string, m: MessageRow) {
  into[at] = m[0];
  into[at + 1] = taskId;
  into[at + 2] = m[1];
  into[at + 3] = m[2];
  into[at + 4] = visibility(m[3]);
  into[at + 5] = m[4];
  into[at + 6] = m[6];
}

/** `(?, …), (?, …)`: `rows` rows of `width` placeholders. */
export function placeholders(rows: number, width: number): string {
  const row = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  return Array.from({ length: rows }, () => row).join(', ');
}
