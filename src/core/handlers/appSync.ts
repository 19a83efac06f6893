import { systemLocale } from '../../shared/domain/time';
import { sendCourseAttempts } from '../courses/sendAttempts';
import { leaseWarnings } from '../feed/leaseWarnings';
import { AnnounceRunner } from '../feed/announceRunner';
import { announceNewTasks } from '../feed/notifications';
import { announceNotifications, showHeld } from '../notifications/announce';
import { notifyLapsingLeases } from '../notifications/leaseLapsing';
import type { Services } from '../services';
import { loadSettings } from '../settings';
import {
  createSyncController,
  type SyncController,
  type SyncFeatures,
  type SyncTuning,
} from '../sync/controller';
import { sendKbVotes } from './kbFeedbackSend';
import { appAppliers } from './changeAppliers';

/**
 * The sync engine with the features that react to it, composed here (with the handlers) so that
 * `core/sync` imports no feature folder.
 */
export function createAppSync(s: Services, tuning: SyncTuning = {}): SyncController {
  // The controller owns the server clock; lease warnings read it once it exists.
  let sync: SyncController | null = null;
  const serverNow = () => sync?.serverNow() ?? s.now();
  const warningMs = tuning.leaseWarningMs ?? 5 * 60_000;
  const leases = leaseWarnings(s, serverNow, warningMs);
  const localeNow = () => loadSettings(s.db).locale ?? systemLocale();
  const announcer = new AnnounceRunner(s.db, s.announceWorker);
  const features: SyncFeatures = {
    appliers: appAppliers,
    afterSync(result, advocateId) {
      // Matching tasks are counted over the whole feed: only worth it when something changed.
      if (result.changed) {
        const settings = loadSettings(s.db);
        const options = { initial: result.initial };
        announceNewTasks(s.db, s.desktop, settings, s.now(), options, announcer).catch(
          (error: unknown) =>
            s.diagnostics.record({
              at: s.now(),
              level: 'error',
              message: `Announcing new tasks failed: ${error instanceof Error ? error.message : String(error)}`,
            }),
        );
      }
      // Offers, follow-ups, ratings, payouts: each announced once, quiet hours respected.
      announceNotifications(s.db, s.desktop, loadSettings(s.db), advocateId, serverNow(), {
        initial: result.initial,
      });
      leases.check(advocateId);
      notifyLapsingLeases(s.db, s.desktop, advocateId, serverNow(), warningMs, localeNow());
    },
    periodic: (advocateId) => {
      leases.check(advocateId);
      notifyLapsingLeases(s.db, s.desktop, advocateId, serverNow(), warningMs, localeNow());
      // What quiet hours held back is shown once they end.
      showHeld(s.db, s.desktop, loadSettings(s.db), advocateId, serverNow());
    },
    // Each queue is tried even when the other fails; the first failure is the sync's.
    sendQueued: async (client, signal) => {
      const [attempts, votes] = await Promise.allSettled([
        sendCourseAttempts(s.db, client, s.now, signal),
        sendKbVotes(s.db, client, signal, s.now),
      ]);
      if (attempts.status === 'rejected') throw attempts.reason;
      if (votes.status === 'rejected') throw votes.reason;
      return attempts.value;
    },
    reset: async () => {
      leases.reset();
      await announcer.close();
    },
  };
  sync = createSyncController(s, features, tuning);
  return sync;
}
