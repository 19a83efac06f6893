/**
 * A brand's customers and their events (issue 16). A customer is keyed by the brand's own
 * `customerRef`, which never leaves the server: advocates see the opaque `customers.id`. Pushes
 * are all or nothing and idempotent (unchanged content writes nothing); each change is one
 * brand-wide change row, rendered per advocate tier by customerViews.ts.
 */
import type { z } from 'zod';
import type { CustomerEventPush, CustomerPush, UpsertResponse } from '../../shared/protocol';
import { type ChangeWriter, json, type StoreContext, type Trx } from './context';
import { duplicateRefIssues, inChunks, PUSH_CHUNK, rejectIfAny } from './pushBatch';
import { fingerprint, newId } from './secrets';

export type ParsedCustomerPush = z.output<typeof CustomerPush>;
export type ParsedCustomerEventPush = z.output<typeof CustomerEventPush>;

/** A stored profile field. */
export interface StoredField {
  name: string;
  label: string;
  value: string;
  minTier: number;
}

/** The customer's id for `customerRef`, created (with no fields) if the brand has none yet. */
export async function ensureCustomer(
  trx: Trx,
  changes: ChangeWriter,
  brandId: string,
  customerRef: string,
  now: number,
): Promise<string> {
  const existing = await trx
    .selectFrom('customers')
    .select('id')
    .where('brand_id', '=', brandId)
    .where('external_ref', '=', customerRef)
    .executeTakeFirst();
  if (existing) return existing.id;
  const id = newId();
  await trx
    .insertInto('customers')
    .values({
      id,
      brand_id: brandId,
      external_ref: customerRef,
      fields: '[]',
      content_hash: fingerprint([]),
      created_at: now,
      updated_at: now,
    })
    .execute();
  await changes.add(brandId, 'customer', id);
  return id;
}

/** Customers and customer events: rows keyed by the brand's own reference. */
type KeyedTable = 'customers' | 'customer_events';
interface KeyedRow {
  externalRef: string;
  /** The stored content, and the fingerprint that tells a repeat from a change. */
  values: Record<string, string | number | null>;
  hash: string;
}

/**
 * The write half of both pushes, after the whole batch was validated: in chunks (`inChunks`),
 * and a row whose content is unchanged writes nothing, so a repeat (or the retry of a push that
 * failed midway) changes nothing it already applied.
 */
function upsertKeyed(
  ctx: StoreContext,
  table: KeyedTable,
  brandId: string,
  rows: KeyedRow[],
  now: number,
): Promise<UpsertResponse> {
  const kind = table === 'customers' ? 'customer' : 'customer_event';
  return inChunks(ctx, now, rows, async (trx, changes, row) => {
    const existing = await trx
      .selectFrom(table)
      .select(['id', 'content_hash'])
      .where('brand_id', '=', brandId)
      .where('external_ref', '=', row.externalRef)
      .executeTakeFirst();
    if (existing?.content_hash === row.hash) return 'unchanged';
    const stored = { ...row.values, content_hash: row.hash, updated_at: now };
    const id = existing?.id ?? newId();
    if (existing) {
      await trx.updateTable(table).set(stored).where('id', '=', id).execute();
    } else {
      const created = table === 'customers' ? { created_at: now } : {};
      await trx
        .insertInto(table)
        .values({
          id,
          brand_id: brandId,
          external_ref: row.externalRef,
          ...stored,
          ...created,
        })
        .execute();
    }
    await changes.add(brandId, kind, id);
    return existing ? 'updated' : 'created';
  });
}

export function upsertCustomers(
  ctx: StoreContext,
  brandId: string,
  items: ParsedCustomerPush[],
  now: number,
): Promise<UpsertResponse> {
  rejectIfAny(
    duplicateRefIssues(
      items.map((i) => i.customerRef),
      'customerRef',
    ),
  );
  const rows = items.map((item): KeyedRow => {
    const fields: StoredField[] = item.fields.map((f) => ({
      name: f.name,
      label: f.label ?? f.name,
      value: f.value,
      minTier: f.minTier,
    }));
    return {
      externalRef: item.customerRef,
      values: { fields: json(fields) },
      hash: fingerprint(fields),
    };
  });
  return upsertKeyed(ctx, 'customers', brandId, rows, now);
}

/**
 * Events of customers the brand already pushed (or named on a task): an event for a customer
 * the brand never mentioned is refused by its index, and the whole batch with it. Customers are
 * never deleted, so what this reads before the write chunks still holds while they commit.
 */
export async function upsertCustomerEvents(
  ctx: StoreContext,
  brandId: string,
  items: ParsedCustomerEventPush[],
  now: number,
): Promise<UpsertResponse> {
  const issues = duplicateRefIssues(items.map((i) => i.externalRef));
  const refs = [...new Set(items.map((i) => i.customerRef))];
  const known = new Map<string, string>();
  // Bounded IN lists: a 50,000-event push names as many customers.
  for (let i = 0; i < refs.length; i += PUSH_CHUNK) {
    const found = await ctx.db
      .selectFrom('customers')
      .select(['id', 'external_ref'])
      .where('brand_id', '=', brandId)
      .where('external_ref', 'in', refs.slice(i, i + PUSH_CHUNK))
      .execute();
    for (const c of found) known.set(c.external_ref, c.id);
  }
  items.forEach((item, index) => {
    if (!known.has(item.customerRef))
      issues.push({
        index,
        path: 'customerRef',
        message: 'no such customer in this brand; push the customer first',
      });
  });
  rejectIfAny(issues);
  const rows = items.map((item): KeyedRow => {
    const values = {
      customer_id: known.get(item.customerRef)!,
      kind: item.kind,
      occurred_at: item.occurredAt,
      summary: item.summary,
      amount_minor: item.amountMinor ?? null,
      currency: item.currency ?? null,
      min_tier: item.minTier,
    };
    return { externalRef: item.externalRef, values, hash: fingerprint(values) };
  });
  return upsertKeyed(ctx, 'customer_events', brandId, rows, now);
}

/** Closed (or reopened) cases that belong to a customer: the timeline's earlier cases. */
export const CASE_STATUSES = ['resolved', 'escalated'] as const;

/**
 * Every customer, event and earlier case of the brand again, for one advocate: after a tier
 * change (now-forbidden values arrive as "visible from tier N" and replace what the app held)
 * and when a device joins the brand after its history.
 */
export async function addAllCustomerDataFor(
  trx: Trx,
  changes: ChangeWriter,
  brandId: string,
  advocateId: string,
) {
  const customers = await trx
    .selectFrom('customers')
    .select('id')
    .where('brand_id', '=', brandId)
    .orderBy('created_at')
    .execute();
  for (const c of customers) await changes.add(brandId, 'customer', c.id, advocateId);
  const events = await trx
    .selectFrom('customer_events')
    .select('id')
    .where('brand_id', '=', brandId)
    .orderBy('occurred_at')
    .execute();
  for (const e of events) await changes.add(brandId, 'customer_event', e.id, advocateId);
  const cases = await trx
    .selectFrom('tasks')
    .select('id')
    .where('brand_id', '=', brandId)
    .where('customer_id', 'is not', null)
    .where('resolved_at', 'is not', null)
    .execute();
  for (const t of cases) await changes.add(brandId, 'customer_case', t.id, advocateId);
}
