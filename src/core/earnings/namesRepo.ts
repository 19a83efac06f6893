import type { Db } from '../db/open';
import { prepared } from './statements';

/** Brand id → display name, for brands synced so far. */
export function brandNames(db: Db): Map<string, string> {
  const rows = prepared<[], { id: string; name: string }>(db, 'SELECT id, name FROM brands').all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface TaskFacts {
  subject: string;
  complexity: number;
}

export function taskFacts(db: Db, taskId: string): TaskFacts | undefined {
  return prepared<[string], TaskFacts>(
    db,
    'SELECT subject, complexity FROM tasks WHERE id = ?',
  ).get(taskId);
}
