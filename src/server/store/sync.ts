import type { Selectable } from 'kysely';
import type { PayoutRules } from '../../shared/domain/payout';
import { ApiFailure } from '../errors';
import { ALL_CAPABILITIES, type Capabilities, kindsWithheld } from '../../shared/capabilities';
import type { Change, SyncResponse } from '../../shared/protocol';
import { parseJson, type StoreContext } from './context';
import { positionOf, readChangeLog } from './changeLog';
import { readMemberships } from './logTail';
import type { SqlDialect } from './dialect';
import { formatCursor, parseCursor, type Position } from '../../shared/domain/syncCursor';
import type { ChangeTable, MembershipTable } from './schema';
import { loadCustomerEntities, renderCustomerRow } from './customerViews';
import { withPayoutStatus } from './payouts';
import { taskAtTier } from './renderedTasks';
import { changeSeenAtTier } from './tierView';
import {
  articleView,
  brandView,
  ledgerView,
  type LoadedTask,
  loadTasks,
  outcomeFor,
  macroView,
  membershipView,
  ratingView,
  type Viewer,
  visibleTo,
} from './views';

/** The position a request's cursor names; absent = the beginning of the log. */
export function cursorPosition(cursor: string | undefined, dialect: SqlDialect): Position {
  if (cursor === undefined || cursor === '') return { xid: 0n, seq: 0n };
  const p = parseCursor(cursor);
  // Only PostgreSQL issues positions with an xid.
  if (!p || (p.xid > 0n && dialect.name !== 'postgres'))
    throw new ApiFailure('invalid_input', 'cursor: not a cursor this server issued');
  return p;
}

type Row = Selectable<ChangeTable>;

/**
 * One page of this advocate's change stream: rows of the given brands (and rows meant for it
 * alone) after the cursor, in log order (changeLog.ts). The next cursor is the position of the
 * last row returned — never the head of the log, which may include rows not yet readable.
 * The rows and the tasks they name come from this process's tail of the log when it reaches
 * back to the cursor (logTail.ts): the same page, without reading the log for every advocate.
 */
export async function syncPage(
  ctx: StoreContext,
  advocateId: string,
  cursor: string | undefined,
  limit: number,
  brandIds: string[],
  caps: Capabilities = ALL_CAPABILITIES,
): Promise<SyncResponse> {
  const after = cursorPosition(cursor, ctx.dialect);
  const unchanged = cursor === undefined || cursor === '' ? '0' : cursor;
  const tails = ctx.tails;
  const epoch = tails?.membershipEpoch;
  // Only the brands the caller's token reaches (see tokens.ts).
  const members = (
    tails ? await tails.membershipsOf(advocateId, brandIds) : await readMemberships(ctx, advocateId)
  ).filter((m) => brandIds.includes(m.brand_id));
  if (members.length === 0) return { changes: [], cursor: unchanged, hasMore: false };
  const query = { brandIds: members.map((m) => m.brand_id), advocateId, after, limit: limit + 1 };
  // The same rows from this process's tail of the log when it reaches back to the cursor.
  const tail = tails ? await tails.read(query.brandIds, advocateId, after, query.limit) : null;
  // A membership changed meanwhile (the tails may have just read it): answered from the log.
  if (tails && tails.membershipEpoch !== epoch) {
    const { tails: _, ...fromLog } = ctx;
    return syncPage(fromLog, advocateId, cursor, limit, brandIds, caps);
  }
  const rows = tail?.rows ?? (await readChangeLog(ctx, query));
  await ctx.interleave();
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const viewers = new Map<string, Viewer>(
    members.map((m) => [m.brand_id, { advocateId, tier: m.tier, suspended: m.suspended === 1 }]),
  );
  // Kinds the app cannot read are skipped, never sent: the cursor still moves past them.
  const withheld = kindsWithheld(caps);
  const readable = withheld.size ? page.filter((r) => !withheld.has(r.kind)) : page;
  const changes = await render(ctx, readable, viewers, members, tail?.tasks);
  const last = page[page.length - 1];
  return { changes, cursor: last ? formatCursor(positionOf(last)) : unchanged, hasMore };
}

async function render(
  ctx: StoreContext,
  rows: Row[],
  viewers: Map<string, Viewer>,
  members: Selectable<MembershipTable>[],
  tasksOf: (ids: string[]) => Promise<Map<string, LoadedTask>> = (ids) =>
    loadTasks(ctx.db, ctx.dialect, ids),
): Promise<Change[]> {
  const ids = (kind: string) => [
    ...new Set(rows.filter((r) => r.kind === kind).map((r) => r.entity_id)),
  ];
  const db = ctx.db;
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const load = async <T>(kind: string, f: (ids: string[]) => Promise<T[]>) =>
    ids(kind).length ? f(ids(kind)) : [];

  const tasks = ids('task').length ? await tasksOf(ids('task')) : new Map<string, LoadedTask>();
  const brands = byId(
    await load('brand', (i) => db.selectFrom('brands').selectAll().where('id', 'in', i).execute()),
  );
  const articles = byId(
    await load('article', (i) =>
      db.selectFrom('articles').selectAll().where('id', 'in', i).execute(),
    ),
  );
  const macros = byId(
    await load('macro', (i) => db.selectFrom('macros').selectAll().where('id', 'in', i).execute()),
  );
  const ledger = byId(
    await load('ledger', async (i) =>
      withPayoutStatus(
        db,
        await db.selectFrom('ledger').selectAll().where('id', 'in', i).execute(),
      ),
    ),
  );
  const ratings = new Map(
    (
      await load('rating', (i) =>
        db.selectFrom('ratings').selectAll().where('task_id', 'in', i).execute(),
      )
    ).map((r) => [r.task_id, r]),
  );
  const ruleRows = await load('payout_rules', () =>
    db
      .selectFrom('payout_rules')
      .selectAll()
      .where('brand_id', 'in', [...viewers.keys()])
      .execute(),
  );
  const rules = new Map(ruleRows.map((r) => [`${r.brand_id}:${r.version}`, r]));
  const memberships = new Map(members.map((m) => [m.brand_id, m]));
  const customerEntities = await loadCustomerEntities(db, rows);

  const out: Change[] = [];
  for (const row of rows) {
    const seq = row.seq;
    const viewer = viewers.get(row.brand_id)!;
    // Every change leaves through here, as the advocate's tier in the change's brand allows
    // (task views through the same rule, rendered once per task state and tier).
    const emit = (c: Change) => out.push(changeSeenAtTier(c, viewer.tier));
    switch (row.kind) {
      case 'task': {
        const t = tasks.get(row.entity_id);
        if (!t) break;
        if (visibleTo(t.task, viewer))
          out.push({
            seq,
            kind: 'task',
            task: taskAtTier(t.task, t.messages, viewer.tier, outcomeFor(t, viewer)),
          });
        else emit({ seq, kind: 'revoke', taskId: t.task.id, brandId: t.task.brand_id });
        break;
      }
      case 'brand': {
        const b = brands.get(row.entity_id);
        if (b) emit({ seq, kind: 'brand', brand: brandView(b) });
        break;
      }
      case 'membership': {
        const m = memberships.get(row.brand_id);
        if (m) emit({ seq, kind: 'membership', membership: membershipView(m) });
        break;
      }
      case 'article': {
        const a = articles.get(row.entity_id);
        if (!a) break;
        emit(
          a.deleted_at === null
            ? { seq, kind: 'article', article: articleView(a) }
            : { seq, kind: 'article_delete', articleId: a.id, brandId: a.brand_id },
        );
        break;
      }
      case 'macro': {
        const m = macros.get(row.entity_id);
        if (!m) break;
        emit(
          m.deleted_at === null
            ? { seq, kind: 'macro', macro: macroView(m) }
            : { seq, kind: 'macro_delete', macroId: m.id, brandId: m.brand_id },
        );
        break;
      }
      case 'payout_rules': {
        const r = rules.get(`${row.brand_id}:${row.entity_id}`);
        if (r) {
          emit({
            seq,
            kind: 'payout_rules',
            brandId: r.brand_id,
            version: r.version,
            rules: parseJson<PayoutRules>(r.rules),
            effectiveAt: r.effective_at,
          });
        }
        break;
      }
      case 'ledger': {
        const l = ledger.get(row.entity_id);
        if (l) emit({ seq, kind: 'ledger', entry: ledgerView(l) });
        break;
      }
      case 'rating': {
        const r = ratings.get(row.entity_id);
        if (r) emit({ seq, kind: 'rating', rating: ratingView(r) });
        break;
      }
      case 'customer':
      case 'customer_event':
      case 'customer_case': {
        const c = renderCustomerRow(row, customerEntities, viewer);
        if (c) emit(c);
        break;
      }
    }
  }
  return out;
}
