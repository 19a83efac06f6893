import type { DraftKind } from '../../shared/contract/tickets';
import type { OrphanDraft } from '../../shared/contract/notSent';
import type { Db } from '../db/open';

export function readDrafts(db: Db, taskId: string): Record<DraftKind, string> {
  const rows = db.prepare('SELECT kind, body FROM drafts WHERE task_id = ?').all(taskId) as {
    kind: DraftKind;
    body: string;
  }[];
  const drafts: Record<DraftKind, string> = { reply: '', note: '' };
  for (const r of rows) drafts[r.kind] = r.body;
  return drafts;
}

/** An empty (or blank) draft is removed rather than stored. */
export function saveDraft(
  db: Db,
  taskId: string,
  kind: DraftKind,
  body: string,
  now: number,
): void {
  if (body.trim() === '') {
    clearDraft(db, taskId, kind);
    return;
  }
  db.prepare(
    `INSERT INTO drafts (task_id, kind, body, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (task_id, kind) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
  ).run(taskId, kind, body, now);
}

export function clearDraft(db: Db, taskId: string, kind: DraftKind): void {
  db.prepare('DELETE FROM drafts WHERE task_id = ? AND kind = ?').run(taskId, kind);
}

/** Drafts whose task left this device; they stay until the advocate discards them. */
export function listOrphanDrafts(db: Db): OrphanDraft[] {
  return db
    .prepare(
      `SELECT task_id AS taskId, kind, body, subject, updated_at AS updatedAt FROM drafts d
        WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.id = d.task_id)
        ORDER BY updated_at DESC`,
    )
    .all() as OrphanDraft[];
}
