import type { Settings } from '../../shared/settings';
import type { Db } from '../db/open';
import { inQuietHours } from '../../shared/domain/quietHours';
import { systemLocale } from '../../shared/domain/time';
import type { DesktopShell } from '../services';
import { collectCandidates } from './candidates';
import {
  type Candidate,
  heldNotifications,
  isEnabled,
  isKnown,
  markAnnounced,
  markSilenced,
  recordNew,
} from './notificationsRepo';

/**
 * After a sync: each notification is recorded once (notifications table, so a restart or an
 * offline week never announces it again), then shown unless switched off for its brand and type.
 * Quiet hours hold all but those on cases the advocate holds; held ones are shown when the quiet
 * hours end, if still true then (an offer that lapsed meanwhile is dropped). The first sync
 * records everything silently: it is history, not news.
 */
export function announceNotifications(
  db: Db,
  desktop: DesktopShell,
  settings: Settings,
  advocateId: string,
  now: number,
  options: { initial: boolean },
): number {
  const candidates = collectCandidates(db, advocateId, now, settings.locale ?? systemLocale());
  db.transaction(() => {
    const quietly = options.initial || !settings.notifications.enabled;
    // A case's customer messages before the advocate had the case are not replies to them.
    const firstSight = new Set<string>();
    for (const c of candidates) {
      if (c.type !== 'customer_replied' || !c.taskId) continue;
      if (!isKnown(db, `case_seen:${c.taskId}`)) firstSight.add(c.taskId);
    }
    const replied = new Set(
      candidates
        .filter((c) => c.type === 'customer_replied' && !firstSight.has(c.taskId!))
        .map((c) => c.taskId),
    );
    for (const c of candidates) {
      // A follow-up offered to its resolver is announced as "customer replied", once.
      const covered = c.type === 'offer' && replied.has(c.taskId) && !isKnown(db, c.key);
      const silent =
        quietly ||
        covered ||
        (c.type === 'customer_replied' && firstSight.has(c.taskId!)) ||
        !isEnabled(db, c.brandId, c.type);
      recordNew(db, [c], now, silent);
    }
    recordNew(db, [...firstSight].map(seenMarker), now, true);
  })();
  return showHeld(db, desktop, settings, advocateId, now);
}

const seenMarker = (taskId: string): Candidate => ({
  key: `case_seen:${taskId}`,
  type: 'customer_replied',
  brandId: null,
  taskId,
  title: '',
  body: '',
  onHeldCase: false,
});

/** Shows what is recorded and not shown yet, as quiet hours allow. Answers how many were shown. */
export function showHeld(
  db: Db,
  desktop: DesktopShell,
  settings: Settings,
  advocateId: string,
  now: number,
): number {
  const quiet = inQuietHours(settings, now);
  let shown = 0;
  for (const n of heldNotifications(db)) {
    const task = n.taskId
      ? (db
          .prepare(
            `SELECT status, holder_id AS holderId, offered_to AS offeredTo,
                    offer_expires_at AS offerExpiresAt FROM tasks WHERE id = ?`,
          )
          .get(n.taskId) as
          | {
              status: string;
              holderId: string | null;
              offeredTo: string | null;
              offerExpiresAt: number | null;
            }
          | undefined)
      : undefined;
    if (
      n.key.startsWith('offer:') &&
      !(task?.offeredTo === advocateId && (task.offerExpiresAt ?? 0) > now)
    ) {
      markSilenced(db, n.key, now);
      continue;
    }
    const onHeldCase = task?.holderId === advocateId && task.status === 'claimed';
    if (quiet && !onHeldCase) continue;
    desktop.notify({ title: n.title, body: n.body });
    markAnnounced(db, n.key, now);
    shown++;
  }
  return shown;
}
