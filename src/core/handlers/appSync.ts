import { leaseWarnings } from '../feed/leaseWarnings';
import { announceNewTasks } from '../feed/notifications';
import type { Services } from '../services';
import { loadSettings } from '../settings';
import {
  createSyncController,
  type SyncController,
  type SyncFeatures,
  type SyncTuning,
} from '../sync/controller';
import { appAppliers } from './changeAppliers';

/**
 * The sync engine with the features that react to it, composed here (with the handlers) so that
 * `core/sync` imports no feature folder.
 */
export function createAppSync(s: Services, tuning: SyncTuning = {}): SyncController {
  // The controller owns the server clock; lease warnings read it once it exists.
  let sync: SyncController | null = null;
  const leases = leaseWarnings(s, () => sync?.serverNow() ?? s.now(), tuning.leaseWarningMs);
  const features: SyncFeatures = {
    appliers: appAppliers,
    afterSync(result, advocateId) {
      // Matching tasks are counted over the whole feed: only worth it when something changed.
      if (result.changed) {
        announceNewTasks(s.db, s.desktop, loadSettings(s.db), s.now(), {
          initial: result.initial,
        });
      }
      leases.check(advocateId);
    },
    periodic: (advocateId) => leases.check(advocateId),
    reset: () => leases.reset(),
  };
  sync = createSyncController(s, features, tuning);
  return sync;
}
