import type { Settings } from '../../shared/settings';
import { systemLocale, systemTimeZone, zoneOffsetMs } from '../../shared/domain/time';
import { translate } from '../i18n/translate';
import type { Db } from '../db/open';
import type { DesktopShell } from '../services';
import { countMatchingOpen, markAllAnnounced, unannouncedMatching } from './notifyRepo';

const minutes = (clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Whether `now` falls in the quiet hours, in the advocate's zone; the range may span midnight. */
export function inQuietHours(settings: Settings, now: number): boolean {
  const quiet = settings.notifications.quietHours;
  if (!quiet) return false;
  const zone = settings.timeZone ?? systemTimeZone();
  const local = new Date(now + zoneOffsetMs(now, zone));
  const t = local.getUTCHours() * 60 + local.getUTCMinutes();
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  return start <= end ? t >= start && t < end : t >= start || t < end;
}

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
    // Worded in the advocate's language now: the system shows it as it is, it is never re-read.
    const locale = settings.locale ?? systemLocale();
    if (fresh.total > 0) {
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
      });
    }
  }
  markAllAnnounced(db);
  desktop.setBadgeCount(countMatchingOpen(db, minPayout));
}
