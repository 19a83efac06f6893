import { noteOf } from '../../shared/domain/actions';
import type { Action } from '../../shared/protocol';
import type { TextRef } from '../../shared/i18n/catalogs';
import type { Db } from '../db/open';

/** What the advocate wrote into an action, if anything (the text a refusal must not lose). */
export function authoredText(action: Action): string | null {
  return noteOf(action) || null;
}

export interface UnsentItem {
  id: number;
  taskId: string | null;
  subject: string | null;
  type: string;
  body: string;
  /** The server's English (a detail, and all a row kept before reasons had ids holds). */
  reason: string;
  /** `reason` worded in the advocate's language at render time; null on such older rows. */
  reasonText: TextRef | null;
  createdAt: number;
}

export function insertUnsent(db: Db, item: Omit<UnsentItem, 'id'>): void {
  db.prepare(
    `INSERT INTO unsent (task_id, subject, type, body, reason, reason_text, created_at)
     VALUES (@taskId, @subject, @type, @body, @reason, @reasonText, @createdAt)`,
  ).run({ ...item, reasonText: item.reasonText && JSON.stringify(item.reasonText) });
}

export function listUnsent(db: Db): UnsentItem[] {
  const rows = db
    .prepare(
      `SELECT id, task_id AS taskId, subject, type, body, reason, reason_text AS reasonText,
              created_at AS createdAt
         FROM unsent ORDER BY id DESC`,
    )
    .all() as (Omit<UnsentItem, 'reasonText'> & { reasonText: string | null })[];
  return rows.map((row) => ({ ...row, reasonText: parseTextRef(row.reasonText) }));
}

/** A stored TextRef (JSON), or null when absent or unreadable (the row still shows). */
export function parseTextRef(stored: string | null): TextRef | null {
  if (stored === null) return null;
  try {
    return JSON.parse(stored) as TextRef;
  } catch {
    return null;
  }
}

export function deleteUnsent(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM unsent WHERE id = ?').run(id).changes > 0;
}
