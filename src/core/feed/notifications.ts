import type { Settings } from '../../shared/settings';
import { inQuietHours } from '../../shared/domain/quietHours';
import type { Db } from '../db/open';
import type { DesktopShell } from '../services';
import { countMatchingOpen, markAllAnnounced, unannouncedMatching } from './notifyRepo';

export { inQuietHours };

/**
 * After a sync: one desktop notification for the new matching tasks (bundled: a count and the
 * best-paid few), unless switched off, in quiet hours, or on the first sync (everything is new
 * then); and the badge count of matching open tasks. Every task is announced at most once.
 */
export function announceNewTasks(
  db: Db,
  desktop: DesktopShell,
  settings: Settings,
  now: number,
  options: { initial: boolean },
): void {
  const minPayout = settings.notifications.minPayoutMinor;
  const silent = options.initial || !settings.notifications.enabled || inQuietHours(settings, now);
  if (!silent) {
    const fresh = unannouncedMatching(db, minPayout, 3);
    if (fresh.total === 1) {
      desktop.notify({ title: 'New task in your feed', body: fresh.subjects[0] ?? '' });
    } else if (fresh.total > 1) {
      const more = fresh.total - fresh.subjects.length;
      desktop.notify({
        title: `${fresh.total} new tasks in your feed`,
        body: fresh.subjects.join('\n') + (more > 0 ? `\n…and ${more} more` : ''),
      });
    }
  }
  markAllAnnounced(db);
  desktop.setBadgeCount(countMatchingOpen(db, minPayout));
}
