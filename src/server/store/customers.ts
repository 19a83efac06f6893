/**
 * A brand's customers and their events (issue 16). A customer is keyed by the brand's own
 * `customerRef`, which never leaves the server: advocates see the opaque `customers.id`. Pushes
 * are all or nothing and idempotent (unchanged content writes nothing); each change is one
 * brand-wide change row, rendered per advocate tier by customerViews.ts.
 */
import type { z } from 'zod';
import type {
  ApiIssue,
  CustomerEventPush,
  CustomerPush,
  UpsertResponse,
} from '../../shared/protocol';
import { ApiFailure } from '../errors';
import { type ChangeWriter, json, type StoreContext, type Trx, write } from './context';
import { duplicateRefIssues } from './content';
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

function rejected(issues: ApiIssue[]): never {
  const bad = new Set(issues.map((i) => i.index)).size;
  throw new ApiFailure('invalid_input', `${bad} item(s) rejected; nothing was applied`, issues);
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

export async function upsertCustomers(
  ctx: StoreContext,
  brandId: string,
  items: ParsedCustomerPush[],
  now: number,
): Promise<UpsertResponse> {
  const issues = duplicateRefIssues(items.map((i) => ({ externalRef: i.customerRef })));
  if (issues.length > 0) rejected(issues.map((i) => ({ ...i, path: 'customerRef' })));
  const counts = { created: 0, updated: 0, unchanged: 0 };
  await write(ctx, now, async (trx, changes) => {
    for (const item of items) {
      const fields: StoredField[] = item.fields.map((f) => ({
        name: f.name,
        label: f.label ?? f.name,
        value: f.value,
        minTier: f.minTier,
      }));
      const hash = fingerprint(fields);
      const existing = await trx
        .selectFrom('customers')
        .select(['id', 'content_hash'])
        .where('brand_id', '=', brandId)
        .where('external_ref', '=', item.customerRef)
        .executeTakeFirst();
      if (existing?.content_hash === hash) {
        counts.unchanged++;
        continue;
      }
      let id: string;
      if (existing) {
        id = existing.id;
        await trx
          .updateTable('customers')
          .set({ fields: json(fields), content_hash: hash, updated_at: now })
          .where('id', '=', id)
          .execute();
        counts.updated++;
      } else {
        id = newId();
        await trx
          .insertInto('customers')
          .values({
            id,
            brand_id: brandId,
            external_ref: item.customerRef,
            fields: json(fields),
            content_hash: hash,
            created_at: now,
            updated_at: now,
          })
          .execute();
        counts.created++;
      }
      await changes.add(brandId, 'customer', id);
    }
  });
  return counts;
}

/**
 * Events of customers the brand already pushed (or named on a task): an event for a customer
 * the brand never mentioned is refused by its index, and the whole batch with it.
 */
export async function upsertCustomerEvents(
  ctx: StoreContext,
  brandId: string,
  items: ParsedCustomerEventPush[],
  now: number,
): Promise<UpsertResponse> {
  const issues = duplicateRefIssues(items);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  await write(ctx, now, async (trx, changes) => {
    const refs = [...new Set(items.map((i) => i.customerRef))];
    const known = new Map(
      (
        await trx
          .selectFrom('customers')
          .select(['id', 'external_ref'])
          .where('brand_id', '=', brandId)
          .where('external_ref', 'in', refs)
          .execute()
      ).map((c) => [c.external_ref, c.id]),
    );
    items.forEach((item, index) => {
      if (!known.has(item.customerRef))
        issues.push({
          index,
          path: 'customerRef',
          message: 'no such customer in this brand; push the customer first',
        });
    });
    if (issues.length > 0) rejected(issues.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)));
    for (const item of items) {
      const customerId = known.get(item.customerRef)!;
      const fields = {
        customer_id: customerId,
        kind: item.kind,
        occurred_at: item.occurredAt,
        summary: item.summary,
        amount_minor: item.amountMinor ?? null,
        currency: item.currency ?? null,
        min_tier: item.minTier,
      };
      const hash = fingerprint(fields);
      const existing = await trx
        .selectFrom('customer_events')
        .select(['id', 'content_hash'])
        .where('brand_id', '=', brandId)
        .where('external_ref', '=', item.externalRef)
        .executeTakeFirst();
      if (existing?.content_hash === hash) {
        counts.unchanged++;
        continue;
      }
      let id: string;
      if (existing) {
        id = existing.id;
        await trx
          .updateTable('customer_events')
          .set({ ...fields, content_hash: hash, updated_at: now })
          .where('id', '=', id)
          .execute();
        counts.updated++;
      } else {
        id = newId();
        await trx
          .insertInto('customer_events')
          .values({
            id,
            brand_id: brandId,
            external_ref: item.externalRef,
            ...fields,
            content_hash: hash,
            updated_at: now,
          })
          .execute();
        counts.created++;
      }
      await changes.add(brandId, 'customer_event', id);
    }
  });
  return counts;
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
