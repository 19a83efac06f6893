import type { Trx } from './context';

/** Appends one applied action to `task_events` (append-only), for the impact metrics. */
export async function recordTaskEvent(
  trx: Trx,
  task: { id: string; brand_id: string },
  advocateId: string,
  type: string,
  now: number,
) {
  await trx
    .insertInto('task_events')
    .values({ task_id: task.id, brand_id: task.brand_id, advocate_id: advocateId, type, at: now })
    .execute();
}
