import type { MyTask } from '../../shared/contract/feed';
import type { Db } from '../db/open';
import { enqueueAction } from '../sync/outbox';
import { brandLeaseMinutes, readMyTask, readTaskStatus, setOptimisticClaim } from './feedRepo';
import { refusal } from '../i18n/refusal';

/** Used until the brand's own lease length is known. */
const DEFAULT_LEASE_MINUTES = 30;

/**
 * Claims a task optimistically: it becomes ours locally as a *pending claim* (still listed in the
 * feed, marked as such, and under My tickets) and a `claim` action is queued in the same
 * transaction. The server's answer confirms it or undoes it with a notice.
 */
export function claimTask(db: Db, taskId: string, advocateId: string, now: number): MyTask {
  const task = readTaskStatus(db, taskId);
  if (!task) throw refusal('not_found', 'error.task.gone');
  if (task.holderId === advocateId && (task.status === 'claimed' || task.status === 'open')) {
    return readMyTask(db, taskId)!;
  }
  if (task.status !== 'open' || task.localState !== null) {
    throw refusal('conflict', 'error.task.closed');
  }
  const lease = (brandLeaseMinutes(db, task.brandId) ?? DEFAULT_LEASE_MINUTES) * 60_000;
  enqueueAction(
    db,
    { type: 'claim', taskId },
    (tx) => {
      if (!setOptimisticClaim(tx, taskId, advocateId, now + lease)) {
        throw refusal('conflict', 'error.task.closed');
      }
    },
    now,
  );
  return readMyTask(db, taskId)!;
}

/** Keeps the lease of a ticket the advocate is working on (the tickets view calls this). */
export function renewLease(db: Db, taskId: string, now: number): void {
  enqueueAction(db, { type: 'renew', taskId }, () => undefined, now);
}
