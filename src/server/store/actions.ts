import { actionTable, noteOf, unhandledAction } from '../../shared/domain/actions';
import { canPerform, nextState } from '../../shared/domain/lifecycle';
import type { Action, ActionResult, ResolvedTransferTo } from '../../shared/protocol';
import { type ChangeWriter, json, type StoreContext, type Trx, write } from './context';
import { answer, remember, replay } from './idempotency';
import { recordTaskEvent } from './taskEvents';
import { writeCaseEntry } from './ledger';
import { fingerprint, newId } from './secrets';
import { lifecycleOf, type TaskRow } from './views';

/** How long a task transferred to a named advocate is reserved for them. */
export const OFFER_MS = 15 * 60_000;

interface Actor {
  id: string;
  name: string;
}

const result = answer;

/**
 * Applies a batch in order. Each action is decided with the shared lifecycle rules for a clear
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

/** An action whose transfer target, if any, names an advocate by id. */
type ResolvedAction =
  | Exclude<Action, { type: 'transfer' }>
  | (Extract<Action, { type: 'transfer' }> & { to: ResolvedTransferTo });

/** Looks a typed handle (or id) up among all advocates; null when nobody has it. */
async function resolveTarget(ctx: StoreContext, a: Action): Promise<ResolvedAction | null> {
  if (a.type !== 'transfer' || a.to.kind !== 'handle') return a as ResolvedAction;
  const typed = a.to.handle.replace(/^@/, '');
  const found = await ctx.db
    .selectFrom('advocates')
    .select('id')
    .where((eb) => eb.or([eb('handle', '=', typed), eb('id', '=', typed)]))
    .executeTakeFirst();
  return found ? { ...a, to: { kind: 'advocate', advocateId: found.id } } : null;
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
  const refusal = target
    ? await precheck(ctx, actor, target, now)
    : result(a, 'rejected', 'no such advocate in this brand');
  await ctx.interleave();
  return write(ctx, now, async (trx, changes) => {
    // A concurrent request with the same key may have committed since the first look.
    const raced = await replay(trx, actor.id, a, hash, now);
    if (raced) return raced;
    let r: ActionResult;
    if (refusal) r = refusal;
    else {
      const applied = await effect(trx, changes, actor, target!, now);
      r =
        applied ??
        result(a, 'conflict', 'the task changed meanwhile; it is no longer yours to act on');
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
  if (!task || !member) return result(a, 'rejected', 'no such task');
  if (member.suspended) return result(a, 'rejected', 'your account is suspended for this brand');
  const decision = canPerform(lifecycleOf(task), actor.id, a.type, { now, tier: member.tier });
  if (!decision.ok) return result(a, decision.outcome, decision.reason);
  if (a.type === 'transfer' && a.to.kind === 'advocate') {
    if (a.to.advocateId === actor.id)
      return result(a, 'rejected', 'you cannot transfer a task to yourself');
    const target = await membership(ctx.db, task.brand_id, a.to.advocateId);
    if (!target || target.suspended) return result(a, 'rejected', 'no such advocate in this brand');
    if (target.tier < task.min_tier)
      return result(a, 'rejected', 'that advocate’s trust tier does not allow this task');
  }
  return null;
}

const membership = (db: StoreContext['db'] | Trx, brandId: string, advocateId: string) =>
  db
    .selectFrom('memberships')
    .selectAll()
    .where('brand_id', '=', brandId)
    .where('advocate_id', '=', advocateId)
    .executeTakeFirst();

async function addMessage(
  trx: Trx,
  taskId: string,
  actor: Actor,
  kind: 'message' | 'note' | 'handoff',
  body: string,
  now: number,
) {
  const last = await trx
    .selectFrom('messages')
    .select((s) => s.fn.max('ord').as('ord'))
    .where('task_id', '=', taskId)
    .executeTakeFirst();
  await trx
    .insertInto('messages')
    .values({
      id: newId(),
      task_id: taskId,
      origin: 'advocate',
      author: 'advocate',
      author_name: actor.name,
      kind,
      body,
      created_at: now,
      ord: Number(last?.ord ?? -1) + 1,
    })
    .execute();
}

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
        ? { skills: json([a.to.skill]) }
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
  await extraEffect(trx, task, actor, a, now);
  await recordTaskEvent(trx, task, actor.id, a.type, now);
  if (rule.payout) await writeCaseEntry(trx, changes, task, actor.id, rule.payout, now);
  // Renewals change only the holder's lease; everyone else's view is unchanged.
  await changes.add(task.brand_id, 'task', task.id, a.type === 'renew' ? actor.id : null);
  return result(a, 'applied', undefined, now);
}

/** What an action writes beyond the task row, its message and its payout. */
async function extraEffect(trx: Trx, task: TaskRow, actor: Actor, a: ResolvedAction, now: number) {
  switch (a.type) {
    case 'escalate':
      await trx
        .insertInto('escalations')
        .values({
          task_id: task.id,
          brand_id: task.brand_id,
          advocate_id: actor.id,
          target: a.target,
          handoff_note: a.handoffNote,
          escalated_at: now,
        })
        .execute();
      return;
    case 'claim':
    case 'renew':
    case 'reply':
    case 'note':
    case 'resolve':
    case 'transfer':
    case 'abandon':
      return;
    default:
      return unhandledAction(a);
  }
}
