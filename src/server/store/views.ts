import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import type { SqlDialect } from './dialect';
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

/** Every column of `messages`, in table order (a loaded task's messages are whole rows). */
const MESSAGE_COLUMNS = [
  'id',
  'task_id',
  'origin',
  'author',
  'author_name',
  'kind',
  'body',
  'created_at',
  'ord',
] as const satisfies readonly (keyof MessageRow)[];
/** A compile error when `messages` gains a column the list above leaves out. */
const everyMessageColumn: Exclude<keyof MessageRow, (typeof MESSAGE_COLUMNS)[number]> extends never
  ? true
  : never = true;
void everyMessageColumn;

/** The dialect's JSON object of `pairs` (name, SQL expression). */
const jsonObject = (postgres: boolean, pairs: [string, RawBuilder<unknown>][]) => {
  const args = sql.join(pairs.map(([name, value]) => sql`${sql.lit(name)}, ${value}`));
  return postgres ? sql`json_build_object(${args})` : sql`json_object(${args})`;
};

/**
 * Tasks with their messages (in thread order) and their closed escalation with the case's
 * rating, in one statement: a pull that meets a changed task loads it, and three statements
 * were each a round trip and a parse on every replica for every changed task.
 */
export async function loadTasks(
  db: Kysely<DB>,
  dialect: SqlDialect,
  ids: string[],
): Promise<Map<string, LoadedTask>> {
  const out = new Map<string, LoadedTask>();
  if (ids.length === 0) return out;
  const postgres = dialect.name === 'postgres';
  const message = jsonObject(
    postgres,
    MESSAGE_COLUMNS.map((c) => [c, sql.ref(`m.${c}`)]),
  );
  const escalation = jsonObject(postgres, [
    ['outcome', sql.ref('e.outcome')],
    ['at', sql.ref('e.at')],
    ['advocate_id', sql.ref('x.advocate_id')],
    ['score', sql.ref('r.score')],
  ]);
  const messages = postgres
    ? sql`coalesce(json_agg(${message} order by m.created_at, m.ord), '[]'::json)`
    : sql`json_group_array(${message} order by m.created_at, m.ord)`;
  // At most one row per task in the escalation's subquery: escalation_events' key is (task,
  // kind); escalations and ratings are keyed by task.
  const r = await sql<TaskRow & { _messages: unknown; _escalation: unknown }>`
    select t.*,
      (select ${messages} from messages m where m.task_id = t.id) as _messages,
      (select ${escalation} from escalation_events e
          inner join escalations x on x.task_id = e.task_id
          left join ratings r on r.task_id = e.task_id
        where e.task_id = t.id and e.kind = 'closed') as _escalation
    from tasks t where t.id in (${sql.join(ids)})`.execute(db);
  // PostgreSQL answers json parsed; SQLite answers its text.
  const parsed = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
  for (const { _messages, _escalation, ...task } of r.rows) {
    const closed = parsed<{
      outcome: string;
      at: number;
      advocate_id: string;
      score: number | null;
    } | null>(_escalation);
    out.set(task.id, {
      task,
      messages: parsed<MessageRow[]>(_messages),
      escalation: closed && {
        advocateId: closed.advocate_id,
        view: {
          outcome: closed.outcome as EscalationOutcome,
          closedAt: Number(closed.at),
          rating: closed.score ?? null,
        },
      },
    });
  }
  return out;
}
