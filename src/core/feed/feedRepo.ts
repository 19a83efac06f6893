import type {
  FeedFacets,
  FeedFilters,
  FeedSort,
  FeedTask,
  MyTask,
  TaskDetail,
} from '../../shared/contract/feed';
import type { Statement } from 'better-sqlite3';
import { speaksSql } from './languageSql';
import type { Db } from '../db/open';

// The feed's queries are a handful of SQL texts (one per filter combination and sort): prepare
// each once per handle, not on every page.
const prepared = new WeakMap<Db, Map<string, Statement>>();
function prepare(db: Db, sql: string): Statement {
  let byText = prepared.get(db);
  if (!byText) prepared.set(db, (byText = new Map()));
  let stmt = byText.get(sql);
  if (!stmt) byText.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

interface TaskRow {
  id: string;
  brandId: string;
  brandName: string | null;
  subject: string;
  channel: FeedTask['channel'];
  skills: string;
  complexity: number;
  customerName: string | null;
  slaDueAt: number | null;
  createdAt: number;
  payoutMinor: number | null;
  currency: string | null;
  localState: string | null;
  status: string;
  holderId: string | null;
  leaseExpiresAt: number | null;
  ageingBonusMinor: number | null;
}

const taskColumns = `t.id, t.brand_id AS brandId, b.name AS brandName, t.subject, t.channel, t.skills,
  t.complexity, t.customer_name AS customerName, t.sla_due_at AS slaDueAt, t.created_at AS createdAt,
  t.payout_estimate_minor AS payoutMinor, t.currency, t.local_state AS localState, t.status,
  t.holder_id AS holderId, t.lease_expires_at AS leaseExpiresAt,
  t.ageing_bonus_minor AS ageingBonusMinor`;

// Each sort matches an index of migration 004 (status first, then the sort key, then the filter
// columns), so a page walks it, rejects non-matching rows from the index alone, and stops after
// ~limit matches instead of collecting every match and sorting it.
const orderBy: Record<FeedSort, string> = {
  payout: 't.payout_estimate_minor DESC, t.rowid',
  due: 'coalesce(t.sla_due_at, 9007199254740991), t.rowid',
  newest: 't.created_at DESC, t.rowid',
};

/**
 * How a page finds its rows. `walk`: along the sort's index, filters written `+col` so SQLite
 * cannot pick another index and sort. `kind`: a channel + complexity combination read from
 * `tasks_feed_kind` (only the matches), then sorted: the better plan when the combination is
 * rare (a sparse combination would otherwise walk most of the sort index, or all of it when
 * nothing matches). No sort (counting): let the planner choose.
 */
type Plan = 'walk' | 'kind' | 'any';

/** Below this many matches, sorting the matches beats walking the sort index. */
const kindSortLimit = 2000;

function where(
  filters: FeedFilters,
  plan: Plan,
  sort?: FeedSort,
): { sql: string; params: Record<string, unknown> } {
  // With "payout", a brand filter may use the (status, brand, payout) index.
  const walk = (col: string, sortCol?: FeedSort) =>
    plan === 'any' || sort === sortCol ? col : `+${col}`;
  // Open tasks, including ones with our claim still pending (shown as such).
  const clauses = ["t.status = 'open'"];
  const params: Record<string, unknown> = {};
  if (filters.brandId !== null) {
    clauses.push(`${walk('t.brand_id', 'payout')} = @brandId`);
    params['brandId'] = filters.brandId;
  }
  if (filters.channel !== null) {
    clauses.push(`${plan === 'kind' ? 't.channel' : walk('t.channel')} = @channel`);
    params['channel'] = filters.channel;
  }
  if (filters.complexity !== null) {
    clauses.push(`${plan === 'kind' ? 't.complexity' : walk('t.complexity')} = @complexity`);
    params['complexity'] = filters.complexity;
  }
  if (filters.minPayoutMinor !== null) {
    const col =
      plan === 'kind' ? '+t.payout_estimate_minor' : walk('t.payout_estimate_minor', 'payout');
    clauses.push(`${col} >= @minPayout`);
    params['minPayout'] = filters.minPayoutMinor;
  }
  if (filters.skill !== null) {
    // The text test is a cheap pre-check (skills is written with JSON.stringify, so a member's
    // JSON text is always in it); json_each decides.
    clauses.push(
      `instr(t.skills, @skillJson) > 0 AND EXISTS (SELECT 1 FROM json_each(t.skills) WHERE value = @skill)`,
    );
    params['skill'] = filters.skill;
    params['skillJson'] = JSON.stringify(filters.skill);
  }
  if (filters.myLanguages) clauses.push(speaksSql('t'));
  return { sql: clauses.join(' AND '), params };
}

/** Picks the plan of a sorted page from how many tasks match its channel + complexity. */
function choosePlan(db: Db, filters: FeedFilters, sort: FeedSort): Plan {
  if (filters.channel === null || filters.complexity === null) return 'walk';
  if (sort === 'payout') return 'kind';
  const matches = prepare(
    db,
    `SELECT count(*) FROM (SELECT 1 FROM tasks INDEXED BY tasks_feed_kind
        WHERE status = 'open' AND channel = ? AND complexity = ? LIMIT ?)`,
  )
    .pluck()
    .get(filters.channel, filters.complexity, kindSortLimit + 1) as number;
  return matches <= kindSortLimit ? 'kind' : 'walk';
}

// The server never shows an open task with a holder: that is our own claim, not yet answered.
const pendingClaim = (r: TaskRow) => r.status === 'open' && r.holderId !== null;

const toFeedTask = (r: TaskRow): FeedTask => ({
  id: r.id,
  brandId: r.brandId,
  brandName: r.brandName ?? r.brandId,
  subject: r.subject,
  channel: r.channel,
  skills: JSON.parse(r.skills) as string[],
  complexity: r.complexity,
  customerName: r.customerName ?? '',
  slaDueAt: r.slaDueAt,
  createdAt: r.createdAt,
  payoutMinor: r.payoutMinor,
  currency: r.currency,
  pendingClaim: pendingClaim(r),
  ...(r.ageingBonusMinor ? { ageingBonusMinor: r.ageingBonusMinor } : {}),
});

const toMyTask = (r: TaskRow): MyTask => ({
  id: r.id,
  brandName: r.brandName ?? r.brandId,
  subject: r.subject,
  customerName: r.customerName ?? '',
  status: r.status,
  pendingClaim: pendingClaim(r),
  leaseExpiresAt: r.leaseExpiresAt,
  slaDueAt: r.slaDueAt,
  payoutMinor: r.payoutMinor,
  currency: r.currency,
});

/** One page of the feed, filtered and sorted. */
export function listFeedPage(
  db: Db,
  filters: FeedFilters,
  sort: FeedSort,
  offset: number,
  limit: number,
): FeedTask[] {
  const plan = choosePlan(db, filters, sort);
  const w = where(filters, plan, sort);
  const from = plan === 'kind' ? 'tasks t INDEXED BY tasks_feed_kind' : 'tasks t';
  const rows = prepare(
    db,
    // The page's rowids first, from the index where the filters allow; then only those rows.
    `SELECT ${taskColumns} FROM (
       SELECT t.rowid AS rid FROM ${from}
        WHERE ${w.sql} ORDER BY ${orderBy[sort]} LIMIT @limit OFFSET @offset
     ) AS page JOIN tasks t ON t.rowid = page.rid LEFT JOIN brands b ON b.id = t.brand_id
     ORDER BY ${orderBy[sort]}`,
  ).all({ ...w.params, limit, offset }) as TaskRow[];
  return rows.map(toFeedTask);
}

export function countFeed(db: Db, filters: FeedFilters): number {
  const w = where(filters, 'any');
  return db.prepare(`SELECT COUNT(*) FROM tasks t WHERE ${w.sql}`).pluck().get(w.params) as number;
}

export function readTaskDetail(db: Db, taskId: string): TaskDetail | null {
  const row = db
    .prepare(
      `SELECT ${taskColumns} FROM tasks t LEFT JOIN brands b ON b.id = t.brand_id WHERE t.id = ?`,
    )
    .get(taskId) as TaskRow | undefined;
  if (!row) return null;
  const messages = db
    .prepare(
      `SELECT id, author_kind AS author, author_name AS authorName, visibility, body,
              created_at AS createdAt, pending
         FROM messages WHERE task_id = ? ORDER BY created_at, rowid`,
    )
    .all(taskId) as {
    id: string;
    author: string;
    authorName: string;
    visibility: string;
    body: string;
    createdAt: number;
    pending: number;
  }[];
  return {
    ...toFeedTask(row),
    status: row.status,
    holderId: row.holderId,
    leaseExpiresAt: row.leaseExpiresAt,
    messages: messages.map((m) => ({
      id: m.id,
      author: m.author,
      authorName: m.authorName,
      internal: m.visibility === 'internal',
      body: m.body,
      createdAt: m.createdAt,
      pending: m.pending === 1,
    })),
  };
}

/** The advocate's tickets: held (or being claimed) by them, not yet closed. */
export function listMyTasks(db: Db, advocateId: string): MyTask[] {
  const rows = db
    .prepare(
      `SELECT ${taskColumns} FROM tasks t LEFT JOIN brands b ON b.id = t.brand_id
        WHERE t.holder_id = ? AND t.status IN ('claimed', 'open')
        ORDER BY coalesce(t.sla_due_at, 9007199254740991), t.rowid`,
    )
    .all(advocateId) as TaskRow[];
  return rows.map(toMyTask);
}

export function readMyTask(db: Db, taskId: string): MyTask | null {
  const row = db
    .prepare(
      `SELECT ${taskColumns} FROM tasks t LEFT JOIN brands b ON b.id = t.brand_id WHERE t.id = ?`,
    )
    .get(taskId) as TaskRow | undefined;
  return row ? toMyTask(row) : null;
}

export function readFacets(db: Db): FeedFacets {
  const brands = db
    .prepare('SELECT id, name FROM brands ORDER BY name')
    .all() as FeedFacets['brands'];
  const skills = db
    .prepare(
      `SELECT DISTINCT value FROM (
         SELECT value FROM memberships, json_each(memberships.skills)
         UNION SELECT value FROM (SELECT DISTINCT skills FROM tasks WHERE status = 'open'), json_each(skills)
       ) ORDER BY value`,
    )
    .pluck()
    .all() as string[];
  return { brands, skills };
}

/** The brand's lease length, for the optimistic lease of a claim. */
export function brandLeaseMinutes(db: Db, brandId: string): number | null {
  return (
    (db.prepare('SELECT lease_minutes FROM brands WHERE id = ?').pluck().get(brandId) as
      number | null | undefined) ?? null
  );
}

export function setOptimisticClaim(
  db: Db,
  taskId: string,
  advocateId: string,
  leaseExpiresAt: number,
): boolean {
  const info = db
    .prepare(
      `UPDATE tasks SET holder_id = ?, lease_expires_at = ? WHERE id = ? AND status = 'open'`,
    )
    .run(advocateId, leaseExpiresAt, taskId);
  return info.changes === 1;
}

/** The server applied our claim: the pending claim becomes a claim (the next pull refines it). */
interface TaskState {
  brandId: string;
  status: string;
  localState: string | null;
  holderId: string | null;
}

export function readTaskStatus(db: Db, taskId: string): TaskState | null {
  return (
    (db
      .prepare(
        'SELECT brand_id AS brandId, status, local_state AS localState, holder_id AS holderId FROM tasks WHERE id = ?',
      )
      .get(taskId) as TaskState | undefined) ?? null
  );
}
