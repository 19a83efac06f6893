/**
 * Webhook endpoints and their delivery log. Events are read off the data itself (escalations,
 * resolved tasks, bad ratings, open tasks past their SLA) since each endpoint was created, and
 * queued once per (endpoint, event, subject): the unique `dedupe_key` makes queueing idempotent,
 * so any number of sweepers may run it.
 */
import type { Selectable } from 'kysely';
import type { WebhookEvent } from '../../shared/consoleProtocol';
import { ApiFailure } from '../errors';
import type { WebhookDeliveryTable, WebhookEndpointTable } from './consoleSchema';
import { json, parseJson, type StoreContext, write } from './context';
import { newId, newSecret } from './secrets';

/** A rating at or below this score is a `rating.bad` event. */
export const BAD_RATING_MAX = 2;
/** Attempts before a delivery is given up (its log row stays, `nextAttemptAt` null). */
export const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 3600_000;

/** Capped exponential backoff: 30 s, 1 min, 2 min, … at most 1 h, after the n-th failed attempt. */
export const backoffMs = (attempts: number) =>
  Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));

const endpointView = (e: Selectable<WebhookEndpointTable>) => ({
  id: e.id,
  url: e.url,
  events: parseJson<WebhookEvent[]>(e.events),
  createdAt: e.created_at,
  disabled: e.disabled_at !== null,
});

export async function createEndpoint(
  ctx: StoreContext,
  brandId: string,
  req: { url: string; events: WebhookEvent[] },
  now: number,
) {
  const row = {
    id: newId(),
    brand_id: brandId,
    url: req.url,
    secret: newSecret('whsec'),
    events: json([...new Set(req.events)]),
    created_at: now,
    disabled_at: null,
  };
  await write(ctx, now, async (trx) => {
    await trx.insertInto('webhook_endpoints').values(row).execute();
  });
  return { ...endpointView(row), secret: row.secret };
}

export async function listEndpoints(ctx: StoreContext, brandId: string) {
  const rows = await ctx.db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('brand_id', '=', brandId)
    .orderBy('created_at')
    .execute();
  return { endpoints: rows.map(endpointView) };
}

export async function disableEndpoint(ctx: StoreContext, brandId: string, id: string, now: number) {
  return write(ctx, now, async (trx) => {
    const r = await trx
      .updateTable('webhook_endpoints')
      .set({ disabled_at: now })
      .where('brand_id', '=', brandId)
      .where('id', '=', id)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw new ApiFailure('not_found', 'no such active webhook endpoint in this brand');
    return { disabled: true };
  });
}

interface Occurrence {
  subject: string;
  occurredAt: number;
  data: Record<string, unknown>;
}

/** What happened in this brand since `since`, per event. */
async function occurrences(
  ctx: StoreContext,
  brandId: string,
  event: WebhookEvent,
  since: number,
  now: number,
): Promise<Occurrence[]> {
  const db = ctx.db;
  switch (event) {
    case 'escalation.created':
      return (
        await db
          .selectFrom('escalations')
          .innerJoin('tasks', 'tasks.id', 'escalations.task_id')
          .select([
            'escalations.task_id',
            'tasks.external_ref',
            'escalations.target',
            'escalations.handoff_note',
            'escalations.advocate_id',
            'escalations.escalated_at',
          ])
          .where('escalations.brand_id', '=', brandId)
          .where('escalations.escalated_at', '>=', since)
          .execute()
      ).map((r) => ({
        subject: r.task_id,
        occurredAt: r.escalated_at,
        data: {
          taskId: r.task_id,
          externalRef: r.external_ref,
          target: r.target,
          handoffNote: r.handoff_note,
          advocateId: r.advocate_id,
        },
      }));
    case 'case.resolved':
      return (
        await db
          .selectFrom('tasks')
          .select(['id', 'external_ref', 'holder_id', 'updated_at'])
          .where('brand_id', '=', brandId)
          .where('status', '=', 'resolved')
          .where('updated_at', '>=', since)
          .execute()
      ).map((r) => ({
        subject: r.id,
        occurredAt: r.updated_at,
        data: { taskId: r.id, externalRef: r.external_ref, advocateId: r.holder_id },
      }));
    case 'rating.bad':
      return (
        await db
          .selectFrom('ratings')
          .innerJoin('tasks', 'tasks.id', 'ratings.task_id')
          .select([
            'ratings.task_id',
            'tasks.external_ref',
            'ratings.score',
            'ratings.advocate_id',
            'ratings.rated_at',
          ])
          .where('ratings.brand_id', '=', brandId)
          .where('ratings.score', '<=', BAD_RATING_MAX)
          .where('ratings.rated_at', '>=', since)
          .execute()
      ).map((r) => ({
        subject: r.task_id,
        occurredAt: r.rated_at,
        data: {
          taskId: r.task_id,
          externalRef: r.external_ref,
          score: r.score,
          advocateId: r.advocate_id,
        },
      }));
    case 'task.unclaimed_past_sla':
      return (
        await db
          .selectFrom('tasks')
          .select(['id', 'external_ref', 'sla_due_at'])
          .where('brand_id', '=', brandId)
          .where('status', '=', 'open')
          .where('sla_due_at', '<=', now)
          .where('sla_due_at', '>=', since)
          .execute()
      ).map((r) => ({
        subject: r.id,
        occurredAt: r.sla_due_at!,
        data: { taskId: r.id, externalRef: r.external_ref, slaDueAt: r.sla_due_at },
      }));
  }
}

/** Queues a delivery for every event each active endpoint has not been sent yet. */
export async function queueWebhookEvents(ctx: StoreContext, now: number): Promise<number> {
  const endpoints = await ctx.db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('disabled_at', 'is', null)
    .execute();
  let queued = 0;
  for (const ep of endpoints) {
    for (const event of parseJson<WebhookEvent[]>(ep.events)) {
      const found = await occurrences(ctx, ep.brand_id, event, ep.created_at, now);
      if (found.length === 0) continue;
      const keys = found.map((o) => `${ep.id}:${event}:${o.subject}`);
      const known = new Set(
        (
          await ctx.db
            .selectFrom('webhook_deliveries')
            .select('dedupe_key')
            .where('dedupe_key', 'in', keys)
            .execute()
        ).map((r) => r.dedupe_key),
      );
      const fresh = found.filter((_, i) => !known.has(keys[i]!));
      if (fresh.length === 0) continue;
      // One statement for the batch (a row per occurrence, each with its own id).
      const rows = fresh.map((o) => {
        const id = newId();
        return {
          id,
          endpoint_id: ep.id,
          brand_id: ep.brand_id,
          event,
          payload: json({
            id,
            event,
            brandId: ep.brand_id,
            occurredAt: o.occurredAt,
            data: o.data,
          }),
          dedupe_key: `${ep.id}:${event}:${o.subject}`,
          attempts: 0,
          next_attempt_at: now,
          last_status: null,
          last_error: null,
          delivered_at: null,
          created_at: now,
        };
      });
      await write(ctx, now, async (trx) => {
        const r = await trx
          .insertInto('webhook_deliveries')
          .values(rows)
          .onConflict((oc) => oc.column('dedupe_key').doNothing())
          .executeTakeFirst();
        queued += Number(r.numInsertedOrUpdatedRows ?? 0);
      });
    }
  }
  return queued;
}

export type DueDelivery = Selectable<WebhookDeliveryTable> & { url: string; secret: string };

/** Deliveries whose next attempt is due, oldest first, with their endpoint's URL and secret. */
export async function dueDeliveries(ctx: StoreContext, now: number, limit = 50) {
  return (await ctx.db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
    .selectAll('webhook_deliveries')
    .select(['webhook_endpoints.url', 'webhook_endpoints.secret'])
    .where('webhook_deliveries.delivered_at', 'is', null)
    .where('webhook_deliveries.next_attempt_at', '<=', now)
    .where('webhook_endpoints.disabled_at', 'is', null)
    .orderBy('webhook_deliveries.next_attempt_at')
    .limit(limit)
    .execute()) as DueDelivery[];
}

/** Records one attempt: delivered, or the next attempt after the backoff (none after the last). */
export async function recordAttempt(
  ctx: StoreContext,
  d: DueDelivery,
  result: { ok: boolean; status: number | null; error: string | null },
  now: number,
) {
  const attempts = d.attempts + 1;
  await write(ctx, now, async (trx) => {
    await trx
      .updateTable('webhook_deliveries')
      .set({
        attempts,
        last_status: result.status,
        last_error: result.error,
        delivered_at: result.ok ? now : null,
        next_attempt_at: result.ok || attempts >= MAX_ATTEMPTS ? null : now + backoffMs(attempts),
      })
      .where('id', '=', d.id)
      .where('attempts', '=', d.attempts)
      .execute();
  });
}

export async function listDeliveries(
  ctx: StoreContext,
  brandId: string,
  endpointId: string | undefined,
  limit: number,
) {
  let q = ctx.db.selectFrom('webhook_deliveries').selectAll().where('brand_id', '=', brandId);
  if (endpointId) q = q.where('endpoint_id', '=', endpointId);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
  return {
    deliveries: rows.map((r) => ({
      id: r.id,
      endpointId: r.endpoint_id,
      event: r.event as WebhookEvent,
      attempts: r.attempts,
      lastStatus: r.last_status,
      lastError: r.last_error,
      deliveredAt: r.delivered_at,
      nextAttemptAt: r.next_attempt_at,
      createdAt: r.created_at,
    })),
  };
}
