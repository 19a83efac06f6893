import type { NotificationPrefs, NotificationType } from '../../shared/contract/customers';
import type { Db } from '../db/open';

/** A notification due: `key` names the event once (type, entity, version). */
export interface Candidate {
  key: string;
  type: NotificationType;
  brandId: string | null;
  taskId: string | null;
  title: string;
  body: string;
  /** On a case the advocate holds: quiet hours do not hold it back. */
  onHeldCase: boolean;
}

export interface Held {
  key: string;
  taskId: string | null;
  title: string;
  body: string;
}

/** Records candidates not seen before; answers those newly recorded (the rest are old news). */
export function recordNew(
  db: Db,
  candidates: Candidate[],
  now: number,
  silenced: boolean,
): Candidate[] {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO notifications (key, type, brand_id, task_id, title, body, created_at,
       announced_at, silenced)
     VALUES (@key, @type, @brandId, @taskId, @title, @body, @now, @announcedAt, @silenced)`,
  );
  const fresh: Candidate[] = [];
  for (const c of candidates) {
    const r = insert.run({
      ...c,
      now,
      announcedAt: silenced ? now : null,
      silenced: silenced ? 1 : 0,
    });
    if (r.changes === 1 && !silenced) fresh.push(c);
  }
  return fresh;
}

/** Recorded, not shown yet (held by quiet hours), oldest first. */
export function heldNotifications(db: Db): Held[] {
  return db
    .prepare(
      `SELECT key, task_id AS taskId, title, body FROM notifications
        WHERE announced_at IS NULL ORDER BY created_at, rowid`,
    )
    .all() as Held[];
}

export function markAnnounced(db: Db, key: string, now: number): void {
  db.prepare('UPDATE notifications SET announced_at = ? WHERE key = ?').run(now, key);
}

export function markSilenced(db: Db, key: string, now: number): void {
  db.prepare('UPDATE notifications SET announced_at = ?, silenced = 1 WHERE key = ?').run(now, key);
}

export function isKnown(db: Db, key: string): boolean {
  return db.prepare('SELECT 1 FROM notifications WHERE key = ?').get(key) !== undefined;
}

/** Switched-off (brand, type) pairs; every type is on until switched off. */
export function readPrefs(db: Db): NotificationPrefs {
  return (
    db
      .prepare('SELECT brand_id AS brandId, type, enabled FROM notification_prefs ORDER BY 1, 2')
      .all() as { brandId: string; type: NotificationType; enabled: number }[]
  ).map((p) => ({ ...p, enabled: p.enabled === 1 }));
}

export function writePref(db: Db, brandId: string, type: NotificationType, enabled: boolean): void {
  db.prepare(
    `INSERT INTO notification_prefs (brand_id, type, enabled) VALUES (?, ?, ?)
     ON CONFLICT (brand_id, type) DO UPDATE SET enabled = excluded.enabled`,
  ).run(brandId, type, enabled ? 1 : 0);
}

export function isEnabled(db: Db, brandId: string | null, type: NotificationType): boolean {
  if (brandId === null) return true;
  const row = db
    .prepare('SELECT enabled FROM notification_prefs WHERE brand_id = ? AND type = ?')
    .pluck()
    .get(brandId, type) as number | undefined;
  return row !== 0;
}
