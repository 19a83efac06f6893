import type { Settings } from '../settings';
import { systemTimeZone, zoneOffsetMs } from './time';

/** "HH:MM" in the advocate's own zone. */
export interface QuietHours {
  start: string;
  end: string;
}

const minutes = (clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * Whether `now` falls in the quiet hours in `zone`; the range may span midnight. The app decides
 * its notifications with it and the feed server whether a follow-up is offered to someone asleep.
 */
export function isQuietAt(quiet: QuietHours | null, zone: string, now: number): boolean {
  if (!quiet) return false;
  const local = new Date(now + zoneOffsetMs(now, zone));
  const t = local.getUTCHours() * 60 + local.getUTCMinutes();
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  return start <= end ? t >= start && t < end : t >= start || t < end;
}

/** Whether `now` falls in the advocate's quiet hours, in their zone (the system's if unset). */
export function inQuietHours(settings: Settings, now: number): boolean {
  return isQuietAt(settings.notifications.quietHours, settings.timeZone ?? systemTimeZone(), now);
}

/** The quiet hours as `GET /v1/events` takes them (protocol `EventsQuery`); {} when none. */
export function quietHoursQuery(settings: Settings): Record<string, string> {
  const quiet = settings.notifications.quietHours;
  if (!quiet || !settings.notifications.enabled) return {};
  return {
    quietStart: quiet.start,
    quietEnd: quiet.end,
    tz: settings.timeZone ?? systemTimeZone(),
  };
}
