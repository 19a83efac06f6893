import type { Settings } from '../../shared/settings';
import { systemLocale } from '../../shared/domain/time';
import { translate } from '../i18n/translate';
import { inQuietHours } from '../../shared/domain/quietHours';
import type { Db } from '../db/open';
import type { DesktopShell } from '../services';
import type { AnnounceRunner } from './announceRunner';
import { markAnnounced } from './notifyRepo';

export { inQuietHours };

/**
 * After a sync: one desktop notification for the new matching tasks (bundled: a count and the
 * best-paid few), unless switched off, in quiet hours, or on the first sync (everything is new
 * then); and the badge count of matching open tasks. Every task is announced at most once.
 * Clicking the notification opens its (best-paid) task. The feed is read by `runner` (off this
 * thread in the app); settles once shown, or once a newer announcement replaced this one.
 */
export function announceNewTasks(
  db: Db,
  desktop: DesktopShell,
  settings: Settings,
  now: number,
  options: { initial: boolean },
  runner: AnnounceRunner,
): Promise<void> {
  const minPayout = settings.notifications.minPayoutMinor;
  const silent = options.initial || !settings.notifications.enabled || inQuietHours(settings, now);
  // Worded in the advocate's language now: the system shows it as it is, it is never re-read.
  const locale = settings.locale ?? systemLocale();
  return runner.run({ minPayout, freshLimit: silent ? 0 : 3 }, (found) => {
    const fresh = found.fresh;
    if (fresh && fresh.total > 0) {
      const more = fresh.total - fresh.subjects.length;
      const title = translate(locale, {
        id: 'notification.newTasks.title',
        values: { count: fresh.total },
      });
      const tail =
        more > 0
          ? [translate(locale, { id: 'notification.newTasks.more', values: { count: more } })]
          : [];
      desktop.notify({
        title,
        body:
          fresh.total === 1 ? (fresh.subjects[0] ?? '') : [...fresh.subjects, ...tail].join('\n'),
        taskId: fresh.taskIds[0] ?? null,
      });
    }
    markAnnounced(db, found.unannounced);
    desktop.setBadgeCount(found.badge);
  });
}
