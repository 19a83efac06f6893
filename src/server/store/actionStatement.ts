/**
 * An advocate's action on PostgreSQL in two round trips and no explicit transaction: one SELECT
 * reads everything the decision needs (task, lease length, membership, the key's record, payout
 * rules, a transfer's target) and what the transaction path asks in round trips of its own (the
 * lease clock, the tenancy gate's brand: scope.ts, the advocate's tiers for the answer:
 * tierView.ts), the shared rules decide (`decide`, `nextState`: the action table;
 * `extraWritesOf`), and ONE statement writes what the transaction path (actions.ts `effect`)
 * writes, row for row — the task, its message, escalation, the customer's timeline, the ledger
 * entry, its task event, its change rows (in the same order) and the idempotency record — or,
 * when the task moved meanwhile, only a `conflict` record.
 *
 * Why that is safe (exactly one winner, nothing half-done):
 * - `lk` locks the task row only if it is still in the state the decision was made on; under
 *   READ COMMITTED a statement that waited for another writer's lock re-checks its WHERE on the
 *   row's newest version, so of many simultaneous claims exactly one finds the row unchanged.
 * - the key's record is written before anything else (`k`), and every effect hangs off `upd`,
 *   which hangs off `k`: a concurrent request with the same key that committed first leaves `k`
 *   empty, so nothing is applied twice; that request's answer is replayed instead.
 * - a case pays once: the ledger's unique index `ledger_once` makes a second entry for the case
 *   insert nothing, whoever wrote the first and whether or not it has committed (ledger.ts).
 * - one statement is atomic: the change rows commit with the effect (changeLog.ts orders them).
 */
import { type RawBuilder, sql } from 'kysely';
import { actionTable, noteOf } from '../../shared/domain/actions';
import type { PayoutRules } from '../../shared/domain/payout';
import { type LifecycleTask, nextState } from '../../shared/domain/lifecycle';
import type { Action, ActionResult, TaskStatus } from '../../shared/protocol';
import {
  changedMeanwhile,
  decide,
  extraWritesOf,
  noSuchAdvocate,
  OFFER_MS,
  typedHandle,
  type ResolvedAction,
  withTarget,
} from './actionDecision';
import { collectNotices, json, publishNotices, type StoreContext } from './context';
import { caseClosedSql } from './customerCases';
import { answer, IDEMPOTENCY_RETENTION_MS, recordOf, replayOf } from './idempotency';
import { caseEntryCte, caseEntryOf } from './ledger';
import { outOfScope } from './scope';
import { fingerprint } from './secrets';
import { appendTaskMessageCte } from './taskMessages';
import { answersAtTier } from './tierView';
import type { AdvocateAuth } from './tokens';
import { changeAudience } from './views';

interface Actor {
  id: string;
  name: string;
}

interface Read {
  /** The lease clock: the database's unless the caller passed one (index.ts `leaseNow`). */
  now: string;
  /** The tiers of all the advocate's memberships (tierView.ts `answersAtTier`). */
  tiers: number[];
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
  /** Whom a transfer's typed handle found (actionDecision.ts `resolveTarget`). */
  found: string | null;
  target_tier: number | null;
  target_suspended: number | null;
}

/** The read's joins for a transfer's target: whom its handle names, and their membership. */
function targetJoins(a: Action) {
  const typed = typedHandle(a);
  if (typed !== null)
    return sql`left join lateral (select id from advocates
        where handle = ${typed} or id = ${typed} limit 1) h on true
      left join memberships tm on tm.brand_id = t.brand_id and tm.advocate_id = h.id`;
  const named = a.type === 'transfer' && a.to.kind === 'advocate' ? a.to.advocateId : null;
  return sql`left join (select null::text as id) h on true
    left join memberships tm on tm.brand_id = t.brand_id and tm.advocate_id = ${named}::text`;
}

/**
 * A batch in order, each action in one read and one statement; the answers as the advocate may
 * see them. `now` null: the lease clock is the database's, read once for the batch.
 */
export async function applyInStatements(
  ctx: StoreContext,
  actor: AdvocateAuth,
  actions: Action[],
  now: number | null,
): Promise<ActionResult[]> {
  const results: ActionResult[] = [];
  let tiers: number[] = [];
  for (const a of actions) {
    const r = await applyInOneStatement(ctx, actor, a, fingerprint(a), now);
    results.push(r.result);
    now = r.now;
    tiers = r.tiers;
  }
  return answersAtTier(results, tiers);
}

async function applyInOneStatement(
  ctx: StoreContext,
  actor: AdvocateAuth,
  a: Action,
  hash: string,
  clock: number | null,
): Promise<{ result: ActionResult; now: number; tiers: number[] }> {
  const read = (
    await sql<Read>`
      select c.now, array(select tier from memberships where advocate_id = ${actor.id}) as tiers,
        t.id, t.brand_id, t.status, t.holder_id, t.lease_expires_at, t.offered_to,
        t.offer_expires_at, t.min_tier, t.complexity, t.ageing_bonus_minor, b.lease_minutes, m.tier, m.suspended,
        k.body_hash as key_hash, k.result as key_result, r.version as rules_version, r.rules,
        h.id as found, tm.tier as target_tier, tm.suspended as target_suspended
      from (select coalesce(${clock}::bigint,
        floor(extract(epoch from clock_timestamp()) * 1000)::bigint) as now) c
      left join tasks t on t.id = ${a.taskId}
      left join brands b on b.id = t.brand_id
      left join memberships m on m.brand_id = t.brand_id and m.advocate_id = ${actor.id}
      left join action_keys k on k.advocate_id = ${actor.id} and k.key = ${a.key}
        and k.created_at > c.now - ${IDEMPOTENCY_RETENTION_MS}::bigint
      left join lateral (select version, rules from payout_rules p where p.brand_id = t.brand_id
        order by version desc limit 1) r on true
      ${targetJoins(a)}`.execute(ctx.db)
  ).rows[0]!;
  const now = Number(read.now);
  const done = (result: ActionResult) => ({ result, now, tiers: read.tiers });
  // The tenancy gate first: nothing else (a replay included) looks at a task out of reach.
  if (!read.id || !actor.brandIds.includes(read.brand_id)) return done(outOfScope(a));
  return done(await decideAndWrite(ctx, actor, a, hash, now, read));
}

async function decideAndWrite(
  ctx: StoreContext,
  actor: Actor,
  a: Action,
  hash: string,
  now: number,
  read: Read,
): Promise<ActionResult> {
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
  const target =
    read.target_tier === null
      ? undefined
      : { tier: read.target_tier, suspended: read.target_suspended! };
  const resolved = withTarget(a, read.found);
  const refusal = resolved
    ? decide(resolved, actor.id, now, task, member, target)
    : noSuchAdvocate(a);
  if (refusal || !task || !resolved) return refuse(ctx, actor, a, hash, refusal!, now);

  const applied = answer(a, 'applied', undefined, now);
  const conflict = changedMeanwhile(a);
  const next = nextState(
    task,
    actor.id,
    resolved.type === 'transfer' ? { type: 'transfer', to: resolved.to } : { type: resolved.type },
    { now, leaseMs: read.lease_minutes * 60_000, offerMs: OFFER_MS },
  );
  const effects = effectsOf(read, actor, resolved, now);
  const skills =
    resolved.type === 'transfer' && resolved.to.kind === 'pool' && resolved.to.skill
      ? sql`, pool_skills = ${json([resolved.to.skill])}`
      : sql``;

  const r = await sql<{ stored: string | null; applied: boolean; rows: ChangeRow[] }>`
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
        ${effects.set}
      from lk where tasks.id = lk.id and exists (select 1 from k)
      returning tasks.id, tasks.brand_id, tasks.customer_id
    ), ${sql.join([...effects.ctes, taskEventCte(actor.id, a.type, now)], sql`, `)}, chg as (
      insert into changes (brand_id, kind, entity_id, advocate_id, created_at)
      select brand_id, kind, entity_id, advocate_id, ${now}::bigint
      from (${sql.join(
        [...effects.changes, taskChanges(task, next)].map(
          (rows, i) =>
            sql`select ${i}::int as part, p.n, p.brand_id, p.kind, p.entity_id, p.advocate_id
              from (${rows}) p(n, brand_id, kind, entity_id, advocate_id)`,
        ),
        sql` union all `,
      )}) c(part, n, brand_id, kind, entity_id, advocate_id)
      order by part, n
      returning brand_id, seq, advocate_id, xid::text as xid
    )
    select (select result from k) as stored, exists (select 1 from upd) as applied,
      coalesce((select json_agg(chg) from chg), '[]') as rows,
      ${unflushedUnless(sql`exists (select 1 from upd)`)} as commit_mode`.execute(ctx.db);
  const out = r.rows[0]!;
  if (out.stored === null) return replayConcurrent(ctx, actor, a, hash, now);
  const notices = new Map();
  collectNotices(
    notices,
    out.rows.map((c) => ({ ...c, seq: Number(c.seq) })),
  );
  publishNotices(ctx, notices);
  return out.applied ? applied : conflict;
}

interface ChangeRow {
  brand_id: string;
  seq: number | string;
  advocate_id: string | null;
  xid: string;
}

/**
 * What an applied action writes beyond the task's lifecycle columns, its task event and its task
 * change rows, as actions.ts `effect` writes it: `set` adds to the task's UPDATE (CTE `upd`),
 * `ctes` write the other rows, `changes` are their change rows `(n, brand_id, kind, entity_id,
 * advocate_id)` in the order `effect` adds them (the timeline's, then the ledger's).
 */
function effectsOf(read: Read, actor: Actor, a: ResolvedAction, now: number) {
  const ctes: RawBuilder<unknown>[] = [];
  const changes: RawBuilder<unknown>[] = [];
  let set = sql``;
  const rule = actionTable[a.type];
  const text = noteOf(a);
  if (rule.note && text)
    ctes.push(
      appendTaskMessageCte({ authorName: actor.name, kind: rule.note.becomes, body: text }, now),
    );
  const extra = extraWritesOf(a);
  if (extra.escalation)
    ctes.push(sql`esc as (insert into escalations
        (task_id, brand_id, advocate_id, target, handoff_note, escalated_at)
      select upd.id, upd.brand_id, ${actor.id}::text, ${extra.escalation.target}::text,
        ${extra.escalation.handoffNote}::text, ${now}::bigint from upd)`);
  if (extra.closesCustomerCase) {
    const closed = caseClosedSql(now);
    set = closed.set;
    changes.push(
      sql`select 0::bigint as n, c.brand_id, c.kind, c.id, c.advocate_id from (${closed.change}) c`,
    );
  }
  // A brand without payout rules pays nothing yet (ledger.ts `writeCaseEntry`).
  if (rule.payout && read.rules_version !== null && read.rules !== null) {
    const entry = caseEntryOf(
      {
        id: a.taskId,
        brand_id: read.brand_id,
        complexity: read.complexity,
        ageing_bonus_minor:
          read.ageing_bonus_minor === null ? null : Number(read.ageing_bonus_minor),
      },
      actor.id,
      rule.payout,
      { version: read.rules_version, rules: JSON.parse(read.rules) as PayoutRules },
    );
    ctes.push(caseEntryCte(entry, now));
    changes.push(sql`select 0::bigint, brand_id, 'ledger'::text as kind, id, advocate_id from led`);
  }
  return { set, ctes, changes };
}

/** The impact metrics' record of an applied action (taskEvents.ts), in the same statement. */
const taskEventCte = (actorId: string, type: Action['type'], now: number) =>
  sql`tev as (insert into task_events (task_id, brand_id, advocate_id, type, at)
    select upd.id, upd.brand_id, ${actorId}::text, ${type}::text, ${now}::bigint from upd)`;

/** The task's change rows (actions.ts `taskChangeFor`), in `changeAudience` order. */
const taskChanges = (before: LifecycleTask, after: LifecycleTask) =>
  sql`select u.n, upd.brand_id, 'task'::text as kind, upd.id, u.who
    from upd cross join unnest(${changeAudience(before, after)}::text[]) with ordinality as u(who, n)`;

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

/**
 * This statement's transaction commits without waiting for its WAL to reach the disk unless
 * `applied` holds (`synchronous_commit` off for it alone). Only for what writes nothing but a
 * key's refusal or conflict: that record changes no state, and it is lost only if the machine
 * itself fails within the WAL writer's next flush (~0.2 s) — a retry with the key is then decided
 * afresh, as if the first request never arrived (its answer may never have reached the app
 * either). The flush's CPU was a third of PostgreSQL's cost of a refused claim, and a claim race
 * is mostly refusals.
 */
const unflushedUnless = (applied: RawBuilder<unknown>) =>
  sql`set_config('synchronous_commit',
    case when ${applied} then current_setting('synchronous_commit') else 'off' end, true)`;

/** A refusal is remembered under its key too, in one statement. */
async function refuse(
  ctx: StoreContext,
  actor: Actor,
  a: Action,
  hash: string,
  r: ActionResult,
  now: number,
): Promise<ActionResult> {
  const stored = await sql<{ result: string | null }>`
    with k as (${keyRecord(actor.id, a, hash, sql`${recordOf(a, r)}`, now)})
    select (select result from k) as result, ${unflushedUnless(sql`false`)} as commit_mode`.execute(
    ctx.db,
  );
  return stored.rows[0]?.result != null ? r : replayConcurrent(ctx, actor, a, hash, now);
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
  return replayOf(a, hash, prior) ?? changedMeanwhile(a);
}
