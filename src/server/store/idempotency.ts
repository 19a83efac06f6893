/**
 * Idempotency records of `POST /v1/actions`: a repeated key answers what the first request was
 * answered. A record keeps the answer's status and message and the task's id and version (its
 * `updated_at` after the action), never task content, so what one action stores and answers is
 * bounded whatever the thread's size. Records expire after `IDEMPOTENCY_RETENTION_MS`.
 */
import type { Action, ActionRefusalCode, ActionResult } from '../../shared/protocol';
import { json, parseJson, type StoreContext, type Trx } from './context';

/**
 * 30 days. Longer than any outbox row can usefully wait: every action but `claim` needs a live
 * claim, a lease lasts at most 24 h (`leaseMinutes` ≤ 1440), and a `claim` resent after the
 * record expired is decided afresh (applied only if the task is free again).
 */
export const IDEMPOTENCY_RETENTION_MS = 30 * 24 * 60 * 60_000;

interface StoredAnswer {
  status: ActionResult['status'];
  message?: string;
  code?: string;
  values?: Record<string, string | number>;
  taskId: string;
  version?: number;
}

/** The answer sent and stored; also what a replay answers. */
export function answer(
  a: Action,
  status: ActionResult['status'],
  message?: string,
  version?: number,
  why?: Pick<ActionResult, 'code' | 'values'>,
): ActionResult {
  return {
    key: a.key,
    status,
    ...(message === undefined ? {} : { message }),
    ...(why?.code === undefined ? {} : { code: why.code }),
    ...(why?.values === undefined || Object.keys(why.values).length === 0
      ? {}
      : { values: why.values }),
    taskId: a.taskId,
    ...(version === undefined ? {} : { version }),
  };
}

/** A refusal: its code for the app to word, its English for logs. */
export function refused(
  a: Action,
  status: 'conflict' | 'rejected',
  code: ActionRefusalCode,
  message: string,
  values?: Record<string, string | number>,
): ActionResult {
  return answer(a, status, message, undefined, values ? { code, values } : { code });
}

/** The first answer under this key; a refusal when the key came with a different body. */
export async function replay(
  db: StoreContext['db'] | Trx,
  actorId: string,
  a: Action,
  hash: string,
  now: number,
): Promise<ActionResult | null> {
  const prior = await db
    .selectFrom('action_keys')
    .select(['body_hash', 'result'])
    .where('advocate_id', '=', actorId)
    .where('key', '=', a.key)
    .where('created_at', '>', now - IDEMPOTENCY_RETENTION_MS)
    .executeTakeFirst();
  return replayOf(a, hash, prior);
}

/** What a key's record keeps of an answer (JSON): never task content. */
export function recordOf(a: Action, r: ActionResult): string {
  const stored: StoredAnswer = {
    status: r.status,
    ...(r.message === undefined ? {} : { message: r.message }),
    ...(r.code === undefined ? {} : { code: r.code }),
    ...(r.values === undefined ? {} : { values: r.values }),
    taskId: a.taskId,
    ...(r.version === undefined ? {} : { version: r.version }),
  };
  return json(stored);
}

/** The answer a live record replays; null without one. */
export function replayOf(
  a: Action,
  hash: string,
  prior: { body_hash: string; result: string } | undefined | null,
): ActionResult | null {
  if (!prior) return null;
  if (prior.body_hash !== hash) {
    return refused(
      a,
      'rejected',
      'keyReused',
      'this idempotency key was already used for a different action; use a new key',
    );
  }
  // Records written before this module may hold more (a task view): only these fields answer.
  const s = parseJson<StoredAnswer>(prior.result);
  return answer(a, s.status, s.message, s.version, s);
}

export async function remember(
  trx: Trx,
  actorId: string,
  a: Action,
  hash: string,
  r: ActionResult,
  now: number,
): Promise<void> {
  // A key that expired may be used again: the old record makes room.
  await trx
    .deleteFrom('action_keys')
    .where('advocate_id', '=', actorId)
    .where('key', '=', a.key)
    .execute();
  await trx
    .insertInto('action_keys')
    .values({
      advocate_id: actorId,
      key: a.key,
      body_hash: hash,
      result: recordOf(a, r),
      created_at: now,
    })
    .execute();
}

/** Deletes records older than the retention (the server's sweeper runs it). */
export async function expireIdempotency(ctx: StoreContext, now: number): Promise<number> {
  const r = await ctx.db
    .deleteFrom('action_keys')
    .where('created_at', '<=', now - IDEMPOTENCY_RETENTION_MS)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
