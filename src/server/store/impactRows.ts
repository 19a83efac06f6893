import type { ImpactInput } from '../metrics/impact';
import { brandRow } from './brands';
import { parseJson, type StoreContext, write } from './context';

/** The rows the impact metrics read: this brand's tasks created in [from, to) and what followed. */
export async function impactRows(
  ctx: StoreContext,
  brandId: string,
  from: number,
  to: number,
): Promise<ImpactInput & { currency: string; contactCentreCostMinor: number | null }> {
  const db = ctx.db;
  const brand = await brandRow(db, brandId);
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'created_at', 'skills', 'channel', 'complexity', 'sla_due_at'])
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
