/**
 * An advocate's action on PostgreSQL in two round trips and no explicit transaction: one SELECT
 * reads everything the decision needs (task, lease length, membership, the key's record, payout
 * rules), the shared rules decide (`decide`, `nextState`: the action table), and ONE statement
 * writes it all — the task, its message, escalation and ledger entry, its change rows and the
 * idempotency record — or, when the task moved meanwhile, only a `conflict` record.
 *
 * Why that is safe (exactly one winner, nothing half-done):
 * - `lk` locks the task row only if it is still in the state the decision was made on; under
 *   READ COMMITTED a statement that waited for another writer's lock re-checks its WHERE on the
 *   row's newest version, so of many simultaneous claims exactly one finds the row unchanged.
 * - the key's record is written before anything else (`k`), and every effect hangs off `upd`,
 *   which hangs off `k`: a concurrent request with the same key that committed first leaves `k`
 *   empty, so nothing is applied twice; that request's answer is replayed instead.
 * - one statement is atomic: the change rows commit with the effect (changeLog.ts orders them).
 */
import { sql } from 'kysely';
import { actionTable, noteOf, unhandledAction } from '../../shared/domain/actions';
import { computeCasePayout, type PayoutRules } from '../../shared/domain/payout';
import { type LifecycleTask, nextState } from '../../shared/domain/lifecycle';
import type { Action, ActionResult, TaskStatus } from '../../shared/protocol';
import { decide, OFFER_MS, type ResolvedAction, resolveTarget } from './actionDecision';
import { collectNotices, json, publishNotices, type StoreContext } from './context';
import { answer, IDEMPOTENCY_RETENTION_MS, recordOf, replayOf } from './idempotency';
import { newId } from './secrets';
import { audienceOf } from './views';

interface Actor {
  id: string;
  name: string;
}

interface Read {
  id: string | null;
  brand_id: string;
  status: TaskStatus;
  holder_id: string | null;
  lease_expires_at: number | null;
  offered_to: string | null;
  offer_expires_at: number | null;
  min_tier: number;
  complexity: number;
  ageing_bonus_minor: string | number | null;
  lease_minutes: number;
  tier: number | null;
  suspended: number | null;
  key_hash: string | null;
  key_result: string | null;
  rules_version: number | null;
  rules: string | null;
}

const changedMeanwhile = 'the task changed meanwhile; it is no longer yours to act on';

export async function applyInOneStatement(
  ctx: StoreContext,
  actor: Actor,
  a: Action,
  hash: string,
  now: number,
): Promise<ActionResult> {
  const cutoff = now - IDEMPOTENCY_RETENTION_MS;
  const read = (
    await sql<Read>`
      select t.id, t.brand_id, t.status, t.holder_id, t.lease_expires_at, t.offered_to,
        t.offer_expires_at, t.min_tier, t.complexity, t.ageing_bonus_minor, b.lease_minutes, m.tier, m.suspended,
        k.body_hash as key_hash, k.result as key_result, r.version as rules_version, r.rules
      from (select 1) one
      left join tasks t on t.id = ${a.taskId}
      left join brands b on b.id = t.brand_id
      left join memberships m on m.brand_id = t.brand_id and m.advocate_id = ${actor.id}
      left join action_keys k on k.advocate_id = ${actor.id} and k.key = ${a.key}
        and k.created_at > ${cutoff}
      left join lateral (select version, rules from payout_rules p where p.brand_id = t.brand_id
        order by version desc limit 1) r on true`.execute(ctx.db)
  ).rows[0]!;
  const prior = replayOf(
    a,
    hash,
    read.key_hash ? { body_hash: read.key_hash, result: read.key_result! } : null,
  );
  if (prior) return prior;

  const task: LifecycleTask | undefined = read.id
    ? {
        status: read.status,
        holderId: read.holder_id,
        leaseExpiresAt: read.lease_expires_at,
        offeredTo: read.offered_to,
        offerExpiresAt: read.offer_expires_at,
        minTier: read.min_tier,
      }
    : undefined;
  const member = read.tier === null ? undefined : { tier: read.tier, suspended: read.suspended! };
  const resolved = await resolveTarget(ctx, a);
  let refusal: ActionResult | null;
  if (!resolved) refusal = answer(a, 'rejected', 'no such advocate in this brand');
  else {
    const target =
      task && resolved.type === 'transfer' && resolved.to.kind === 'advocate'
        ? await ctx.db
            .selectFrom('memberships')
            .select(['tier', 'suspended'])
            .where('brand_id', '=', read.brand_id)
            .where('advocate_id', '=', resolved.to.advocateId)
            .executeTakeFirst()
        : undefined;
    refusal = decide(resolved, actor.id, now, task, member, target);
  }
  if (refusal || !task || !resolved) return refuse(ctx, actor, a, hash, refusal!, now);

  const applied = answer(a, 'applied', undefined, now);
  const conflict = answer(a, 'conflict', changedMeanwhile);
  const next = nextState(
    task,
    actor.id,
    resolved.type === 'transfer' ? { type: 'transfer', to: resolved.to } : { type: resolved.type },
    { now, leaseMs: read.lease_minutes * 60_000, offerMs: OFFER_MS },
  );
  const rule = actionTable[a.type];
  const text = noteOf(a);
  const message =
    rule.note && text
      ? sql`, msg as (insert into messages
            (id, task_id, origin, author, author_name, kind, body, created_at, ord)
          select ${newId()}, upd.id, 'advocate', 'advocate', ${actor.name}::text,
            ${rule.note.becomes}::text, ${text}::text, ${now}::bigint, (select coalesce(max(ord), -1) + 1 from messages where task_id = upd.id)
          from upd)`
      : sql``;
  const ledger = caseEntry(read, rule.payout, actor.id, now);
  const audience = taskAudience(task, next);
  const skills =
    resolved.type === 'transfer' && resolved.to.kind === 'pool' && resolved.to.skill
      ? sql`, pool_skills = ${json([resolved.to.skill])}`
      : sql``;

  const r = await sql<{ stored: string | null; rows: ChangeRow[] }>`
    with lk as (
      select id, brand_id from tasks
      where id = ${a.taskId} and status = ${task.status}
        and holder_id is not distinct from ${task.holderId}
        and lease_expires_at is not distinct from ${task.leaseExpiresAt}::bigint
        and offered_to is not distinct from ${task.offeredTo}
        and offer_expires_at is not distinct from ${task.offerExpiresAt}::bigint
        and min_tier = ${task.minTier}
      for update
    ), k as (
      ${keyRecord(actor.id, a, hash, sql`case when exists (select 1 from lk) then ${recordOf(a, applied)} else ${recordOf(a, conflict)} end`, now)}
    ), upd as (
      update tasks set status = ${next.status}, holder_id = ${next.holderId},
        lease_expires_at = ${next.leaseExpiresAt}::bigint, offered_to = ${next.offeredTo},
        offer_expires_at = ${next.offerExpiresAt}::bigint, updated_at = ${now} ${skills}
      from lk where tasks.id = lk.id and exists (select 1 from k)
      returning tasks.id, tasks.brand_id
    ) ${message} ${extraEffect(resolved, actor.id, now)} ${ledger.cte}, tev as (
      -- The impact metrics' record of an applied action (taskEvents.ts), in the same statement.
      insert into task_events (task_id, brand_id, advocate_id, type, at)
      select upd.id, upd.brand_id, ${actor.id}::text, ${a.type}::text, ${now}::bigint from upd
    ), chg as (
      insert into changes (brand_id, kind, entity_id, advocate_id, created_at)
      select upd.brand_id, 'task'::text, upd.id, who, ${now}::bigint
        from upd cross join unnest(${audience}::text[]) as who
      ${ledger.change}
      returning brand_id, seq, advocate_id, xid::text as xid
    )
    select (select result from k) as stored,
      coalesce((select json_agg(chg) from chg), '[]') as rows`.execute(ctx.db);
  const out = r.rows[0]!;
  if (out.stored === null) return replayConcurrent(ctx, actor, a, hash, now);
  const notices = new Map();
  collectNotices(
    notices,
    out.rows.map((c) => ({ ...c, seq: Number(c.seq) })),
  );
  publishNotices(ctx, notices);
  return out.rows.length > 0 ? applied : conflict;
}

interface ChangeRow {
  brand_id: string;
  seq: number | string;
  advocate_id: string | null;
  xid: string;
}

/** The key's record, written unless a live one exists (an expired one makes room). */
const keyRecord = (
  actorId: string,
  a: Action,
  hash: string,
  result: ReturnType<typeof sql>,
  now: number,
) => sql`insert into action_keys (advocate_id, key, body_hash, result, created_at)
    select ${actorId}::text, ${a.key}::text, ${hash}::text, ${result}::text, ${now}::bigint
    on conflict (advocate_id, key) do update
      set body_hash = excluded.body_hash, result = excluded.result, created_at = excluded.created_at
      where action_keys.created_at <= ${now - IDEMPOTENCY_RETENTION_MS}
    returning result`;

/** A refusal is remembered under its key too, in one statement. */
async function refuse(
  ctx: StoreContext,
  actor: Actor,
  a: Action,
  hash: string,
  r: ActionResult,
  now: number,
): Promise<ActionResult> {
  const stored = await keyRecord(actor.id, a, hash, sql`${recordOf(a, r)}`, now).execute(ctx.db);
  return stored.rows.length > 0 ? r : replayConcurrent(ctx, actor, a, hash, now);
}

/** A request with the same key committed first: answer what it was answered. */
async function replayConcurrent(
  ctx: StoreContext,
  actor: Actor,
  a: Action,
  hash: string,
  now: number,
): Promise<ActionResult> {
  const prior = await ctx.db
    .selectFrom('action_keys')
    .select(['body_hash', 'result'])
    .where('advocate_id', '=', actor.id)
    .where('key', '=', a.key)
    .where('created_at', '>', now - IDEMPOTENCY_RETENTION_MS)
    .executeTakeFirst();
  return replayOf(a, hash, prior) ?? answer(a, 'conflict', changedMeanwhile);
}

/** Who the task's change rows are for: [null] = the brand; else each advocate (views.ts). */
function taskAudience(before: LifecycleTask, after: LifecycleTask): (string | null)[] {
  const was = audienceOf(before);
  const is = audienceOf(after);
  return was === null || is === null ? [null] : [...new Set([...was, ...is])];
}

/** The case entry an action earns (the action table's payout), inserted once per case. */
function caseEntry(
  read: Read,
  outcome: 'resolved' | 'escalated' | null,
  advocateId: string,
  now: number,
) {
  if (!outcome || read.rules_version === null || read.rules === null)
    return { cte: sql``, change: sql`` };
  const pay = computeCasePayout(JSON.parse(read.rules) as PayoutRules, read.rules_version, {
    complexity: read.complexity,
    outcome,
    ageingBonusMinor: read.ageing_bonus_minor === null ? null : Number(read.ageing_bonus_minor),
  });
  return {
    cte: sql`, led as (insert into ledger (id, brand_id, task_id, advocate_id, kind, outcome,
        amount_minor, currency, status, rule_version, lines, occurred_at)
      select ${newId()}, upd.brand_id, upd.id, ${advocateId}::text, 'case', ${outcome}::text,
        ${pay.totalMinor}::bigint, ${pay.currency}::text, 'pending', ${read.rules_version}::integer,
        ${json(pay.lines)}::text, ${now}::bigint
      from upd on conflict do nothing returning id, brand_id, advocate_id)`,
    change: sql`union all select brand_id, 'ledger', id, advocate_id, ${now}::bigint from led`,
  };
}

/** What an action writes beyond the task row, its message and its payout (as in actions.ts). */
function extraEffect(a: ResolvedAction, actorId: string, now: number) {
  switch (a.type) {
    case 'escalate':
      return sql`, esc as (insert into escalations
          (task_id, brand_id, advocate_id, target, handoff_note, escalated_at)
        select upd.id, upd.brand_id, ${actorId}::text, ${a.target}::text, ${a.handoffNote}::text,
          ${now}::bigint from upd)`;
    case 'claim':
    case 'renew':
    case 'reply':
    case 'note':
    case 'resolve':
    case 'transfer':
    case 'abandon':
    case 'accept':
    case 'decline':
      return sql``;
    default:
      return unhandledAction(a);
  }
}
