/**
 * Customers, their events and earlier cases as one advocate may see them: anything above the
 * advocate's tier in the brand arrives without its value, saying from which tier it is visible
 * ("visible from tier N"). Tier-0 redaction of what remains happens where every change leaves
 * (tierView.ts `changeSeenAtTier`). A suspended advocate sees no value at all.
 */
import type { Kysely, Selectable } from 'kysely';
import type {
  Change,
  CustomerCaseView,
  CustomerEventView,
  CustomerView,
} from '../../shared/protocol';
import { parseJson } from './context';
import type { StoredField } from './customers';
import type { ChangeTable, CustomerEventTable, CustomerTable, DB } from './schema';
import { changeSeenAtTier } from './tierView';
import type { Viewer } from './views';

type Row = Selectable<ChangeTable>;

/** The tier values are shown at: none while suspended. */
const effectiveTier = (v: Viewer) => (v.suspended ? -1 : v.tier);
const hiddenFrom = (minTier: number, v: Viewer) => (minTier > effectiveTier(v) ? minTier : null);

export function customerView(c: Selectable<CustomerTable>, v: Viewer): CustomerView {
  return {
    id: c.id,
    brandId: c.brand_id,
    fields: parseJson<StoredField[]>(c.fields).map((f) => {
      const hidden = hiddenFrom(f.minTier, v);
      return {
        name: f.name,
        label: f.label,
        value: hidden === null ? f.value : null,
        visibleFromTier: hidden,
      };
    }),
    updatedAt: c.updated_at,
  };
}

export function customerEventView(e: Selectable<CustomerEventTable>, v: Viewer): CustomerEventView {
  const hidden = hiddenFrom(e.min_tier, v);
  const shown = hidden === null;
  return {
    id: e.id,
    brandId: e.brand_id,
    customerId: e.customer_id,
    kind: e.kind as CustomerEventView['kind'],
    occurredAt: e.occurred_at,
    summary: shown ? e.summary : null,
    amountMinor: shown ? e.amount_minor : null,
    currency: shown ? e.currency : null,
    visibleFromTier: hidden,
  };
}

export interface CaseRow {
  id: string;
  brand_id: string;
  customer_id: string | null;
  subject: string;
  status: string;
  min_tier: number;
  resolved_at: number | null;
  score: number | null;
  handle: string | null;
}

export function customerCaseView(t: CaseRow, v: Viewer): CustomerCaseView | null {
  if (t.customer_id === null || t.resolved_at === null) return null;
  const hidden = hiddenFrom(t.min_tier, v);
  const shown = hidden === null;
  return {
    taskId: t.id,
    brandId: t.brand_id,
    customerId: t.customer_id,
    subject: shown ? t.subject : null,
    outcome: t.status === 'resolved' || t.status === 'escalated' ? t.status : 'open',
    rating: shown ? t.score : null,
    closedAt: t.resolved_at,
    // Handles only: never another advocate's name or id.
    advocateHandle: shown ? t.handle : null,
    visibleFromTier: hidden,
  };
}

/** Tasks with what a timeline's earlier case shows (its rating, its resolver's handle). */
function caseRows(db: Kysely<DB>) {
  return db
    .selectFrom('tasks')
    .leftJoin('ratings', 'ratings.task_id', 'tasks.id')
    .leftJoin('advocates', 'advocates.id', 'tasks.holder_id')
    .select([
      'tasks.id',
      'tasks.brand_id',
      'tasks.customer_id',
      'tasks.subject',
      'tasks.status',
      'tasks.min_tier',
      'tasks.resolved_at',
      'ratings.score',
      'advocates.handle',
    ]);
}

/**
 * A brand's whole customer data as one viewer sees it, for the brand snapshot: each item exactly
 * as its change would render it (`renderCustomerRow`), so the tier rules live in one place.
 */
export async function customerSnapshot(db: Kysely<DB>, brandId: string, viewer: Viewer) {
  const customers = await db
    .selectFrom('customers')
    .selectAll()
    .where('brand_id', '=', brandId)
    .orderBy('id')
    .execute();
  const events = await db
    .selectFrom('customer_events')
    .selectAll()
    .where('brand_id', '=', brandId)
    .orderBy('id')
    .execute();
  const cases = await caseRows(db)
    .where('tasks.brand_id', '=', brandId)
    .where('tasks.customer_id', 'is not', null)
    .where('tasks.resolved_at', 'is not', null)
    .orderBy('tasks.id')
    .execute();
  const loaded: CustomerEntities = {
    customers: new Map(customers.map((c) => [c.id, c])),
    events: new Map(events.map((e) => [e.id, e])),
    cases: new Map(cases.map((c) => [c.id, c])),
  };
  const rowsOf = (kind: string, ids: Iterable<string>): Row[] =>
    [...ids].map((id) => ({
      seq: 1,
      brand_id: brandId,
      kind,
      entity_id: id,
      advocate_id: null,
      created_at: 0,
    }));
  const render = (kind: string, ids: Iterable<string>) =>
    rowsOf(kind, ids).flatMap((row) => {
      const change = renderCustomerRow(row, loaded, viewer);
      return change ? [changeSeenAtTier(change, viewer.tier)] : [];
    });
  return {
    customers: render('customer', loaded.customers.keys()).map(
      (c) => (c as Extract<Change, { kind: 'customer' }>).customer,
    ),
    customerEvents: render('customer_event', loaded.events.keys()).map(
      (c) => (c as Extract<Change, { kind: 'customer_event' }>).event,
    ),
    customerCases: render('customer_case', loaded.cases.keys()).map(
      (c) => (c as Extract<Change, { kind: 'customer_case' }>).case,
    ),
  };
}

/** Loads what the page's customer rows name, in three queries at most. */
export async function loadCustomerEntities(db: Kysely<DB>, rows: Row[]) {
  const ids = (kind: string) => [
    ...new Set(rows.filter((r) => r.kind === kind).map((r) => r.entity_id)),
  ];
  const customerIds = ids('customer');
  const eventIds = ids('customer_event');
  const caseIds = ids('customer_case');
  const customers = customerIds.length
    ? await db.selectFrom('customers').selectAll().where('id', 'in', customerIds).execute()
    : [];
  const events = eventIds.length
    ? await db.selectFrom('customer_events').selectAll().where('id', 'in', eventIds).execute()
    : [];
  const cases: CaseRow[] = caseIds.length
    ? await caseRows(db).where('tasks.id', 'in', caseIds).execute()
    : [];
  return {
    customers: new Map(customers.map((c) => [c.id, c])),
    events: new Map(events.map((e) => [e.id, e])),
    cases: new Map(cases.map((c) => [c.id, c])),
  };
}

export type CustomerEntities = Awaited<ReturnType<typeof loadCustomerEntities>>;

/** The change a customer row renders to for this viewer, or null when its entity is gone. */
export function renderCustomerRow(
  row: Row,
  loaded: CustomerEntities,
  viewer: Viewer,
): Change | null {
  const seq = row.seq;
  switch (row.kind) {
    case 'customer': {
      const c = loaded.customers.get(row.entity_id);
      return c ? { seq, kind: 'customer', customer: customerView(c, viewer) } : null;
    }
    case 'customer_event': {
      const e = loaded.events.get(row.entity_id);
      return e ? { seq, kind: 'customer_event', event: customerEventView(e, viewer) } : null;
    }
    case 'customer_case': {
      const t = loaded.cases.get(row.entity_id);
      const view = t ? customerCaseView(t, viewer) : null;
      return view ? { seq, kind: 'customer_case', case: view } : null;
    }
    default:
      return null;
  }
}
