import type { EscalationOutcome, QueuedEscalation } from '../../shared/consoleProtocol';
import { ApiFailure } from '../errors';
import { type StoreContext, write } from './context';
import { appendTaskMessage } from './taskMessages';

const outcomeText: Record<EscalationOutcome, string> = {
  resolved: 'resolved',
  unresolved: 'not resolved',
  refunded: 'resolved with a refund',
  duplicate: 'closed as a duplicate',
};

/** The brand's escalation queue with each escalation's state, oldest first. */
export async function listQueue(
  ctx: StoreContext,
  brandId: string,
  state?: QueuedEscalation['state'],
  taskId?: string,
): Promise<QueuedEscalation[]> {
  let query = ctx.db
    .selectFrom('escalations')
    .innerJoin('tasks', 'tasks.id', 'escalations.task_id')
    .select([
      'escalations.task_id',
      'tasks.external_ref',
      'tasks.subject',
      'tasks.customer_name',
      'escalations.target',
      'escalations.handoff_note',
      'escalations.advocate_id',
      'escalations.escalated_at',
    ])
    .where('escalations.brand_id', '=', brandId);
  let eventQuery = ctx.db
    .selectFrom('escalation_events')
    .selectAll()
    .where('brand_id', '=', brandId);
  if (taskId) {
    query = query.where('escalations.task_id', '=', taskId);
    eventQuery = eventQuery.where('task_id', '=', taskId);
  }
  const rows = await query
    .orderBy('escalations.escalated_at')
    .orderBy('escalations.task_id')
    .execute();
  const events = await eventQuery.execute();
  const ev = (taskId: string, kind: string) =>
    events.find((e) => e.task_id === taskId && e.kind === kind);
  const out = rows.map((r): QueuedEscalation => {
    const ack = ev(r.task_id, 'acknowledged');
    const closed = ev(r.task_id, 'closed');
    return {
      taskId: r.task_id,
      externalRef: r.external_ref,
      subject: r.subject,
      customerName: r.customer_name,
      target: r.target as QueuedEscalation['target'],
      handoffNote: r.handoff_note,
      advocateId: r.advocate_id,
      escalatedAt: r.escalated_at,
      state: closed ? 'closed' : ack ? 'acknowledged' : 'new',
      acknowledgedAt: ack?.at ?? closed?.at ?? null,
      closedAt: closed?.at ?? null,
      outcome: (closed?.outcome as EscalationOutcome | undefined) ?? null,
    };
  });
  return state ? out.filter((e) => e.state === state) : out;
}

async function queued(ctx: StoreContext, brandId: string, taskId: string) {
  const [e] = await listQueue(ctx, brandId, undefined, taskId);
  if (!e) throw new ApiFailure('not_found', 'no such escalation in this brand');
  return e;
}

/** Acknowledging twice changes nothing; a closed escalation cannot be acknowledged. */
export async function acknowledgeEscalation(
  ctx: StoreContext,
  brandId: string,
  taskId: string,
  actorLabel: string,
  now: number,
): Promise<QueuedEscalation> {
  const e = await queued(ctx, brandId, taskId);
  if (e.state === 'closed') throw new ApiFailure('conflict', 'this escalation is already closed');
  if (e.state === 'acknowledged') return e;
  await write(ctx, now, async (trx) => {
    await trx
      .insertInto('escalation_events')
      .values({
        task_id: taskId,
        brand_id: brandId,
        kind: 'acknowledged',
        outcome: null,
        note: null,
        actor_label: actorLabel,
        at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
  return queued(ctx, brandId, taskId);
}

/**
 * Closes an escalation with its outcome. The advocate who escalated hears it: a system message
 * on the task (which stays in their view as escalated) reaches them on their next sync.
 */
export async function closeEscalation(
  ctx: StoreContext,
  brandId: string,
  taskId: string,
  outcome: EscalationOutcome,
  note: string | undefined,
  actorLabel: string,
  now: number,
): Promise<QueuedEscalation> {
  const e = await queued(ctx, brandId, taskId);
  if (e.state === 'closed') throw new ApiFailure('conflict', 'this escalation is already closed');
  await write(ctx, now, async (trx, changes) => {
    const inserted = await trx
      .insertInto('escalation_events')
      .values({
        task_id: taskId,
        brand_id: brandId,
        kind: 'closed',
        outcome,
        note: note ?? null,
        actor_label: actorLabel,
        at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('task_id')
      .executeTakeFirst();
    if (!inserted) throw new ApiFailure('conflict', 'this escalation is already closed');
    await appendTaskMessage(
      trx,
      taskId,
      {
        author: 'system',
        authorName: 'Contact centre',
        kind: 'note',
        body: `Escalation closed: ${outcomeText[outcome]}.${note ? ` ${note}` : ''}`,
      },
      now,
    );
    await trx.updateTable('tasks').set({ updated_at: now }).where('id', '=', taskId).execute();
    await changes.add(brandId, 'task', taskId, e.advocateId);
  });
  return queued(ctx, brandId, taskId);
}
