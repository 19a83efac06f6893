import {
  firstDayOfWeek,
  isValidTimeZone,
  systemLocale,
  systemTimeZone,
} from '../../shared/domain/time';
import type { Db } from '../db/open';
import {
  rebuildRollups,
  rollupZone,
  setRollupZone,
  storedLocale,
  storedTimeZone,
} from './rollupRepo';

const SYSTEM_ZONE_TTL_MS = 60_000;
let system: { zone: string; until: number } | null = null;

/** The OS zone, re-read at most once a minute (asking Intl is slow; the OS zone rarely moves). */
function cachedSystemZone(): string {
  const now = Date.now();
  if (!system || now >= system.until) {
    system = { zone: systemTimeZone(), until: now + SYSTEM_ZONE_TTL_MS };
  }
  return system.zone;
}

/** The advocate's zone: Settings' `timeZone`, or the operating system's when unset. */
export function preferredZone(db: Db): string {
  const zone = storedTimeZone(db);
  return zone && isValidTimeZone(zone) ? zone : cachedSystemZone();
}

/** The zone writes bucket days in: the rollups' zone, fixed on first use. */
export function writeZone(db: Db): string {
  const zone = rollupZone(db);
  if (zone) return zone;
  const preferred = preferredZone(db);
  setRollupZone(db, preferred);
  return preferred;
}

/** The zone reads use; when the advocate changed zones, the rollups are rebuilt for it first. */
export function readZone(db: Db): string {
  const preferred = preferredZone(db);
  if (rollupZone(db) !== preferred) {
    db.transaction(() => rebuildRollups(db, preferred)).immediate();
  }
  return preferred;
}

const weekStarts = new Map<string, number>();

/**
 * The ISO weekday "this week" starts on: where Settings' locale says (the OS locale when
 * unset), e.g. Sunday for en-US, Monday for de, Saturday for ar-EG.
 */
export function weekStart(db: Db): number {
  const locale = storedLocale(db) ?? systemLocale();
  let day = weekStarts.get(locale);
  if (day === undefined) {
    day = firstDayOfWeek(locale);
    weekStarts.set(locale, day);
  }
  return day;
}
