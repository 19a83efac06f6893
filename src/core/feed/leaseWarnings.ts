import { worded } from '../i18n/translate';
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
          ...worded(
            lapsed
              ? { id: 'notice.leaseLapsed', values: { subject: lease.subject } }
              : {
                  id: 'notice.leaseEnding',
                  values: {
                    subject: lease.subject,
                    minutes: Math.max(1, Math.round((lease.leaseExpiresAt - at) / 60_000)),
                  },
                },
          ),
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
