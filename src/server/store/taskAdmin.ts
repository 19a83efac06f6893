import type { AdminTask, AdminTaskStatus, TaskListQuery } from '../../shared/consoleProtocol';
import { ApiFailure } from '../errors';
import { parseJson, type StoreContext, write } from './context';
import { containsText } from './like';
import type { TaskRow } from './views';

const adminTask = (t: TaskRow): AdminTask => ({
  id: t.id,
  externalRef: t.external_ref,
  subject: t.subject,
  channel: t.channel,
  skills: parseJson<string[]>(t.skills),
  complexity: t.complexity,
  minTier: t.min_tier,
  status: t.status as AdminTaskStatus,
  holderId: t.holder_id,
  slaDueAt: t.sla_due_at,
  createdAt: t.created_at,
  updatedAt: t.updated_at,
});

/** The brand's tasks, newest first, filtered; `total` counts every match. */
export async function listTasks(
  ctx: StoreContext,
  brandId: string,
  q: Omit<TaskListQuery, 'limit' | 'offset'> & { limit: number; offset: number },
): Promise<{ tasks: AdminTask[]; total: number }> {
  let base = ctx.db.selectFrom('tasks').where('brand_id', '=', brandId);
  if (q.status) base = base.where('status', '=', q.status);
  if (q.channel) base = base.where('channel', '=', q.channel);
  if (q.holderId) base = base.where('holder_id', '=', q.holderId);
  // Skills are a JSON array of names matching Skill's pattern, so the quoted name is exact.
  if (q.skill) base = base.where('skills', 'like', `%"${q.skill}"%`);
  if (q.q) {
    const text = q.q;
    base = base.where((eb) =>
      eb.or([containsText('subject', text), containsText('external_ref', text)]),
    );
  }
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return { tasks: rows.map(adminTask), total: Number(count?.n ?? 0) };
}

async function taskOf(ctx: StoreContext, brandId: string, taskId: string) {
  const t = await ctx.db
    .selectFrom('tasks')
    .selectAll()
    .where('brand_id', '=', brandId)
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!t) throw new ApiFailure('not_found', 'no such task in this brand');
  return t;
}

/**
 * Takes a task out of the brand's own hands: `withdrawn` (only while nobody holds it) or
 * `closed` (also from under its holder). Either way it leaves every advocate's view (sync sends
 * a revoke); what its holder already wrote stays on the server. Resolved and escalated cases are
 * finished (an escalation closes through the escalation queue).
 */
export async function endTask(
  ctx: StoreContext,
  brandId: string,
  taskId: string,
  to: 'withdrawn' | 'closed',
  now: number,
): Promise<AdminTask> {
  const t = await taskOf(ctx, brandId, taskId);
  const allowed = to === 'withdrawn' ? ['open'] : ['open', 'claimed'];
  if (!allowed.includes(t.status))
    throw new ApiFailure(
      'conflict',
      t.status === 'escalated'
        ? 'this task is escalated; close it through the escalation queue'
        : `this task is ${t.status}; only ${allowed.join(' or ')} tasks can be ${to}`,
    );
  return write(ctx, now, async (trx, changes) => {
    const done = await trx
      .updateTable('tasks')
      .set({
        status: to,
        holder_id: null,
        lease_expires_at: null,
        offered_to: null,
        offer_expires_at: null,
        updated_at: now,
      })
      .where('id', '=', t.id)
      .where('status', '=', t.status)
      .where('updated_at', '=', t.updated_at)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1)
      throw new ApiFailure('conflict', 'the task changed meanwhile; look again and retry');
    await changes.add(brandId, 'task', t.id);
    if (t.holder_id) await changes.add(brandId, 'task', t.id, t.holder_id);
    return adminTask({ ...t, status: to, holder_id: null, updated_at: now });
  });
}
