import { isValidTimeZone, systemTimeZone } from '../../shared/domain/time';
import type { Db } from '../db/open';
import { rebuildRollups, rollupZone, setRollupZone, storedTimeZone } from './rollupRepo';

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
