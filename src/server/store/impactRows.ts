import type { ImpactInput } from '../metrics/impact';
import type { CustomerEventRow } from '../metrics/lifetimeValue';
import { brandRow } from './brands';
import { parseJson, type StoreContext, write } from './context';

/**
 * The rows the impact metrics read: this brand's tasks created in [from, to) and what followed,
 * and for the lifetime-value panel the events of the brand's customers from `from` on (the
 * customers' value events of any time, to know who has any).
 */
export async function impactRows(
  ctx: StoreContext,
  brandId: string,
  from: number,
  to: number,
): Promise<
  ImpactInput & {
    currency: string;
    contactCentreCostMinor: number | null;
    customerEvents: CustomerEventRow[];
  }
> {
  const db = ctx.db;
  const brand = await brandRow(db, brandId);
  const tasks = await db
    .selectFrom('tasks')
    .select([
      'id',
      'created_at',
      'skills',
      'channel',
      'complexity',
      'sla_due_at',
      'language',
      'customer_id',
    ])
    .where('brand_id', '=', brandId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
  const within = <T>(rows: T[], idOf: (r: T) => string) => {
    const ids = new Set(tasks.map((t) => t.id));
    return rows.filter((r) => ids.has(idOf(r)));
  };
  const events = within(
    await db
      .selectFrom('task_events')
      .select(['task_id', 'advocate_id', 'type', 'at'])
      .where('brand_id', '=', brandId)
      .where('at', '>=', from)
      .execute(),
    (r) => r.task_id,
  );
  const ledger = within(
    await db
      .selectFrom('ledger')
      .select(['task_id', 'amount_minor'])
      .where('brand_id', '=', brandId)
      .where('occurred_at', '>=', from)
      .execute(),
    (r) => r.task_id,
  );
  const ratings = within(
    await db
      .selectFrom('ratings')
      .select(['task_id', 'score'])
      .where('brand_id', '=', brandId)
      .execute(),
    (r) => r.task_id,
  );
  const tiers = new Map(
    (
      await db
        .selectFrom('memberships')
        .select(['advocate_id', 'tier'])
        .where('brand_id', '=', brandId)
        .execute()
    ).map((m) => [m.advocate_id, m.tier]),
  );
  const customerEvents = await db
    .selectFrom('customer_events')
    .select(['customer_id', 'kind', 'occurred_at', 'amount_minor', 'currency'])
    .where('brand_id', '=', brandId)
    .where((w) =>
      w.or([
        w('occurred_at', '>=', from),
        w.and([w('kind', 'in', ['order', 'subscription']), w('amount_minor', 'is not', null)]),
      ]),
    )
    .execute();
  const settings = await db
    .selectFrom('brand_settings')
    .select('contact_centre_cost_minor')
    .where('brand_id', '=', brandId)
    .executeTakeFirst();
  return {
    currency: brand.currency,
    contactCentreCostMinor: settings?.contact_centre_cost_minor ?? null,
    tasks: tasks.map((t) => ({
      id: t.id,
      createdAt: t.created_at,
      skills: parseJson<string[]>(t.skills),
      channel: t.channel,
      complexity: t.complexity,
      slaDueAt: t.sla_due_at,
      language: t.language,
      customerId: t.customer_id,
    })),
    customerEvents: customerEvents.map((e) => ({
      customerId: e.customer_id,
      kind: e.kind,
      at: e.occurred_at,
      amountMinor: e.amount_minor,
      currency: e.currency,
    })),
    events: events.map((e) => ({
      taskId: e.task_id,
      advocateId: e.advocate_id,
      type: e.type,
      at: e.at,
    })),
    ledger: ledger.map((l) => ({ taskId: l.task_id, amountMinor: l.amount_minor })),
    ratings: ratings.map((r) => ({ taskId: r.task_id, score: r.score })),
    tierOf: (id) => tiers.get(id),
  };
}

export async function setBrandSettings(
  ctx: StoreContext,
  brandId: string,
  s: { contactCentreCostMinor: number | null },
  now: number,
) {
  await write(ctx, now, async (trx) => {
    await trx
      .insertInto('brand_settings')
      .values({
        brand_id: brandId,
        contact_centre_cost_minor: s.contactCentreCostMinor,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('brand_id').doUpdateSet({
          contact_centre_cost_minor: s.contactCentreCostMinor,
          updated_at: now,
        }),
      )
      .execute();
  });
  return s;
}
