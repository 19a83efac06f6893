import type { Action } from '../../shared/protocol';
import type { Db } from '../db/open';

/** What the advocate wrote into an action, if anything (the text a refusal must not lose). */
export function authoredText(action: Action): string | null {
  switch (action.type) {
    case 'reply':
    case 'note':
      return action.body;
    case 'escalate':
      return action.handoffNote;
    case 'transfer':
      return action.note ?? null;
    case 'resolve':
      return action.summary ?? null;
    case 'abandon':
      return action.reason ?? null;
    case 'claim':
    case 'renew':
      return null;
  }
}

export interface UnsentItem {
  id: number;
  taskId: string | null;
  subject: string | null;
  type: string;
  body: string;
  reason: string;
  createdAt: number;
}

export function insertUnsent(db: Db, item: Omit<UnsentItem, 'id'>): void {
  db.prepare(
    `INSERT INTO unsent (task_id, subject, type, body, reason, created_at)
     VALUES (@taskId, @subject, @type, @body, @reason, @createdAt)`,
  ).run(item);
}

export function listUnsent(db: Db): UnsentItem[] {
  return db
    .prepare(
      `SELECT id, task_id AS taskId, subject, type, body, reason, created_at AS createdAt
         FROM unsent ORDER BY id DESC`,
    )
    .all() as UnsentItem[];
}

export function deleteUnsent(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM unsent WHERE id = ?').run(id).changes > 0;
}
