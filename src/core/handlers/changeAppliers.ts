import { customerChangeAppliers } from '../customers/changeAppliers';
import { withdrawEstimate } from '../earnings/apply';
import { earningsChangeAppliers } from '../earnings/changeAppliers';
import { pageEstimates } from '../earnings/estimates';
import { markAllAnnounced } from '../feed/notifyRepo';
import { kbChangeAppliers } from '../kb/changeAppliers';
import type { PageAppliers, SyncAppliers } from '../sync/appliers';
import { writeTaskRows } from '../tickets/bulkTasks';
import { ticketChangeAppliers } from '../tickets/changeAppliers';

/**
 * Each feature's appliers for its own change kinds, handed to sync. The result is typed as the
 * full `PageAppliers`, so a change kind no feature applies is a compile error here.
 */
export const appAppliers: SyncAppliers = {
  page(db, now): PageAppliers {
    // Shared by tickets (a task's estimate) and earnings (new rules replace it) for this page.
    const estimates = pageEstimates(db);
    return {
      ...ticketChangeAppliers(db, now, estimates),
      ...earningsChangeAppliers(db, now, estimates),
      ...kbChangeAppliers(db),
      ...customerChangeAppliers(db),
    };
  },
  // The first sync announces no task (feed/notifications.ts): the bulk load writes its new tasks
  // announced and marks the rest (the first page's) in its transaction, on the worker, so the
  // main thread's marking after the first sync finds nothing to write (it was ~90 ms of CPU
  // there for 100,000 tasks), and a crash before that marking cannot announce the whole feed.
  bulkTasks: (db, rows, keep) =>
    writeTaskRows(db, rows, pageEstimates(db), keep, { announced: true }),
  initialLoaded: markAllAnnounced,
  refusedPayout: withdrawEstimate,
};
