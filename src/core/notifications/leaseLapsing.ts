import type { Db } from '../db/open';
import { leasesEndingBefore } from '../feed/notifyRepo';
import { translate } from '../i18n/translate';
import type { DesktopShell } from '../services';
import { isEnabled, markAnnounced, recordNew } from './notificationsRepo';

/**
 * A lease on a held case is about to lapse while the window is not focused: an OS notification,
 * once per lease (recorded, so a restart does not repeat it), unless switched off for the brand.
 * Quiet hours never hold it back: the case is the advocate's. (In the focused window the feed's
 * lease warnings show a notice instead.)
 */
export function notifyLapsingLeases(
  db: Db,
  desktop: DesktopShell,
  advocateId: string,
  now: number,
  warningMs: number,
  locale: string,
): void {
  if (!desktop.isFocused || desktop.isFocused()) return;
  for (const lease of leasesEndingBefore(db, advocateId, now + warningMs)) {
    if (lease.leaseExpiresAt <= now || !isEnabled(db, lease.brandId, 'lease_lapsing')) continue;
    const minutes = Math.max(1, Math.round((lease.leaseExpiresAt - now) / 60_000));
    const fresh = recordNew(
      db,
      [
        {
          key: `lease_lapsing:${lease.id}:${lease.leaseExpiresAt}`,
          type: 'lease_lapsing',
          brandId: lease.brandId,
          taskId: lease.id,
          title: translate(locale, { id: 'notification.lease.title', values: { minutes } }),
          body: lease.subject,
          onHeldCase: true,
        },
      ],
      now,
      false,
    );
    for (const n of fresh) {
      desktop.notify({ title: n.title, body: n.body });
      markAnnounced(db, n.key, now);
    }
  }
}
