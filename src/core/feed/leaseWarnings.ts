import type { Services } from '../services';
import { leasesEndingBefore } from './notifyRepo';

export interface LeaseWarnings {
  /** Warns once per lease about to lapse (or lapsed) on a ticket this advocate holds. */
  check(advocateId: string): void;
  /** Signed out: the next session is warned afresh. */
  reset(): void;
}

/** `now`: the feed server's clock as the app estimates it (the server decides leases). */
export function leaseWarnings(
  s: Services,
  now: () => number,
  warningMs = 5 * 60_000,
): LeaseWarnings {
  const warned = new Set<string>();
  return {
    check(advocateId) {
      const at = now();
      for (const lease of leasesEndingBefore(s.db, advocateId, at + warningMs)) {
        const key = `${lease.id}:${lease.leaseExpiresAt}`;
        if (warned.has(key)) continue;
        warned.add(key);
        const lapsed = lease.leaseExpiresAt <= at;
        s.emit('notice:new', {
          id: `lease:${key}`,
          level: 'warning',
          message: lapsed
            ? `Your claim on “${lease.subject}” lapsed; claim it again from the feed if it is still open.`
            : `Your claim on “${lease.subject}” lapses in ${Math.max(1, Math.round((lease.leaseExpiresAt - at) / 60_000))} min. Open the ticket to keep it.`,
          taskId: lease.id,
          at,
        });
      }
    },
    reset() {
      warned.clear();
    },
  };
}
