import type { Kysely, Selectable } from 'kysely';
import type {
  ArticleView,
  BrandView,
  Channel,
  EscalationOutcome,
  EscalationOutcomeView,
  LedgerEntryView,
  MacroView,
  MembershipView,
  MessageView,
  RatingView,
  TaskStatus,
  TaskView,
} from '../../shared/protocol';
import type { LifecycleTask } from '../../shared/domain/lifecycle';
import { parseJson } from './context';
import { seenAtTier } from './tierView';
import type {
  BrandTable,
  DB,
  ContentTable,
  LedgerTable,
  MembershipTable,
  MessageTable,
  RatingTable,
  TaskTable,
} from './schema';

export type TaskRow = Selectable<TaskTable>;
export type MessageRow = Selectable<MessageTable>;

/** The task columns a view is rendered from and visibility decided on (a snapshot reads only these). */
export const TASK_VIEW_COLUMNS = [
  'id',
  'brand_id',
  'external_ref',
  'subject',
  'channel',
  'skills',
  'pool_skills',
  'complexity',
  'min_tier',
  'status',
  'holder_id',
  'lease_expires_at',
  'offered_to',
  'offer_expires_at',
  'customer_name',
  'customer_id',
  'language',
  'ageing_bonus_minor',
  'sla_due_at',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof TaskRow)[];
export type TaskViewRow = Pick<TaskRow, (typeof TASK_VIEW_COLUMNS)[number]>;

/** The message columns a view is rendered from (and the one it is grouped by). */
export const MESSAGE_VIEW_COLUMNS = [
  'id',
  'task_id',
  'author',
  'author_name',
  'kind',
  'body',
  'created_at',
] as const satisfies readonly (keyof MessageRow)[];
export type MessageViewRow = Pick<MessageRow, (typeof MESSAGE_VIEW_COLUMNS)[number]>;

export interface Viewer {
  advocateId: string;
  tier: number;
  suspended: boolean;
}

export const brandView = (
  b: Pick<Selectable<BrandTable>, 'id' | 'name' | 'currency' | 'lease_minutes'>,
): BrandView => ({
  id: b.id,
  name: b.name,
  currency: b.currency,
  leaseMinutes: b.lease_minutes,
});

export const membershipView = (m: Selectable<MembershipTable>): MembershipView => ({
  brandId: m.brand_id,
  tier: m.tier,
  skills: parseJson<string[]>(m.skills),
  suspended: m.suspended === 1,
  languages: parseJson<string[]>(m.languages),
});

export const lifecycleOf = (t: TaskRow): LifecycleTask => ({
  status: t.status as TaskStatus,
  holderId: t.holder_id,
  leaseExpiresAt: t.lease_expires_at,
  offeredTo: t.offered_to,
  offerExpiresAt: t.offer_expires_at,
  minTier: t.min_tier,
});

/**
 * Whether this advocate may see the task now. Decided from stored state only (no clock), so a
 * change rendered twice renders the same; the sweeper writes a change when a lease or offer lapses.
 */
export function visibleTo(t: TaskViewRow, v: Viewer): boolean {
  if (t.holder_id === v.advocateId && t.status !== 'open') return v.tier >= t.min_tier;
  if (v.suspended || v.tier < t.min_tier) return false;
  return t.status === 'open' && (t.offered_to === null || t.offered_to === v.advocateId);
}

/**
 * Who may see a task in this lifecycle state, as `visibleTo` decides: everyone the brand's tiers
 * allow (null), or only the advocates named. A change between two states with named audiences
 * matters to nobody else (they saw it revoked before and after), so its change rows are written
 * for those advocates only and wake nobody else (`taskChangeFor`).
 */
export function audienceOf(t: LifecycleTask): string[] | null {
  if (t.status !== 'open') return t.holderId ? [t.holderId] : [];
  return t.offeredTo ? [t.offeredTo] : null;
}

/**
 * Whom the change rows of a task moving from `before` to `after` are for, in order: [null] = one
 * row for the brand at large; else one row per advocate who sees either state.
 */
export function changeAudience(before: LifecycleTask, after: LifecycleTask): (string | null)[] {
  const was = audienceOf(before);
  const is = audienceOf(after);
  return was === null || is === null ? [null] : [...new Set([...was, ...is])];
}

const messageView = (m: MessageViewRow): MessageView => ({
  id: m.id,
  author: m.author as MessageView['author'],
  authorName: m.author_name,
  kind: m.kind as MessageView['kind'],
  body: m.body,
  redacted: false,
  createdAt: m.created_at,
});

/**
 * The task with its thread, unredacted: only ever sent through `seenAtTier`. `outcome` only for
 * the advocate who escalated it (`outcomeFor`).
 */
export const rawTaskView = (
  t: TaskViewRow,
  messages: MessageViewRow[],
  outcome?: EscalationOutcomeView,
): TaskView => ({
  id: t.id,
  brandId: t.brand_id,
  externalRef: t.external_ref,
  subject: t.subject,
  channel: t.channel as Channel,
  // What the pool routes on: a transfer's skill pool or a widening, else the task's own.
  skills: parseJson<string[]>(t.pool_skills ?? t.skills),
  complexity: t.complexity,
  minTier: t.min_tier,
  status: t.status as TaskStatus,
  holderId: t.holder_id,
  leaseExpiresAt: t.lease_expires_at,
  offeredTo: t.offered_to,
  offerExpiresAt: t.offer_expires_at,
  customerName: t.customer_name,
  customerId: t.customer_id,
  language: t.language,
  ageingBonusMinor: t.ageing_bonus_minor === null ? null : Number(t.ageing_bonus_minor),
  slaDueAt: t.sla_due_at,
  createdAt: t.created_at,
  updatedAt: t.updated_at,
  messages: messages.map(messageView),
  ...(outcome ? { escalationOutcome: outcome } : {}),
});

/** The task as an advocate of `viewerTier` may see it. */
export const taskView = (t: TaskRow, messages: MessageRow[], viewerTier: number): TaskView =>
  seenAtTier(rawTaskView(t, messages), viewerTier);

export const articleView = (a: Selectable<ContentTable>): ArticleView => ({
  id: a.id,
  brandId: a.brand_id,
  externalRef: a.external_ref,
  title: a.title,
  bodyMarkdown: a.body,
  tags: parseJson<string[]>(a.tags),
  updatedAt: a.updated_at,
});

export const macroView = (m: Selectable<ContentTable>): MacroView => ({
  id: m.id,
  brandId: m.brand_id,
  externalRef: m.external_ref,
  title: m.title,
  body: m.body,
  tags: parseJson<string[]>(m.tags),
  updatedAt: m.updated_at,
});

export const ledgerView = (l: Selectable<LedgerTable>): LedgerEntryView => ({
  id: l.id,
  taskId: l.task_id,
  brandId: l.brand_id,
  kind: l.kind as LedgerEntryView['kind'],
  outcome: l.outcome as LedgerEntryView['outcome'],
  amountMinor: l.amount_minor,
  currency: l.currency,
  status: l.status as LedgerEntryView['status'],
  ruleVersion: l.rule_version,
  lines: parseJson<LedgerEntryView['lines']>(l.lines),
  occurredAt: l.occurred_at,
});

export const ratingView = (r: Selectable<RatingTable>): RatingView => ({
  taskId: r.task_id,
  brandId: r.brand_id,
  score: r.score,
  comment: r.comment,
  tipMinor: r.tip_minor,
  ratedAt: r.rated_at,
});

/** A closed escalation: who escalated, and what they are told of its closing. */
export interface ClosedEscalation {
  advocateId: string;
  view: EscalationOutcomeView;
}

export interface LoadedTask {
  task: TaskRow;
  messages: MessageRow[];
  escalation: ClosedEscalation | null;
}

/** What the viewer hears of the task's escalation: its closing, if they are who escalated it. */
export const outcomeFor = (t: LoadedTask, v: Viewer): EscalationOutcomeView | undefined =>
  t.escalation?.advocateId === v.advocateId ? t.escalation.view : undefined;

/** The tasks' closed escalations with the case's rating, if any. */
async function closedEscalations(
  db: Kysely<DB>,
  ids: string[],
): Promise<Map<string, ClosedEscalation>> {
  const rows = await db
    .selectFrom('escalation_events')
    .innerJoin('escalations', 'escalations.task_id', 'escalation_events.task_id')
    .leftJoin('ratings', 'ratings.task_id', 'escalation_events.task_id')
    .select([
      'escalation_events.task_id',
      'escalation_events.outcome',
      'escalation_events.at',
      'escalations.advocate_id',
      'ratings.score',
    ])
    .where('escalation_events.task_id', 'in', ids)
    .where('escalation_events.kind', '=', 'closed')
    .execute();
  return new Map(
    rows.map((r) => [
      r.task_id,
      {
        advocateId: r.advocate_id,
        view: {
          outcome: r.outcome as EscalationOutcome,
          closedAt: Number(r.at),
          rating: r.score ?? null,
        },
      },
    ]),
  );
}

/** Tasks with their messages and closed escalations, loaded in three queries. */
export async function loadTasks(db: Kysely<DB>, ids: string[]): Promise<Map<string, LoadedTask>> {
  const out = new Map<string, LoadedTask>();
  if (ids.length === 0) return out;
  const tasks = await db.selectFrom('tasks').selectAll().where('id', 'in', ids).execute();
  const closed = await closedEscalations(db, ids);
  for (const t of tasks)
    out.set(t.id, { task: t, messages: [], escalation: closed.get(t.id) ?? null });
  const messages = await db
    .selectFrom('messages')
    .selectAll()
    .where('task_id', 'in', ids)
    .orderBy('created_at')
    .orderBy('ord')
    .execute();
  for (const m of messages) out.get(m.task_id)?.messages.push(m);
  return out;
}
