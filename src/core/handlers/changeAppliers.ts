import { customerChangeAppliers } from '../customers/changeAppliers';
import { withdrawEstimate } from '../earnings/apply';
import { earningsChangeAppliers } from '../earnings/changeAppliers';
import { pageEstimates } from '../earnings/estimates';
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
  bulkTasks: (db, rows, keep) => writeTaskRows(db, rows, pageEstimates(db), keep),
  refusedPayout: withdrawEstimate,
};
