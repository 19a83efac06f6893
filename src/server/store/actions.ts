import { sql } from 'kysely';
import { actionTable, noteOf } from '../../shared/domain/actions';
import { type LifecycleTask, nextState } from '../../shared/domain/lifecycle';
import type { Action, ActionResult } from '../../shared/protocol';
import { type ChangeWriter, json, type StoreContext, type Trx, write } from './context';
import { answer, remember, replay } from './idempotency';
import { caseClosed } from './customerCases';
import { recordTaskEvent } from './taskEvents';
import { appendTaskMessage } from './taskMessages';
import { writeCaseEntry } from './ledger';
import { whereOfferedTo } from './offers';
import { fingerprint } from './secrets';
import { changeAudience, lifecycleOf, type TaskRow } from './views';
import {
  changedMeanwhile,
  decide,
  extraWritesOf,
  noSuchAdvocate,
  OFFER_MS,
  type ResolvedAction,
  resolveTarget,
  transferTarget,
} from './actionDecision';

interface Actor {
  id: string;
  name: string;
}

const result = answer;

/**
 * Applies a batch in order, the transaction way: SQLite's path (one writer, transactions cost
 * nothing) and, where a benchmark asks for it (`actionPath: 'transaction'`), PostgreSQL's
 * reference; otherwise PostgreSQL takes each action, of every type, in one read and one statement
 * (actionStatement.ts) writing the same rows as `effect` below. Either way each action is
 * decided with the shared lifecycle rules for a clear
 * answer, then written with a conditional UPDATE whose WHERE restates the precondition, so of
 * many simultaneous claims exactly one changes the row. Answers are stored under the client's
 * idempotency key in the same transaction as the effect (idempotency.ts).
 */
export async function applyActions(
  ctx: StoreContext,
  actor: Actor,
  actions: Action[],
  now: number,
): Promise<ActionResult[]> {
  const results: ActionResult[] = [];
  for (const a of actions) results.push(await applyOne(ctx, actor, a, now));
  return results;
}

async function applyOne(
  ctx: StoreContext,
  actor: Actor,
  a: Action,
  now: number,
): Promise<ActionResult> {
  const hash = fingerprint(a);
  const prior = await replay(ctx.db, actor.id, a, hash, now);
  if (prior) return prior;

  const target = await resolveTarget(ctx, a);
  const refusal = target ? await precheck(ctx, actor, target, now) : noSuchAdvocate(a);
  await ctx.interleave();
  return write(ctx, now, async (trx, changes) => {
    // PostgreSQL runs copies of one key side by side (SQLite has one writer): the later copy
    // waits here for the earlier one's commit, then replays its answer instead of deciding anew
    // against the state the earlier copy left (which would answer "conflict").
    if (ctx.dialect.name === 'postgres')
      await sql`select pg_advisory_xact_lock(hashtextextended(${`${actor.id}:${a.key}`}, 0))`.execute(
        trx,
      );
    // A concurrent request with the same key may have committed since the first look.
    const raced = await replay(trx, actor.id, a, hash, now);
    if (raced) return raced;
    let r: ActionResult;
    if (refusal) r = refusal;
    else {
      const applied = await effect(trx, changes, actor, target!, now);
      r = applied ?? changedMeanwhile(a);
    }
    await remember(trx, actor.id, a, hash, r, now);
    return r;
  });
}

/** A clear answer for anything refused before trying to write; null = go ahead. */
async function precheck(
  ctx: StoreContext,
  actor: Actor,
  a: ResolvedAction,
  now: number,
): Promise<ActionResult | null> {
  const task = await ctx.db
    .selectFrom('tasks')
    .selectAll()
    .where('id', '=', a.taskId)
    .executeTakeFirst();
  const member = task ? await membership(ctx.db, task.brand_id, actor.id) : undefined;
  const named = transferTarget(a);
  const target = task && named ? await membership(ctx.db, task.brand_id, named) : undefined;
  return decide(a, actor.id, now, task && lifecycleOf(task), member, target);
}

const membership = (db: StoreContext['db'] | Trx, brandId: string, advocateId: string) =>
  db
    .selectFrom('memberships')
    .selectAll()
    .where('brand_id', '=', brandId)
    .where('advocate_id', '=', advocateId)
    .executeTakeFirst();

const addMessage = (
  trx: Trx,
  taskId: string,
  actor: Actor,
  kind: 'message' | 'note' | 'handoff',
  body: string,
  now: number,
) =>
  appendTaskMessage(trx, taskId, { author: 'advocate', authorName: actor.name, kind, body }, now);

/**
 * The write itself. Returns null when the conditional UPDATE matched no row: someone else
 * changed the task between the precheck and this transaction.
 */
async function effect(
  trx: Trx,
  changes: ChangeWriter,
  actor: Actor,
  a: ResolvedAction,
  now: number,
): Promise<ActionResult | null> {
  const task = (await trx
    .selectFrom('tasks')
    .selectAll()
    .where('id', '=', a.taskId)
    .executeTakeFirst()) as TaskRow;
  const brand = await trx
    .selectFrom('brands')
    .select('lease_minutes')
    .where('id', '=', task.brand_id)
    .executeTakeFirstOrThrow();
  const params = { now, leaseMs: brand.lease_minutes * 60_000, offerMs: OFFER_MS };
  const next = nextState(
    lifecycleOf(task),
    actor.id,
    a.type === 'transfer' ? { type: 'transfer', to: a.to } : { type: a.type },
    params,
  );

  let update = trx
    .updateTable('tasks')
    .set({
      status: next.status,
      holder_id: next.holderId,
      lease_expires_at: next.leaseExpiresAt,
      offered_to: next.offeredTo,
      offer_expires_at: next.offerExpiresAt,
      ...(a.type === 'transfer' && a.to.kind === 'pool' && a.to.skill
        ? { pool_skills: json([a.to.skill]) }
        : {}),
      updated_at: now,
    })
    .where('id', '=', a.taskId);
  if (a.type === 'claim') {
    // Free (open, or a lapsed lease), not reserved for someone else — or already ours.
    update = update.where((eb) =>
      eb.or([
        eb.and([
          eb.or([
            eb('status', '=', 'open'),
            eb.and([eb('status', '=', 'claimed'), eb('lease_expires_at', '<=', now)]),
          ]),
          eb.or([
            eb('offered_to', 'is', null),
            eb('offered_to', '=', actor.id),
            eb('offer_expires_at', '<=', now),
          ]),
        ]),
        eb.and([
          eb('status', '=', 'claimed'),
          eb('holder_id', '=', actor.id),
          eb('lease_expires_at', '>', now),
        ]),
      ]),
    );
  } else if (a.type === 'accept' || a.type === 'decline') {
    update = whereOfferedTo(update, actor.id, now);
  } else {
    update = update
      .where('status', '=', 'claimed')
      .where('holder_id', '=', actor.id)
      .where('lease_expires_at', '>', now);
  }
  const done = await update.executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) return null;

  // The text it carries and the payout it earns come from the action table; what else an
  // action writes is in `extraEffect`, exhaustively.
  const rule = actionTable[a.type];
  const text = noteOf(a);
  if (rule.note && text) await addMessage(trx, task.id, actor, rule.note.becomes, text, now);
  await extraEffect(trx, changes, task, actor, a, now);
  await recordTaskEvent(trx, task, actor.id, a.type, now);
  if (rule.payout) await writeCaseEntry(trx, changes, task, actor.id, rule.payout, now);
  await taskChangeFor(changes, task, lifecycleOf(task), next);
  return result(a, 'applied', undefined, now);
}

/** What an action writes beyond the task row, its message and its payout (`extraWritesOf`). */
async function extraEffect(
  trx: Trx,
  changes: ChangeWriter,
  task: TaskRow,
  actor: Actor,
  a: ResolvedAction,
  now: number,
) {
  const extra = extraWritesOf(a);
  if (extra.escalation)
    await trx
      .insertInto('escalations')
      .values({
        task_id: task.id,
        brand_id: task.brand_id,
        advocate_id: actor.id,
        target: extra.escalation.target,
        handoff_note: extra.escalation.handoffNote,
        escalated_at: now,
      })
      .execute();
  if (extra.closesCustomerCase) await caseClosed(trx, changes, task.id, now);
}

/**
 * The change rows of a task moving from `before` to `after`: one public row, or, when neither
 * state is visible to the brand at large (a holder's reply, note, renewal, resolve), one row per
 * advocate who sees either state, so nobody else is told to pull (views.ts `changeAudience`).
 */
export async function taskChangeFor(
  changes: ChangeWriter,
  task: Pick<TaskRow, 'id' | 'brand_id'>,
  before: LifecycleTask,
  after: LifecycleTask,
) {
  for (const advocateId of changeAudience(before, after))
    await changes.add(task.brand_id, 'task', task.id, advocateId);
}
